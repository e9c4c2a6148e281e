#pragma once

#include "types/alert.h"
#include "types/node.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>

#include <memory>

namespace prego {

class AlertMonitorWorker;

// The console's alerting for one profile, owned by the composition root: an AlertSession (engine
// and store) on its own worker thread, so the UI thread only posts each poll's snapshot and
// receives the results. Every method returns at once; answers come back as signals on the
// owner's thread, in the order the calls were made.
//
//   monitor->open(AlertStore::defaultPath(profile));
//   connect(poller, &FleetPoller::snapshotReceived, monitor, [=](const NodesSnapshot &s) {
//       monitor->observe(std::make_shared<const NodesSnapshot>(s), profile.staleAfterSeconds);
//   });
//
// Call open() first; until then (or when the file cannot be used) alerts are evaluated in memory
// only. Destroying the monitor finishes what was posted, then stops the thread.
class AlertMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertMonitor)

public:
    explicit AlertMonitor(QObject *parent = nullptr);
    ~AlertMonitor() override;

    void open(const QString &path);
    // Evaluates one poll (every sample counts, so none is skipped); shared, never copied.
    void observe(std::shared_ptr<const NodesSnapshot> snapshot, int staleAfterSeconds);
    // Evaluates a series of older snapshots in order (the demo's simulated past) and answers
    // once, with the alerts as they then stand and no transitions: the past is history (kept in
    // the store), not news for notifications.
    void replay(QList<std::shared_ptr<const NodesSnapshot>> snapshots, int staleAfterSeconds);
    void acknowledge(const QString &key, const AlertAck &ack);
    // Validated on the worker: invalid rules are refused with failed() and change nothing; valid
    // ones are saved, announced with rulesLoaded() and applied to the last snapshot at once.
    void setRules(const AlertRules &rules);
    void requestHistory(qint64 sinceMs);

Q_SIGNALS:
    // Empty: the file is in use. Otherwise why not (translated); alerts are then evaluated in
    // memory and not kept across a restart.
    void opened(const QString &error);
    // The pending, firing and unknown alerts after an evaluation that changed something, an
    // acknowledgement or a rules change, and the transitions that brought them (often none).
    void alertsUpdated(const QList<prego::Alert> &current,
                       const QList<prego::AlertTransition> &transitions);
    void historyLoaded(const QList<prego::AlertTransition> &transitions); // newest first
    void rulesLoaded(const prego::AlertRules &rules);
    // A translated message: the file, a write, an acknowledgement or the rules failed.
    void failed(const QString &message);

private:
    QThread m_thread;
    QPointer<AlertMonitorWorker> m_worker;
};

} // namespace prego

Q_DECLARE_METATYPE(prego::Alert)
Q_DECLARE_METATYPE(prego::AlertTransition)
Q_DECLARE_METATYPE(prego::AlertRules)
Q_DECLARE_METATYPE(prego::AlertAck)
