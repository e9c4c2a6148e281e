#pragma once

#include <QList>
#include <QPointF>

namespace prego::SeriesThinning {

// M4 aggregation: splits [fromX, toX] into widthPx columns and keeps, per column, the first, last,
// lowest and highest point, in x order and without duplicates. A line drawn through the result
// looks the same at that width as one drawn through every point: peaks stay visible, and a chart
// never holds more than 4 × widthPx points. `points` must be sorted by x; points outside the
// range and points whose y is NaN are dropped. x is milliseconds since the epoch, as the charts
// use it.
QList<QPointF> thin(const QList<QPointF> &points, double fromX, double toX, int widthPx);

// The pixel column a point falls into (clamped to the last column at toX), or -1 outside.
int column(double x, double fromX, double toX, int widthPx);

} // namespace prego::SeriesThinning
