#include "logfile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace prego::LogFile {

namespace {
struct State
{
    QMutex mutex;
    std::unique_ptr<QFile> file;
    QString path;
    qint64 maxBytes = 0;
    QtMessageHandler previous = nullptr;
};

State &state()
{
    static State s;
    return s;
}

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "?";
}

bool openLocked(State &s)
{
    s.file = std::make_unique<QFile>(s.path);
    if (!s.file->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
        s.file.reset();
        return false;
    }
    s.file->setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    State &s = state();
    {
        QMutexLocker lock(&s.mutex);
        if (s.file) {
            const QByteArray line =
                u"%1 %2 %3: %4\n"_s
                    .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
                         QLatin1StringView(levelName(type)),
                         QLatin1StringView(context.category ? context.category : "default"),
                         message)
                    .toUtf8();
            if (s.file->size() + line.size() > s.maxBytes) {
                s.file->close();
                QFile::remove(s.path + u".1"_s);
                QFile::rename(s.path, s.path + u".1"_s);
                openLocked(s);
            }
            if (s.file) {
                s.file->write(line);
                s.file->flush();
            }
        }
    }
    if (s.previous)
        s.previous(type, context, message);
    else
        std::fprintf(stderr, "%s\n", qUtf8Printable(message));
}
} // namespace

bool install(const QString &filePath, qint64 maxBytes)
{
    State &s = state();
    {
        QMutexLocker lock(&s.mutex);
        s.path = filePath;
        s.maxBytes = std::max<qint64>(4096, maxBytes);
        QDir().mkpath(QFileInfo(filePath).absolutePath());
        if (!openLocked(s))
            return false;
    }
    s.previous = qInstallMessageHandler(handler);
    return true;
}

void uninstall()
{
    State &s = state();
    qInstallMessageHandler(s.previous);
    QMutexLocker lock(&s.mutex);
    s.file.reset();
    s.previous = nullptr;
}

QString path()
{
    QMutexLocker lock(&state().mutex);
    return state().path;
}

} // namespace prego::LogFile
