#include "nodeannotations.h"

#include "jobtext.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace prego::NodeAnnotations {

namespace {

// Gives the functions below one translation context.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(prego::NodeAnnotations)
};

QString percent(double value)
{
    //: a percentage in an alert's title, e.g. "93.5 %"
    return Text::tr("%1 %").arg(QLocale().toString(value, 'f', 1));
}

QString jobTitle(const Job &job, const QString &nodeId)
{
    if (job.targetServerId == nodeId) {
        if (job.status == u"Completed")
            return Text::tr("Tenant %1 placed").arg(job.tenantId);
        if (job.status == u"Failed")
            return Text::tr("Placing tenant %1 failed").arg(job.tenantId);
        return Text::tr("Placing tenant %1…").arg(job.tenantId);
    }
    QString created = Text::tr("Node created for tenant %1").arg(job.tenantId);
    if (job.path == u"dedicated") {
        for (const JobServer &server : job.servers) {
            if (server.nodeId == nodeId && !server.role.isEmpty()) {
                //: %1 is the server's role as the control plane names it (app, db, redis)
                created = Text::tr("Dedicated %1 server created for tenant %2")
                              .arg(server.role, job.tenantId);
                break;
            }
        }
    }
    // The node exists once registered, even when a later stage failed or is still running.
    if (job.status != u"Completed")
        //: %1 what the job did to the node, %2 the job's status (Running, Failed…)
        return Text::tr("%1 (job: %2)").arg(created, JobText::jobStatus(job.status));
    return created;
}

QString jobActor(const Job &job)
{
    for (const JobAuditEntry &entry : job.audit) {
        if (entry.action == u"job.created")
            return entry.actor;
    }
    return job.audit.isEmpty() ? QString() : job.audit.first().actor;
}

bool touches(const Job &job, const QString &nodeId)
{
    if (job.targetServerId == nodeId)
        return true;
    return std::any_of(job.servers.cbegin(), job.servers.cend(),
                       [&](const JobServer &s) { return s.nodeId == nodeId; });
}

void addFiringPeriods(const QString &nodeId, const QList<AlertTransition> &transitions,
                      QList<ChartAnnotation> &out)
{
    QList<AlertTransition> mine;
    for (const AlertTransition &t : transitions) {
        if (t.nodeId == nodeId)
            mine.append(t);
    }
    std::stable_sort(mine.begin(), mine.end(),
                     [](const AlertTransition &a, const AlertTransition &b) {
                         return a.rule != b.rule ? a.rule < b.rule : a.atMs < b.atMs;
                     });
    std::optional<ChartAnnotation> open;
    const auto close = [&](std::optional<qint64> at) {
        if (!open)
            return;
        open->toMs = at;
        out.append(*open);
        open.reset();
    };
    for (qsizetype i = 0; i < mine.size(); ++i) {
        const AlertTransition &t = mine.at(i);
        if (i > 0 && mine.at(i - 1).rule != t.rule)
            close(std::nullopt); // the previous rule is still firing
        if (t.to == AlertState::Firing) {
            if (open)
                continue; // already firing: the period began earlier
            ChartAnnotation a;
            a.kind = ChartAnnotation::Kind::Alert;
            a.fromMs = t.atMs;
            a.rule = t.rule;
            a.title = firingTitle(t.rule, t.value, t.detail);
            open = a;
        } else {
            // Resolved or Unknown (Pending cannot follow Firing; if it did, firing ended there).
            close(t.atMs);
        }
    }
    close(std::nullopt);
}

} // namespace

QString firingTitle(AlertRule rule, std::optional<double> value, const QString &detail)
{
    switch (rule) {
    case AlertRule::Freshness:
        return detail == u"never_reported" ? Text::tr("Alert firing: never reported")
                                           : Text::tr("Alert firing: node stale");
    case AlertRule::Cpu:
        return value ? Text::tr("CPU alert firing at %1").arg(percent(*value))
                     : Text::tr("CPU alert firing");
    case AlertRule::Memory:
        return value ? Text::tr("Memory alert firing at %1").arg(percent(*value))
                     : Text::tr("Memory alert firing");
    case AlertRule::Disk:
        return value ? Text::tr("Disk alert firing at %1").arg(percent(*value))
                     : Text::tr("Disk alert firing");
    }
    return {};
}

QList<ChartAnnotation> build(const QString &nodeId, const QString &region, const QList<Job> &jobs,
                             const QList<Silence> &silences,
                             const QList<AlertTransition> &transitions)
{
    QList<ChartAnnotation> out;
    for (const Job &job : jobs) {
        if (!touches(job, nodeId))
            continue;
        const std::optional<qint64> at =
            job.finishedAtMs ? job.finishedAtMs
                             : (job.updatedAtMs ? job.updatedAtMs : job.createdAtMs);
        if (!at)
            continue; // nowhere to put it
        ChartAnnotation a;
        a.kind = ChartAnnotation::Kind::Job;
        a.fromMs = *at;
        if (job.isFinished())
            a.toMs = *at;
        a.title = jobTitle(job, nodeId);
        a.who = jobActor(job);
        a.jobId = job.jobId;
        out.append(a);
    }
    for (const Silence &silence : silences) {
        if (!silence.covers(nodeId, region))
            continue;
        ChartAnnotation a;
        a.kind = ChartAnnotation::Kind::Silence;
        a.fromMs = silence.startsAtMs;
        a.toMs = silence.effectiveEndMs();
        //: %1 is the reason the operator gave for the maintenance silence
        a.title = Text::tr("Silenced: %1").arg(silence.reason);
        a.who = silence.createdBy;
        a.reason = silence.reason;
        out.append(a);
    }
    addFiringPeriods(nodeId, transitions, out);
    std::stable_sort(
        out.begin(), out.end(),
        [](const ChartAnnotation &a, const ChartAnnotation &b) { return a.fromMs < b.fromMs; });
    return out;
}

} // namespace prego::NodeAnnotations
