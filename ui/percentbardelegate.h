#pragma once

#include <QStyledItemDelegate>

namespace prego {

// Percent cells as bars with the value written inside: warning colour from 80 %, critical from
// 90 %. Reads the raw value (NodeTableModel::RawValueRole; negative = no value).
class PercentBarDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    static constexpr double WarningPct = 80.0;
    static constexpr double CriticalPct = 90.0;

    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace prego
