#include "freshnessdelegate.h"

#include "nodetablemodel.h"
#include "statuscolors.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace prego {

FreshnessDelegate::FreshnessDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

QColor FreshnessDelegate::colorFor(Freshness f, const QPalette &palette)
{
    switch (f) {
    case Freshness::Fresh:
        return StatusColors::text(StatusColors::Tone::Good, palette);
    case Freshness::Stale:
        return StatusColors::text(StatusColors::Tone::Warning, palette);
    case Freshness::NeverReported:
        return StatusColors::text(StatusColors::Tone::Neutral, palette);
    case Freshness::Unknown:
        return StatusColors::text(StatusColors::Tone::Info, palette);
    }
    return palette.color(QPalette::Text);
}

void FreshnessDelegate::paintIcon(QPainter *painter, const QRectF &rect, Freshness f,
                                  const QPalette &palette)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    const QColor color = colorFor(f, palette);
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

QIcon FreshnessDelegate::icon(Freshness f, int size, const QPalette &palette)
{
    QIcon result;
    for (const int scale : {1, 2}) {
        QPixmap pixmap(size * scale, size * scale);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        paintIcon(&p, QRectF(1, 1, size * scale - 2, size * scale - 2), f, palette);
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
    if (f < 0 || f >= int(FreshnessCount))
        return;
    // The four icons are drawn once per variant (light or dark palette), not per painted cell.
    const bool dark = StatusColors::isDark(option->palette);
    std::array<QIcon, FreshnessCount> &icons = dark ? m_darkIcons : m_lightIcons;
    if (icons.at(std::size_t(f)).isNull())
        icons.at(std::size_t(f)) = icon(Freshness(f), 16, option->palette);
    option->icon = icons.at(std::size_t(f));
    option->decorationSize = QSize(14, 14);
}

} // namespace prego
