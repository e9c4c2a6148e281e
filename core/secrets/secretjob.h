#pragma once

#include "secretresult.h"

#include <QObject>

namespace prego {

// One secret store call. Emits finished() exactly once, never before the event loop runs again
// (so connecting right after the store returned the job is always in time), then deletes itself.
class SecretJob final : public QObject
{
    Q_OBJECT

public:
    explicit SecretJob(QObject *parent = nullptr);
    ~SecretJob() override;

    bool isFinished() const { return m_finished; }

    // For stores (and test doubles): emit the result now, then delete the job later. Calls after
    // the first are ignored.
    void finish(const SecretResult &result);
    // Same, on the next event loop turn: for results known before the call could start.
    void finishLater(const SecretResult &result);

Q_SIGNALS:
    void finished(const prego::SecretResult &result);

private:
    bool m_finished = false;
    bool m_finishQueued = false;
};

// Blocks in a local event loop until the job finished (for command-line tools, not the GUI).
// Call it right after the store returned the job. A timeout gives Kind::Other; the job then
// finishes and deletes itself on its own.
SecretResult waitForSecretJob(SecretJob *job, int timeoutMs = 30000);

} // namespace prego
