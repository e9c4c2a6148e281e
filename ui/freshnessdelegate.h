#pragma once

#include "domain/freshness.h"

#include <QIcon>
#include <QStyledItemDelegate>

namespace prego {

// The freshness cell: an icon and the state's name, never colour alone (filled circle: fresh;
// clock: stale; hollow circle: never reported; question mark: unknown).
class FreshnessDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static QColor colorFor(Freshness f);
    static void paintIcon(QPainter *painter, const QRectF &rect, Freshness f);
    static QIcon icon(Freshness f, int size = 16);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace prego
