#pragma once

#include "api/node.h"
#include "domain/freshness.h"
#include "fleetsummary.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace prego {

class ServerClock;

// The fleet as a table: one row per node, updated incrementally from each snapshot (rows that
// vanished are removed, new ones appended, changed ones reported with dataChanged) so selection
// and scroll position survive a refresh. Ages are computed against the server's clock.
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

    bool hasSnapshot() const { return m_hasSnapshot; }
    const QList<Node> &nodes() const { return m_nodes; }
    int rowOf(const QString &nodeId) const { return m_rowById.value(nodeId, -1); }
    Freshness freshnessAt(int row) const;
    // The order of two rows by a column's raw value, ties by node id: what the sorting proxy
    // asks n log n times per re-sort, answered without QVariants and with the freshness of every
    // row worked out once per change (not once per comparison).
    bool lessThan(int leftRow, int rightRow, int column) const;
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
    void updateRanks();
    static quint8 attentionRank(Freshness f);
    void rebuildIndex();

    const ServerClock *m_clock;
    QList<Node> m_nodes;
    QList<quint8> m_attentionRank; // per row: 0 never reported, 1 stale, 2 unknown, 3 fresh
    QHash<QString, int> m_rowById;
    int m_staleAfterSeconds = FreshnessRule::DefaultStaleAfterSeconds;
    bool m_pollCurrent = true;
    bool m_hasSnapshot = false;
};

} // namespace prego
