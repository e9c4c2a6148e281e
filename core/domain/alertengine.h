#pragma once

#include "domain/freshness.h"
#include "types/alert.h"
#include "types/node.h"

#include <QHash>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace prego {

// What the engine keeps of one (node, rule) alert between polls: the alert itself and the two
// times its windows need. Everything here is persisted (AlertStore), so a restart resumes every
// window and acknowledgement exactly.
struct AlertTrack
{
    Alert alert;
    qint64 lastSampleMs = 0; // the newest sample this rule has seen (server time)
    // Firing: since when every sample has been below the clear level (threshold − margin).
    std::optional<qint64> clearingSinceMs;

    bool operator==(const AlertTrack &) const = default;
};

// What one evaluation changed.
struct AlertEvaluation
{
    QList<AlertTransition> transitions; // in the order they happened per node
    // The tracks whose state, windows or values moved, as they now stand. A track in state
    // Resolved has ended and is no longer in the engine (the store deletes it).
    QList<AlertTrack> changed;

    bool isEmpty() const { return transitions.isEmpty() && changed.isEmpty(); }
};

// The alert rules of console.md ("Alerts, acknowledgement and maintenance") over a series of
// polls. Pure: no event loop, no SQL, no clock of its own; time is the server's, from the
// samples (metrics.updatedAtMs) and the snapshot's server_time.
//
// One track per (node, rule), kept only while that alert is pending, firing or unknown; a node
// under every threshold costs a few comparisons per poll and nothing in memory.
// - Metric rules (Cpu, Memory, Disk): a sample at or above the threshold starts Pending; the
//   window fills when sampleTime − since ≥ window, then Firing. A sample under the threshold
//   while Pending ends it (Pending → Resolved). Firing resolves only once every sample has been
//   below threshold − clearMargin for a whole window, so a value oscillating around the
//   threshold fires once. Two samples further apart than the stale threshold restart a pending
//   (or clearing) window at the later one: a window counts only time covered by pushes.
// - A stale or never-reported node turns its pending and firing metric alerts Unknown, never
//   Resolved. When it pushes again a formerly firing alert is Firing again (same firingSinceMs
//   and ack; clearing from the new sample if it is below the clear level); a formerly pending
//   one restarts its window from the new sample, or resolves if that sample is under.
// - Freshness: bound nodes only; stale or never reported fires at once, fresh again resolves.
// - A node missing from the snapshot resolves its alerts (detail "removed"); a rule disabled for
//   a node resolves its alert there ("disabled"); a freshness alert of a node no longer bound
//   resolves ("unbound"). Freshness details otherwise: "stale", "never_reported".
class AlertEngine
{
public:
    AlertEngine() = default;
    explicit AlertEngine(const AlertRules &rules) { setRules(rules); }

    // Takes effect at the next evaluation (a disabled rule's alerts resolve then; new thresholds
    // apply to each track's next sample).
    void setRules(const AlertRules &rules);
    const AlertRules &rules() const { return m_rules; }
    // The rule's settings for one node: node override over region override over the default.
    AlertThreshold effective(AlertRule rule, const QString &nodeId, const QString &region) const;

    AlertEvaluation evaluate(const NodesSnapshot &snapshot, int staleAfterSeconds);

    // Only a pending, firing or unknown alert can be acknowledged; the ack stays with it until it
    // resolves. False when there is no such alert.
    bool acknowledge(const QString &key, const AlertAck &ack);

    // Pending, firing and unknown alerts, in no particular order.
    QList<Alert> current() const;
    std::optional<Alert> alert(const QString &key) const;
    std::optional<AlertTrack> track(const QString &key) const;
    QList<AlertTrack> tracks() const;
    int trackCount() const { return m_trackCount; }
    // Replaces every track (a restart: what AlertStore saved). Resolved ones are ignored.
    void restore(const QList<AlertTrack> &tracks);

    // "node/rule" → its parts; nullopt for anything else.
    static std::optional<std::pair<QString, AlertRule>> parseKey(const QString &key);

private:
    using Settings = std::array<AlertThreshold, AllAlertRules.size()>;

    struct Slot
    {
        AlertTrack track;
        bool dirty = false; // already listed in m_dirty this evaluation
    };
    struct NodeTracks
    {
        std::array<std::optional<Slot>, AllAlertRules.size()> slots;
        quint64 seenInRound = 0;
    };
    // Where one evaluation collects what it did.
    struct Round
    {
        AlertEvaluation *out = nullptr;
        qint64 serverNowMs = 0;
        qint64 staleMs = 0;
    };

    Settings settingsFor(const QString &nodeId, const QString &region) const;
    NodeTracks &tracksOf(const QString &nodeId);

    void evaluateNode(const Node &node, NodeTracks *tracks, const Round &round);
    void evaluateFreshness(const Node &node, NodeTracks *&tracks, Freshness freshness,
                           const AlertThreshold &settings, const Round &round);
    void evaluateMetric(const Node &node, NodeTracks *&tracks, AlertRule rule, bool fresh,
                        const AlertThreshold &settings, const Round &round);
    void stepMetric(Slot &slot, double value, qint64 atMs, const AlertThreshold &settings,
                    const Round &round);
    void returnFromUnknown(Slot &slot, double value, qint64 atMs, const AlertThreshold &settings,
                           const Round &round);

    Slot &begin(NodeTracks &tracks, const Node &node, AlertRule rule, AlertState state,
                qint64 sinceMs, std::optional<double> value, const QString &detail,
                const Round &round);
    void moveTo(Slot &slot, AlertState state, qint64 atMs, const Round &round);
    void resolve(Slot &slot, qint64 atMs, const Round &round, const QString &detail = {});
    void markDirty(Slot &slot);

    AlertRules m_rules;
    Settings m_defaults{m_rules.freshness, m_rules.cpu, m_rules.memory, m_rules.disk};
    QHash<QString, Settings> m_regionSettings; // regions with overrides, overrides applied
    QHash<QString, AlertOverrides> m_nodeOverrides;

    QHash<QString, NodeTracks> m_nodes; // only nodes with at least one track
    int m_trackCount = 0;
    quint64 m_round = 0;
    QList<std::pair<QString, AlertRule>> m_dirty; // this evaluation's changed tracks
};

} // namespace prego
