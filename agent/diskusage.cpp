#include "diskusage.h"

#include <QFile>

#include <cerrno>
#include <sys/statvfs.h>

namespace prego::agent {

std::optional<double> DiskUsage::percent(const Stats &stats)
{
    if (stats.fragmentSize == 0 || stats.freeBlocks > stats.blocks)
        return std::nullopt;
    // Long double keeps the byte counts exact for any real filesystem size.
    const long double unit = stats.fragmentSize;
    const long double used = (long double)(stats.blocks - stats.freeBlocks) * unit;
    const long double available = (long double)stats.availableBlocks * unit;
    if (used + available <= 0)
        return std::nullopt;
    // The share first, then the percentage, so that used <= used + available bounds it by 100
    // for any input (the form the CPU and memory percentages needed after fuzzing).
    return double(100.0L * (used / (used + available)));
}

Result<DiskUsage::Stats> DiskUsage::stat(const QString &path)
{
    struct statvfs buffer = {};
    if (::statvfs(QFile::encodeName(path).constData(), &buffer) != 0) {
        return Result<Stats>::failure(
            tr("cannot query the filesystem of %1: %2").arg(path, qt_error_string(errno)));
    }
    Stats stats;
    stats.blocks = buffer.f_blocks;
    stats.freeBlocks = buffer.f_bfree;
    stats.availableBlocks = buffer.f_bavail;
    stats.fragmentSize = buffer.f_frsize;
    return Result<Stats>::success(stats);
}

} // namespace prego::agent
