#pragma once

#include "domain/freshness.h"

#include <QIcon>
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

    static QColor colorFor(Freshness f);
    static void paintIcon(QPainter *painter, const QRectF &rect, Freshness f);
    static QIcon icon(Freshness f, int size = 16);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    // Made once: a new QIcon per painted cell left a scaled copy of its pixmap in QPixmapCache on
    // every repaint (the soak test saw the heap grow 40 KB a second with 1,000 nodes polled each
    // second until the cache's 10 MB limit), besides painting two pixmaps per cell.
    std::array<QIcon, 4> m_icons;
};

} // namespace prego
