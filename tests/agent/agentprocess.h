#pragma once

#include <QByteArray>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <chrono>

namespace prego::test {

// One run of the real prego-metrics-agent binary.
struct AgentRun
{
    bool finished = false;
    int exitCode = -1;
    QString standardOutput;
    QString standardError;

    QString output() const { return standardOutput + standardError; }
};

// Runs the binary with an event loop spinning, so an in-process scripted server can answer it.
// The environment is the test's with the locale variables removed (English), plus `extraEnv`.
AgentRun runAgent(const QStringList &arguments, const QProcessEnvironment &extraEnv = {},
                  std::chrono::milliseconds timeout = std::chrono::seconds(60));

// Writes a token file with mode 0600 (or `mode`) into `dir` and returns its path.
QString writeTokenFile(const QTemporaryDir &dir, const QByteArray &token, int mode = 0600);

} // namespace prego::test
