#pragma once

#include "storage/historysample.h"
#include "testnodes.h"
#include "types/node.h"

#include <QString>

namespace prego::test {

inline constexpr qint64 Sec = 1000;
inline constexpr qint64 Min = 60 * Sec;
inline constexpr qint64 Hour = 60 * Min;
inline constexpr qint64 Day = 24 * Hour;
// A server time aligned to a 5-minute slot, so slot arithmetic in tests is easy to read.
inline constexpr qint64 T0 = 1'764'000'000'000 / (5 * Min) * (5 * Min);

inline HistorySample sample(const QString &node, qint64 at, double cpu, double mem = 50,
                            double disk = 40, qint64 tenants = 3)
{
    return {node, at, cpu, mem, disk, tenants};
}

// A fleet where node i last pushed at `at` (+ i ms so pushes differ a little).
inline NodesSnapshot fleet(int count, qint64 serverTime, qint64 at,
                           const QString &prefix = QStringLiteral("node-"))
{
    NodesSnapshot s;
    s.serverTimeMs = serverTime;
    s.nodes.reserve(count);
    for (int i = 0; i < count; ++i)
        s.nodes.append(node(prefix + QString::number(i).rightJustified(5, u'0'), at + i,
                            double((i * 37 + at / 1000) % 1000) / 10.0));
    return s;
}

} // namespace prego::test
