#pragma once

#include "statuscolors.h"

#include <QStyledItemDelegate>

#include <functional>
#include <optional>

namespace prego {

// Writes a cell's text in a state's colour (StatusColors, light or dark for the palette); the
// text itself names the state, so the colour is never the only sign. Which tone a cell gets is
// asked of a function over the index (a model's state role).
class ToneDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using ToneOf = std::function<std::optional<StatusColors::Tone>(const QModelIndex &)>;

    explicit ToneDelegate(ToneOf toneOf, QObject *parent = nullptr);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    ToneOf m_toneOf;
};

} // namespace prego
