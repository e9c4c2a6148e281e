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

} // namespace prego::PushGaps
