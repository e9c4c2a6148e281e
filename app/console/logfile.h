#pragma once

#include <QString>

namespace prego::LogFile {

// Sends Qt's messages (qDebug … qCritical, with their category) to a size-capped file as well as
// to stderr: when the file passes maxBytes it is moved to FILE.1 (replacing the older one) and a
// new one begun. The console never logs a token: messages name profiles and URLs only.
// Returns false (and keeps logging to stderr only) when the file cannot be opened.
bool install(const QString &path, qint64 maxBytes = 1024 * 1024);
void uninstall();
QString path();

} // namespace prego::LogFile
