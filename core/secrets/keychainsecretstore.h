#pragma once

#include "keychaindiagnosis.h"
#include "secretstore.h"

#include <QString>

namespace prego {

// Tokens in the operating system's keychain through QtKeychain (the Secret Service on Linux),
// one entry per profile under the key "profile/<name>". The insecure plaintext fallback is always
// off. Failures are diagnosed over D-Bus so that a missing bus, a missing Secret Service, a
// locked keyring and a refused write each get their own error, and a locked keyring never
// reads as "no token".
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT

public:
    explicit KeychainSecretStore(QObject *parent = nullptr);
    // serviceName: the keychain service the entries belong to (tests use their own).
    explicit KeychainSecretStore(QString serviceName, QObject *parent = nullptr);
    ~KeychainSecretStore() override;

    static QString defaultServiceName();
    static QString keyForProfile(const QString &profileName);

    QString serviceName() const { return m_serviceName; }

    SecretJob *read(const QString &profileName) override;
    SecretJob *write(const QString &profileName, const QString &secret) override;
    SecretJob *remove(const QString &profileName) override;
    bool isPersistent() const override { return true; }

private:
    SecretJob *startJob(KeychainDiagnosis::Operation operation, const QString &profileName,
                        const QString *secret);

    QString m_serviceName;
};

} // namespace prego
