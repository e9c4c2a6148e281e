#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QTemporaryDir>

#include <atomic>
#include <thread>

namespace prego::test {

// A --proc-root whose "stat" is a FIFO handing out the given samples, one per open, so the
// agent's two CPU samples are exactly the ones a test chose; "meminfo" is a copy of a fixture.
class ProcFifo
{
public:
    ProcFifo(const QList<QByteArray> &statSamples, const QString &meminfoFixture);
    ~ProcFifo();
    ProcFifo(const ProcFifo &) = delete;
    ProcFifo &operator=(const ProcFifo &) = delete;

    QString path() const { return m_dir.path(); }
    int samplesServed() const { return m_served.load(); }

private:
    QTemporaryDir m_dir;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_served{0};
    std::thread m_writer;
};

} // namespace prego::test
