#pragma once

#include "domain/freshness.h"

#include <QIcon>
#include <QPalette>
#include <QStyledItemDelegate>

#include <array>

namespace prego {

// The freshness cell: an icon and the state's name, never colour alone (filled circle: fresh;
// clock: stale; hollow circle: never reported; question mark: unknown). A node's mark
// (NodeTableModel::MarkRole) is a small badge at the cell's right end with the mark in words:
// "Silenced" (hatched, as the heatmap hatches silenced slots), or the worst open alert ("Firing",
// "Pending", "Alert unknown"), outlined in its tone so that it informs without alarming.
class FreshnessDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit FreshnessDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // The colour of a mark's badge (an int(NodeMarks::Mark)) on this palette.
    static QColor markColor(int mark, const QPalette &palette);
    // Where the badge of `text` goes in a cell's rectangle.
    static QRect badgeRect(const QRect &cell, const QString &text, const QFontMetrics &metrics);

    // The state's colour on this palette (a lighter variant on a dark one).
    static QColor colorFor(Freshness f, const QPalette &palette);
    static void paintIcon(QPainter *painter, const QRectF &rect, Freshness f,
                          const QPalette &palette);
    // Drawn at 1x and 2x for this palette (the application's when none is given).
    static QIcon icon(Freshness f, int size = 16, const QPalette &palette = QPalette());

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    static constexpr std::size_t FreshnessCount = 4;
    // Made once per variant (light, dark palette): a new QIcon per painted cell left a scaled copy
    // of its pixmap in QPixmapCache on every repaint (the soak test saw the heap grow 40 KB a
    // second with 1,000 nodes polled each second until the cache's 10 MB limit), besides painting
    // two pixmaps per cell.
    mutable std::array<QIcon, FreshnessCount> m_lightIcons;
    mutable std::array<QIcon, FreshnessCount> m_darkIcons;
};

} // namespace prego
