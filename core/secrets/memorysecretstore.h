#pragma once

#include "secretstore.h"

#include <QHash>
#include <QString>

namespace prego {

// Keeps tokens for this session only ("keep for this session only"), in memory. Jobs still finish
// asynchronously, on the next event loop turn, so callers have one code path for both stores.
// Values are overwritten before they are dropped (remove, replace, destruction).
class MemorySecretStore final : public SecretStore
{
    Q_OBJECT

public:
    explicit MemorySecretStore(QObject *parent = nullptr);
    ~MemorySecretStore() override;

    SecretJob *read(const QString &profileName) override;
    SecretJob *write(const QString &profileName, const QString &secret) override;
    SecretJob *remove(const QString &profileName) override;
    bool isPersistent() const override { return false; }

    bool contains(const QString &profileName) const { return m_secrets.contains(profileName); }

private:
    SecretJob *finishedJob(const SecretResult &result);

    // Each value is a private deep copy, never shared with a caller, so wiping reaches the only
    // copy this store made.
    QHash<QString, QString> m_secrets;
};

} // namespace prego
