#pragma once

#include "domain/pushgaps.h"

#include <QChartView>
#include <QList>
#include <QPointF>
#include <QString>

#include <optional>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace prego {

// One metric of one node over a time range: a line thinned to the plot's pixel width (every pixel
// column keeps its first, last, lowest and highest point, so peaks stay visible), push gaps
// shaded with a hatch (not color alone), and a hover crosshair with the nearest sample's value
// and time. The full-resolution points are kept so a resize re-thins without asking the
// database again. No animations: a range switch is one replace().
class HistoryChartView final : public QChartView
{
    Q_OBJECT
public:
    enum class Metric { Cpu, Memory, Disk, Tenants };

    explicit HistoryChartView(Metric metric, QWidget *parent = nullptr);

    Metric metric() const { return m_metric; }
    // x in ms since the epoch (server time), sorted; y the value (NaN-free).
    void setData(qint64 fromMs, qint64 toMs, QList<QPointF> points, QList<TimeSpan> gaps);
    void clear(qint64 fromMs, qint64 toMs);

    // Facts for tests and for the owner.
    QLineSeries *series() const { return m_series; }
    int plotWidthPx() const;
    const QList<QPointF> &allPoints() const { return m_points; }
    const QList<TimeSpan> &gaps() const { return m_gaps; }
    // The shaded rectangles in viewport coordinates, in gap order.
    QList<QRectF> gapRects() const;
    // Where the crosshair is (viewport coordinates) and what its tooltip says; empty when the
    // mouse is outside the plot.
    std::optional<QPointF> crosshair() const { return m_crosshair; }
    QString hoverText() const { return m_hoverText; }
    // Moves the crosshair as a mouse at this viewport position would.
    void hoverAt(const QPointF &viewportPos);

    QString title() const;
    // The series' colour (follows the palette: lighter on a dark one).
    QColor lineColor() const;
    static QString formatValue(Metric metric, double value);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();
    void rethin();
    void updateAxes();
    void retranslate();
    QString gapText(const TimeSpan &gap) const;
    QRectF plotRectInViewport() const;

    Metric m_metric;
    QLineSeries *m_series;
    QDateTimeAxis *m_xAxis;
    QValueAxis *m_yAxis;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    QList<QPointF> m_points;
    QList<TimeSpan> m_gaps;
    int m_thinnedForWidth = -1;
    std::optional<QPointF> m_crosshair;
    std::optional<QPointF> m_crosshairPoint; // the nearest sample, viewport coordinates
    QString m_hoverText;
};

} // namespace prego
