#include "trayiconengine.h"

#include <QPainter>
#include <QPixmap>

using namespace Qt::StringLiterals;

namespace prego {

TrayIconEngine::TrayIconEngine(const QColor &color, Mark mark)
    : m_color(color)
    , m_mark(mark)
{}

void TrayIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State)
{
    const qreal side = qMin(rect.width(), rect.height());
    const qreal ring = side / 16.0;
    const qreal margin = side * 0.09 + ring / 2;
    const QRectF square(rect.x() + (rect.width() - side) / 2.0,
                        rect.y() + (rect.height() - side) / 2.0, side, side);
    const QRectF dot = square.adjusted(margin, margin, -margin, -margin);
    QColor fill = m_color;
    if (mode == QIcon::Disabled)
        fill.setHsv(fill.hue(), 0, fill.value());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setBrush(fill);
    painter->setPen(QPen(Qt::white, ring));
    painter->drawEllipse(dot);

    // The mark, in the dot's inner half: coordinates in units of the dot's radius.
    const QPointF c = dot.center();
    const qreal r = dot.width() / 2.0;
    const auto at = [&](qreal x, qreal y) {
        return QPointF(c.x() + x * r, c.y() + y * r);
    };
    painter->setPen(
        QPen(Qt::white, qMax<qreal>(1.5, side / 9.0), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(Qt::NoBrush);
    switch (m_mark) {
    case Mark::Tick: {
        const QPointF tick[] = {at(-0.45, 0.0), at(-0.12, 0.35), at(0.48, -0.35)};
        painter->drawPolyline(tick, 3);
        break;
    }
    case Mark::Clock:
        painter->drawLine(c, at(0.0, -0.5));
        painter->drawLine(c, at(0.4, 0.0));
        break;
    case Mark::Cross:
        painter->drawLine(at(-0.38, -0.38), at(0.38, 0.38));
        painter->drawLine(at(-0.38, 0.38), at(0.38, -0.38));
        break;
    case Mark::Dash:
        painter->drawLine(at(-0.42, 0.0), at(0.42, 0.0));
        break;
    case Mark::Bang:
        painter->drawLine(at(0.0, -0.5), at(0.0, 0.12));
        painter->drawPoint(at(0.0, 0.45));
        break;
    case Mark::Dots:
        for (const qreal x : {-0.4, 0.0, 0.4})
            painter->drawPoint(at(x, 0.0));
        break;
    }
    painter->restore();
}

QPixmap TrayIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    return scaledPixmap(size, mode, state, 1.0);
}

QPixmap TrayIconEngine::scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                                     qreal scale)
{
    // `size` is in device pixels already: paint every one of them.
    QPixmap pixmap(size);
    pixmap.fill(Qt::transparent);
    {
        QPainter p(&pixmap);
        paint(&p, QRect(QPoint(0, 0), size), mode, state);
    }
    pixmap.setDevicePixelRatio(scale);
    return pixmap;
}

QIconEngine *TrayIconEngine::clone() const
{
    return new TrayIconEngine(m_color, m_mark);
}

QString TrayIconEngine::key() const
{
    return u"prego-tray"_s;
}

} // namespace prego
