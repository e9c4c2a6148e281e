#include "percentbardelegate.h"

#include "nodetablemodel.h"

#include <QApplication>
#include <QPainter>

namespace prego {

void PercentBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const double value = index.data(NodeTableModel::RawValueRole).toDouble();
    const bool greyed = index.data(Qt::ForegroundRole).isValid();
    const QRect bar = opt.rect.adjusted(4, 3, -4, -3);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    const QPalette &pal = opt.palette;
    if (value >= 0) {
        QColor fill(0x4c, 0xaf, 0x50);
        if (value >= CriticalPct)
            fill = QColor(0xd3, 0x2f, 0x2f);
        else if (value >= WarningPct)
            fill = QColor(0xf5, 0x9e, 0x0b);
        if (greyed)
            fill = pal.color(QPalette::Disabled, QPalette::Text);
        fill.setAlpha(110);
        painter->setPen(Qt::NoPen);
        painter->setBrush(pal.color(QPalette::AlternateBase));
        painter->drawRoundedRect(bar, 3, 3);
        QRect filled = bar;
        filled.setWidth(int(bar.width() * qBound(0.0, value, 100.0) / 100.0));
        painter->setBrush(fill);
        painter->drawRoundedRect(filled, 3, 3);
    }
    const bool selected = opt.state & QStyle::State_Selected;
    QColor textColor = pal.color(selected ? QPalette::HighlightedText : QPalette::Text);
    if (greyed)
        textColor = pal.color(QPalette::Disabled, QPalette::Text);
    painter->setPen(textColor);
    painter->drawText(bar.adjusted(4, 0, -4, 0), Qt::AlignCenter, text);
    painter->restore();
}

QSize PercentBarDelegate::sizeHint(const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    s.setWidth(qMax(s.width() + 16, 90));
    return s;
}

} // namespace prego
