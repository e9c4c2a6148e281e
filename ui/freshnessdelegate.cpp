#include "freshnessdelegate.h"

#include "nodetablemodel.h"
#include "statuscolors.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <algorithm>

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

namespace {
constexpr int BadgePadding = 5; // inside the badge, left and right
constexpr int BadgeMargin = 4;  // between the badge and the cell's edge, and the text

QFont badgeFont(QFont font)
{
    if (font.pointSizeF() > 0)
        font.setPointSizeF(std::max(6.0, font.pointSizeF() * 0.85));
    else
        font.setPixelSize(std::max(8, int(font.pixelSize() * 0.85)));
    return font;
}
} // namespace

QColor FreshnessDelegate::markColor(int mark, const QPalette &palette)
{
    switch (NodeMarks::Mark(mark)) {
    case NodeMarks::Mark::Silenced:
        return StatusColors::text(StatusColors::Tone::Info, palette);
    case NodeMarks::Mark::AlertFiring:
        return StatusColors::text(StatusColors::Tone::Bad, palette);
    case NodeMarks::Mark::AlertPending:
        return StatusColors::text(StatusColors::Tone::Warning, palette);
    case NodeMarks::Mark::AlertUnknown:
    case NodeMarks::Mark::None:
        break;
    }
    return StatusColors::text(StatusColors::Tone::Neutral, palette);
}

QRect FreshnessDelegate::badgeRect(const QRect &cell, const QString &text,
                                   const QFontMetrics &metrics)
{
    const int width = metrics.horizontalAdvance(text) + 2 * BadgePadding;
    const int height = std::min(cell.height() - 4, metrics.height() + 2);
    return QRect(cell.right() - BadgeMargin - width + 1, cell.center().y() - height / 2 + 1, width,
                 height);
}

void FreshnessDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    const QString badge = index.data(NodeTableModel::MarkTextRole).toString();
    if (badge.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QFont small = badgeFont(opt.font);
    const QFontMetrics metrics(small);
    const QRect badgeArea = badgeRect(opt.rect, badge, metrics);
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    // The background (selection) over the whole cell, the icon and text left of the badge.
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, opt.widget);
    QStyleOptionViewItem text = opt;
    text.rect.setRight(badgeArea.left() - BadgeMargin);
    style->drawControl(QStyle::CE_ItemViewItem, &text, painter, opt.widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const int mark = index.data(NodeTableModel::MarkRole).toInt();
    const QColor color =
        selected ? opt.palette.color(QPalette::HighlightedText) : markColor(mark, opt.palette);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    const QRectF outline = QRectF(badgeArea).adjusted(0.5, 0.5, -0.5, -0.5);
    if (NodeMarks::Mark(mark) == NodeMarks::Mark::Silenced) {
        QColor hatch = color;
        hatch.setAlpha(90);
        QPainterPath shape;
        shape.addRoundedRect(outline, 3, 3);
        painter->fillPath(shape, QBrush(hatch, Qt::BDiagPattern));
    }
    painter->setPen(QPen(color, 1));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(outline, 3, 3);
    painter->setFont(small);
    painter->drawText(badgeArea, Qt::AlignCenter, badge);
    painter->restore();
}

QSize FreshnessDelegate::sizeHint(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QString badge = index.data(NodeTableModel::MarkTextRole).toString();
    if (!badge.isEmpty()) {
        size.rwidth() += QFontMetrics(badgeFont(option.font)).horizontalAdvance(badge) +
                         2 * BadgePadding + 2 * BadgeMargin;
    }
    return size;
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
