#include "trayiconengine.h"

#include <QPainter>
#include <QPixmap>

using namespace Qt::StringLiterals;

namespace prego {

TrayIconEngine::TrayIconEngine(const QColor &color)
    : m_color(color)
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
    return new TrayIconEngine(m_color);
}

QString TrayIconEngine::key() const
{
    return u"prego-tray"_s;
}

} // namespace prego
