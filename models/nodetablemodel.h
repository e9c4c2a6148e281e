#pragma once

#include "domain/freshness.h"
#include "fleetsummary.h"
#include "nodemarks.h"
#include "types/alert.h"
#include "types/node.h"
#include "types/silence.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace prego {

class ServerClock;

// The fleet as a table: one row per node, updated incrementally from each snapshot (rows that
// vanished are removed, new ones appended, changed ones reported with dataChanged) so selection
// and scroll position survive a refresh. Ages are computed against the server's clock.
//
// The model sorts itself (sort(), usually reached through NodeFilterProxy::sort): nodes stay in
// arrival order in storage ("slots") and a row → slot permutation is recomputed from
// precomputed per-slot keys (numbers, ranks of the few distinct texts, the node id's rank among
// all ids) with one std::sort, and published with layoutChanged. A generic sorting proxy asks
// n log n comparisons through QModelIndex/QVariant on every poll and tick; this costs a few ms at
// 100,000 nodes instead (docs/performance.md).
class NodeTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NodeColumn,
        RegionColumn,
        PlacementColumn,
        StatusColumn,
        TenantsColumn,
        CpuColumn,
        MemoryColumn,
        DiskColumn,
        LastReportColumn,
        FreshnessColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role {
        RawValueRole = Qt::UserRole + 1, // sortable raw value: number, ms, or text
        FreshnessRole,                   // int(prego::Freshness)
        NodeIdRole,
        SearchTextRole, // node id, hostname, region and tenant, for the text filter
        SilencedRole,   // bool: a maintenance silence is in force over the node
        // int(prego::AlertState): the worst of the node's open alerts, silenced or not; no value
        // when it has none. (The mark shows a silence instead of an alert.)
        AlertStateRole,
        MarkRole,     // int(NodeMarks::Mark): what the freshness cell marks
        MarkTextRole, // the mark in words ("Silenced", "Firing"), empty when none
    };
    Q_ENUM(Role)

    explicit NodeTableModel(const ServerClock *clock, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void applySnapshot(const NodesSnapshot &snapshot);
    // False when our own last poll failed or is too old: every node shows Unknown, values greyed.
    void setPollCurrent(bool current);
    bool isPollCurrent() const { return m_pollCurrent; }
    void setStaleAfterSeconds(int seconds);
    int staleAfterSeconds() const { return m_staleAfterSeconds; }
    // Once a second: ages and freshness move on with the clock.
    void tick();
    // After a language change: headers and texts in the new language.
    void retranslate();

    // The maintenance silences as listed (active and recently ended); those in force at the
    // server's time mark their nodes. A change of which are in force repaints every row once;
    // tick() notices one starting or ending.
    void setSilences(QList<Silence> silences, qint64 serverNowMs);
    // The alerts as the rules left them after a poll (resolved ones are ignored): only the rows
    // whose open alerts changed are reported.
    void setAlerts(const QList<Alert> &alerts);
    const NodeMarks &marks() const { return m_marks; }
    const Silence *silenceAt(int row) const { return m_marks.silenceOf(nodeAt(row)); }
    std::optional<AlertState> alertStateAt(int row) const
    {
        return m_marks.worstAlertOf(nodeAt(row).nodeId);
    }

    // Rows in the order of a column's raw value (never reported / no value first when
    // ascending), ties by node id; column -1 keeps arrival order. Kept on every change.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    bool hasSnapshot() const { return m_hasSnapshot; }
    // Every node, in arrival order (not the rows' order).
    const QList<Node> &nodes() const { return m_nodes; }
    const Node &nodeAt(int row) const { return m_nodes.at(m_order.at(row)); }
    int rowOf(const QString &nodeId) const;
    Freshness freshnessAt(int row) const;
    FleetSummary summary() const;

    static QString freshnessText(Freshness f);
    static QString freshnessDescription(Freshness f);
    // The contract's placement value in words (shared, dedicated); unknown values as sent.
    static QString placementName(const QString &placement);
    static QString statusName(const QString &status);
    // "shared", or placement and role: "dedicated · db".
    static QString placementText(const Node &node);

Q_SIGNALS:
    void nodesUpdated();

private:
    Freshness freshnessOf(const Node &node) const;
    QVariant displayValue(const Node &node, int column) const;
    QVariant rawValue(const Node &node, int column) const;
    QString toolTip(const Node &node, int column) const;
    void emitChanged(int firstColumn, int lastColumn);
    bool updateRanks(); // true when a rank changed
    static quint8 attentionRank(Freshness f);
    void removeAbsent(const QList<bool> &present);
    void updateIdRanks();
    void rebuildRowOfSlot();
    void resort();

    const ServerClock *m_clock;
    NodeMarks m_marks;
    QList<Node> m_nodes;            // by slot: arrival order
    QList<int> m_order;             // row → slot
    QList<int> m_rowOfSlot;         // slot → row
    QHash<QString, int> m_slotById; // node id → slot
    QList<quint8> m_attentionRank;  // per slot: 0 never reported, 1 stale, 2 unknown, 3 fresh
    QList<int> m_idRank;            // per slot: the node id's place among all ids
    // The snapshot the model holds (NodesSnapshot::generation) and, per position in it, the slot
    // its node is in (-1: a repeated id, ignored). A next snapshot that lists the same ids at the
    // same positions then brings only its changed positions (SnapshotDelta).
    quint64 m_appliedGeneration = 0;
    QList<int> m_slotOfPosition;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    int m_staleAfterSeconds = FreshnessRule::DefaultStaleAfterSeconds;
    bool m_pollCurrent = true;
    bool m_hasSnapshot = false;
};

} // namespace prego
