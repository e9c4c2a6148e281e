#pragma once

#include <QObject>
#include <QPointer>

#include <memory>

namespace prego {

class ControlPlane;
class VerificationLoader;
class JobFollower;
class JobOutbox;
class JobWindow;
class JobsPoller;
class MainWindow;
class ProvisionSubmission;
class ProvisionSubmitter;
class ProvisionWizard;

// What the console does with one profile's control plane beyond the fleet poll: the jobs
// outbox and submitter (the wizard), the jobs list's poller, following the job the job window
// shows and resuming it, and the Definition-of-Done checks. It owns these core pieces and
// answers the views' intents; the views only show what it hands them. Made when a profile is
// connected, deleted when another one is.
class ProvisioningSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProvisioningSession)

public:
    // `outbox` may be null (no writable data directory): then nothing can be submitted, and the
    // lists, the job window and the checks still work.
    ProvisioningSession(QString profileName, ControlPlane *controlPlane,
                        std::unique_ptr<JobOutbox> outbox, MainWindow *window,
                        QObject *parent = nullptr);
    ~ProvisioningSession() override;

    JobOutbox *outbox() const { return m_outbox.get(); }
    ProvisionSubmitter *submitter() const { return m_submitter; }
    JobsPoller *jobsPoller() const { return m_jobsPoller; }
    // Requests sent but never answered (a crash, a lost connection): looked up by id, resent
    // only when the control plane does not know them.
    QList<ProvisionSubmission *> recover();

private:
    void attachJobWindow(JobWindow *view);
    void attachWizard(ProvisionWizard *wizard);
    void follow(const QString &jobId);
    void retry(const QString &jobId);
    void evaluate();

    QString m_profileName; // the outbox rows' profile
    QPointer<ControlPlane> m_controlPlane;
    MainWindow *m_window;
    std::unique_ptr<JobOutbox> m_outbox;
    ProvisionSubmitter *m_submitter = nullptr;
    JobsPoller *m_jobsPoller;
    QPointer<JobFollower> m_follower;
    QPointer<VerificationLoader> m_loader;
};

} // namespace prego
