#pragma once

#include <QSortFilterProxyModel>

#include <optional>

namespace prego {

// Filters the node table by text (node id, hostname, region, tenant), region, placement and
// freshness, and sorts on the raw values (NodeTableModel::RawValueRole), not on the texts.
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

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_text;
    QString m_region;
    QString m_placement;
    std::optional<int> m_freshness;
};

} // namespace prego
