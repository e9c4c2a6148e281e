#include "democontrolplane.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace prego {

DemoControlPlane::DemoControlPlane(QObject *parent)
    : QObject(parent)
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
#ifdef Q_OS_LINUX
    // The child never outlives the console, even one killed with SIGKILL or crashed: the kernel
    // kills it when the console's main thread (which starts it) ends. Its database is in memory,
    // so SIGKILL loses nothing. Runs between fork and exec: async-signal-safe calls only.
    const pid_t console = ::getpid();
    m_process.setChildProcessModifier([console] {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        // The console died before prctl took effect: the child now belongs to another process.
        if (::getppid() != console)
            ::_exit(1);
    });
#endif
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(15000);
    connect(&m_timeout, &QTimer::timeout, this,
            [this] { fail(tr("The demo control plane did not start within 15 seconds.")); });
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &DemoControlPlane::onReadyRead);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(
                tr("The demo control plane could not be started: %1").arg(m_process.errorString()));
    });
    connect(&m_process, &QProcess::finished, this, [this](int exitCode) {
        if (!m_reported) {
            const QString output =
                QString::fromLocal8Bit(m_process.readAllStandardError()).trimmed();
            fail(tr("The demo control plane stopped with exit code %1: %2")
                     .arg(exitCode)
                     .arg(output));
        }
    });
}

DemoControlPlane::~DemoControlPlane()
{
    stop();
}

QString DemoControlPlane::findBinary()
{
    const QString fromEnv = qEnvironmentVariable("PREGO_CP_SIM");
    if (!fromEnv.isEmpty())
        return QFileInfo(fromEnv).isExecutable() ? fromEnv : QString();
    const QString dir = QCoreApplication::applicationDirPath();
    for (const QString &candidate :
         {QString(dir + u"/../../server/prego-cp-sim"_s), QString(dir + u"/prego-cp-sim"_s)}) {
        const QFileInfo info(candidate);
        if (info.isFile() && info.isExecutable())
            return info.canonicalFilePath();
    }
    return QStandardPaths::findExecutable(u"prego-cp-sim"_s);
}

void DemoControlPlane::start()
{
    stop();
    m_reported = false;
    m_stdout.clear();
    m_baseUrl.clear();
    const QString binary = findBinary();
    if (binary.isEmpty()) {
        fail(tr("prego-cp-sim was not found next to the console or on PATH; set PREGO_CP_SIM to "
                "its path."));
        return;
    }
    // 32 random bytes: the token exists in this process's memory and the child's stdin only.
    QByteArray raw(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()),
                                          raw.size() / int(sizeof(quint32)));
    m_token = QString::fromLatin1(raw.toHex());
    const QStringList args{u"--listen"_s,      u"127.0.0.1:0"_s,
                           u"--tokens-file"_s, u"-"_s,
                           u"--demo-fleet"_s,  QString::number(m_fleetSize),
                           u"--demo-jobs"_s,   u"--time-scale"_s,
                           u"0.2"_s,           u"--enable-sim-admin"_s};
    m_timeout.start();
    m_process.start(binary, args);
    if (!m_process.waitForStarted(5000))
        return; // errorOccurred reported it
    m_process.write((tokenName() + u" operator "_s + m_token + u'\n').toUtf8());
    m_process.closeWriteChannel();
}

void DemoControlPlane::onReadyRead()
{
    m_stdout += m_process.readAllStandardOutput();
    if (m_reported)
        return;
    static const QRegularExpression listening(u"^listening on (http://127\\.0\\.0\\.1:\\d+)$"_s);
    while (true) {
        const qsizetype eol = m_stdout.indexOf('\n');
        if (eol < 0)
            return;
        const QString line = QString::fromUtf8(m_stdout.left(eol)).trimmed();
        m_stdout.remove(0, eol + 1);
        const auto match = listening.match(line);
        if (match.hasMatch()) {
            m_reported = true;
            m_timeout.stop();
            m_baseUrl = QUrl(match.captured(1));
            Q_EMIT started(m_baseUrl);
            return;
        }
    }
}

void DemoControlPlane::fail(const QString &reason)
{
    if (m_reported)
        return;
    m_reported = true;
    m_timeout.stop();
    Q_EMIT failed(reason);
}

void DemoControlPlane::stop()
{
    m_timeout.stop();
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_reported = true; // an exit we asked for is not a failure
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

} // namespace prego
