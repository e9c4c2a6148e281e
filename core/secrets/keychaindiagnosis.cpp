#include "keychaindiagnosis.h"

namespace prego::KeychainDiagnosis {

namespace {

QString joined(const QString &backendText, const QString &probeText)
{
    if (probeText.isEmpty()) {
        return backendText;
    }
    if (backendText.isEmpty()) {
        return probeText;
    }
    return backendText % QLatin1String("; ") % probeText;
}

} // namespace

bool needsProbe(Operation operation, Status status)
{
    return status != Status::Ok || operation == Operation::Remove;
}

SecretError classify(Operation operation, Status status, const QString &backendText,
                     const SecretServiceProbe::Findings &findings)
{
    using Kind = SecretError::Kind;
    if (!needsProbe(operation, status)) {
        return {};
    }
    const QString detail = joined(backendText, findings.detail);
    const auto error = [&detail](Kind kind) {
        return SecretError{kind, detail};
    };

    // Without a full answer from the keyring nothing is certain, least of all "no token".
    if (!findings.complete) {
        return error(Kind::Other);
    }
    if (!findings.busConnected) {
        return error(Kind::NoDBusSession);
    }
    if (!findings.serviceRunning) {
        return error(Kind::NoSecretService);
    }
    // A token that exists but is locked away is never "not found", and never "removed".
    if (findings.lockedEntryExists) {
        return error(Kind::Locked);
    }

    switch (operation) {
    case Operation::Read:
        if (findings.defaultCollectionLocked) {
            return error(Kind::Locked);
        }
        switch (status) {
        case Status::EntryNotFound:
            return error(Kind::NotFound);
        case Status::AccessDenied:
            return error(Kind::AccessDenied);
        case Status::Ok:
        case Status::NoBackend:
        case Status::OtherError:
            break;
        }
        return error(Kind::Other);
    case Operation::Write:
        if (!findings.defaultCollectionExists) {
            return error(Kind::NoDefaultKeyring);
        }
        if (findings.defaultCollectionLocked) {
            return error(Kind::Locked);
        }
        if (status == Status::AccessDenied || status == Status::OtherError) {
            return error(Kind::WriteDenied);
        }
        return error(Kind::Other);
    case Operation::Remove:
        // libsecret reports success without touching locked items: unproven, so not removed.
        if (findings.defaultCollectionLocked) {
            return error(Kind::Locked);
        }
        if (status == Status::Ok || status == Status::EntryNotFound) {
            return {};
        }
        if (status == Status::AccessDenied || status == Status::OtherError) {
            return error(Kind::WriteDenied);
        }
        return error(Kind::Other);
    }
    return error(Kind::Other);
}

} // namespace prego::KeychainDiagnosis
