#include "pipeline.h"

#include "fleet.h"
#include "jsonwriter.h"
#include "provisionvalidator.h"
#include "simclock.h"
#include "simdatabase.h"

#include <QJsonDocument>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace prego::sim {

namespace {
QString resourceKey(const QString &stack, const QString &key)
{
    return stack + QChar(0x1f) + key;
}

bool isFinished(const Stage &s)
{
    return s.status == u"succeeded" || s.status == u"skipped";
}

bool globMatches(const QString &glob, const QString &text)
{
    if (glob.isEmpty() || glob == u"*")
        return true;
    const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(glob));
    return re.match(text).hasMatch();
}

void writeRequest(JsonWriter &w, const ProvisionRequest &r)
{
    w.beginObject();
    w.key("job_id").value(QStringView(r.jobId));
    w.key("tenant_id").value(QStringView(r.tenantId));
    w.key("region").value(QStringView(r.region));
    w.key("create_new_server").value(r.createNewServer);
    w.key("target_server_id").value(r.targetServerId);
    w.key("dedicated").value(r.dedicated);
    w.key("trace_id").value(r.traceId);
    w.endObject();
}

void writeTime(JsonWriter &w, qint64 ms)
{
    if (ms > 0)
        w.value(QStringView(SimClock::rfc3339(ms)));
    else
        w.null();
}

void writeTextOrNull(JsonWriter &w, const QString &s)
{
    if (s.isEmpty())
        w.null();
    else
        w.value(QStringView(s));
}
} // namespace

Pipeline::Pipeline(SimDatabase &db, Fleet &fleet, const SimClock &clock, PipelineOptions options,
                   QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_fleet(fleet)
    , m_clock(clock)
    , m_options(std::move(options))
{}

Pipeline::~Pipeline() = default;

QStringList Pipeline::stageNames(const QString &path)
{
    if (path == u"shared-existing")
        return {u"validate"_s, u"resolve_host"_s, u"dns"_s, u"ansible"_s, u"callbacks"_s};
    return {u"validate"_s, u"pulumi_up"_s, u"register_node"_s,
            u"dns"_s,      u"ansible"_s,   u"callbacks"_s};
}

void Pipeline::loadFromDatabase()
{
    for (const StackResource &r : m_db.loadStackResources()) {
        m_resources.insert(resourceKey(r.stack, r.key), r);
        m_usedIpv4.insert(r.server.ipv4);
    }
    for (const NodeRecord &n : m_fleet.nodes())
        m_usedIpv4.insert(n.ipv4);

    const QList<Job> jobs = m_db.loadJobs();
    for (const Job &j : jobs) {
        m_jobs.insert(j.request.jobId, j);
        m_jobsBySeq.insert(j.seq, j.request.jobId);
        m_nextSeq = std::max(m_nextSeq, j.seq + 1);
    }
    // Jobs that were running when the process stopped resume at their current stage. Stages are
    // idempotent (pulumi_up reuses the stack's recorded servers), so repeating one creates nothing.
    for (auto it = m_jobs.begin(); it != m_jobs.end(); ++it) {
        Job &job = *it;
        if (!job.isActive())
            continue;
        QString resumeAt;
        for (Stage &s : job.stages) {
            if (isFinished(s))
                continue;
            if (s.status == u"running") {
                s.status = u"pending"_s;
                s.startedAtMs = 0;
            }
            resumeAt = s.name;
            break;
        }
        audit(job, u"prego-cp-sim"_s, u"job.resumed"_s,
              u"control plane restarted while the job was %1; resuming at stage %2"_s.arg(
                  job.status.toLower(), resumeAt.isEmpty() ? u"completion"_s : resumeAt));
        save(job);
        schedule(job.request.jobId, 0);
    }
}

const Job *Pipeline::job(const QString &jobId) const
{
    const auto it = m_jobs.constFind(jobId);
    return it == m_jobs.cend() ? nullptr : &*it;
}

QList<const Job *> Pipeline::list(const QString &status, const QString &tenantId, int limit,
                                  qint64 beforeSeq, bool *hasMore) const
{
    QList<const Job *> out;
    *hasMore = false;
    auto it = beforeSeq > 0 ? m_jobsBySeq.lowerBound(beforeSeq) : m_jobsBySeq.cend();
    while (it != m_jobsBySeq.cbegin()) {
        --it;
        const auto found = m_jobs.constFind(*it);
        if (found == m_jobs.cend())
            continue;
        const Job &j = *found;
        if ((!status.isEmpty() && j.status != status) ||
            (!tenantId.isEmpty() && j.request.tenantId != tenantId))
            continue;
        if (out.size() == limit) {
            *hasMore = true;
            break;
        }
        out.append(&j);
    }
    return out;
}

void Pipeline::addFailStage(const PipelineOptions::StageFault &fault)
{
    m_options.failStages.append(fault);
}

QString Pipeline::stackOwner(const QString &stack) const
{
    for (const NodeRecord &n : m_fleet.nodes()) {
        if (n.stack == stack && n.tenantId)
            return *n.tenantId;
    }
    for (const StackResource &r : m_resources) {
        if (r.stack == stack && r.tenantId)
            return *r.tenantId;
    }
    for (const Job &j : m_jobs) {
        if (j.stack == stack)
            return j.request.tenantId;
    }
    return {};
}

Pipeline::Outcome Pipeline::submit(const QJsonObject &body, const QByteArray &idempotencyKey,
                                   const QString &actor)
{
    Outcome out;
    const ProvisionValidator::Result parsed = ProvisionValidator::parse(body);
    const QString jobId = body.value(u"job_id").toString();

    // The contract shows the key quoted ("<job_id>"); both forms name the same job.
    QByteArray key = idempotencyKey.trimmed();
    if (key.size() >= 2 && key.startsWith('"') && key.endsWith('"'))
        key = key.mid(1, key.size() - 2);
    if (!key.isEmpty() && QString::fromUtf8(key) != jobId) {
        out.httpStatus = 422;
        out.errorCode = u"validation_failed"_s;
        out.message = u"Idempotency-Key must equal job_id"_s;
        out.fields.insert(u"Idempotency-Key"_s, u"must equal job_id"_s);
        return out;
    }

    // Idempotency first: a replay of an accepted request must answer the same even if the fleet
    // changed since (its target may be draining now).
    if (auto it = m_jobs.find(jobId); !jobId.isEmpty() && it != m_jobs.end()) {
        if (parsed.fields.isEmpty() && parsed.request == it->request) {
            audit(*it, actor, u"job.replayed"_s, u"same job_id and body; nothing created"_s);
            save(*it);
            out.httpStatus = 200;
            out.job = &*it;
            return out;
        }
        out.httpStatus = 422;
        out.errorCode = u"idempotency_key_reused"_s;
        out.message = u"job_id %1 was already used with a different request body"_s.arg(jobId);
        return out;
    }

    out.fields = parsed.fields;
    const ProvisionRequest &req = parsed.request;
    if (out.fields.isEmpty() && req.path() == u"shared-existing") {
        const NodeRecord *target = m_fleet.node(*req.targetServerId);
        if (!target) {
            out.fields.insert(u"target_server_id"_s, u"no node with this id"_s);
        } else if (target->status != u"active" || target->placement != u"shared" ||
                   !target->acceptsTenants) {
            out.fields.insert(u"target_server_id"_s,
                              u"node must be active, shared and accept tenants"_s);
        } else if (target->region != req.region) {
            out.fields.insert(
                u"region"_s, u"does not match the target node's region (%1)"_s.arg(target->region));
        }
    }
    if (!out.fields.isEmpty()) {
        out.httpStatus = 422;
        out.errorCode = u"validation_failed"_s;
        out.message = u"the request is not valid"_s;
        return out;
    }

    std::optional<QString> stack;
    if (req.dedicated)
        stack = u"dedicated-"_s + ProvisionValidator::sanitizeTenantId(req.tenantId);
    else if (req.createNewServer)
        stack = req.region;
    if (req.dedicated) {
        const QString owner = stackOwner(*stack);
        if (!owner.isEmpty() && owner != req.tenantId) {
            out.httpStatus = 409;
            out.errorCode = u"stack_conflict"_s;
            out.message = u"stack %1 already belongs to tenant %2"_s.arg(*stack, owner);
            return out;
        }
    }

    Job job;
    job.seq = m_nextSeq++;
    job.request = req;
    job.stack = stack;
    job.createdAtMs = m_clock.nowMs();
    for (const QString &name : stageNames(req.path()))
        job.stages.append(Stage{name, u"pending"_s, 0, 0, {}, {}});
    audit(job, actor, u"job.created"_s,
          req.path() == u"shared-existing"
              ? u"path shared-existing on %1"_s.arg(*req.targetServerId)
              : u"path %1 on stack %2"_s.arg(req.path(), *stack));
    const QString id = req.jobId;
    m_jobs.insert(id, job);
    m_jobsBySeq.insert(job.seq, id);
    save(m_jobs[id]);
    schedule(id, qint64(500 * m_options.timeScale));
    out.httpStatus = 202;
    out.job = &m_jobs[id];
    return out;
}

Pipeline::Outcome Pipeline::retry(const QString &jobId, const QString &actor)
{
    Outcome out;
    auto it = m_jobs.find(jobId);
    if (it == m_jobs.end()) {
        out.httpStatus = 404;
        out.errorCode = u"not_found"_s;
        out.message = u"no job with id %1"_s.arg(jobId);
        return out;
    }
    Job &job = *it;
    if (job.status != u"Failed") {
        out.httpStatus = 409;
        out.errorCode = u"not_retryable"_s;
        out.message = u"only a Failed job can be retried; this one is %1"_s.arg(job.status);
        return out;
    }
    QString resumeAt;
    for (Stage &s : job.stages) {
        if (s.status == u"failed") {
            s.status = u"pending"_s;
            s.startedAtMs = 0;
            s.finishedAtMs = 0;
            s.detail.clear();
            resumeAt = s.name;
            break;
        }
    }
    job.error.reset();
    job.status = u"Queued"_s;
    job.finishedAtMs = 0;
    audit(job, actor, u"job.retried"_s, u"resuming at stage %1"_s.arg(resumeAt));
    save(job);
    schedule(jobId, qint64(500 * m_options.timeScale));
    out.httpStatus = 202;
    out.job = &job;
    return out;
}

void Pipeline::schedule(const QString &jobId, qint64 delayMs)
{
    const quint64 generation = ++m_generation[jobId];
    QTimer::singleShot(std::chrono::milliseconds(std::max<qint64>(0, delayMs)), this,
                       [this, jobId, generation] { advance(jobId, generation); });
}

void Pipeline::advance(const QString &jobId, quint64 generation)
{
    if (m_generation.value(jobId) != generation)
        return;
    auto it = m_jobs.find(jobId);
    if (it == m_jobs.end() || !it->isActive())
        return;
    Job &job = *it;
    for (int i = 0; i < job.stages.size(); ++i) {
        Stage &s = job.stages[i];
        if (isFinished(s))
            continue;
        if (s.status == u"running")
            finishStage(job, i);
        else
            startStage(job, i);
        return;
    }
}

qint64 Pipeline::stageDurationMs(const Job &job, const QString &stage) const
{
    static const QHash<QString, qint64> durations{
        {u"validate"_s, 1000},      {u"resolve_host"_s, 2000}, {u"pulumi_up"_s, 45000},
        {u"register_node"_s, 3000}, {u"dns"_s, 8000},          {u"ansible"_s, 30000},
        {u"callbacks"_s, 2000},
    };
    qint64 ms = durations.value(stage, 1000);
    if (stage == u"pulumi_up" && job.request.dedicated)
        ms *= 2;
    return qint64(double(ms) * m_options.timeScale);
}

void Pipeline::startStage(Job &job, int index)
{
    Stage &s = job.stages[index];
    const qint64 now = m_clock.nowMs();
    if (s.name == u"dns") {
        for (const QString &glob : std::as_const(m_options.dnsExternalGlobs)) {
            if (globMatches(glob, job.request.tenantId)) {
                s.status = u"skipped"_s;
                s.startedAtMs = now;
                s.finishedAtMs = now;
                s.skipReason = u"dns_managed_externally"_s;
                s.detail = u"DNS for this tenant is managed outside the pipeline"_s;
                job.status = u"Running"_s;
                audit(job, u"pipeline"_s, u"stage.finished"_s,
                      u"dns skipped: dns_managed_externally"_s);
                save(job);
                schedule(job.request.jobId, 0);
                return;
            }
        }
    }
    s.status = u"running"_s;
    s.startedAtMs = now;
    s.finishedAtMs = 0;
    job.status = u"Running"_s;
    audit(job, u"pipeline"_s, u"stage.started"_s, s.name);
    save(job);
    schedule(job.request.jobId, stageDurationMs(job, s.name));
}

void Pipeline::finishStage(Job &job, int index)
{
    Stage &stage = job.stages[index];
    StageResult result;
    if (injectedFailure(job, stage.name)) {
        result.ok = false;
        result.errorMessage = u"simulated failure of stage %1 (--fail-stage)"_s.arg(stage.name);
    } else {
        result = runStage(job, stage.name);
    }
    Stage &s = job.stages[index]; // runStage may not reallocate, but stay safe
    const qint64 now = m_clock.nowMs();
    s.finishedAtMs = now;
    if (!result.ok) {
        s.status = u"failed"_s;
        s.detail = result.errorMessage;
        job.status = u"Failed"_s;
        job.finishedAtMs = now;
        job.error = JobError{s.name, s.name + u"_failed"_s, result.errorMessage};
        audit(job, u"pipeline"_s, u"stage.finished"_s,
              u"%1 failed: %2"_s.arg(s.name, result.errorMessage));
        audit(job, u"pipeline"_s, u"job.failed"_s,
              u"stage %1: %2"_s.arg(s.name, result.errorMessage));
        save(job);
        return;
    }
    s.status = u"succeeded"_s;
    s.detail = result.detail;
    audit(job, u"pipeline"_s, u"stage.finished"_s, u"%1 succeeded"_s.arg(s.name));
    if (index == job.stages.size() - 1) {
        job.status = u"Completed"_s;
        job.finishedAtMs = now;
        audit(job, u"pipeline"_s, u"job.completed"_s,
              u"tenant %1 provisioned"_s.arg(job.request.tenantId));
        save(job);
        return;
    }
    save(job);
    schedule(job.request.jobId, 0);
}

bool Pipeline::injectedFailure(Job &job, const QString &stage) const
{
    if (job.injectedFailuresSpent.contains(stage))
        return false;
    for (const auto &fault : m_options.failStages) {
        if (fault.stage == stage && globMatches(fault.tenantGlob, job.request.tenantId)) {
            job.injectedFailuresSpent.insert(stage);
            return true;
        }
    }
    return false;
}

Pipeline::StageResult Pipeline::runStage(Job &job, const QString &stage)
{
    StageResult r;
    const ProvisionRequest &req = job.request;
    if (stage == u"validate") {
        if (req.path() == u"shared-existing") {
            const NodeRecord *n = m_fleet.node(*req.targetServerId);
            if (!n || n->status != u"active" || !n->acceptsTenants) {
                r.ok = false;
                r.errorMessage = u"target %1 no longer accepts tenants"_s.arg(*req.targetServerId);
                return r;
            }
        }
        r.detail = u"request valid"_s;
    } else if (stage == u"resolve_host") {
        const NodeRecord *n = m_fleet.node(*req.targetServerId);
        if (!n) {
            r.ok = false;
            r.errorMessage = u"GET /internal/nodes/%1 answered 404"_s.arg(*req.targetServerId);
            return r;
        }
        job.outputs = {ServerOutput{u"shared"_s, n->nodeId, n->hostname, n->ipv4}};
        r.detail = u"resolved %1 to %2 (%3) via GET /internal/nodes/%1"_s.arg(n->nodeId, n->ipv4,
                                                                              n->hostname);
    } else if (stage == u"pulumi_up") {
        return pulumiUp(job);
    } else if (stage == u"register_node") {
        return registerNodes(job);
    } else if (stage == u"dns") {
        const QString fqdn =
            u"%1.tenants.prego.example"_s.arg(ProvisionValidator::sanitizeTenantId(req.tenantId));
        const QString ip = job.outputs.isEmpty() ? QString() : job.outputs.first().ipv4;
        r.detail = u"A %1 -> %2 created"_s.arg(fqdn, ip);
    } else if (stage == u"ansible") {
        QStringList hosts;
        for (const ServerOutput &s : std::as_const(job.outputs))
            hosts.append(s.nodeId);
        r.detail = u"playbook tenant-%1.yml on %2: ok=%3 changed=%4 failed=0"_s
                       .arg(req.dedicated ? u"dedicated"_s : u"shared"_s, hosts.join(u", "))
                       .arg(18 + 6 * hosts.size())
                       .arg(5 + 2 * hosts.size());
    } else if (stage == u"callbacks") {
        r.detail = u"POST /cp/callbacks/tenant-provisioned -> 200"_s;
    }
    return r;
}

Pipeline::StageResult Pipeline::pulumiUp(Job &job)
{
    StageResult r;
    const ProvisionRequest &req = job.request;
    const QString stack = *job.stack;
    QStringList keys;
    if (req.dedicated)
        keys = {u"app"_s, u"db"_s, u"redis"_s};
    else
        keys = {req.jobId};

    QSet<QString> reservedIds;
    for (const StackResource &res : std::as_const(m_resources))
        reservedIds.insert(res.server.nodeId);

    int created = 0;
    int unchanged = 0;
    QList<ServerOutput> servers;
    for (const QString &key : keys) {
        const QString rk = resourceKey(stack, key);
        if (auto it = m_resources.constFind(rk); it != m_resources.cend()) {
            servers.append(it->server);
            ++unchanged;
            continue;
        }
        StackResource res;
        res.stack = stack;
        res.key = key;
        // A server of this stack registered before the simulator kept stack state (the demo's
        // dedicated tenant): pulumi up finds it in the stack and adopts it instead of creating.
        if (req.dedicated) {
            const QString id =
                u"ded-%1-%2"_s.arg(ProvisionValidator::sanitizeTenantId(req.tenantId), key);
            const NodeRecord *existing = m_fleet.node(id);
            if (existing && existing->stack == stack && existing->tenantId == req.tenantId) {
                res.tenantId = req.tenantId;
                res.server = {key, id, existing->hostname, existing->ipv4};
                m_resources.insert(rk, res);
                m_db.saveStackResource(res);
                servers.append(res.server);
                ++unchanged;
                continue;
            }
        }
        if (req.dedicated) {
            res.tenantId = req.tenantId;
            const QString id =
                u"ded-%1-%2"_s.arg(ProvisionValidator::sanitizeTenantId(req.tenantId), key);
            res.server = {key, id, id + u".nodes.prego.example"_s, allocateIpv4()};
        } else {
            const QString id = m_fleet.nextSharedNodeId(req.region, reservedIds);
            reservedIds.insert(id);
            res.server = {u"shared"_s, id, id + u".nodes.prego.example"_s, allocateIpv4()};
        }
        m_resources.insert(rk, res);
        m_db.saveStackResource(res);
        servers.append(res.server);
        ++created;
    }
    job.outputs = servers;
    r.detail =
        u"pulumi up on stack %1: %2 created, %3 unchanged"_s.arg(stack).arg(created).arg(unchanged);
    return r;
}

Pipeline::StageResult Pipeline::registerNodes(Job &job)
{
    StageResult r;
    const ProvisionRequest &req = job.request;
    QStringList registered;
    QStringList existing;
    for (const ServerOutput &s : std::as_const(job.outputs)) {
        NodeRecord n;
        n.nodeId = s.nodeId;
        n.hostname = s.hostname;
        n.ipv4 = s.ipv4;
        n.region = req.region;
        n.placement = req.dedicated ? u"dedicated"_s : u"shared"_s;
        n.role = s.role;
        if (req.dedicated)
            n.tenantId = req.tenantId;
        n.stack = job.stack;
        n.acceptsTenants = !req.dedicated;
        n.status = u"active"_s;
        switch (m_fleet.registerNode(n, m_clock.nowMs())) {
        case Fleet::RegisterResult::Created:
            registered.append(s.nodeId);
            audit(job, u"pipeline"_s, u"node.registered"_s,
                  u"POST /internal/nodes %1 -> 201"_s.arg(s.nodeId));
            Q_EMIT nodeRegistered(s.nodeId);
            break;
        case Fleet::RegisterResult::AlreadyRegistered:
            existing.append(s.nodeId);
            break;
        case Fleet::RegisterResult::Conflict:
            r.ok = false;
            r.errorMessage = u"POST /internal/nodes %1 -> 409 node_exists"_s.arg(s.nodeId);
            return r;
        }
    }
    r.detail = u"%1 registered, %2 already registered: %3"_s.arg(registered.size())
                   .arg(existing.size())
                   .arg((registered + existing).join(u", "));
    return r;
}

QString Pipeline::allocateIpv4()
{
    // 198.18.0.0/15 is reserved for benchmarking: never a real host.
    for (quint32 n = quint32(m_usedIpv4.size()) + 10;; ++n) {
        const QString ip =
            u"198.%1.%2.%3"_s.arg(18 + (n >> 16) % 2).arg((n >> 8) & 0xff).arg(n & 0xff);
        if (!m_usedIpv4.contains(ip)) {
            m_usedIpv4.insert(ip);
            return ip;
        }
    }
}

void Pipeline::audit(Job &job, const QString &actor, const QString &action, const QString &detail)
{
    const qint64 now = m_clock.nowMs();
    job.audit.append(AuditRow{now, actor, action, detail});
    job.updatedAtMs = now;
}

void Pipeline::save(Job &job)
{
    job.updatedAtMs = m_clock.nowMs();
    m_db.saveJob(job);
}

QByteArray Pipeline::toJson(const Job &job, bool includeAudit)
{
    const ProvisionRequest &r = job.request;
    JsonWriter w(1024);
    w.beginObject();
    w.key("job_id").value(QStringView(r.jobId));
    w.key("tenant_id").value(QStringView(r.tenantId));
    w.key("path").value(QStringView(r.path()));
    w.key("status").value(QStringView(job.status));
    w.key("request");
    writeRequest(w, r);
    w.key("stack").value(job.stack);
    w.key("target_server_id").value(r.targetServerId);
    w.key("trace_id").value(r.traceId);
    w.key("trace_recorded").value(r.traceId.has_value());
    w.key("created_at");
    writeTime(w, job.createdAtMs);
    w.key("updated_at");
    writeTime(w, job.updatedAtMs);
    w.key("finished_at");
    writeTime(w, job.finishedAtMs);
    w.key("error");
    if (job.error) {
        w.beginObject();
        w.key("stage").value(QStringView(job.error->stage));
        w.key("code").value(QStringView(job.error->code));
        w.key("message").value(QStringView(job.error->message));
        w.endObject();
    } else {
        w.null();
    }
    w.key("stages").beginArray();
    if (r.traceId) {
        for (const Stage &s : job.stages) {
            w.beginObject();
            w.key("name").value(QStringView(s.name));
            w.key("status").value(QStringView(s.status));
            w.key("started_at");
            writeTime(w, s.startedAtMs);
            w.key("finished_at");
            writeTime(w, s.finishedAtMs);
            w.key("detail");
            writeTextOrNull(w, s.detail);
            w.key("skip_reason");
            writeTextOrNull(w, s.skipReason);
            w.endObject();
        }
    }
    w.endArray();
    w.key("outputs").beginObject().key("servers").beginArray();
    for (const ServerOutput &s : job.outputs) {
        w.beginObject();
        w.key("role").value(QStringView(s.role));
        w.key("node_id").value(QStringView(s.nodeId));
        w.key("hostname").value(QStringView(s.hostname));
        w.key("ipv4").value(QStringView(s.ipv4));
        w.endObject();
    }
    w.endArray().endObject();
    if (includeAudit) {
        w.key("audit").beginArray();
        for (const AuditRow &a : job.audit) {
            w.beginObject();
            w.key("at").value(QStringView(SimClock::rfc3339(a.atMs)));
            w.key("actor").value(QStringView(a.actor));
            w.key("action").value(QStringView(a.action));
            w.key("detail").value(QStringView(a.detail));
            w.endObject();
        }
        w.endArray();
    }
    w.endObject();
    return w.take();
}

} // namespace prego::sim
