#include "alertmonitor.h"

#include "alertsession.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace prego {

// Lives on the monitor's thread and owns the session there (its Qt Sql connection is made and
// closed on that thread). It has no signals: each job posts its answer to the monitor.
class AlertMonitorWorker : public QObject
{
public:
    std::unique_ptr<AlertSession> session;
    std::shared_ptr<const NodesSnapshot> lastSnapshot;
    int lastStaleAfterSeconds = 0;
    QString lastSaveError; // reported once, not on every poll while the disk stays full

    AlertSession &ensureSession()
    {
        if (!session)
            session = std::make_unique<AlertSession>(QString());
        return *session;
    }
};

AlertMonitor::AlertMonitor(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<prego::Alert>();
    qRegisterMetaType<prego::AlertTransition>();
    qRegisterMetaType<prego::AlertRules>();
    qRegisterMetaType<prego::AlertAck>();
    qRegisterMetaType<QList<prego::Alert>>();
    qRegisterMetaType<QList<prego::AlertTransition>>();

    m_thread.setObjectName(u"prego-alerts"_s);
    auto *worker = new AlertMonitorWorker;
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    m_worker = worker;
    m_thread.start();
}

AlertMonitor::~AlertMonitor()
{
    // Runs after everything posted before it: the last evaluations are saved, then the session
    // closes its connection on its own thread.
    if (AlertMonitorWorker *worker = m_worker)
        QMetaObject::invokeMethod(
            worker, [worker] { worker->session.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void AlertMonitor::open(const QString &path)
{
    AlertMonitorWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [this, worker, path] {
        worker->session = std::make_unique<AlertSession>(path);
        const QString problem = worker->session->open();
        const bool persistent = worker->session->isPersistent();
        const AlertRules rules = worker->session->rules();
        const QList<Alert> current = worker->session->current();
        QMetaObject::invokeMethod(this, [=, this] {
            Q_EMIT opened(persistent ? QString() : problem);
            if (!problem.isEmpty())
                Q_EMIT failed(persistent ? problem
                                         : tr("%1\nAlerts are still evaluated, but they are not "
                                              "kept across a restart.")
                                               .arg(problem));
            Q_EMIT rulesLoaded(rules);
            Q_EMIT alertsUpdated(current, {});
        });
    });
}

void AlertMonitor::observe(std::shared_ptr<const NodesSnapshot> snapshot, int staleAfterSeconds)
{
    if (!snapshot)
        return;
    AlertMonitorWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [this, worker, snapshot = std::move(snapshot), staleAfterSeconds] {
            AlertSession &session = worker->ensureSession();
            worker->lastSnapshot = snapshot;
            worker->lastStaleAfterSeconds = staleAfterSeconds;
            AlertSession::Observed observed = session.observe(*snapshot, staleAfterSeconds);
            QString error;
            if (observed.error != worker->lastSaveError) {
                worker->lastSaveError = observed.error;
                error = observed.error;
            }
            if (!observed.changed && error.isEmpty())
                return;
            const QList<Alert> current = observed.changed ? session.current() : QList<Alert>();
            const std::optional<AlertRules> rules =
                observed.rulesReloaded ? std::optional(session.rules()) : std::nullopt;
            QMetaObject::invokeMethod(this, [=, this, transitions = std::move(observed.transitions),
                                             changed = observed.changed] {
                if (!error.isEmpty())
                    Q_EMIT failed(error);
                if (rules)
                    Q_EMIT rulesLoaded(*rules);
                if (changed)
                    Q_EMIT alertsUpdated(current, transitions);
            });
        });
}

void AlertMonitor::replay(QList<std::shared_ptr<const NodesSnapshot>> snapshots,
                          int staleAfterSeconds)
{
    AlertMonitorWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [this, worker, snapshots = std::move(snapshots),
                                       staleAfterSeconds] {
        AlertSession &session = worker->ensureSession();
        QString error;
        for (const auto &snapshot : snapshots) {
            if (!snapshot)
                continue;
            const AlertSession::Observed observed = session.observe(*snapshot, staleAfterSeconds);
            if (error.isEmpty())
                error = observed.error;
        }
        const QList<Alert> current = session.current();
        // What the past brought is in the history; nothing of it is news to announce.
        QMetaObject::invokeMethod(this, [=, this] {
            if (!error.isEmpty())
                Q_EMIT failed(error);
            Q_EMIT alertsUpdated(current, {});
        });
    });
}

void AlertMonitor::acknowledge(const QString &key, const AlertAck &ack)
{
    AlertMonitorWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [this, worker, key, ack] {
        AlertSession &session = worker->ensureSession();
        const QString error = session.acknowledge(key, ack);
        const QList<Alert> current = session.current();
        QMetaObject::invokeMethod(this, [=, this] {
            if (!error.isEmpty())
                Q_EMIT failed(error);
            Q_EMIT alertsUpdated(current, {});
        });
    });
}

void AlertMonitor::setRules(const AlertRules &rules)
{
    AlertMonitorWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [this, worker, rules] {
        AlertSession &session = worker->ensureSession();
        const QString error = session.setRules(rules, QDateTime::currentMSecsSinceEpoch());
        if (!error.isEmpty()) {
            QMetaObject::invokeMethod(this, [this, error] { Q_EMIT failed(error); });
            return;
        }
        // The new rules apply to what is known now, not only from the next poll: a disabled
        // rule's alerts resolve, a lowered threshold starts counting at the current samples.
        AlertSession::Observed observed;
        if (worker->lastSnapshot)
            observed = session.observe(*worker->lastSnapshot, worker->lastStaleAfterSeconds);
        const QList<Alert> current = session.current();
        const QString saveError = observed.error;
        QMetaObject::invokeMethod(this, [=, this, transitions = std::move(observed.transitions)] {
            if (!saveError.isEmpty())
                Q_EMIT failed(saveError);
            Q_EMIT rulesLoaded(rules);
            Q_EMIT alertsUpdated(current, transitions);
        });
    });
}

void AlertMonitor::requestHistory(qint64 sinceMs)
{
    AlertMonitorWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [this, worker, sinceMs] {
        const QList<AlertTransition> history = worker->ensureSession().history(sinceMs);
        QMetaObject::invokeMethod(this, [this, history] { Q_EMIT historyLoaded(history); });
    });
}

} // namespace prego
