#pragma once

#include "domain/freshness.h"

#include <QIcon>
#include <QPalette>
#include <QStyledItemDelegate>

namespace prego {

// The freshness cell: an icon and the state's name, never colour alone (filled circle: fresh;
// clock: stale; hollow circle: never reported; question mark: unknown).
class FreshnessDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // The state's colour on this palette (a lighter variant on a dark one).
    static QColor colorFor(Freshness f, const QPalette &palette);
    static void paintIcon(QPainter *painter, const QRectF &rect, Freshness f,
                          const QPalette &palette);
    // Drawn at 1x and 2x for this palette (the application's when none is given).
    static QIcon icon(Freshness f, int size = 16, const QPalette &palette = QPalette());

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace prego
