#pragma once

#include "backoff.h"
#include "controlplane.h"
#include "storage/joboutbox.h"
#include "submitresult.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace prego {

class ApiCall;

// Sends one outbox row to the control plane until the answer is certain: a job object with one
// final signal. Every attempt carries the stored body bytes and `Idempotency-Key: <job_id>`, so
// the control plane can only ever create one job for it. Made by ProvisionSubmitter.
class ProvisionSubmission final : public QObject
{
    Q_OBJECT
public:
    enum class Mode {
        Send,   // POST now (a fresh submit, or the operator resending)
        Resume, // first ask the control plane whether it has the job; POST only on 404
    };
    struct Options
    {
        int maxAttempts = 0; // attempts after a transient failure; 0 = until the answer is certain
        int firstRetryMs = 1000;
        int maxRetryMs = 60 * 1000;
    };

    ProvisionSubmission(ControlPlane *controlPlane, JobOutbox *outbox, JobOutbox::Entry entry,
                        Mode mode, Options options, QObject *parent = nullptr);
    // A submission that ends with this result on the next event-loop turn (nothing is sent).
    static ProvisionSubmission *failed(SubmitResult result, QObject *parent);

    void start();
    // Stops retrying; the outbox row stays as it is, to be recovered on the next start.
    void cancel();

    QString jobId() const { return m_entry.jobId; }
    JobOutbox::State state() const { return m_state; }
    int attempts() const { return m_attempts; }
    bool isFinished() const { return m_done; }

Q_SIGNALS:
    // Progress, e.g. Unknown with "unknown — retrying with the same job id". Not final.
    void stateChanged(prego::JobOutbox::State state, const QString &note);
    void finished(const prego::SubmitResult &result);

private:
    void lookUp();
    void send();
    void onLookedUp(const ApiResult<Job> &result);
    void onSent(const ApiResult<Job> &result);
    void transientFailure(const ApiError &error, bool lookup);
    void setState(JobOutbox::State state, const QString &note);
    void finish(SubmitResult result);

    QPointer<ControlPlane> m_controlPlane;
    JobOutbox *m_outbox; // outlives the submitter that made this submission
    JobOutbox::Entry m_entry;
    Mode m_mode;
    Options m_options;
    Backoff m_backoff;
    QTimer m_retryTimer;
    QPointer<ApiCall> m_call;
    JobOutbox::State m_state;
    int m_attempts = 0;
    bool m_done = false;
};

} // namespace prego
