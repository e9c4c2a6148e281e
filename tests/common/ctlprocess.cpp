#include "ctlprocess.h"

#include <QDir>
#include <QEventLoop>
#include <QProcess>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace prego::test {

CtlProcess::CtlProcess(QString program, QString home)
    : m_program(std::move(program))
    , m_home(std::move(home))
{}

QProcessEnvironment CtlProcess::environment(Locale locale) const
{
    const QDir home(m_home);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
    env.insert(u"XDG_CACHE_HOME"_s, home.filePath(u"cache"_s));
    env.insert(u"LANG"_s, locale == Locale::Korean ? u"ko_KR.UTF-8"_s : u"C.UTF-8"_s);
    env.remove(u"LC_ALL"_s);
    env.remove(u"LANGUAGE"_s);
    return env;
}

CtlRun CtlProcess::operator()(const QStringList &args, const QByteArray &stdinData,
                              Locale locale) const
{
    QProcess p;
    p.setProcessEnvironment(environment(locale));
    // An event loop, not waitForFinished(): a server in this process may have to answer it.
    QEventLoop loop;
    QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&p, &QProcess::errorOccurred, &loop, [&loop](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            loop.quit();
    });
    QTimer::singleShot(m_timeoutMs, &loop, &QEventLoop::quit);
    p.start(m_program, args);
    p.write(stdinData);
    p.closeWriteChannel();
    if (p.state() != QProcess::NotRunning)
        loop.exec();
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace prego::test
