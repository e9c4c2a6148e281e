#pragma once

#include "domain/nodeannotations.h"

#include <QCoreApplication>
#include <QList>
#include <QRectF>
#include <QString>

#include <optional>

class QPainter;
class QPalette;

namespace prego {

// Where a chart's plot is and what it shows, for placing annotations on it.
struct ChartFrame
{
    QRectF plot;        // the plot area, widget coordinates
    qint64 fromMs = 0;  // the time at plot.left()
    qint64 toMs = 1;    // the time at plot.right()
    double laneTop = 0; // the top of the strip above the plot where job flags stand
};

// An annotation and the rectangle it occupies on a chart: a job's marker (its line and flag,
// a few pixels wide for the mouse), a silence's band over the plot's height, a firing period's
// strip along the plot's top.
struct PlacedAnnotation
{
    ChartAnnotation annotation;
    QRectF rect;
};

// The annotations of one history chart: where they go, how they are painted and what they say.
// Silences are a flat tinted band, unlike the hatched push gaps, so the two read apart without
// relying on colour alone.
class ChartAnnotationLayer final
{
    Q_DECLARE_TR_FUNCTIONS(prego::ChartAnnotationLayer)
public:
    static constexpr double LaneHeight = 9;   // the job flags' strip above the plot
    static constexpr double FiringHeight = 4; // a firing period's strip inside the plot's top
    static constexpr double JobHitHalfWidth = 4;

    void setAnnotations(QList<ChartAnnotation> annotations)
    {
        m_annotations = std::move(annotations);
    }
    const QList<ChartAnnotation> &annotations() const { return m_annotations; }

    // The annotations that fall in the frame's time range, in paint order (bands before
    // markers), with their rectangles clipped to the plot.
    QList<PlacedAnnotation> place(const ChartFrame &frame) const;
    // What lies under `pos`: the job markers within a few pixels and the bands over its time.
    QList<ChartAnnotation> at(const ChartFrame &frame, const QPointF &pos) const;
    // The job whose marker is under `pos`, the nearest when several are.
    std::optional<ChartAnnotation> jobAt(const ChartFrame &frame, const QPointF &pos) const;

    // What an annotation is, who and when, in lines (the tooltip), and in one line (lists and
    // the accessible description).
    static QString describe(const ChartAnnotation &annotation);
    static QString summary(const ChartAnnotation &annotation);
    // When, in the active locale: a time, "from – to" or "since".
    static QString when(const ChartAnnotation &annotation);

    // The marks themselves, shared with the legend.
    static void paintSilenceBand(QPainter &painter, const QRectF &rect, const QPalette &palette);
    static void paintFiringStrip(QPainter &painter, const QRectF &rect, const QPalette &palette);
    // A job's line from `top` to `bottom` at x, its flag at the top; dashed while it runs.
    static void paintJobMarker(QPainter &painter, double x, double top, double bottom, bool open,
                               const QPalette &palette);
    static QColor silenceColor(const QPalette &palette);
    static QColor firingColor(const QPalette &palette);
    static QColor jobColor(const QPalette &palette);

private:
    QList<ChartAnnotation> m_annotations;
};

} // namespace prego
