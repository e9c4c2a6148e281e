#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace prego::test {

// What one prego-ctl run left: its exit code and everything it printed.
struct CtlRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the real prego-ctl binary as an operator would: with its own config, data and cache
// directories under `home` (so that tests never share profiles, outboxes or history) and the test
// session's keychain. `ctl({u"whoami"_s, u"--profile"_s, name})` runs it to its end; the calling
// thread's event loop runs meanwhile, so a ScriptedHttpServer of the test can answer it.
class CtlProcess
{
public:
    enum class Locale { English, Korean }; // what LANG says (--lang still overrides it)

    CtlProcess(QString program, QString home);

    CtlRun operator()(const QStringList &args, const QByteArray &stdinData = {},
                      Locale locale = Locale::English) const;

    // How long a run may take before it is given up on (60 s unless set).
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }

    // For tests that start (and kill) the process themselves.
    QString program() const { return m_program; }
    QProcessEnvironment environment(Locale locale = Locale::English) const;

private:
    QString m_program;
    QString m_home;
    int m_timeoutMs = 60000;
};

} // namespace prego::test
