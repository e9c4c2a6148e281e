#include "memorysecretstore.h"

#include <algorithm>

namespace prego {

namespace {

QString deepCopy(const QString &value)
{
    return QString(value.constData(), value.size());
}

// Overwrites the characters when this is the only reference, then releases the buffer.
void wipe(QString &value)
{
    if (value.isDetached()) {
        QChar *data = value.data();
        std::fill(data, data + value.size(), QChar(u'\0'));
    }
    value.clear();
}

} // namespace

MemorySecretStore::MemorySecretStore(QObject *parent)
    : SecretStore(parent)
{}

MemorySecretStore::~MemorySecretStore()
{
    for (auto it = m_secrets.begin(); it != m_secrets.end(); ++it) {
        wipe(it.value());
    }
}

SecretJob *MemorySecretStore::read(const QString &profileName)
{
    const auto it = m_secrets.constFind(profileName);
    if (it == m_secrets.constEnd()) {
        return finishedJob(SecretResult::failure(SecretError::Kind::NotFound));
    }
    return finishedJob(SecretResult::success(deepCopy(it.value())));
}

SecretJob *MemorySecretStore::write(const QString &profileName, const QString &secret)
{
    auto it = m_secrets.find(profileName);
    if (it != m_secrets.end()) {
        wipe(it.value());
        it.value() = deepCopy(secret);
    } else {
        m_secrets.insert(profileName, deepCopy(secret));
    }
    return finishedJob(SecretResult::success());
}

SecretJob *MemorySecretStore::remove(const QString &profileName)
{
    auto it = m_secrets.find(profileName);
    if (it != m_secrets.end()) {
        wipe(it.value());
        m_secrets.erase(it);
    }
    return finishedJob(SecretResult::success());
}

SecretJob *MemorySecretStore::finishedJob(const SecretResult &result)
{
    auto *job = new SecretJob(this);
    job->finishLater(result);
    return job;
}

} // namespace prego
