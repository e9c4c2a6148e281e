#pragma once

#include "cputimes.h"
#include "result.h"

#include <QCoreApplication>
#include <QString>

namespace prego::agent {

// Reads the node's metrics from a /proc tree and a filesystem path. Both are options so the
// tests can point them at fixtures; in production they are /proc and /.
class SystemReader
{
    Q_DECLARE_TR_FUNCTIONS(SystemReader)

public:
    SystemReader(QString procRoot, QString rootPath);

    Result<CpuTimes> readCpuTimes() const;
    Result<double> readMemoryPercent() const;
    Result<double> readDiskPercent() const;

private:
    Result<QByteArray> readProcFile(const QString &name) const;

    QString m_procRoot;
    QString m_rootPath;
};

} // namespace prego::agent
