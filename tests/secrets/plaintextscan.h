#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace prego::test {

// Files under the given directories (recursively) that contain the secret in plain text: as
// UTF-8, UTF-16 or Base64 (QtKeychain's binary mode). Returns their paths, never the secret.
QStringList filesContainingSecret(const QStringList &directories, const QString &secret);

// Every encoding a token could be written in by mistake: UTF-8 (also what JSON, an HTTP header or
// a URL keeps of a token made of unreserved characters), percent-encoded, UTF-16 LE/BE (QString
// dumps, QSettings binary values), Base64 and Base64url at each of the three alignments a token
// can have inside a longer encoded text (with its edge characters, which depend on the
// neighbours, dropped). Names only, for messages: never the secret.
struct SecretForm
{
    QString name;
    QByteArray bytes;
};
QList<SecretForm> secretForms(const QString &secret);

struct SecretScan
{
    struct Hit
    {
        QString path;
        QString form;
        qint64 count = 0;
    };
    QList<Hit> hits;
    qint64 files = 0;
    qint64 bytes = 0;
    qint64 occurrences() const;
    QString describeHits() const; // paths and forms, one per line
};

// Reads every regular file under the paths (files or directories, recursively; symlinks not
// followed) in chunks, so a core file of hundreds of megabytes needs no more memory than a chunk.
SecretScan scanForSecret(const QStringList &paths, const QString &secret);

} // namespace prego::test
