#include "storageerror.h"

#include <QFileInfo>
#include <QSqlError>
#include <QStorageInfo>

namespace prego {

namespace {
// SQLite's primary result codes (the extended ones keep them in the low byte).
constexpr int SqliteIoErr = 10;
constexpr int SqliteFull = 13;
constexpr int SqliteCantOpen = 14;
constexpr int SqliteReadOnly = 8;
// Less than this left on the file system counts as full: SQLite and QSaveFile need a few pages.
constexpr qint64 NearlyFullBytes = 64 * 1024;
} // namespace

QString StorageError::describe(const QSqlError &error)
{
    const QString text = error.text();
    bool ok = false;
    int code = error.nativeErrorCode().toInt(&ok) & 0xff;
    if (!ok) {
        // Qt's driver reports a failed COMMIT without SQLite's code, with only SQLite's message
        // (sqlite3_errstr(), fixed English texts).
        const QString db = error.databaseText();
        if (db.contains(u"database or disk is full"))
            code = SqliteFull;
        else if (db.contains(u"disk I/O error"))
            code = SqliteIoErr;
        else if (db.contains(u"readonly database"))
            code = SqliteReadOnly;
        else
            return text;
    }
    switch (code) {
    case SqliteFull:
        return tr("the disk is full (%1)").arg(text);
    case SqliteIoErr:
        return tr("the disk could not be written or read (%1)").arg(text);
    case SqliteReadOnly:
    case SqliteCantOpen:
        return tr("the file or its folder is read-only (%1)").arg(text);
    default:
        return text;
    }
}

QString StorageError::likelyCause(const QString &dir)
{
    const QStorageInfo storage(dir);
    const QFileInfo info(dir);
    if ((storage.isValid() && storage.isReadOnly()) || (info.exists() && !info.isWritable()))
        return tr("the folder %1 is read-only").arg(dir);
    if (storage.isValid() && storage.isReady() && storage.bytesAvailable() < NearlyFullBytes)
        return tr("the disk is full");
    return {};
}

} // namespace prego
