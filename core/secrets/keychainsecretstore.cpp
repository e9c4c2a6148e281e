#include "keychainsecretstore.h"

#include "secretserviceprobe.h"

#include <qt6keychain/keychain.h>

namespace prego {

namespace {

using Operation = KeychainDiagnosis::Operation;
using Status = KeychainDiagnosis::Status;

Status statusOf(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return Status::Ok;
    case QKeychain::EntryNotFound:
        return Status::EntryNotFound;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Status::AccessDenied;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return Status::NoBackend;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    return Status::OtherError;
}

QKeychain::Job *createKeychainJob(Operation operation, const QString &service)
{
    switch (operation) {
    case Operation::Read:
        return new QKeychain::ReadPasswordJob(service);
    case Operation::Write:
        return new QKeychain::WritePasswordJob(service);
    case Operation::Remove:
        break;
    }
    return new QKeychain::DeletePasswordJob(service);
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : KeychainSecretStore(defaultServiceName(), parent)
{}

KeychainSecretStore::KeychainSecretStore(QString serviceName, QObject *parent)
    : SecretStore(parent)
    , m_serviceName(std::move(serviceName))
{}

KeychainSecretStore::~KeychainSecretStore() = default;

QString KeychainSecretStore::defaultServiceName()
{
    return QStringLiteral("io.prego.console");
}

QString KeychainSecretStore::keyForProfile(const QString &profileName)
{
    return QLatin1String("profile/") % profileName;
}

SecretJob *KeychainSecretStore::read(const QString &profileName)
{
    return startJob(Operation::Read, profileName, nullptr);
}

SecretJob *KeychainSecretStore::write(const QString &profileName, const QString &secret)
{
    return startJob(Operation::Write, profileName, &secret);
}

SecretJob *KeychainSecretStore::remove(const QString &profileName)
{
    return startJob(Operation::Remove, profileName, nullptr);
}

SecretJob *KeychainSecretStore::startJob(Operation operation, const QString &profileName,
                                         const QString *secret)
{
    auto *job = new SecretJob(this);
    // Without a session bus there is no keyring to ask, and libsecret would try to autolaunch
    // a bus.
    if (!SecretServiceProbe::sessionBusConnected()) {
        job->finishLater(SecretResult::failure(SecretError::Kind::NoDBusSession,
                                               SecretServiceProbe::sessionBusError()));
        return job;
    }

    const QString key = keyForProfile(profileName);
    // No parent: QtKeychain's libsecret callbacks hold raw pointers to the job, so it must live
    // until it finished; it then deletes itself.
    QKeychain::Job *keychainJob = createKeychainJob(operation, m_serviceName);
    keychainJob->setInsecureFallback(false);
    keychainJob->setAutoDelete(true);
    keychainJob->setKey(key);
    if (secret != nullptr) {
        static_cast<QKeychain::WritePasswordJob *>(keychainJob)->setTextData(*secret);
    }

    connect(keychainJob, &QKeychain::Job::finished, job,
            [this, job, operation, key](QKeychain::Job *done) {
                const Status status = statusOf(done->error());
                if (!KeychainDiagnosis::needsProbe(operation, status)) {
                    std::optional<QString> value;
                    if (operation == Operation::Read) {
                        value = static_cast<QKeychain::ReadPasswordJob *>(done)->textData();
                    }
                    job->finish(SecretResult::success(std::move(value)));
                    return;
                }
                const QString backendText = status == Status::Ok ? QString() : done->errorString();
                auto *probe = new SecretServiceProbe(m_serviceName, key, job);
                connect(probe, &SecretServiceProbe::finished, job,
                        [job, operation, status,
                         backendText](const SecretServiceProbe::Findings &findings) {
                            job->finish(SecretResult{
                                std::nullopt, KeychainDiagnosis::classify(operation, status,
                                                                          backendText, findings)});
                        });
                probe->start();
            });
    keychainJob->start();
    return job;
}

} // namespace prego
