#pragma once

#include <QColor>
#include <QIconEngine>

namespace prego {

// The tray icon: a dot in the fleet state's colour with a white ring, drawn at whatever size and
// device pixel ratio the tray asks for (crisp at 200 %, no scaled bitmap).
class TrayIconEngine final : public QIconEngine
{
public:
    explicit TrayIconEngine(const QColor &color);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override;
    QIconEngine *clone() const override;
    QString key() const override;

private:
    QColor m_color;
};

} // namespace prego
