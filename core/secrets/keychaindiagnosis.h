#pragma once

#include "secreterror.h"
#include "secretserviceprobe.h"

#include <QString>

namespace prego {

// The one place that turns what QtKeychain reported, plus what the Secret Service probe found,
// into a SecretError. Pure: tested without a keyring.
namespace KeychainDiagnosis {

enum class Operation { Read, Write, Remove };

// QtKeychain's outcome, without its types.
enum class Status { Ok, EntryNotFound, AccessDenied, NoBackend, OtherError };

// Whether a finished keychain call needs the probe before its result can be trusted: every
// failure, and a remove (libsecret skips locked items and still reports success).
bool needsProbe(Operation operation, Status status);

SecretError classify(Operation operation, Status status, const QString &backendText,
                     const SecretServiceProbe::Findings &findings);

} // namespace KeychainDiagnosis
} // namespace prego
