#include "memoryusage.h"

#include <QHash>
#include <QList>

#include <algorithm>

namespace prego::agent {

using namespace Qt::StringLiterals;

Result<double> MemoryUsage::percentFromMeminfo(const QByteArray &meminfo)
{
    QHash<QByteArray, quint64> values;
    const QList<QByteArray> lines = meminfo.split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray key = line.left(colon).trimmed();
        // "MemTotal:       16318420 kB": the number is the first word after the colon.
        const QList<QByteArray> words = line.mid(colon + 1).simplified().split(' ');
        bool ok = false;
        const quint64 value = words.isEmpty() ? 0 : words.first().toULongLong(&ok);
        if (ok)
            values.insert(key, value);
    }

    const auto missing = [](const char *key) {
        return Result<double>::failure(
            tr("the \"%1\" line is missing or not a number").arg(QLatin1StringView(key)));
    };
    if (!values.contains("MemTotal"))
        return missing("MemTotal");
    const quint64 total = values.value("MemTotal");
    if (total == 0)
        return Result<double>::failure(tr("MemTotal is 0"));

    quint64 available = 0;
    if (values.contains("MemAvailable")) {
        available = values.value("MemAvailable");
    } else {
        for (const char *key : {"MemFree", "Buffers", "Cached"}) {
            if (!values.contains(key))
                return missing(key);
            available += values.value(key);
        }
    }
    available = std::min(available, total);
    // The share first, then the percentage, as in CpuTimes::busyPercent: used <= total makes the
    // rounded quotient <= 1. (100 * used / total rounds above 100 for a huge MemTotal: the
    // fuzzer found it for 4.1e18 kB with 76 kB available.)
    return Result<double>::success(100.0 * (double(total - available) / double(total)));
}

} // namespace prego::agent
