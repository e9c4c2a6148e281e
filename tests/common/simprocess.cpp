#include "simprocess.h"

#include <QDeadlineTimer>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace prego::test {

namespace {
QString randomToken(const QString &prefix)
{
    return prefix + QString::number(QRandomGenerator::global()->generate64(), 16) +
           QString::number(QRandomGenerator::global()->generate64(), 16);
}
} // namespace

SimProcess::SimProcess()
{
    tokens = {
        {QStringLiteral("test-operator"),
         QStringLiteral("operator"),
         {},
         randomToken(QStringLiteral("op-"))},
        {QStringLiteral("test-viewer"),
         QStringLiteral("viewer"),
         {},
         randomToken(QStringLiteral("vw-"))},
        {QStringLiteral("test-agent"),
         QStringLiteral("agent"),
         {},
         randomToken(QStringLiteral("ag-"))},
    };
}

SimProcess::~SimProcess()
{
    stop();
}

bool SimProcess::start(const QStringList &extraArgs, int timeoutMs)
{
    stop();
    m_output.clear();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    QStringList args{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--tokens-file"), QStringLiteral("-")};
    args += extraArgs;
    m_process->start(QStringLiteral(PREGO_CP_SIM_BINARY), args);
    if (!m_process->waitForStarted(5000)) {
        m_error = m_process->errorString();
        return false;
    }
    QByteArray tokenLines;
    for (const Token &t : tokens) {
        tokenLines += (t.name + u' ' + t.role + u' ' +
                       (t.nodeId.isEmpty() ? QString() : t.nodeId + u' ') + t.value + u'\n')
                          .toUtf8();
    }
    m_process->write(tokenLines);
    m_process->closeWriteChannel();

    static const QRegularExpression listening(
        QStringLiteral("^listening on (http://127\\.0\\.0\\.1:\\d+)$"));
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (!m_process->canReadLine() && !m_process->waitForReadyRead(100)) {
            if (m_process->state() != QProcess::Running)
                break;
            continue;
        }
        while (m_process->canReadLine()) {
            const QByteArray line = m_process->readLine();
            m_output += line;
            const auto match = listening.match(QString::fromUtf8(line).trimmed());
            if (match.hasMatch()) {
                m_baseUrl = QUrl(match.captured(1));
                return true;
            }
        }
    }
    m_output += m_process->readAllStandardError();
    m_error =
        QStringLiteral("prego-cp-sim did not report its address: ") + QString::fromUtf8(m_output);
    return false;
}

void SimProcess::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_output += m_process->readAllStandardOutput() + m_process->readAllStandardError();
    m_process.reset();
}

void SimProcess::kill()
{
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished(5000);
    m_output += m_process->readAllStandardOutput() + m_process->readAllStandardError();
    m_process.reset();
}

bool SimProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QString SimProcess::tokenFor(const QString &role) const
{
    for (const Token &t : tokens) {
        if (t.role == role)
            return t.value;
    }
    return {};
}

QString SimProcess::output() const
{
    if (m_process)
        m_output += m_process->readAllStandardOutput() + m_process->readAllStandardError();
    return QString::fromUtf8(m_output);
}

} // namespace prego::test
