#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QDBusMessage;

namespace prego {

// Asks the session bus and the Secret Service (org.freedesktop.secrets) why a keychain call
// failed: QtKeychain's libsecret backend reports a locked keyring as "entry not found" and has
// no error of its own for a missing bus or service. Asynchronous; emits finished() once.
class SecretServiceProbe final : public QObject
{
    Q_OBJECT

public:
    // The probe stops at the first negative answer. complete is false when a D-Bus query itself
    // failed (detail says how); then the fields after that point are unknown.
    struct Findings
    {
        bool complete = false;
        bool busConnected = false;
        bool serviceRunning = false;
        bool lockedEntryExists = false; // an item for this service and key sits in a locked keyring
        bool defaultCollectionExists = false;
        bool defaultCollectionLocked = false;
        QString detail;
    };

    // service and key as QtKeychain stores them (attributes "server" and "user").
    SecretServiceProbe(QString service, QString key, QObject *parent = nullptr);
    ~SecretServiceProbe() override;

    void start();

    static bool sessionBusConnected();
    static QString sessionBusError();

Q_SIGNALS:
    void finished(const prego::SecretServiceProbe::Findings &findings);

private:
    void askServiceOwner();
    void askLockedItems();
    void askDefaultCollection();
    void askDefaultCollectionLocked(const QString &path);
    void call(const QDBusMessage &message, std::function<void(const QDBusMessage &)> onReply);
    void finish(bool complete);

    QString m_service;
    QString m_key;
    Findings m_findings;
    bool m_finished = false;
};

} // namespace prego
