#include "seriesthinning.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace prego::SeriesThinning {

int column(double x, double fromX, double toX, int widthPx)
{
    if (widthPx <= 0 || !(toX > fromX) || x < fromX || x > toX)
        return -1;
    const auto c = qint64(std::floor((x - fromX) * widthPx / (toX - fromX)));
    return int(std::min<qint64>(c, widthPx - 1));
}

QList<QPointF> thin(const QList<QPointF> &points, double fromX, double toX, int widthPx)
{
    QList<QPointF> out;
    if (widthPx <= 0 || !(toX > fromX))
        return out;
    out.reserve(std::min<qsizetype>(points.size(), qsizetype(widthPx) * 4));

    // The points are sorted by x: the range is found by bisection, and within it each point's
    // column is the same arithmetic as column() without its checks (a range switch thins
    // 43,200 points per chart, so this loop is most of the switch's own work).
    const auto byX = [](const QPointF &p, double x) {
        return p.x() < x;
    };
    const auto begin = std::lower_bound(points.cbegin(), points.cend(), fromX, byX);
    const auto end = std::upper_bound(begin, points.cend(), toX,
                                      [](double x, const QPointF &p) { return x < p.x(); });
    const double span = toX - fromX;
    const qint64 lastColumn = widthPx - 1;

    qint64 current = -1;
    const QPointF *first = nullptr, *last = nullptr, *lo = nullptr, *hi = nullptr;
    const auto flush = [&] {
        std::array<const QPointF *, 4> keep{first, lo, hi, last};
        std::sort(keep.begin(), keep.end());
        const auto unique = std::unique(keep.begin(), keep.end());
        for (auto it = keep.begin(); it != unique; ++it)
            out.append(**it);
    };
    for (auto it = begin; it != end; ++it) {
        const QPointF &p = *it;
        if (std::isnan(p.y()))
            continue;
        // x >= fromX here, so truncation is the floor column() takes.
        const qint64 c = std::min(qint64((p.x() - fromX) * widthPx / span), lastColumn);
        if (c != current) {
            if (current >= 0)
                flush();
            current = c;
            first = last = lo = hi = &p;
            continue;
        }
        last = &p;
        if (p.y() < lo->y())
            lo = &p;
        if (p.y() > hi->y())
            hi = &p;
    }
    if (current >= 0)
        flush();
    return out;
}

} // namespace prego::SeriesThinning
