#include "simdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace prego::sim {

namespace {
constexpr int SchemaVersion = 2;

// The statements that take a database from version - 1 to version.
QStringList migrationTo(int version)
{
    switch (version) {
    case 2: // silences, and the audit rows that belong to no job
        return {
            u"CREATE TABLE silences (silence_id TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, "
            "node_ids TEXT NOT NULL, region TEXT, starts_at_ms INTEGER NOT NULL, "
            "ends_at_ms INTEGER NOT NULL, ended_at_ms INTEGER, reason TEXT NOT NULL, "
            "created_by TEXT NOT NULL, created_at_ms INTEGER NOT NULL)"_s,
            u"CREATE TABLE audit (seq INTEGER PRIMARY KEY AUTOINCREMENT, at_ms INTEGER NOT NULL, "
            "actor TEXT NOT NULL, action TEXT NOT NULL, subject TEXT NOT NULL, "
            "detail TEXT NOT NULL)"_s,
            u"CREATE INDEX audit_by_subject ON audit (subject)"_s,
        };
    default:
        return {};
    }
}

QVariant optionalString(const std::optional<QString> &s)
{
    return s ? QVariant(*s) : QVariant(QMetaType::fromType<QString>());
}
QVariant optionalDouble(const std::optional<double> &d)
{
    return d ? QVariant(*d) : QVariant(QMetaType::fromType<double>());
}
std::optional<QString> toOptionalString(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<QString>(v.toString());
}
std::optional<double> toOptionalDouble(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble());
}
QJsonValue jsonOptional(const std::optional<QString> &s)
{
    return s ? QJsonValue(*s) : QJsonValue(QJsonValue::Null);
}
std::optional<QString> optionalFromJson(const QJsonValue &v)
{
    return v.isString() ? std::optional<QString>(v.toString()) : std::nullopt;
}

void warnIfFailed(const QSqlQuery &q)
{
    if (q.lastError().isValid())
        std::fprintf(stderr, "prego-cp-sim: database error: %s\n",
                     qPrintable(q.lastError().text()));
}
} // namespace

SimDatabase::SimDatabase()
    : m_connectionName(u"cpsim-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

SimDatabase::~SimDatabase()
{
    if (m_db.isOpen())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool SimDatabase::exec(const QString &sql) const
{
    QSqlQuery q(m_db);
    if (!q.exec(sql)) {
        std::fprintf(stderr, "prego-cp-sim: %s: %s\n", qPrintable(sql),
                     qPrintable(q.lastError().text()));
        return false;
    }
    return true;
}

QString SimDatabase::open(const QString &path)
{
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    m_db.setDatabaseName(path);
    if (!m_db.open())
        return u"cannot open database %1: %2"_s.arg(path, m_db.lastError().text());
    if (path != u":memory:") {
        exec(u"PRAGMA journal_mode=WAL"_s);
        exec(u"PRAGMA synchronous=NORMAL"_s);
    }
    if (!exec(u"CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s))
        return u"cannot create the schema in %1"_s.arg(path);
    int version = 0;
    {
        QSqlQuery q(m_db);
        q.exec(u"SELECT value FROM meta WHERE key = 'schema_version'"_s);
        version = q.next() ? q.value(0).toInt() : 0;
    }
    if (version > SchemaVersion)
        return u"database %1 has schema version %2; this build knows up to %3"_s.arg(path)
            .arg(version)
            .arg(SchemaVersion);
    // Version 1's tables; a new database (no version yet) also gets every migration below.
    const QStringList schema = {
        u"CREATE TABLE IF NOT EXISTS nodes (node_id TEXT PRIMARY KEY, hostname TEXT NOT NULL, "
        "ipv4 TEXT NOT NULL, region TEXT NOT NULL, placement TEXT NOT NULL, role TEXT NOT NULL, "
        "tenant_id TEXT, stack TEXT, accepts_tenants INTEGER NOT NULL, status TEXT NOT NULL, "
        "created_at_ms INTEGER NOT NULL) WITHOUT ROWID"_s,
        u"CREATE TABLE IF NOT EXISTS metrics (node_id TEXT PRIMARY KEY REFERENCES nodes(node_id), "
        "cpu_pct REAL, memory_pct REAL, disk_pct REAL, tenant_count INTEGER, "
        "updated_at_ms INTEGER NOT NULL) WITHOUT ROWID"_s,
        u"CREATE TABLE IF NOT EXISTS jobs (job_id TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, "
        "tenant_id TEXT NOT NULL, status TEXT NOT NULL, stack TEXT, doc BLOB NOT NULL)"_s,
        u"CREATE TABLE IF NOT EXISTS stack_resources (stack TEXT NOT NULL, res_key TEXT NOT NULL, "
        "role TEXT NOT NULL, node_id TEXT NOT NULL, hostname TEXT NOT NULL, ipv4 TEXT NOT NULL, "
        "tenant_id TEXT, PRIMARY KEY (stack, res_key)) WITHOUT ROWID"_s,
        u"CREATE TABLE IF NOT EXISTS sim_agents (node_id TEXT PRIMARY KEY, pushing INTEGER NOT "
        "NULL) WITHOUT ROWID"_s,
    };
    for (const QString &sql : schema) {
        if (!exec(sql))
            return u"cannot create the schema in %1"_s.arg(path);
    }
    if (version == SchemaVersion)
        return {};
    if (!m_db.transaction())
        return u"cannot migrate %1: %2"_s.arg(path, m_db.lastError().text());
    for (int v = std::max(version, 1) + 1; v <= SchemaVersion; ++v) {
        for (const QString &sql : migrationTo(v)) {
            if (!exec(sql)) {
                m_db.rollback();
                return u"cannot migrate %1 to schema version %2"_s.arg(path).arg(v);
            }
        }
    }
    if (!exec(u"INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', '%1')"_s.arg(
            SchemaVersion)) ||
        !m_db.commit()) {
        m_db.rollback();
        return u"cannot migrate %1 to schema version %2"_s.arg(path).arg(SchemaVersion);
    }
    return {};
}

QList<NodeRecord> SimDatabase::loadNodes() const
{
    QList<NodeRecord> nodes;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.exec(u"SELECT n.node_id, n.hostname, n.ipv4, n.region, n.placement, n.role, n.tenant_id, "
           "n.stack, n.accepts_tenants, n.status, n.created_at_ms, m.cpu_pct, m.memory_pct, "
           "m.disk_pct, m.tenant_count, m.updated_at_ms FROM nodes n LEFT JOIN metrics m ON "
           "m.node_id = n.node_id"_s);
    warnIfFailed(q);
    while (q.next()) {
        NodeRecord n;
        n.nodeId = q.value(0).toString();
        n.hostname = q.value(1).toString();
        n.ipv4 = q.value(2).toString();
        n.region = q.value(3).toString();
        n.placement = q.value(4).toString();
        n.role = q.value(5).toString();
        n.tenantId = toOptionalString(q.value(6));
        n.stack = toOptionalString(q.value(7));
        n.acceptsTenants = q.value(8).toBool();
        n.status = q.value(9).toString();
        n.createdAtMs = q.value(10).toLongLong();
        if (!q.value(15).isNull()) {
            Metrics m;
            m.cpuPct = toOptionalDouble(q.value(11));
            m.memoryPct = toOptionalDouble(q.value(12));
            m.diskPct = toOptionalDouble(q.value(13));
            if (!q.value(14).isNull())
                m.tenantCount = q.value(14).toLongLong();
            m.updatedAtMs = q.value(15).toLongLong();
            n.metrics = m;
        }
        nodes.append(std::move(n));
    }
    return nodes;
}

void SimDatabase::saveNode(const NodeRecord &n)
{
    QSqlQuery q(m_db);
    q.prepare(u"INSERT OR REPLACE INTO nodes (node_id, hostname, ipv4, region, placement, role, "
              "tenant_id, stack, accepts_tenants, status, created_at_ms) VALUES "
              "(?,?,?,?,?,?,?,?,?,?,?)"_s);
    q.addBindValue(n.nodeId);
    q.addBindValue(n.hostname);
    q.addBindValue(n.ipv4);
    q.addBindValue(n.region);
    q.addBindValue(n.placement);
    q.addBindValue(n.role);
    q.addBindValue(optionalString(n.tenantId));
    q.addBindValue(optionalString(n.stack));
    q.addBindValue(n.acceptsTenants ? 1 : 0);
    q.addBindValue(n.status);
    q.addBindValue(n.createdAtMs);
    q.exec();
    warnIfFailed(q);
    if (n.metrics)
        saveMetrics(n.nodeId, *n.metrics);
}

void SimDatabase::saveMetrics(const QString &nodeId, const Metrics &m)
{
    QSqlQuery q(m_db);
    q.prepare(u"INSERT OR REPLACE INTO metrics (node_id, cpu_pct, memory_pct, disk_pct, "
              "tenant_count, updated_at_ms) VALUES (?,?,?,?,?,?)"_s);
    q.addBindValue(nodeId);
    q.addBindValue(optionalDouble(m.cpuPct));
    q.addBindValue(optionalDouble(m.memoryPct));
    q.addBindValue(optionalDouble(m.diskPct));
    q.addBindValue(m.tenantCount ? QVariant(*m.tenantCount)
                                 : QVariant(QMetaType::fromType<qlonglong>()));
    q.addBindValue(m.updatedAtMs);
    q.exec();
    warnIfFailed(q);
}

QList<Job> SimDatabase::loadJobs() const
{
    QList<Job> jobs;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.exec(u"SELECT doc FROM jobs ORDER BY seq"_s);
    warnIfFailed(q);
    while (q.next()) {
        if (auto job = jobFromStorage(q.value(0).toByteArray()))
            jobs.append(std::move(*job));
    }
    return jobs;
}

void SimDatabase::saveJob(const Job &job)
{
    QSqlQuery q(m_db);
    q.prepare(u"INSERT OR REPLACE INTO jobs (job_id, seq, tenant_id, status, stack, doc) VALUES "
              "(?,?,?,?,?,?)"_s);
    q.addBindValue(job.request.jobId);
    q.addBindValue(job.seq);
    q.addBindValue(job.request.tenantId);
    q.addBindValue(job.status);
    q.addBindValue(optionalString(job.stack));
    q.addBindValue(jobToStorage(job));
    q.exec();
    warnIfFailed(q);
}

QList<StackResource> SimDatabase::loadStackResources() const
{
    QList<StackResource> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.exec(u"SELECT stack, res_key, role, node_id, hostname, ipv4, tenant_id FROM "
           "stack_resources"_s);
    warnIfFailed(q);
    while (q.next()) {
        StackResource r;
        r.stack = q.value(0).toString();
        r.key = q.value(1).toString();
        r.server = {q.value(2).toString(), q.value(3).toString(), q.value(4).toString(),
                    q.value(5).toString()};
        r.tenantId = toOptionalString(q.value(6));
        out.append(r);
    }
    return out;
}

void SimDatabase::saveStackResource(const StackResource &r)
{
    QSqlQuery q(m_db);
    q.prepare(u"INSERT OR REPLACE INTO stack_resources (stack, res_key, role, node_id, hostname, "
              "ipv4, tenant_id) VALUES (?,?,?,?,?,?,?)"_s);
    q.addBindValue(r.stack);
    q.addBindValue(r.key);
    q.addBindValue(r.server.role);
    q.addBindValue(r.server.nodeId);
    q.addBindValue(r.server.hostname);
    q.addBindValue(r.server.ipv4);
    q.addBindValue(optionalString(r.tenantId));
    q.exec();
    warnIfFailed(q);
}

QHash<QString, bool> SimDatabase::loadSimAgents() const
{
    QHash<QString, bool> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.exec(u"SELECT node_id, pushing FROM sim_agents"_s);
    warnIfFailed(q);
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toBool());
    return out;
}

void SimDatabase::saveSimAgent(const QString &nodeId, bool pushing)
{
    QSqlQuery q(m_db);
    q.prepare(u"INSERT OR REPLACE INTO sim_agents (node_id, pushing) VALUES (?,?)"_s);
    q.addBindValue(nodeId);
    q.addBindValue(pushing ? 1 : 0);
    q.exec();
    warnIfFailed(q);
}

QList<SilenceRecord> SimDatabase::loadSilences() const
{
    QList<SilenceRecord> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.exec(u"SELECT silence_id, seq, node_ids, region, starts_at_ms, ends_at_ms, ended_at_ms, "
           "reason, created_by, created_at_ms FROM silences ORDER BY seq"_s);
    warnIfFailed(q);
    while (q.next()) {
        SilenceRecord s;
        s.request.silenceId = q.value(0).toString();
        s.seq = q.value(1).toLongLong();
        for (const QJsonValue &id : QJsonDocument::fromJson(q.value(2).toByteArray()).array())
            s.request.nodeIds.append(id.toString());
        s.request.region = toOptionalString(q.value(3));
        s.startsAtMs = q.value(4).toLongLong();
        s.request.endsAtMs = q.value(5).toLongLong();
        if (!q.value(6).isNull())
            s.endedAtMs = q.value(6).toLongLong();
        s.request.reason = q.value(7).toString();
        s.createdBy = q.value(8).toString();
        s.createdAtMs = q.value(9).toLongLong();
        out.append(std::move(s));
    }
    return out;
}

void SimDatabase::saveSilence(const SilenceRecord &s)
{
    QSqlQuery q(m_db);
    q.prepare(u"INSERT OR REPLACE INTO silences (silence_id, seq, node_ids, region, starts_at_ms, "
              "ends_at_ms, ended_at_ms, reason, created_by, created_at_ms) VALUES "
              "(?,?,?,?,?,?,?,?,?,?)"_s);
    q.addBindValue(s.request.silenceId);
    q.addBindValue(s.seq);
    q.addBindValue(QJsonDocument(QJsonArray::fromStringList(s.request.nodeIds))
                       .toJson(QJsonDocument::Compact));
    q.addBindValue(optionalString(s.request.region));
    q.addBindValue(s.startsAtMs);
    q.addBindValue(s.request.endsAtMs);
    q.addBindValue(s.endedAtMs ? QVariant(*s.endedAtMs)
                               : QVariant(QMetaType::fromType<qlonglong>()));
    q.addBindValue(s.request.reason);
    q.addBindValue(s.createdBy);
    q.addBindValue(s.createdAtMs);
    q.exec();
    warnIfFailed(q);
}

QList<AuditEntry> SimDatabase::loadAudit(const QString &action, const QString &subject) const
{
    QList<AuditEntry> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    QStringList where{u"1"_s};
    if (!action.isEmpty())
        where << u"action = ?"_s;
    if (!subject.isEmpty())
        where << u"subject = ?"_s;
    q.prepare(u"SELECT seq, at_ms, actor, action, subject, detail FROM audit WHERE %1 ORDER BY "
              "seq"_s.arg(where.join(u" AND "_s)));
    if (!action.isEmpty())
        q.addBindValue(action);
    if (!subject.isEmpty())
        q.addBindValue(subject);
    q.exec();
    warnIfFailed(q);
    while (q.next()) {
        out.append(AuditEntry{q.value(0).toLongLong(), q.value(1).toLongLong(),
                              q.value(2).toString(), q.value(3).toString(), q.value(4).toString(),
                              q.value(5).toString()});
    }
    return out;
}

void SimDatabase::appendAudit(const AuditEntry &e)
{
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO audit (at_ms, actor, action, subject, detail) VALUES (?,?,?,?,?)"_s);
    q.addBindValue(e.atMs);
    q.addBindValue(e.actor);
    q.addBindValue(e.action);
    q.addBindValue(e.subject);
    q.addBindValue(e.detail);
    q.exec();
    warnIfFailed(q);
}

void SimDatabase::beginBatch()
{
    m_db.transaction();
}

void SimDatabase::commitBatch()
{
    if (!m_db.commit())
        std::fprintf(stderr, "prego-cp-sim: commit failed: %s\n",
                     qPrintable(m_db.lastError().text()));
}

QByteArray SimDatabase::jobToStorage(const Job &job)
{
    const ProvisionRequest &r = job.request;
    QJsonObject o;
    o[u"seq"] = job.seq;
    o[u"job_id"] = r.jobId;
    o[u"tenant_id"] = r.tenantId;
    o[u"region"] = r.region;
    o[u"create_new_server"] = r.createNewServer;
    o[u"target_server_id"] = jsonOptional(r.targetServerId);
    o[u"dedicated"] = r.dedicated;
    o[u"trace_id"] = jsonOptional(r.traceId);
    o[u"status"] = job.status;
    o[u"stack"] = jsonOptional(job.stack);
    o[u"created_at_ms"] = job.createdAtMs;
    o[u"updated_at_ms"] = job.updatedAtMs;
    o[u"finished_at_ms"] = job.finishedAtMs;
    if (job.error) {
        o[u"error"] = QJsonObject{{u"stage"_s, job.error->stage},
                                  {u"code"_s, job.error->code},
                                  {u"message"_s, job.error->message}};
    }
    QJsonArray stages;
    for (const Stage &s : job.stages) {
        stages.append(QJsonObject{{u"name"_s, s.name},
                                  {u"status"_s, s.status},
                                  {u"started_at_ms"_s, s.startedAtMs},
                                  {u"finished_at_ms"_s, s.finishedAtMs},
                                  {u"detail"_s, s.detail},
                                  {u"skip_reason"_s, s.skipReason}});
    }
    o[u"stages"] = stages;
    QJsonArray outputs;
    for (const ServerOutput &s : job.outputs) {
        outputs.append(QJsonObject{{u"role"_s, s.role},
                                   {u"node_id"_s, s.nodeId},
                                   {u"hostname"_s, s.hostname},
                                   {u"ipv4"_s, s.ipv4}});
    }
    o[u"outputs"] = outputs;
    QJsonArray audit;
    for (const AuditRow &a : job.audit) {
        audit.append(QJsonObject{{u"at_ms"_s, a.atMs},
                                 {u"actor"_s, a.actor},
                                 {u"action"_s, a.action},
                                 {u"detail"_s, a.detail}});
    }
    o[u"audit"] = audit;
    o[u"injected_failures_spent"] = QJsonArray::fromStringList(job.injectedFailuresSpent.values());
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<Job> SimDatabase::jobFromStorage(const QByteArray &doc)
{
    const QJsonObject o = QJsonDocument::fromJson(doc).object();
    if (o.isEmpty())
        return std::nullopt;
    Job job;
    job.seq = o[u"seq"].toInteger();
    ProvisionRequest &r = job.request;
    r.jobId = o[u"job_id"].toString();
    r.tenantId = o[u"tenant_id"].toString();
    r.region = o[u"region"].toString();
    r.createNewServer = o[u"create_new_server"].toBool();
    r.targetServerId = optionalFromJson(o[u"target_server_id"]);
    r.dedicated = o[u"dedicated"].toBool();
    r.traceId = optionalFromJson(o[u"trace_id"]);
    job.status = o[u"status"].toString();
    job.stack = optionalFromJson(o[u"stack"]);
    job.createdAtMs = o[u"created_at_ms"].toInteger();
    job.updatedAtMs = o[u"updated_at_ms"].toInteger();
    job.finishedAtMs = o[u"finished_at_ms"].toInteger();
    if (o[u"error"].isObject()) {
        const QJsonObject e = o[u"error"].toObject();
        job.error =
            JobError{e[u"stage"].toString(), e[u"code"].toString(), e[u"message"].toString()};
    }
    for (const QJsonValue &v : o[u"stages"].toArray()) {
        const QJsonObject s = v.toObject();
        job.stages.append(Stage{s[u"name"].toString(), s[u"status"].toString(),
                                s[u"started_at_ms"].toInteger(), s[u"finished_at_ms"].toInteger(),
                                s[u"detail"].toString(), s[u"skip_reason"].toString()});
    }
    for (const QJsonValue &v : o[u"outputs"].toArray()) {
        const QJsonObject s = v.toObject();
        job.outputs.append(ServerOutput{s[u"role"].toString(), s[u"node_id"].toString(),
                                        s[u"hostname"].toString(), s[u"ipv4"].toString()});
    }
    for (const QJsonValue &v : o[u"audit"].toArray()) {
        const QJsonObject a = v.toObject();
        job.audit.append(AuditRow{a[u"at_ms"].toInteger(), a[u"actor"].toString(),
                                  a[u"action"].toString(), a[u"detail"].toString()});
    }
    for (const QJsonValue &v : o[u"injected_failures_spent"].toArray())
        job.injectedFailuresSpent.insert(v.toString());
    return job;
}

} // namespace prego::sim
