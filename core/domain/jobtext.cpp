#include "jobtext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace prego::JobText {

QString jobStatus(const QString &status)
{
    if (status == u"Queued")
        return QCoreApplication::translate("prego::JobText", "Queued");
    if (status == u"Running")
        return QCoreApplication::translate("prego::JobText", "Running");
    if (status == u"Completed")
        return QCoreApplication::translate("prego::JobText", "Completed");
    if (status == u"Failed")
        return QCoreApplication::translate("prego::JobText", "Failed");
    return status;
}

QString stageStatus(const QString &status)
{
    if (status == u"pending")
        return QCoreApplication::translate("prego::JobText", "pending");
    if (status == u"running")
        return QCoreApplication::translate("prego::JobText", "running");
    if (status == u"succeeded")
        return QCoreApplication::translate("prego::JobText", "succeeded");
    if (status == u"failed")
        return QCoreApplication::translate("prego::JobText", "failed");
    if (status == u"skipped")
        return QCoreApplication::translate("prego::JobText", "skipped");
    return status;
}

QString stageExplanation(const QString &stage)
{
    if (stage == u"validate")
        return QCoreApplication::translate("prego::JobText",
                                           "The control plane checked the request and refused it.");
    if (stage == u"resolve_host")
        return QCoreApplication::translate(
            "prego::JobText", "The target node could not be found or does not take tenants.");
    if (stage == u"pulumi_up")
        return QCoreApplication::translate(
            "prego::JobText", "Pulumi could not create or update the servers of the stack.");
    if (stage == u"register_node")
        return QCoreApplication::translate("prego::JobText",
                                           "The new server could not be registered as a node.");
    if (stage == u"dns")
        return QCoreApplication::translate("prego::JobText",
                                           "The tenant's DNS records could not be set.");
    if (stage == u"ansible")
        return QCoreApplication::translate("prego::JobText",
                                           "Configuring the servers with Ansible failed.");
    if (stage == u"callbacks")
        return QCoreApplication::translate("prego::JobText",
                                           "The tenant's callbacks could not be delivered.");
    return QCoreApplication::translate("prego::JobText", "A stage of the job failed.");
}

QString rfc3339(std::optional<qint64> ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC).toString(Qt::ISODateWithMs)
              : QString();
}

QString seconds(qint64 ms)
{
    return QCoreApplication::translate("prego::JobText", "%1 s")
        .arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
}

QString timelineLine(const Job &job, const JobStage &stage)
{
    const std::optional<qint64> at = stage.finishedAtMs ? stage.finishedAtMs : stage.startedAtMs;
    const QString offset =
        at && job.createdAtMs ? u"+"_s + seconds(*at - *job.createdAtMs) : u"–"_s;
    const auto duration = stage.durationMs();
    QString detail = stage.detail.value_or(QString());
    if (stage.skipReason)
        detail =
            QCoreApplication::translate("prego::JobText", "skipped: %1").arg(*stage.skipReason);
    return QStringLiteral("%1  %2  %3  %4  %5")
        .arg(offset, 10)
        .arg(stage.name, -14)
        .arg(JobText::stageStatus(stage.status), -10)
        .arg(duration ? seconds(*duration) : u"–"_s, 8)
        .arg(detail)
        .trimmed();
}

QString describe(const Job &job)
{
    QStringList lines;
    lines << QCoreApplication::translate("prego::JobText", "Job %1: %2")
                 .arg(job.jobId, JobText::jobStatus(job.status));
    // A target only when the request named one (shared-existing): a new node and a dedicated
    // stack have none, their servers are listed below.
    if (job.targetServerId)
        lines << QCoreApplication::translate("prego::JobText",
                                             "Tenant %1, path %2, stack %3, target %4")
                     .arg(job.tenantId, job.path, job.stack.value_or(u"–"_s), *job.targetServerId);
    else
        lines << QCoreApplication::translate("prego::JobText", "Tenant %1, path %2, stack %3")
                     .arg(job.tenantId, job.path, job.stack.value_or(u"–"_s));
    lines << QCoreApplication::translate("prego::JobText", "Created %1, finished %2")
                 .arg(rfc3339(job.createdAtMs),
                      job.finishedAtMs ? rfc3339(job.finishedAtMs) : u"–"_s);
    if (job.error)
        lines << QCoreApplication::translate("prego::JobText", "Error in stage %1 (%2): %3")
                     .arg(job.error->stage, job.error->code, job.error->message);
    if (job.traceId && job.traceRecorded) {
        lines << QCoreApplication::translate("prego::JobText", "Trace %1").arg(*job.traceId);
        for (const JobStage &stage : job.stages)
            lines << timelineLine(job, stage);
    } else {
        lines << QCoreApplication::translate(
            "prego::JobText", "This job has no trace: it was submitted without a trace_id.");
    }
    for (const JobServer &s : job.servers)
        lines << QCoreApplication::translate("prego::JobText", "Server %1: node %2, %3, %4")
                     .arg(s.role, s.nodeId, s.hostname, s.ipv4);
    if (!job.audit.isEmpty()) {
        lines << QCoreApplication::translate("prego::JobText", "Audit:");
        for (const JobAuditEntry &a : job.audit)
            lines << u"  %1  %2  %3  %4"_s.arg(rfc3339(a.atMs), a.actor, a.action, a.detail);
    }
    return lines.join(u'\n') + u'\n';
}

} // namespace prego::JobText
