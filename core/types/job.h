#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace prego {

// One stage of a job's trace. status: pending | running | succeeded | failed | skipped.
struct JobStage
{
    QString name;
    QString status;
    std::optional<qint64> startedAtMs;
    std::optional<qint64> finishedAtMs;
    std::optional<QString> detail;
    std::optional<QString> skipReason;

    std::optional<qint64> durationMs() const
    {
        if (!startedAtMs || !finishedAtMs)
            return std::nullopt;
        return *finishedAtMs - *startedAtMs;
    }
    bool operator==(const JobStage &) const = default;
};

// The error pinned on a Failed job.
struct JobError
{
    QString stage;
    QString code;
    QString message;
    bool operator==(const JobError &) const = default;
};

// A server the job created or uses (outputs.servers).
struct JobServer
{
    QString role;
    QString nodeId;
    QString hostname;
    QString ipv4;
    bool operator==(const JobServer &) const = default;
};

struct JobAuditEntry
{
    std::optional<qint64> atMs;
    QString actor;
    QString action;
    QString detail;
    bool operator==(const JobAuditEntry &) const = default;
};

// A provisioning job as GET /internal/provision-jobs/{id} describes it. Unknown fields are
// ignored; nullable ones are optionals. The list endpoint leaves out the audit.
struct Job
{
    QString jobId;
    QString tenantId;
    QString path;   // shared-existing | shared-new | dedicated
    QString status; // Queued | Running | Completed | Failed
    std::optional<QString> stack;
    std::optional<QString> targetServerId;
    std::optional<QString> traceId;
    bool traceRecorded = false;
    std::optional<qint64> createdAtMs;
    std::optional<qint64> updatedAtMs;
    std::optional<qint64> finishedAtMs;
    std::optional<JobError> error;
    QList<JobStage> stages;
    QList<JobServer> servers;
    QList<JobAuditEntry> audit;
    QByteArray request; // the body as accepted, compact JSON

    bool isFinished() const { return status == u"Completed" || status == u"Failed"; }
    // The stage running now, else the failed one, else the first pending one; empty when none.
    QString currentStage() const
    {
        for (const JobStage &s : stages) {
            if (s.status == u"running")
                return s.name;
        }
        for (const JobStage &s : stages) {
            if (s.status == u"failed")
                return s.name;
        }
        for (const JobStage &s : stages) {
            if (s.status == u"pending")
                return s.name;
        }
        return {};
    }
    bool operator==(const Job &) const = default;
};

// One page of GET /internal/provision-jobs.
struct JobsPage
{
    qint64 serverTimeMs = 0;
    QList<Job> jobs;
    std::optional<QString> nextCursor;
    QStringList warnings; // translated notes about entries that had to be ignored
};

} // namespace prego

Q_DECLARE_METATYPE(prego::Job)
