#include "signalwatcher.h"

#include <QSocketNotifier>

#include <atomic>
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace prego {

namespace {
// The write end of the current watcher's pipe, for the handler; -1 when there is none.
std::atomic<int> g_writeFd{-1};
static_assert(std::atomic<int>::is_always_lock_free, "the handler needs a lock-free fd");

void onSignal(int signalNumber)
{
    // Only async-signal-safe calls here. A full pipe drops the byte: one is already waiting.
    const int savedErrno = errno;
    const auto byte = static_cast<unsigned char>(signalNumber);
    [[maybe_unused]] const auto written =
        ::write(g_writeFd.load(std::memory_order_relaxed), &byte, 1);
    errno = savedErrno;
}
} // namespace

SignalWatcher::SignalWatcher(const QList<int> &signalNumbers, QObject *parent)
    : QObject(parent)
{
    // Close-on-exec: the demo's prego-cp-sim must not inherit the pipe. Non-blocking: the handler
    // never waits, and the reader stops when the pipe is empty.
    if (::pipe2(m_pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
        qWarning("prego-console: no pipe for signal handling (errno %d)", errno);
        m_pipe[0] = m_pipe[1] = -1;
        return;
    }
    int none = -1;
    if (!g_writeFd.compare_exchange_strong(none, m_pipe[1])) {
        qWarning("prego-console: signals are already watched");
        ::close(m_pipe[0]);
        ::close(m_pipe[1]);
        m_pipe[0] = m_pipe[1] = -1;
        return;
    }
    m_notifier = new QSocketNotifier(m_pipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SignalWatcher::onReadable);

    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART; // other threads' system calls are not interrupted
    for (const int signalNumber : signalNumbers) {
        struct sigaction previous = {};
        if (::sigaction(signalNumber, &action, &previous) == 0)
            m_previous.append({signalNumber, previous});
    }
}

SignalWatcher::~SignalWatcher()
{
    if (!m_notifier)
        return;
    for (auto it = m_previous.crbegin(); it != m_previous.crend(); ++it)
        ::sigaction(it->first, &it->second, nullptr);
    g_writeFd.store(-1);
    ::close(m_pipe[0]);
    ::close(m_pipe[1]);
}

void SignalWatcher::onReadable()
{
    unsigned char buffer[64];
    while (true) {
        const ssize_t n = ::read(m_pipe[0], buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return; // empty (EAGAIN) or closed
        for (ssize_t i = 0; i < n; ++i)
            Q_EMIT signalReceived(int(buffer[i]));
    }
}

} // namespace prego
