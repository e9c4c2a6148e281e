#include "verification.h"

#include "agetext.h"
#include "freshness.h"
#include "jobtext.h"
#include "tenantid.h"

#include <QDateTime>
#include <QLocale>
#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace prego {

namespace {

using Id = VerificationResult::Id;
using Outcome = VerificationResult::Outcome;

VerificationResult result(Id id, Outcome outcome, QString summary, qint64 now)
{
    VerificationResult r;
    r.id = id;
    r.outcome = outcome;
    r.summary = std::move(summary);
    r.evaluatedAtMs = now;
    return r;
}

QList<Node> boundNodes(const NodesSnapshot &s)
{
    QList<Node> out;
    for (const Node &n : s.nodes) {
        if (FreshnessRule::isBound(n.placement, n.acceptsTenants, n.status))
            out.append(n);
    }
    return out;
}

// The latest job of a path that has ended (the list is newest first), and whether a newer one
// of that path is still running.
struct LatestJob
{
    const Job *finished = nullptr;
    bool running = false;
};

LatestJob latest(const QList<Job> &jobs, const QString &path)
{
    LatestJob l;
    for (const Job &j : jobs) {
        if (j.path != path)
            continue;
        if (!j.isFinished()) {
            l.running = l.running || !l.finished;
            continue;
        }
        if (!l.finished || j.createdAtMs.value_or(0) > l.finished->createdAtMs.value_or(0))
            l.finished = &j;
    }
    return l;
}

const JobStage *stage(const Job &job, const QString &name)
{
    for (const JobStage &s : job.stages) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

VerificationEvidence jobEvidence(const Job &job)
{
    //: evidence row: job id, tenant and status
    return {VerificationEvidence::Kind::Job, job.jobId,
            Verification::tr("Job %1 for tenant %2: %3")
                .arg(job.jobId, job.tenantId, JobText::jobStatus(job.status))};
}

VerificationEvidence stageEvidence(const Job &job, const JobStage &s)
{
    QString text = Verification::tr("Stage %1: %2").arg(s.name, JobText::stageStatus(s.status));
    if (s.skipReason)
        text = Verification::tr("Stage %1: %2 (%3)")
                   .arg(s.name, JobText::stageStatus(s.status), *s.skipReason);
    else if (s.detail && !s.detail->isEmpty())
        text = Verification::tr("Stage %1: %2 (%3)")
                   .arg(s.name, JobText::stageStatus(s.status), *s.detail);
    return {VerificationEvidence::Kind::Job, job.jobId, text};
}

// A scenario's common start: not evaluable without jobs or without a finished job of the path;
// a Failed latest job fails the check with its error.
std::optional<VerificationResult> scenarioPreconditions(Id id, const VerificationInput &in,
                                                        const QString &path, const Job **job)
{
    const qint64 now = in.serverNowMs;
    if (!in.jobs) {
        return result(
            id, Outcome::NotEvaluable,
            in.jobsError
                ? Verification::tr("The jobs could not be listed: %1").arg(in.jobsError->message())
                : Verification::tr("The jobs could not be listed."),
            now);
    }
    const LatestJob l = latest(*in.jobs, path);
    if (!l.finished) {
        return result(id, Outcome::NotEvaluable,
                      l.running ? Verification::tr("A job of this path is still running.")
                                : Verification::tr("No job of this path yet."),
                      now);
    }
    *job = l.finished;
    if ((*job)->status != u"Completed") {
        VerificationResult r =
            result(id, Outcome::Fail,
                   (*job)->error
                       ? Verification::tr("The latest job of this path Failed in stage %1 "
                                          "(%2): %3")
                             .arg((*job)->error->stage, (*job)->error->code, (*job)->error->message)
                       : Verification::tr("The latest job of this path ended %1.")
                             .arg(JobText::jobStatus((*job)->status)),
                   now);
        r.evidence.append(jobEvidence(**job));
        for (const JobStage &s : (*job)->stages) {
            if (s.status == u"failed")
                r.evidence.append(stageEvidence(**job, s));
        }
        return r;
    }
    return std::nullopt;
}

} // namespace

QString Verification::key(Id id)
{
    switch (id) {
    case Id::M1:
        return u"M1"_s;
    case Id::M2:
        return u"M2"_s;
    case Id::M3:
        return u"M3"_s;
    case Id::E1:
        return u"E1"_s;
    case Id::E2:
        return u"E2"_s;
    case Id::E3:
        return u"E3"_s;
    case Id::E4:
        return u"E4"_s;
    }
    return {};
}

QString Verification::title(Id id)
{
    switch (id) {
    case Id::M1:
        return tr("Every bound shared node pushed its metrics within the stale threshold");
    case Id::M2:
        return tr("CPU, memory, disk and tenant count are reported by every bound node");
    case Id::M3:
        return tr("The nodes endpoint answers with this token");
    case Id::E1:
        return tr("Existing node: a job Completed without Pulumi, with its DNS outcome and "
                  "callbacks recorded");
    case Id::E2:
        return tr("New shared node: a job Completed and its node is registered and reporting");
    case Id::E3:
        return tr("Dedicated stack: a job Completed on stack dedicated-{tenant} with three "
                  "servers");
    case Id::E4:
        return tr("Every live node is fresh after the scenarios");
    }
    return {};
}

QString Verification::outcomeText(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Pass:
        return tr("pass");
    case Outcome::Fail:
        return tr("fail");
    case Outcome::NotEvaluable:
        return tr("not evaluable");
    }
    return {};
}

bool Verification::allPass(const QList<VerificationResult> &results)
{
    return !results.isEmpty() && std::all_of(results.cbegin(), results.cend(), [](const auto &r) {
        return r.outcome == Outcome::Pass;
    });
}

QList<VerificationResult> Verification::evaluate(const VerificationInput &in)
{
    QList<VerificationResult> out{m1(in), m2(in), m3(in), e1(in), e2(in), e3(in)};
    out.append(e4(in, out.mid(3, 3)));
    return out;
}

VerificationResult Verification::m3(const VerificationInput &in)
{
    if (in.nodes) {
        return result(Id::M3, Outcome::Pass,
                      tr("GET /internal/nodes answered with %n node(s).", nullptr,
                         int(in.nodes->nodes.size())),
                      in.serverNowMs);
    }
    const ApiError e = in.nodesError.value_or(ApiError{});
    const bool refused =
        e.kind == ApiError::Kind::Http && (e.httpStatus == 401 || e.httpStatus == 403);
    return result(Id::M3, refused ? Outcome::Fail : Outcome::NotEvaluable,
                  tr("GET /internal/nodes did not answer: %1").arg(e.message()), in.serverNowMs);
}

VerificationResult Verification::m1(const VerificationInput &in)
{
    const qint64 now = in.serverNowMs;
    if (!in.nodes)
        return result(Id::M1, Outcome::NotEvaluable, tr("The nodes could not be listed."), now);
    const QList<Node> bound = boundNodes(*in.nodes);
    if (bound.isEmpty())
        return result(Id::M1, Outcome::NotEvaluable,
                      tr("No shared node is active and accepting tenants."), now);
    VerificationResult r = result(Id::M1, Outcome::Pass, QString(), now);
    int excused = 0;
    for (const Node &n : bound) {
        const auto age = FreshnessRule::ageSeconds(n.updatedAtMs(), now);
        const Freshness f =
            FreshnessRule::classify(n.updatedAtMs(), now, in.staleAfterSeconds, true);
        if (f == Freshness::Fresh)
            continue;
        const QString what =
            age ? tr("%1: last push %2 (%n s)", nullptr, int(*age)).arg(n.nodeId, AgeText::ago(age))
                : tr("%1: never pushed").arg(n.nodeId);
        const auto silence =
            std::find_if(in.silences.cbegin(), in.silences.cend(), [&](const Silence &s) {
                return s.isActiveAt(now) && s.covers(n.nodeId, n.region);
            });
        if (silence == in.silences.cend()) {
            r.evidence.append({VerificationEvidence::Kind::Node, n.nodeId, what});
            continue;
        }
        ++excused;
        //: %1 is what the node did ("fsn1-shared-07: never pushed"), %2 who set the silence,
        //: %3 when it ends (UTC), %4 the reason they gave
        r.evidence.append({VerificationEvidence::Kind::Node, n.nodeId,
                           tr("%1 — excused: silenced by %2 until %3 (%4)")
                               .arg(what, silence->createdBy,
                                    QDateTime::fromMSecsSinceEpoch(silence->endsAtMs, Qt::UTC)
                                        .toString(u"yyyy-MM-dd HH:mm 'UTC'"_s),
                                    silence->reason),
                           true});
    }
    const int bad = int(r.evidence.size()) - excused;
    if (bad == 0 && excused == 0) {
        r.summary = tr("All %n bound node(s) pushed within %1.", nullptr, int(bound.size()))
                        .arg(AgeText::duration(in.staleAfterSeconds));
    } else if (bad == 0) {
        r.summary = tr("Every bound node pushed within %1 or is under maintenance: %n excused by "
                       "a silence.",
                       nullptr, excused)
                        .arg(AgeText::duration(in.staleAfterSeconds));
    } else {
        r.outcome = Outcome::Fail;
        r.summary = tr("%n of %1 bound node(s) did not push within %2.", nullptr, bad)
                        .arg(bound.size())
                        .arg(AgeText::duration(in.staleAfterSeconds));
        if (excused > 0)
            r.summary += u' ' + tr("%n more excused by a silence.", nullptr, excused);
    }
    return r;
}

VerificationResult Verification::m2(const VerificationInput &in)
{
    const qint64 now = in.serverNowMs;
    if (!in.nodes)
        return result(Id::M2, Outcome::NotEvaluable, tr("The nodes could not be listed."), now);
    const QList<Node> bound = boundNodes(*in.nodes);
    if (bound.isEmpty())
        return result(Id::M2, Outcome::NotEvaluable,
                      tr("No shared node is active and accepting tenants."), now);
    VerificationResult r = result(Id::M2, Outcome::Pass, QString(), now);
    for (const Node &n : bound) {
        QStringList missing;
        const NodeMetrics m = n.metrics.value_or(NodeMetrics{});
        if (!m.cpuPct)
            missing << u"cpu_pct"_s;
        if (!m.memoryPct)
            missing << u"memory_pct"_s;
        if (!m.diskPct)
            missing << u"disk_pct"_s;
        if (!m.tenantCount)
            missing << u"tenant_count"_s;
        if (!missing.isEmpty())
            r.evidence.append({VerificationEvidence::Kind::Node, n.nodeId,
                               tr("%1: no %2").arg(n.nodeId, missing.join(u", "_s))});
    }
    if (r.evidence.isEmpty()) {
        r.summary =
            tr("All four values are reported by all %n bound node(s).", nullptr, int(bound.size()));
    } else {
        r.outcome = Outcome::Fail;
        r.summary = tr("%n bound node(s) leave values empty.", nullptr, int(r.evidence.size()));
    }
    return r;
}

VerificationResult Verification::e1(const VerificationInput &in)
{
    const Job *job = nullptr;
    if (auto early = scenarioPreconditions(Id::E1, in, u"shared-existing"_s, &job))
        return *early;
    VerificationResult r = result(Id::E1, Outcome::Pass, QString(), in.serverNowMs);
    r.evidence.append(jobEvidence(*job));
    QStringList problems;
    if (const JobStage *p = stage(*job, u"pulumi_up"_s); p && p->status != u"skipped") {
        problems << tr("it ran pulumi_up");
        r.evidence.append(stageEvidence(*job, *p));
    }
    const JobStage *dns = stage(*job, u"dns"_s);
    if (!dns || (dns->status != u"succeeded" && !(dns->status == u"skipped" && dns->skipReason)))
        problems << tr("no DNS outcome is recorded");
    else
        r.evidence.append(stageEvidence(*job, *dns));
    const JobStage *callbacks = stage(*job, u"callbacks"_s);
    if (!callbacks || callbacks->status != u"succeeded")
        problems << tr("no callbacks are recorded");
    else
        r.evidence.append(stageEvidence(*job, *callbacks));
    if (problems.isEmpty()) {
        r.summary = tr("Job %1 placed %2 on %3 without Pulumi.")
                        .arg(job->jobId, job->tenantId, job->targetServerId.value_or(u"–"_s));
    } else {
        r.outcome = Outcome::Fail;
        r.summary = tr("Job %1 Completed, but %2.").arg(job->jobId, problems.join(u"; "_s));
    }
    return r;
}

VerificationResult Verification::e2(const VerificationInput &in)
{
    const Job *job = nullptr;
    if (auto early = scenarioPreconditions(Id::E2, in, u"shared-new"_s, &job))
        return *early;
    VerificationResult r = result(Id::E2, Outcome::Pass, QString(), in.serverNowMs);
    r.evidence.append(jobEvidence(*job));
    if (job->servers.isEmpty()) {
        r.outcome = Outcome::Fail;
        r.summary = tr("Job %1 Completed without naming its new server.").arg(job->jobId);
        return r;
    }
    const QString nodeId = job->servers.first().nodeId;
    if (!in.nodes) {
        r.outcome = Outcome::NotEvaluable;
        r.summary = tr("The nodes could not be listed to find %1.").arg(nodeId);
        return r;
    }
    const auto it = std::find_if(in.nodes->nodes.cbegin(), in.nodes->nodes.cend(),
                                 [&](const Node &n) { return n.nodeId == nodeId; });
    if (it == in.nodes->nodes.cend()) {
        r.outcome = Outcome::Fail;
        r.summary =
            tr("Job %1 Completed, but its node %2 is not registered.").arg(job->jobId, nodeId);
        return r;
    }
    const auto age = FreshnessRule::ageSeconds(it->updatedAtMs(), in.serverNowMs);
    const bool fresh = FreshnessRule::classify(it->updatedAtMs(), in.serverNowMs,
                                               in.staleAfterSeconds, true) == Freshness::Fresh;
    r.evidence.append({VerificationEvidence::Kind::Node, nodeId,
                       age ? tr("%1: registered, last push %2").arg(nodeId, AgeText::ago(age))
                           : tr("%1: registered, never pushed").arg(nodeId)});
    if (!fresh) {
        r.outcome = Outcome::Fail;
        r.summary = tr("Job %1 Completed and node %2 is registered, but it is not reporting.")
                        .arg(job->jobId, nodeId);
        return r;
    }
    r.summary =
        tr("Job %1 made node %2, which is registered and reporting.").arg(job->jobId, nodeId);
    return r;
}

VerificationResult Verification::e3(const VerificationInput &in)
{
    const Job *job = nullptr;
    if (auto early = scenarioPreconditions(Id::E3, in, u"dedicated"_s, &job))
        return *early;
    VerificationResult r = result(Id::E3, Outcome::Pass, QString(), in.serverNowMs);
    r.evidence.append(jobEvidence(*job));
    QStringList problems;
    const QString expected =
        TenantId::isValid(job->tenantId) ? TenantId::dedicatedStack(job->tenantId) : QString();
    const QString stack = job->stack.value_or(QString());
    if (stack != expected)
        problems << tr("its stack is %1, not %2").arg(stack.isEmpty() ? u"–"_s : stack, expected);
    QStringList roles;
    for (const JobServer &s : job->servers) {
        roles << s.role;
        r.evidence.append({VerificationEvidence::Kind::Node, s.nodeId,
                           tr("%1: %2 server of the stack").arg(s.nodeId, s.role)});
    }
    roles.sort();
    if (roles != QStringList{u"app"_s, u"db"_s, u"redis"_s})
        problems << tr("it has %n server(s) (%1) instead of app, db and redis", nullptr,
                       int(job->servers.size()))
                        .arg(roles.isEmpty() ? u"–"_s : roles.join(u", "_s));
    if (problems.isEmpty()) {
        r.summary = tr("Job %1 built stack %2 with app, db and redis.").arg(job->jobId, stack);
    } else {
        r.outcome = Outcome::Fail;
        r.summary = tr("Job %1 Completed, but %2.").arg(job->jobId, problems.join(u"; "_s));
    }
    return r;
}

VerificationResult Verification::e4(const VerificationInput &in,
                                    const QList<VerificationResult> &scenarios)
{
    const qint64 now = in.serverNowMs;
    for (const VerificationResult &s : scenarios) {
        if (s.outcome != Outcome::Pass)
            return result(Id::E4, Outcome::NotEvaluable, tr("E1, E2 and E3 have to pass first."),
                          now);
    }
    if (!in.nodes)
        return result(Id::E4, Outcome::NotEvaluable, tr("The nodes could not be listed."), now);
    VerificationResult r = result(Id::E4, Outcome::Pass, QString(), now);
    int live = 0;
    for (const Node &n : in.nodes->nodes) {
        // Live: serving or about to serve. Retired nodes are gone; provisioning ones not yet up.
        if (n.status != u"active" && n.status != u"draining")
            continue;
        ++live;
        const auto age = FreshnessRule::ageSeconds(n.updatedAtMs(), now);
        if (FreshnessRule::classify(n.updatedAtMs(), now, in.staleAfterSeconds, true) ==
            Freshness::Fresh)
            continue;
        r.evidence.append({VerificationEvidence::Kind::Node, n.nodeId,
                           age ? tr("%1: last push %2").arg(n.nodeId, AgeText::ago(age))
                               : tr("%1: never pushed").arg(n.nodeId)});
    }
    if (r.evidence.isEmpty()) {
        r.summary = tr("All %n live node(s) are fresh.", nullptr, live);
    } else {
        r.outcome = Outcome::Fail;
        r.summary = tr("%n live node(s) are not fresh.", nullptr, int(r.evidence.size()));
    }
    return r;
}

QString Verification::markdown(const QList<VerificationResult> &results, const ReportMeta &meta)
{
    const qint64 at = results.isEmpty() ? 0 : results.first().evaluatedAtMs;
    QStringList lines;
    lines << tr("# Definition-of-Done verification") << QString();
    lines << tr("- Profile: %1 (%2)").arg(meta.profile, meta.baseUrl);
    lines << tr("- Evaluated at: %1 (the control plane's clock)")
                 .arg(QDateTime::fromMSecsSinceEpoch(at, Qt::UTC).toString(Qt::ISODate));
    lines << tr("- Stale threshold: %1").arg(AgeText::duration(meta.staleAfterSeconds));
    lines << tr("- Result: %1")
                 .arg(allPass(results) ? tr("every check passes") : tr("not every check passes"));
    lines << QString();
    lines << tr("| Check | Result | What it asks | Finding |") << u"|---|---|---|---|"_s;
    const auto cell = [](QString s) -> QString {
        return s.replace(u'|', u"\\|"_s);
    };
    for (const VerificationResult &r : results)
        lines << u"| %1 | %2 | %3 | %4 |"_s.arg(key(r.id), outcomeText(r.outcome),
                                                cell(title(r.id)), cell(r.summary));
    for (const VerificationResult &r : results) {
        if (r.evidence.isEmpty())
            continue;
        lines << QString() << u"## %1 — %2"_s.arg(key(r.id), outcomeText(r.outcome)) << QString();
        for (const VerificationEvidence &e : r.evidence)
            lines << u"- %1"_s.arg(e.text);
    }
    return lines.join(u'\n') + u'\n';
}

} // namespace prego
