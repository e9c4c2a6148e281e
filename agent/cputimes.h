#pragma once

#include "result.h"

#include <QByteArray>
#include <QCoreApplication>

#include <optional>

namespace prego::agent {

// The aggregate "cpu" line of /proc/stat, reduced to what the busy percentage needs.
class CpuTimes
{
    Q_DECLARE_TR_FUNCTIONS(CpuTimes)

public:
    quint64 total = 0; // user + nice + system + idle + iowait + irq + softirq + steal, in ticks
    quint64 idle = 0;  // idle + iowait

    static Result<CpuTimes> parse(const QByteArray &procStat);

    // Percentage of the time between the two samples the CPUs were busy; nullopt when the
    // samples do not describe a forward step in time (same sample, counters reset).
    static std::optional<double> busyPercent(const CpuTimes &before, const CpuTimes &after);
};

} // namespace prego::agent
