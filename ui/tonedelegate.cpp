#include "tonedelegate.h"

namespace prego {

ToneDelegate::ToneDelegate(ToneOf toneOf, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_toneOf(std::move(toneOf))
{}

void ToneDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (const std::optional<StatusColors::Tone> tone = m_toneOf(index))
        option->palette.setColor(QPalette::Text, StatusColors::text(*tone, option->palette));
}

} // namespace prego
