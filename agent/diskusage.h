#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace prego::agent {

// Use of the filesystem holding a path, computed the way df computes "Use%".
class DiskUsage
{
    Q_DECLARE_TR_FUNCTIONS(DiskUsage)

public:
    // The statvfs fields the percentage needs, so the arithmetic can be tested without a disk.
    struct Stats
    {
        quint64 blocks = 0;          // f_blocks
        quint64 freeBlocks = 0;      // f_bfree (includes blocks reserved for root)
        quint64 availableBlocks = 0; // f_bavail (what unprivileged users may still use)
        quint64 fragmentSize = 0;    // f_frsize, the unit of the three counts above
    };

    // used / (used + available), used = blocks - free: the reserved blocks count neither as used
    // nor as available, exactly like df. nullopt for impossible numbers or an empty filesystem.
    static std::optional<double> percent(const Stats &stats);

    static Result<Stats> stat(const QString &path);
};

} // namespace prego::agent
