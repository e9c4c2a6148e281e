#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace prego::test {

// Runs prego-secrets-scenario with a throwaway home (XDG dirs, runtime dir) in a private D-Bus
// session, or with no session bus at all, and collects one result per step. The scenario's
// secrets (two random canaries) never appear in its output; filesWithCanary() looks for them in
// plain text under the home afterwards.
class KeyringScenario
{
public:
    enum class Bus {
        Private,                   // private session bus, nothing activatable on it
        PrivateWithFailingService, // org.freedesktop.secrets is activatable but exits at once
        Unset,                     // DBUS_SESSION_BUS_ADDRESS unset
        InvalidAddress,            // DBUS_SESSION_BUS_ADDRESS names a socket that does not exist
    };

    struct Step
    {
        QString kind;  // SecretError::Kind name ("Locked"), or "None"
        QString value; // canary, canary2, other, empty, "-" or locked=<n>
        QString message;
        QString detail;
    };

    explicit KeyringScenario(Bus bus);

    // False when the helper could not run or did not finish every step; see log().
    bool run(const QStringList &steps);

    Step step(int index) const { return m_steps.value(index); }
    qsizetype stepCount() const { return m_steps.size(); }
    // The helper's stdout and stderr, for failure messages (contains no secret).
    QString log() const { return m_log; }

    QString home() const { return m_home.path(); }
    QString dataHome() const;
    QStringList filesWithCanary() const;

private:
    void writeBusConfig();

    Bus m_bus;
    QTemporaryDir m_home;
    QString m_service;
    QString m_canary;
    QString m_canary2;
    QString m_busConfig;
    QList<Step> m_steps;
    QString m_log;
};

} // namespace prego::test
