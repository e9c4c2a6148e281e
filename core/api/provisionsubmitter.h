#pragma once

#include "provisionsubmission.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace prego {

class ControlPlane;
class JobOutbox;
struct ProvisionRequest;

// Submits provisioning requests so that a double click, a retry or a crash at any moment never
// creates a second job: validate, write the outbox row and commit, then POST the stored bytes
// with `Idempotency-Key: <job_id>`; on start, recover() looks up every row that was sent but never
// answered and resends it only when the control plane does not know the job.
class ProvisionSubmitter final : public QObject
{
    Q_OBJECT
public:
    ProvisionSubmitter(ControlPlane *controlPlane, JobOutbox *outbox, QObject *parent = nullptr);

    void setOptions(ProvisionSubmission::Options options) { m_options = options; }

    // Writes and commits the outbox row now; the POST starts on the next event-loop turn.
    // Always returns a submission that ends with one finished(). Invalid requests end Rejected
    // with the local fields and send nothing. While a submission for the same job id runs, that
    // one is returned (a second click adds nothing).
    ProvisionSubmission *submit(const ProvisionRequest &request, const QString &profile);
    // One Resume submission per unresolved outbox row (not already running).
    QList<ProvisionSubmission *> recover();

    ProvisionSubmission *running(const QString &jobId) const;

Q_SIGNALS:
    // Every submission's final result, for lists that show local jobs.
    void submissionFinished(const prego::SubmitResult &result);

private:
    ProvisionSubmission *track(ProvisionSubmission *submission);

    QPointer<ControlPlane> m_controlPlane;
    JobOutbox *m_outbox;
    ProvisionSubmission::Options m_options;
    QHash<QString, QPointer<ProvisionSubmission>> m_running;
};

} // namespace prego
