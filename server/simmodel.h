#pragma once

// Plain records the simulator keeps in memory and persists in SQLite.

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace prego::sim {

struct Metrics
{
    std::optional<double> cpuPct;
    std::optional<double> memoryPct;
    std::optional<double> diskPct;
    std::optional<qint64> tenantCount;
    qint64 updatedAtMs = 0;
};

struct NodeRecord
{
    QString nodeId;
    QString hostname;
    QString ipv4;
    QString region;
    QString placement; // shared | dedicated
    QString role;      // shared | app | db | redis
    std::optional<QString> tenantId;
    std::optional<QString> stack;
    bool acceptsTenants = true;
    QString status = QStringLiteral("active");
    qint64 createdAtMs = 0;
    std::optional<Metrics> metrics;

    // Registration compares what a client sent, not server-side fields.
    bool sameRegistration(const NodeRecord &o) const
    {
        return nodeId == o.nodeId && hostname == o.hostname && ipv4 == o.ipv4 &&
               region == o.region && placement == o.placement && role == o.role &&
               tenantId == o.tenantId && stack == o.stack && acceptsTenants == o.acceptsTenants &&
               status == o.status;
    }
};

struct Stage
{
    QString name;
    QString status = QStringLiteral("pending"); // pending | running | succeeded | failed | skipped
    qint64 startedAtMs = 0;                     // 0 = null
    qint64 finishedAtMs = 0;
    QString detail;
    QString skipReason;
};

struct ServerOutput
{
    QString role;
    QString nodeId;
    QString hostname;
    QString ipv4;
};

struct AuditRow
{
    qint64 atMs = 0;
    QString actor;
    QString action;
    QString detail;
};

struct JobError
{
    QString stage;
    QString code;
    QString message;
};

struct ProvisionRequest
{
    QString jobId;
    QString tenantId;
    QString region;
    bool createNewServer = false;
    std::optional<QString> targetServerId;
    bool dedicated = false;
    std::optional<QString> traceId;

    bool operator==(const ProvisionRequest &) const = default;
    QString path() const
    {
        if (dedicated)
            return QStringLiteral("dedicated");
        return createNewServer ? QStringLiteral("shared-new") : QStringLiteral("shared-existing");
    }
};

struct Job
{
    qint64 seq = 0; // creation order, newest first in lists
    ProvisionRequest request;
    QString status = QStringLiteral("Queued"); // Queued | Running | Completed | Failed
    std::optional<QString> stack;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    qint64 finishedAtMs = 0; // 0 = null
    std::optional<JobError> error;
    QList<Stage> stages; // always run; exposed only when a trace_id was given
    QList<ServerOutput> outputs;
    QList<AuditRow> audit;
    QSet<QString> injectedFailuresSpent; // stages whose one injected failure already happened

    bool isActive() const { return status == u"Queued" || status == u"Running"; }
};

// The body of POST /internal/silences as accepted (control-plane-api.md, Silences): what a replay
// with the same silence_id is compared against.
struct SilenceRequest
{
    QString silenceId;
    QStringList nodeIds;           // empty when the silence names a region
    std::optional<QString> region; // set when it names a region instead of nodes
    qint64 endsAtMs = 0;
    QString reason;

    bool operator==(const SilenceRequest &) const = default;
};

struct SilenceRecord
{
    qint64 seq = 0; // creation order
    SilenceRequest request;
    qint64 startsAtMs = 0;
    std::optional<qint64> endedAtMs; // ended early (DELETE)
    QString createdBy;               // the token's name
    qint64 createdAtMs = 0;

    // When it stopped or will stop being in force.
    qint64 effectiveEndMs() const { return endedAtMs ? *endedAtMs : request.endsAtMs; }
    bool isActiveAt(qint64 nowMs) const
    {
        return !endedAtMs && startsAtMs <= nowMs && nowMs < request.endsAtMs;
    }
};

// An audit row of the control plane that belongs to no job (a job keeps its own rows): silences.
struct AuditEntry
{
    qint64 seq = 0;
    qint64 atMs = 0;
    QString actor;
    QString action;
    QString subject; // what the row is about, e.g. a silence_id
    QString detail;
};

} // namespace prego::sim
