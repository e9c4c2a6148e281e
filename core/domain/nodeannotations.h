#pragma once

#include "types/alert.h"
#include "types/job.h"
#include "types/silence.h"

#include <QList>
#include <QString>

#include <optional>

namespace prego {

// Something that happened to a node, marked on its detail charts (console.md, "Annotations").
struct ChartAnnotation
{
    // Job: a provisioning job that placed a tenant on the node, or created and registered it (a
    // marker). Silence: a maintenance silence covering the node (a band). Alert: a period in which
    // one of the node's alerts fired (a band along the top of the matching chart).
    enum class Kind { Job, Silence, Alert };

    Kind kind = Kind::Job;
    qint64 fromMs = 0; // server time
    // Job: equal to fromMs once the job has ended. Silence: its end (the early one when ended
    // early). Alert: when it resolved or turned unknown. Unset while it is still going.
    std::optional<qint64> toMs;
    QString title;                 // translated: what happened
    QString who;                   // the audit actor of a job, who set a silence; empty for alerts
    QString jobId;                 // Job
    QString reason;                // Silence: why, as the operator wrote it
    std::optional<AlertRule> rule; // Alert: which rule fired (which chart it belongs on)

    bool isOpen() const { return !toMs.has_value(); }
    bool operator==(const ChartAnnotation &) const = default;
};

namespace NodeAnnotations {

// A node's annotations, sorted by start time:
// - every job whose target_server_id is the node or whose outputs.servers name it, at the time it
//   finished (else its last update, else its creation), by the actor of its "job.created" audit
//   row (else the first audit row's actor; the jobs list leaves the audit out, so often nobody);
// - every silence naming the node or its region, from its start to its effective end;
// - every firing period of the node's alerts: from a transition to Firing to the next one to
//   Resolved or Unknown for the same rule, open when there is none yet.
// `transitions` may hold other nodes' transitions and need not be sorted.
QList<ChartAnnotation> build(const QString &nodeId, const QString &region, const QList<Job> &jobs,
                             const QList<Silence> &silences,
                             const QList<AlertTransition> &transitions);

// The translated title of a firing period of `rule` (value: the value that made it fire).
QString firingTitle(AlertRule rule, std::optional<double> value, const QString &detail);

} // namespace NodeAnnotations
} // namespace prego
