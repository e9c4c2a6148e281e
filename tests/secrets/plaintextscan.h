#pragma once

#include <QString>
#include <QStringList>

namespace prego::test {

// Files under the given directories (recursively) that contain the secret in plain text: as
// UTF-8, UTF-16 or Base64 (QtKeychain's binary mode). Returns their paths, never the secret.
QStringList filesContainingSecret(const QStringList &directories, const QString &secret);

} // namespace prego::test
