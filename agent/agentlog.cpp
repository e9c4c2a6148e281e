#include "agentlog.h"

#include <QByteArray>

#include <cstdio>

namespace prego::agent {

using namespace Qt::StringLiterals;

namespace {
bool g_journal = false;

void writeMessage(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    const QByteArray line = AgentLog::format(type, message, g_journal).toLocal8Bit() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}
} // namespace

QString AgentLog::format(QtMsgType type, const QString &message, bool journal)
{
    if (journal) {
        const char *priority = "<6>";
        switch (type) {
        case QtDebugMsg:
            priority = "<7>";
            break;
        case QtInfoMsg:
            priority = "<6>";
            break;
        case QtWarningMsg:
            priority = "<4>";
            break;
        case QtCriticalMsg:
        case QtFatalMsg:
            priority = "<3>";
            break;
        }
        return QLatin1StringView(priority) + message;
    }
    switch (type) {
    case QtWarningMsg:
        return tr("warning: %1").arg(message);
    case QtCriticalMsg:
    case QtFatalMsg:
        return tr("error: %1").arg(message);
    case QtDebugMsg:
    case QtInfoMsg:
        break;
    }
    return message;
}

void AgentLog::install()
{
    g_journal = !qEnvironmentVariableIsEmpty("JOURNAL_STREAM");
    qInstallMessageHandler(writeMessage);
}

} // namespace prego::agent
