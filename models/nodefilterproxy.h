#pragma once

#include <QSortFilterProxyModel>

#include <optional>

namespace prego {

// Filters the node table by text (node id, hostname, region, tenant), region, placement and
// freshness. Sorting is the NodeTableModel's own (on raw values, not texts, and in a few ms at
// 100,000 nodes): sort() is passed to it, and this proxy keeps its order.
class NodeFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit NodeFilterProxy(QObject *parent = nullptr);

    void setText(const QString &text);
    void setRegion(const QString &region);       // empty: every region
    void setPlacement(const QString &placement); // empty: every placement
    void setFreshness(std::optional<int> freshness);

    QString text() const { return m_text; }
    QString region() const { return m_region; }
    QString placement() const { return m_placement; }
    std::optional<int> freshness() const { return m_freshness; }

    void setSourceModel(QAbstractItemModel *model) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int requestedSortColumn() const { return m_sortColumn; }
    Qt::SortOrder requestedSortOrder() const { return m_sortOrder; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QString m_text;
    QString m_region;
    QString m_placement;
    std::optional<int> m_freshness;
};

} // namespace prego
