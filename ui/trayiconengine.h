#pragma once

#include <QColor>
#include <QIconEngine>

namespace prego {

// The tray icon: a dot in the fleet state's colour with a white ring and a white mark, so the
// state never rests on colour alone (a tick: all fresh; clock hands: some stale; a cross: offline;
// a dash: not known yet; an exclamation mark: alerts firing; three dots: alerts pending), drawn at
// whatever size and device pixel ratio the tray asks for (crisp at 200 %, no scaled bitmap).
class TrayIconEngine final : public QIconEngine
{
public:
    enum class Mark { Tick, Clock, Cross, Dash, Bang, Dots };

    TrayIconEngine(const QColor &color, Mark mark);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override;
    QIconEngine *clone() const override;
    QString key() const override;

private:
    QColor m_color;
    Mark m_mark;
};

} // namespace prego
