#pragma once

#include "chartannotationlayer.h"
#include "chartline.h"
#include "domain/nodeannotations.h"
#include "domain/pushgaps.h"

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QWidget>

#include <optional>

namespace prego {

// One metric of one node over a time range: a line thinned to the plot's pixel width (every pixel
// column keeps its first, last, lowest and highest point, so peaks stay visible) and broken at
// push gaps, which are shaded with a hatch (not color alone); annotations (jobs, silences, firing
// periods; see ChartAnnotationLayer); and a hover crosshair with the nearest sample's value and
// time and what is marked there. The full-resolution points are kept so a resize re-thins without
// asking the database again.
//
// The widget paints itself: title, axes, grid, labels, gaps, annotations and a polyline through
// the thinned points between gaps (ChartLine). It used to be a Qt Charts QChartView, but a painted
// Qt chart with no points at all (its scene, axes and labels) cost more than a tenth of the naive
// chart with every point in its series, so a range switch could never be ten times faster than the
// naive one (the target); see docs/performance.md. The benchmarks keep a Qt Charts chart as
// that naive baseline.
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
    // What happened to the node; kept across setData(). Keeps the jobs, the silences and the
    // firing periods of this chart's metric and of freshness.
    void setAnnotations(const QList<ChartAnnotation> &annotations);
    const QList<ChartAnnotation> &annotations() const { return m_annotations.annotations(); }
    // Whether a firing period of `rule` belongs on a chart of `metric`.
    static bool showsRule(Metric metric, AlertRule rule);

    // Facts for tests and for the owner.
    // The plot area (inside the axes) in widget coordinates, and its width in whole pixels.
    QRectF plotRect() const { return m_plot; }
    int plotWidthPx() const;
    const QList<QPointF> &allPoints() const { return m_points; }
    // The points the line is painted through: the stored ones thinned to the plot width.
    const QList<QPointF> &drawnPoints() const { return m_drawn; }
    // The line as painted: runs of vertices (x ms, y value), cut at push gaps, steps included.
    const QList<QList<QPointF>> &lineRuns() const { return m_line.runs(); }
    const QList<TimeSpan> &gaps() const { return m_gaps; }
    // The value axis' range (percent: 0-100; tenants: 0 to a little above the highest count).
    double valueAxisMax() const { return m_yMax; }
    // The time axis' labels, left to right, as painted.
    const QStringList &timeLabels() const { return m_xLabels; }
    // The shaded rectangles in widget coordinates, in gap order.
    QList<QRectF> gapRects() const;
    // Where the annotations in range are drawn, and the geometry they are placed by.
    QList<PlacedAnnotation> placedAnnotations() const { return m_annotations.place(frame()); }
    ChartFrame frame() const;
    // Where the crosshair is (widget coordinates) and what its tooltip says; empty when the
    // mouse is outside the plot and the job flags' strip above it.
    std::optional<QPointF> crosshair() const { return m_crosshair; }
    QString hoverText() const { return m_hoverText; }
    // Moves the crosshair as a mouse at this position would.
    void hoverAt(const QPointF &pos);

    QString title() const;
    // The line's colour (follows the palette: lighter on a dark one).
    QColor lineColor() const;
    static QString formatValue(Metric metric, double value);
    // A push gap's hatched shade (also the legend's swatch).
    static void paintGapShade(QPainter &painter, const QRectF &rect, const QPalette &palette);

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

Q_SIGNALS:
    // A job's marker was clicked.
    void jobActivated(const QString &jobId);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void rethin();
    void updateAxes();
    void layoutPlot();
    void relayout(); // layoutPlot(), and thins again when the plot's width changed
    void retranslate();
    void describeForAccessibility();
    QRectF hoverArea() const; // the plot and the job flags' strip above it
    QString gapText(const TimeSpan &gap) const;
    double xToPixel(double x) const;
    double yToPixel(double y) const;

    Metric m_metric;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 1;
    QList<QPointF> m_points;
    QList<QPointF> m_drawn;
    ChartLine m_line;
    QList<TimeSpan> m_gaps;
    ChartAnnotationLayer m_annotations;
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
