#pragma once

#include "domain/freshness.h"

#include <QIcon>
#include <QPalette>
#include <QStyledItemDelegate>

#include <array>

namespace prego {

// The freshness cell: an icon and the state's name, never colour alone (filled circle: fresh;
// clock: stale; hollow circle: never reported; question mark: unknown).
class FreshnessDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit FreshnessDelegate(QObject *parent = nullptr);

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
