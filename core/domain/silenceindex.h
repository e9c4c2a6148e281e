#pragma once

#include "types/silence.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <limits>

namespace prego {

// Which maintenance silence covers a node: the silences of a list indexed by node id and by
// region, so that a lookup costs two hash finds however many nodes and silences there are. Built
// when the list changes and again when one of its silences starts or ends (nextChangeMs());
// between those a poll asks it only about the nodes that matter (a stale one, an alert) and never
// walks the list. Shared by the fleet table, the heatmap, the notifier and Definition-of-Done
// check M1 (which excuses a silenced node and says who set the silence, until when and why).
class SilenceIndex
{
    Q_DECLARE_TR_FUNCTIONS(prego::SilenceIndex)
public:
    static constexpr qint64 Never = std::numeric_limits<qint64>::max();

    SilenceIndex() = default;
    // Active means in force at `serverNowMs` (Silence::isActiveAt): started, not at its end, not
    // ended early.
    SilenceIndex(QList<Silence> silences, qint64 serverNowMs);

    // Index again at `serverNowMs` when a silence started or ended since the last build. True
    // when that changed which silences are active.
    bool advanceTo(qint64 serverNowMs);

    // The active silence covering the node, or nullptr; of several, the one that ends last.
    const Silence *find(const QString &nodeId, const QString &region) const;
    // No silence is active: find() answers nullptr for every node.
    bool isEmpty() const { return m_activeByNode.isEmpty() && m_activeByRegion.isEmpty(); }
    // Some silence (active or not) names a region: callers that know nodes only by id need their
    // regions to ask.
    bool hasRegionSilences() const { return !m_allByRegion.isEmpty(); }
    qint64 builtAtMs() const { return m_builtAtMs; }
    // The next server time at which a silence starts or ends, or Never.
    qint64 nextChangeMs() const { return m_nextChangeMs; }
    // Every silence given, active or not, in the order given.
    const QList<Silence> &silences() const { return m_silences; }
    // The silences active at builtAtMs(), in the order given.
    QList<const Silence *> active() const;

    // Silences of the node that were or are in force at some time in [fromMs, toMs): from their
    // start to their end, or to when they were ended early. The heatmap's past slots ask this.
    QList<const Silence *> overlapping(const QString &nodeId, const QString &region, qint64 fromMs,
                                       qint64 toMs) const;

    // "Silenced by alice until 14/03/2026 16:00 CET: kernel upgrade", the end in local time with
    // its zone (the time the silence was ended, when it was ended early).
    static QString describe(const Silence &silence);
    // A moment in local time with the zone named: "14/03/2026 16:00 CET".
    static QString localTimeText(qint64 ms);

private:
    void build(qint64 serverNowMs);

    QList<Silence> m_silences;
    // Positions in m_silences: active ones (the one ending last per key), and all.
    QHash<QString, int> m_activeByNode;
    QHash<QString, int> m_activeByRegion;
    QHash<QString, QList<int>> m_allByNode;
    QHash<QString, QList<int>> m_allByRegion;
    QList<int> m_active;
    qint64 m_builtAtMs = 0;
    qint64 m_nextChangeMs = Never;
};

} // namespace prego
