#pragma once

#include "domain/pushgaps.h"

#include <QLineF>
#include <QList>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QString>
#include <QWidget>

#include <optional>

namespace prego {

// One metric of one node over a time range: a line thinned to the plot's pixel width (every pixel
// column keeps its first, last, lowest and highest point, so peaks stay visible), push gaps
// shaded with a hatch (not color alone), and a hover crosshair with the nearest sample's value
// and time. The full-resolution points are kept so a resize re-thins without asking the
// database again.
//
// The widget paints itself: title, axes, grid, labels, gaps and one polyline through the thinned
// points. It used to be a Qt Charts QChartView, but a painted Qt chart with no points at all (its
// scene, axes and labels) cost more than a tenth of the naive chart with every point in its
// series, so a range switch could never be ten times faster than the naive one (the issue's
// target); see docs/performance.md. The benchmarks keep a Qt Charts chart as that naive baseline.
class HistoryChartView final : public QWidget
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
    // The plot area (inside the axes) in widget coordinates, and its width in whole pixels.
    QRectF plotRect() const { return m_plot; }
    int plotWidthPx() const;
    const QList<QPointF> &allPoints() const { return m_points; }
    // The points the line is painted through: the stored ones thinned to the plot width.
    const QList<QPointF> &drawnPoints() const { return m_drawn; }
    const QList<TimeSpan> &gaps() const { return m_gaps; }
    // The value axis' range (percent: 0-100; tenants: 0 to a little above the highest count).
    double valueAxisMax() const { return m_yMax; }
    // The time axis' labels, left to right, as painted.
    const QStringList &timeLabels() const { return m_xLabels; }
    // The shaded rectangles in widget coordinates, in gap order.
    QList<QRectF> gapRects() const;
    // Where the crosshair is (widget coordinates) and what its tooltip says; empty when the
    // mouse is outside the plot.
    std::optional<QPointF> crosshair() const { return m_crosshair; }
    QString hoverText() const { return m_hoverText; }
    // Moves the crosshair as a mouse at this position would.
    void hoverAt(const QPointF &pos);

    QString title() const;
    // The line's colour (follows the palette: lighter on a dark one).
    QColor lineColor() const;
    static QString formatValue(Metric metric, double value);

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void rethin();
    void updateAxes();
    void layoutPlot();
    void relayout(); // layoutPlot(), and thins again when the plot's width changed
    void retranslate();
    QString gapText(const TimeSpan &gap) const;
    double xToPixel(double x) const;
    double yToPixel(double y) const;

    Metric m_metric;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 1;
    QList<QPointF> m_points;
    QList<QPointF> m_drawn;
    QPolygonF m_polyline;     // reused between paints
    QList<QLineF> m_segments; // the same, as segments on a high-DPI device
    QList<TimeSpan> m_gaps;
    int m_thinnedForWidth = -1;

    // Axes: the value range and ticks, the time labels; the plot rectangle they leave.
    double m_yMax = 100;
    QList<double> m_yTicks;
    QStringList m_yLabels;
    QStringList m_xLabels;
    QRectF m_plot;

    std::optional<QPointF> m_crosshair;
    std::optional<QPointF> m_crosshairPoint; // the nearest sample, widget coordinates
    QString m_hoverText;
};

} // namespace prego
