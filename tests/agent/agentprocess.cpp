#include "agentprocess.h"

#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTimer>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace prego::test {

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

AgentRun runAgent(const QStringList &arguments, const QProcessEnvironment &extraEnv,
                  std::chrono::milliseconds timeout)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto &name :
         {u"LC_ALL"_s, u"LC_MESSAGES"_s, u"LANG"_s, u"LANGUAGE"_s, u"JOURNAL_STREAM"_s})
        env.remove(name);
    env.insert(extraEnv);

    QProcess process;
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    AgentRun run;
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop,
                     [&](int exitCode, QProcess::ExitStatus status) {
                         run.finished = status == QProcess::NormalExit;
                         run.exitCode = exitCode;
                         loop.quit();
                     });
    QObject::connect(&process, &QProcess::errorOccurred, &loop, [&](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            loop.quit();
    });
    QTimer::singleShot(timeout, &loop, &QEventLoop::quit);
    process.start(QStringLiteral(PREGO_METRICS_AGENT_BINARY), arguments);
    loop.exec();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
    }
    run.standardOutput = QString::fromUtf8(process.readAllStandardOutput());
    run.standardError = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString writeTokenFile(const QTemporaryDir &dir, const QByteArray &token, int mode)
{
    const QString path = dir.filePath(u"agent-token"_s);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(token + '\n');
    file.close();
    ::chmod(QFile::encodeName(path).constData(), mode_t(mode));
    return path;
}

} // namespace prego::test
