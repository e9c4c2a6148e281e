#pragma once

#include "domain/silenceindex.h"
#include "types/alert.h"
#include "types/job.h"
#include "types/node.h"

#include <QHash>
#include <QMap>
#include <QObject>
#include <QSet>

#include <functional>

namespace prego {

// Decides what the tray says and when the desktop gets a notification: an alert that fired after
// its window or resolved after firing, a job the console watched ending Completed or Failed.
// Never for a node under a maintenance silence, never for an acknowledged alert. The transitions
// of one evaluation make one notification per kind ("CPU ≥ 90 % on 2 nodes", "3 nodes stale"),
// and each kind notifies at most once a minute: what comes sooner is held back and folded into
// the next one of its kind (the first evaluation after that minute), not lost.
//
// A node going stale is announced by the freshness alert firing; the snapshots give the tray its
// state only.
class FleetNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetNotifier)
public:
    // The tray's state: the worst of what holds, ignoring silenced nodes. Offline (our polls
    // fail) over AlertsFiring over SomeStale (bound nodes not fresh) over AlertsPending (pending
    // or unknown alerts) over AllFresh; Unknown before the first snapshot.
    enum class State { Unknown, AllFresh, SomeStale, Offline, AlertsFiring, AlertsPending };
    Q_ENUM(State)
    enum class Severity { Information, Warning };
    // At most one notification of a kind (a rule, firing or resolved) in this time.
    static constexpr qint64 RateLimitMs = 60 * 1000;
    // Nodes named in a grouped notification's text; the rest are counted ("and 4 more").
    static constexpr int MaxListedNodes = 5;
    // Milliseconds on a monotonic clock; injectable for tests.
    using Clock = std::function<qint64()>;

    explicit FleetNotifier(QObject *parent = nullptr, Clock clock = {});

    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }
    // The profile's rules, for the thresholds a notification names ("disk ≥ 85 %").
    void setAlertRules(const AlertRules &rules) { m_rules = rules; }
    // The maintenance silences as listed; those in force at the server's time keep their nodes
    // quiet and out of the tray's state.
    void setSilences(QList<Silence> silences, qint64 serverNowMs);

    void observeSnapshot(const NodesSnapshot &snapshot, qint64 serverNowMs, int staleAfterSeconds);
    // One evaluation of the alert rules: its transitions and every alert as it now stands.
    // Announced: to Firing from Pending, from Resolved or as a new alert (not from Unknown, and a
    // new alert already firing at the first evaluation after reset() is not news); to Resolved
    // from Firing. Held-back notifications whose time has come go out here too.
    void observeAlerts(const QList<AlertTransition> &transitions, const QList<Alert> &current,
                       qint64 serverNowMs);
    void observePollFailed();
    void observeJobs(const QList<Job> &jobs);
    // Forget everything (another profile).
    void reset();

    State state() const { return m_state; }
    QString stateText() const; // translated, for the tray's tooltip
    // Transitions waiting for their kind's minute to pass.
    int heldBackCount() const;

Q_SIGNALS:
    void stateChanged(prego::FleetNotifier::State state);
    void notificationRequested(const QString &title, const QString &body,
                               prego::FleetNotifier::Severity severity);

private:
    struct Item
    {
        QString nodeId;
        QString region;
        AlertRule rule = AlertRule::Freshness;
        std::optional<double> value;
        QString detail;
    };
    // A notification's kind: its rule, firing or resolved, and for freshness whether the node
    // never reported. Ordered, so one evaluation's notifications come in a stable order.
    static int kindOf(AlertRule rule, bool resolved, const QString &detail);
    void announce(int kind, const QList<Item> &items);
    void recount();
    void updateState();
    void notify(const QString &title, const QString &body, Severity severity);

    Clock m_clock;
    bool m_enabled = true;
    AlertRules m_rules;
    SilenceIndex m_silences;

    // Snapshots: which positions repeat an id (the first counts; known until the ids change), and
    // the bound nodes not fresh in the last one (id, region).
    bool m_haveSnapshot = false;
    bool m_offline = false;
    quint64 m_snapshotGeneration = 0;
    QList<bool> m_repeated;
    QList<std::pair<QString, QString>> m_notFresh;

    // Alerts: the open ones of the last evaluation, what was acknowledged in it, and per kind the
    // last notification's time and what is held back.
    struct Open
    {
        QString nodeId;
        QString region;
        AlertState state = AlertState::Pending;
    };
    bool m_haveAlerts = false;
    QList<Open> m_open;
    QSet<QString> m_acked; // Alert::key()
    QHash<int, qint64> m_lastSentMs;
    QMap<int, QList<Item>> m_held;

    QHash<QString, QString> m_jobs; // job id → last status seen

    State m_state = State::Unknown;
    QString m_stateText;
    int m_notFreshCount = 0; // not silenced
    int m_firingCount = 0;   // not silenced
    int m_pendingCount = 0;  // pending or unknown, not silenced
};

} // namespace prego
