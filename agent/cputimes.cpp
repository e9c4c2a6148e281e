#include "cputimes.h"

#include <QList>

#include <limits>

namespace prego::agent {

Result<CpuTimes> CpuTimes::parse(const QByteArray &procStat)
{
    const QList<QByteArray> lines = procStat.split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.isEmpty() || fields.first() != "cpu")
            continue;
        // Kernels since 2.6.33 print ten counters; older ones at least four. guest and
        // guest_nice (9th and 10th) are already counted in user and nice, so they are left out.
        QList<quint64> counters;
        for (qsizetype i = 1; i < fields.size() && counters.size() < 8; ++i) {
            bool ok = false;
            const quint64 value = fields.at(i).toULongLong(&ok);
            if (!ok) {
                return Result<CpuTimes>::failure(
                    tr("the \"cpu\" line has a field that is not a number: \"%1\"")
                        .arg(QString::fromUtf8(fields.at(i).left(32))));
            }
            counters.append(value);
        }
        if (counters.size() < 4) {
            return Result<CpuTimes>::failure(
                tr("the \"cpu\" line has too few counters (%n); at least 4 are needed", nullptr,
                   int(counters.size())));
        }
        CpuTimes times;
        for (const quint64 value : std::as_const(counters)) {
            // A sum that wraps would leave idle above total: a busy percentage from it is
            // nonsense, so such a line is refused like any other unreadable one.
            if (value > std::numeric_limits<quint64>::max() - times.total) {
                return Result<CpuTimes>::failure(
                    tr("the \"cpu\" line's counters add up to more than 64 bits"));
            }
            times.total += value;
        }
        times.idle = counters.at(3) + (counters.size() > 4 ? counters.at(4) : 0);
        return Result<CpuTimes>::success(times);
    }
    return Result<CpuTimes>::failure(tr("there is no aggregate \"cpu\" line"));
}

std::optional<double> CpuTimes::busyPercent(const CpuTimes &before, const CpuTimes &after)
{
    if (after.total <= before.total || after.idle < before.idle)
        return std::nullopt;
    const quint64 totalDelta = after.total - before.total;
    const quint64 idleDelta = after.idle - before.idle;
    if (idleDelta > totalDelta)
        return std::nullopt;
    // The share first, then the percentage: busy <= total makes the rounded quotient <= 1, and
    // 100 * it <= 100. (100 * busy / total rounds above 100 for some huge counts: the fuzzer
    // found 100.00000000000001 for a jump of 4.3e17 ticks.)
    return 100.0 * (double(totalDelta - idleDelta) / double(totalDelta));
}

} // namespace prego::agent
