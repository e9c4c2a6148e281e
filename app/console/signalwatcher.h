#pragma once

#include <QList>
#include <QObject>

#include <csignal>
#include <utility>

class QSocketNotifier;

namespace prego {

// Turns Unix signals (SIGTERM from a logout or `kill`, SIGINT from a terminal) into a Qt signal
// delivered on the event loop, so that the console can quit it and let its destructors run. The
// handler only writes the signal's number into a pipe ("Calling Qt Functions From Unix Signal
// Handlers" in Qt's documentation); a socket notifier reads it. One watcher per process: the
// handler has nowhere else to find its pipe. The previous handlers come back when it goes.
class SignalWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalWatcher)
public:
    explicit SignalWatcher(const QList<int> &signalNumbers, QObject *parent = nullptr);
    ~SignalWatcher() override;

    // False when the pipe could not be made or another watcher exists: the signals keep their
    // previous handling.
    bool isWatching() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void signalReceived(int signalNumber);

private:
    void onReadable();

    int m_pipe[2] = {-1, -1};
    QSocketNotifier *m_notifier = nullptr;
    QList<std::pair<int, struct sigaction>> m_previous;
};

} // namespace prego
