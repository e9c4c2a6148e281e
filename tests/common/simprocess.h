#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace prego::test {

// Starts the real prego-cp-sim binary on 127.0.0.1 with a random port and well-known test tokens
// (handed over on stdin, never on the command line), and stops it when destroyed.
class SimProcess
{
public:
    struct Token
    {
        QString name;
        QString role;
        QString nodeId; // agent tokens may be bound to one node
        QString value;
    };

    SimProcess();
    ~SimProcess();
    SimProcess(const SimProcess &) = delete;
    SimProcess &operator=(const SimProcess &) = delete;

    // Default tokens: operator "test-operator", viewer "test-viewer", agent "test-agent" (unbound).
    QList<Token> tokens;

    // Starts the binary with these extra arguments (e.g. --db FILE, --demo-fleet 5, --time-scale
    // 0.01). Returns false, with the reason in error(), when it does not report its address in
    // time (a 100,000-node demo fleet takes longer than the default). The wait ends as soon as
    // the address comes or the process exits, so the limit costs nothing when all is well: it is
    // wide because a 10,000-node fleet takes 4.3 s to register in the sanitizer build on an idle
    // machine, and took more than 15 s (the former limit) on a loaded one.
    bool start(const QStringList &extraArgs = {}, int timeoutMs = 60000);
    void stop(); // SIGTERM and wait
    void kill(); // SIGKILL, as a crash would
    bool isRunning() const;

    QUrl baseUrl() const { return m_baseUrl; }
    QString tokenFor(const QString &role) const;
    QString error() const { return m_error; }
    QString output() const; // everything it printed so far (stdout and stderr)

private:
    std::unique_ptr<QProcess> m_process;
    QUrl m_baseUrl;
    QString m_error;
    mutable QByteArray m_output;
};

} // namespace prego::test
