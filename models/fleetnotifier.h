#pragma once

#include "domain/freshness.h"
#include "types/job.h"
#include "types/node.h"

#include <QHash>
#include <QObject>

namespace prego {

// Decides what the tray says and when the desktop gets a notification: a bound node turning
// stale or reporting again, a job the console watched ending Completed or Failed. Only changes it
// has seen happen are announced (the first snapshot is the baseline, a job first seen finished is
// history), each once; many nodes turning at once make one notification, not a storm.
class FleetNotifier final : public QObject
{
    Q_OBJECT
public:
    enum class State { Unknown, AllFresh, SomeStale, Offline };
    Q_ENUM(State)
    enum class Severity { Information, Warning };
    // Above this many node changes in one snapshot, one summary notification.
    static constexpr int MaxSingleNotifications = 3;

    explicit FleetNotifier(QObject *parent = nullptr);

    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }

    void observeSnapshot(const NodesSnapshot &snapshot, qint64 serverNowMs, int staleAfterSeconds);
    void observePollFailed();
    void observeJobs(const QList<Job> &jobs);
    // Forget everything (another profile).
    void reset();

    State state() const { return m_state; }
    QString stateText() const; // translated, for the tray's tooltip

Q_SIGNALS:
    void stateChanged(prego::FleetNotifier::State state);
    void notificationRequested(const QString &title, const QString &body,
                               prego::FleetNotifier::Severity severity);

private:
    void setState(State state);
    void notify(const QString &title, const QString &body, Severity severity);

    bool m_enabled = true;
    bool m_haveBaseline = false;
    struct NodeState
    {
        bool stale = false;     // or never reported
        quint64 generation = 0; // the observeSnapshot() that last saw the node
    };
    QHash<QString, NodeState> m_stale; // bound node id → what the last snapshot said
    quint64 m_generation = 0;
    // The same by position in the last snapshot, for a next one that lists the same ids at the
    // same positions (NodesSnapshot::sameIdsAsGeneration): then no id is hashed, and m_stale is
    // brought up to date only when a snapshot with other ids comes (a fleet change).
    struct Position
    {
        bool bound = false; // counted: bound, and the first position of its id
        bool stale = false;
        bool repeated = false; // a later position of an id already listed: ignored
    };
    QList<Position> m_positions;
    QStringList m_ids;
    quint64 m_snapshotGeneration = 0;
    bool m_hashCurrent = true;
    QHash<QString, QString> m_jobs; // job id → last status seen
    State m_state = State::Unknown;
    int m_staleCount = 0;
};

} // namespace prego
