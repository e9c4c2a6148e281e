#include "freshnessdelegate.h"

#include "nodetablemodel.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace prego {

FreshnessDelegate::FreshnessDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
    , m_icons{icon(Freshness::Fresh), icon(Freshness::Stale), icon(Freshness::NeverReported),
              icon(Freshness::Unknown)}
{}

QColor FreshnessDelegate::colorFor(Freshness f)
{
    switch (f) {
    case Freshness::Fresh:
        return QColor(0x2e, 0x7d, 0x32);
    case Freshness::Stale:
        return QColor(0xe6, 0x51, 0x00);
    case Freshness::NeverReported:
        return QColor(0x75, 0x75, 0x75);
    case Freshness::Unknown:
        return QColor(0x61, 0x61, 0x9e);
    }
    return Qt::gray;
}

void FreshnessDelegate::paintIcon(QPainter *painter, const QRectF &rect, Freshness f)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    const QColor color = colorFor(f);
    const qreal side = qMin(rect.width(), rect.height());
    const qreal pen = qMax<qreal>(1.5, side / 9.0);
    const QRectF r(rect.center().x() - side / 2 + pen / 2, rect.center().y() - side / 2 + pen / 2,
                   side - pen, side - pen);
    switch (f) {
    case Freshness::Fresh:
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawEllipse(r);
        break;
    case Freshness::Stale: {
        painter->setPen(QPen(color, pen));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(r);
        const QPointF c = r.center();
        painter->setPen(QPen(color, pen, Qt::SolidLine, Qt::RoundCap));
        painter->drawLine(c, QPointF(c.x(), r.top() + r.height() * 0.22));
        painter->drawLine(c, QPointF(r.right() - r.width() * 0.25, c.y()));
        break;
    }
    case Freshness::NeverReported:
        painter->setPen(QPen(color, pen));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(r);
        break;
    case Freshness::Unknown: {
        painter->setPen(QPen(color, pen));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(r);
        QFont font = painter->font();
        font.setBold(true);
        font.setPixelSize(qMax(6, int(r.height() * 0.72)));
        painter->setFont(font);
        painter->drawText(r, Qt::AlignCenter, QStringLiteral("?"));
        break;
    }
    }
    painter->restore();
}

QIcon FreshnessDelegate::icon(Freshness f, int size)
{
    QIcon result;
    for (const int scale : {1, 2}) {
        QPixmap pixmap(size * scale, size * scale);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        paintIcon(&p, QRectF(1, 1, size * scale - 2, size * scale - 2), f);
        p.end();
        pixmap.setDevicePixelRatio(scale);
        result.addPixmap(pixmap);
    }
    return result;
}

void FreshnessDelegate::initStyleOption(QStyleOptionViewItem *option,
                                        const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QVariant state = index.data(NodeTableModel::FreshnessRole);
    if (!state.isValid())
        return;
    option->features |= QStyleOptionViewItem::HasDecoration;
    const int f = state.toInt();
    if (f < 0 || f >= int(m_icons.size()))
        return;
    option->icon = m_icons.at(std::size_t(f));
    option->decorationSize = QSize(14, 14);
}

} // namespace prego
