#pragma once

#include "joblist.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace prego {

class ApiCall;
class ControlPlane;
class JobOutbox;
class ProvisionSubmitter;

// What the jobs list shows after one refresh: the control plane's newest jobs merged with the
// local ones it has not confirmed yet, or the last good list and why it could not be refreshed.
struct JobListing
{
    QList<JobListRow> rows;
    qint64 serverNowMs = 0;
    QString problem;       // translated; empty when the control plane answered
    bool answered = false; // false until the first answer (or failure)
};

// Polls GET /internal/provision-jobs (the newest 200) while someone watches the list: every
// 2 s while a job is active, every 30 s otherwise, at once when a submission ends. It reads the
// local outbox for the rows the control plane does not list yet. Owned by the composition root;
// views show its listings.
class JobsPoller final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobsPoller)

public:
    static constexpr int ActiveRefreshMs = 2000;
    static constexpr int IdleRefreshMs = 30000;

    JobsPoller(ControlPlane *controlPlane, JobOutbox *outbox, ProvisionSubmitter *submitter,
               QObject *parent = nullptr);

    // Polls only while watched (the jobs list is shown); watching asks at once.
    void setWatched(bool watched);
    bool isWatched() const { return m_watched; }
    // Asks now (unless a call is already out); the answer is listed() as usual.
    void refresh();
    const JobListing &listing() const { return m_listing; }
    int nextDelayMs() const { return m_timer.isActive() ? m_timer.interval() : -1; }

Q_SIGNALS:
    void listed(const prego::JobListing &listing);

private:
    void onAnswer(const std::optional<JobsPage> &page, const QString &problem);

    QPointer<ControlPlane> m_controlPlane;
    JobOutbox *m_outbox;
    QPointer<ApiCall> m_call;
    QTimer m_timer;
    QList<Job> m_serverJobs; // the last good answer, kept while the control plane cannot answer
    JobListing m_listing;
    bool m_watched = false;
};

} // namespace prego

Q_DECLARE_METATYPE(prego::JobListing)
