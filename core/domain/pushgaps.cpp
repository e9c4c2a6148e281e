#include "pushgaps.h"

#include <algorithm>

namespace prego::PushGaps {

QList<TimeSpan> find(const QList<qint64> &pushTimesMs, qint64 fromMs, qint64 nowMs,
                     qint64 staleAfterMs)
{
    QList<TimeSpan> gaps;
    const auto add = [&](qint64 start, qint64 end) {
        start = std::max(start, fromMs);
        end = std::min(end, nowMs);
        if (end <= start)
            return;
        // Touching spans (a push exactly at a window edge) merge so the chart draws one band.
        if (!gaps.isEmpty() && gaps.last().endMs >= start)
            gaps.last().endMs = std::max(gaps.last().endMs, end);
        else
            gaps.append({start, end});
    };
    for (qsizetype i = 1; i < pushTimesMs.size(); ++i) {
        const qint64 previous = pushTimesMs.at(i - 1);
        const qint64 next = pushTimesMs.at(i);
        if (next - previous > staleAfterMs)
            add(previous, next);
    }
    if (!pushTimesMs.isEmpty() && nowMs - pushTimesMs.last() > staleAfterMs)
        add(pushTimesMs.last(), nowMs);
    return gaps;
}

QList<QList<QPointF>> splitAtGaps(const QList<QPointF> &points, const QList<TimeSpan> &gaps)
{
    QList<QList<QPointF>> runs;
    if (points.isEmpty())
        return runs;
    runs.append(QList<QPointF>{points.first()});
    qsizetype g = 0;
    for (qsizetype i = 1; i < points.size(); ++i) {
        const double a = points.at(i - 1).x();
        const double b = points.at(i).x();
        while (g < gaps.size() && double(gaps.at(g).endMs) <= a)
            ++g;
        // The segment a-b overlaps the gap: cut it. (Points at a gap's edges are its pushes.)
        if (g < gaps.size() && double(gaps.at(g).startMs) < b)
            runs.append(QList<QPointF>());
        runs.last().append(points.at(i));
    }
    return runs;
}

} // namespace prego::PushGaps
