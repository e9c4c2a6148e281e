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

    int current = -1;
    qsizetype first = 0, last = 0, lo = 0, hi = 0;
    const auto flush = [&] {
        std::array<qsizetype, 4> keep{first, lo, hi, last};
        std::sort(keep.begin(), keep.end());
        const auto end = std::unique(keep.begin(), keep.end());
        for (auto it = keep.begin(); it != end; ++it)
            out.append(points.at(*it));
    };
    for (qsizetype i = 0; i < points.size(); ++i) {
        const QPointF &p = points.at(i);
        if (std::isnan(p.y()))
            continue;
        const int c = column(p.x(), fromX, toX, widthPx);
        if (c < 0)
            continue;
        if (c != current) {
            if (current >= 0)
                flush();
            current = c;
            first = last = lo = hi = i;
            continue;
        }
        last = i;
        if (p.y() < points.at(lo).y())
            lo = i;
        if (p.y() > points.at(hi).y())
            hi = i;
    }
    if (current >= 0)
        flush();
    return out;
}

} // namespace prego::SeriesThinning
