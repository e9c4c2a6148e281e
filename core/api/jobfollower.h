#pragma once

#include "backoff.h"
#include "controlplane.h"
#include "types/job.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace prego {

class ApiCall;

// Follows one job until it ends: polls GET /internal/provision-jobs/{id}, reports every stage
// transition once (for a text timeline or a growing Gantt), and ends with one finished() when the
// job is Completed or Failed, or when following it is no longer possible.
class JobFollower final : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        std::optional<Job> job;        // the last state seen
        std::optional<ApiError> error; // set when the job could not be followed to its end
        bool completed() const { return !error && job && job->status == u"Completed"; }
    };

    JobFollower(ControlPlane *controlPlane, QString jobId, int intervalMs,
                QObject *parent = nullptr);
    QString jobId() const { return m_jobId; }

    // Transient failures (network, timeout, 5xx) tolerated in a row before giving up.
    void setMaxFailures(int failures) { m_maxFailures = failures; }
    void start();
    void stop(); // ends with the last state seen

Q_SIGNALS:
    // Every answer; `raw` is the body as the control plane sent it.
    void jobUpdated(const prego::Job &job, const QByteArray &raw);
    // A stage reached a status not seen before for it (pending is not reported).
    void stageChanged(const prego::Job &job, const prego::JobStage &stage);
    void finished(const prego::JobFollower::Result &result);

private:
    void poll();
    void onAnswer(const ApiResult<Job> &result);
    void finish(Result result);

    QPointer<ControlPlane> m_controlPlane;
    QString m_jobId;
    int m_intervalMs;
    int m_maxFailures = 10;
    Backoff m_backoff;
    QTimer m_timer;
    QPointer<ApiCall> m_call;
    QHash<QString, QString> m_seen; // stage name -> last status reported
    std::optional<Job> m_last;
    bool m_done = false;
};

} // namespace prego
