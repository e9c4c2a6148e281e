#pragma once

#include <QList>
#include <QPointF>
#include <QtGlobal>

namespace prego {

// A half-open time interval [startMs, endMs) in server time.
struct TimeSpan
{
    qint64 startMs = 0;
    qint64 endMs = 0;

    bool operator==(const TimeSpan &) const = default;
};

namespace PushGaps {

// The push gaps a chart shades: every interval between consecutive pushes that is longer than
// staleAfterMs, and the interval from the last push to nowMs when that is. The whole gap is
// returned (the line drawn across it is interpolation, not data), clipped to [fromMs, nowMs).
// `pushTimesMs` must be sorted; include the last push before fromMs when there is one, so a gap
// that began before the window is still seen. Nothing is said before the first known push: the
// history may simply not reach back that far.
QList<TimeSpan> find(const QList<qint64> &pushTimesMs, qint64 fromMs, qint64 nowMs,
                     qint64 staleAfterMs);

// The runs a chart's line is drawn in: `points` (x in ms, sorted) cut between two consecutive
// points wherever a gap lies between them, so no segment stands for a time without pushes. A run
// may hold a single point (a push between two gaps). `gaps` as find() returns them.
QList<QList<QPointF>> splitAtGaps(const QList<QPointF> &points, const QList<TimeSpan> &gaps);

} // namespace PushGaps
} // namespace prego
