#include "procfifo.h"

#include <QFile>

#include <cerrno>
#include <chrono>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace prego::test {

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

ProcFifo::ProcFifo(const QList<QByteArray> &statSamples, const QString &meminfoFixture)
{
    QFile::copy(meminfoFixture, m_dir.filePath(u"meminfo"_s));
    const QByteArray fifo = QFile::encodeName(m_dir.filePath(u"stat"_s));
    ::mkfifo(fifo.constData(), 0600);

    m_writer = std::thread([this, fifo, statSamples] {
        const auto deadline = std::chrono::steady_clock::now() + 60s;
        const auto openWriter = [&]() {
            // Opening the write end without blocking succeeds only while a reader has it open.
            while (!m_stop && std::chrono::steady_clock::now() < deadline) {
                const int fd = ::open(fifo.constData(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
                if (fd >= 0)
                    return fd;
                std::this_thread::sleep_for(2ms);
            }
            return -1;
        };
        for (const QByteArray &sample : statSamples) {
            const int fd = openWriter();
            if (fd < 0)
                return;
            ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
            [[maybe_unused]] const ssize_t written =
                ::write(fd, sample.constData(), size_t(sample.size()));
            ::close(fd);
            ++m_served;
            // Wait for this reader to close before offering the next sample, or both could
            // land in one read.
            while (!m_stop && std::chrono::steady_clock::now() < deadline) {
                const int probe = ::open(fifo.constData(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
                if (probe < 0 && errno == ENXIO)
                    break;
                if (probe >= 0)
                    ::close(probe);
                std::this_thread::sleep_for(2ms);
            }
        }
    });
}

ProcFifo::~ProcFifo()
{
    m_stop = true;
    if (m_writer.joinable())
        m_writer.join();
}

} // namespace prego::test
