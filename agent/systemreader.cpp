#include "systemreader.h"

#include "diskusage.h"
#include "memoryusage.h"

#include <QFile>

namespace prego::agent {

using namespace Qt::StringLiterals;

namespace {
// /proc/stat on a 256-CPU machine is well under this; anything bigger is not /proc.
constexpr qint64 MaxProcFileSize = 1024 * 1024;
} // namespace

SystemReader::SystemReader(QString procRoot, QString rootPath)
    : m_procRoot(std::move(procRoot))
    , m_rootPath(std::move(rootPath))
{}

Result<QByteArray> SystemReader::readProcFile(const QString &name) const
{
    const QString path = m_procRoot + u'/' + name;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<QByteArray>::failure(tr("cannot open %1: %2").arg(path, file.errorString()));
    // /proc files report size 0 and arrive in chunks: read until EOF rather than trusting size().
    QByteArray data;
    while (data.size() < MaxProcFileSize) {
        const QByteArray chunk = file.read(MaxProcFileSize - data.size());
        if (chunk.isEmpty())
            break;
        data += chunk;
    }
    if (data.isEmpty())
        return Result<QByteArray>::failure(tr("%1 is empty").arg(path));
    return Result<QByteArray>::success(data);
}

Result<CpuTimes> SystemReader::readCpuTimes() const
{
    const Result<QByteArray> data = readProcFile(u"stat"_s);
    if (!data.ok())
        return Result<CpuTimes>::failure(tr("CPU use unknown: %1").arg(data.error()));
    Result<CpuTimes> times = CpuTimes::parse(data.value());
    if (!times.ok()) {
        return Result<CpuTimes>::failure(
            tr("CPU use unknown: %1: %2").arg(m_procRoot + u"/stat"_s, times.error()));
    }
    return times;
}

Result<double> SystemReader::readMemoryPercent() const
{
    const Result<QByteArray> data = readProcFile(u"meminfo"_s);
    if (!data.ok())
        return Result<double>::failure(tr("memory use unknown: %1").arg(data.error()));
    Result<double> percent = MemoryUsage::percentFromMeminfo(data.value());
    if (!percent.ok()) {
        return Result<double>::failure(
            tr("memory use unknown: %1: %2").arg(m_procRoot + u"/meminfo"_s, percent.error()));
    }
    return percent;
}

Result<double> SystemReader::readDiskPercent() const
{
    const Result<DiskUsage::Stats> stats = DiskUsage::stat(m_rootPath);
    if (!stats.ok())
        return Result<double>::failure(tr("disk use unknown: %1").arg(stats.error()));
    const std::optional<double> percent = DiskUsage::percent(stats.value());
    if (!percent) {
        return Result<double>::failure(
            tr("disk use unknown: the filesystem of %1 reports no usable size").arg(m_rootPath));
    }
    return Result<double>::success(*percent);
}

} // namespace prego::agent
