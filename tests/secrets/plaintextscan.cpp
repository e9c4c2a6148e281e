#include "plaintextscan.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace prego::test {

QStringList filesContainingSecret(const QStringList &directories, const QString &secret)
{
    const QByteArray utf8 = secret.toUtf8();
    const QByteArray utf16(reinterpret_cast<const char *>(secret.utf16()),
                           secret.size() * qsizetype(sizeof(char16_t)));
    const QByteArray base64 = utf8.toBase64();
    QStringList hits;
    for (const QString &directory : directories) {
        if (directory.isEmpty()) {
            continue;
        }
        QDirIterator it(directory, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QFileInfo info(it.next());
            if (!info.isFile() || info.isSymLink()) {
                continue;
            }
            QFile file(info.filePath());
            if (!file.open(QIODevice::ReadOnly)) {
                continue; // other tests' files may vanish while we look
            }
            const QByteArray content = file.readAll();
            if (content.contains(utf8) || content.contains(utf16) || content.contains(base64)) {
                hits << info.filePath();
            }
        }
    }
    return hits;
}

} // namespace prego::test
