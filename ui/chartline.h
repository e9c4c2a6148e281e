#pragma once

#include "domain/pushgaps.h"

#include <QColor>
#include <QLineF>
#include <QList>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>

class QPainter;

namespace prego {

// The line of a history chart: the thinned points cut into runs at push gaps (a line across a gap
// would claim values nobody pushed), drawn as straight segments or, for a value that holds until
// the next sample (the tenant count), as steps.
class ChartLine final
{
public:
    enum class Shape { Straight, Steps };

    // x in ms since the epoch, sorted; `gaps` as PushGaps::find() returns them.
    void set(const QList<QPointF> &points, const QList<TimeSpan> &gaps, Shape shape);
    // The vertices of each run in data coordinates (x ms, y value), steps included.
    const QList<QList<QPointF>> &runs() const { return m_runs; }

    // Paints the runs into `plot`, which shows [fromMs, toMs] × [0, yMax]. A run of one point
    // (a push between two gaps) is a dot, so it does not vanish.
    void paint(QPainter &painter, const QRectF &plot, qint64 fromMs, qint64 toMs, double yMax,
               const QColor &color);

private:
    QList<QList<QPointF>> m_runs;
    QPolygonF m_polyline;     // reused between paints
    QList<QLineF> m_segments; // the same, as segments on a high-DPI device
};

} // namespace prego
