#pragma once

#include <QCoreApplication>
#include <QString>

class QSqlError;

namespace prego {

// Turns the storage failures an operator can act on (a full disk, a folder that cannot be
// written) into translated words, instead of SQLite's English one-liners.
class StorageError
{
    Q_DECLARE_TR_FUNCTIONS(prego::StorageError)

public:
    // SQLITE_FULL and SQLite's I/O errors get a translated explanation, with SQLite's own text
    // after it; any other error is SQLite's text.
    static QString describe(const QSqlError &error);
    // Why a file in `dir` might not have been written: the disk is full, or the folder is
    // read-only; empty when neither is the case.
    static QString likelyCause(const QString &dir);
};

} // namespace prego
