#pragma once

#include "result.h"

#include <QByteArray>
#include <QCoreApplication>

namespace prego::agent {

// Memory in use as a percentage of MemTotal, read from /proc/meminfo.
class MemoryUsage
{
    Q_DECLARE_TR_FUNCTIONS(MemoryUsage)

public:
    // Used is MemTotal - MemAvailable. Kernels before 3.14 have no MemAvailable; then the
    // classic estimate MemFree + Buffers + Cached stands in for it.
    static Result<double> percentFromMeminfo(const QByteArray &meminfo);
};

} // namespace prego::agent
