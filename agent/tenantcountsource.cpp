#include "tenantcountsource.h"

#include <QFile>
#include <QProcess>

#include <algorithm>
#include <csignal>
#include <unistd.h>

namespace prego::agent {

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 MaxInputSize = 4096;
}

TenantCountSource::TenantCountSource(Kind kind, QString value)
    : m_kind(kind)
    , m_value(std::move(value))
{}

TenantCountSource TenantCountSource::none()
{
    return TenantCountSource(Kind::None, {});
}

TenantCountSource TenantCountSource::fromFile(QString path)
{
    return TenantCountSource(Kind::File, std::move(path));
}

TenantCountSource TenantCountSource::fromCommand(QString command)
{
    return TenantCountSource(Kind::Command, std::move(command));
}

std::optional<qint64> TenantCountSource::parseCount(const QByteArray &text)
{
    const QByteArray trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 18 ||
        !std::all_of(trimmed.cbegin(), trimmed.cend(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    bool ok = false;
    const qint64 value = trimmed.toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return value;
}

QString TenantCountSource::excerpt(const QByteArray &text)
{
    // Enough of the content to recognise it in a log line, without flooding the log.
    QString shown = QString::fromUtf8(text.trimmed().left(40));
    for (QChar &c : shown) {
        if (!c.isPrint())
            c = u'?';
    }
    if (text.trimmed().size() > 40)
        shown += u'…';
    return shown;
}

TenantCountSource::Reading TenantCountSource::read()
{
    switch (m_kind) {
    case Kind::None:
        if (m_warnedNoPolicy)
            return {};
        m_warnedNoPolicy = true;
        return {std::nullopt,
                tr("no tenant count policy is configured, so tenant_count is sent as null; the "
                   "Definition of Done asks for an explicit policy: use --tenant-count-file or "
                   "--tenant-count-cmd")};
    case Kind::File:
        return readFile();
    case Kind::Command:
        return readCommand();
    }
    return {};
}

TenantCountSource::Reading TenantCountSource::readFile() const
{
    QFile file(m_value);
    if (!file.open(QIODevice::ReadOnly)) {
        return {std::nullopt, tr("tenant count unknown: cannot read %1: %2; sending null")
                                  .arg(m_value, file.errorString())};
    }
    const QByteArray content = file.read(MaxInputSize);
    const std::optional<qint64> count = parseCount(content);
    if (!count) {
        return {std::nullopt, tr("tenant count unknown: %1 does not contain a non-negative "
                                 "integer (found \"%2\"); sending null")
                                  .arg(m_value, excerpt(content))};
    }
    return {count, {}};
}

TenantCountSource::Reading TenantCountSource::readCommand() const
{
    QProcess process;
    process.setStandardInputFile(QProcess::nullDevice());
    // Its own process group, so a timeout stops the whole pipeline, not only the shell.
    process.setChildProcessModifier([] { ::setpgid(0, 0); });
    process.start(u"/bin/sh"_s, {u"-c"_s, m_value});
    if (!process.waitForStarted(int(m_commandTimeout.count()))) {
        return {std::nullopt, tr("tenant count unknown: the command could not be started: %1; "
                                 "sending null")
                                  .arg(process.errorString())};
    }
    if (!process.waitForFinished(int(m_commandTimeout.count()))) {
        ::kill(-pid_t(process.processId()), SIGKILL);
        process.kill();
        process.waitForFinished(1000);
        const int seconds = int((m_commandTimeout.count() + 999) / 1000);
        return {std::nullopt, tr("tenant count unknown: the command did not finish within %n s "
                                 "and was stopped; sending null",
                                 nullptr, seconds)};
    }
    if (process.exitStatus() != QProcess::NormalExit) {
        return {std::nullopt, tr("tenant count unknown: the command crashed; sending null")};
    }
    if (process.exitCode() != 0) {
        const QByteArray errorOutput = process.readAllStandardError();
        return {std::nullopt, tr("tenant count unknown: the command exited with status %1 "
                                 "(\"%2\"); sending null")
                                  .arg(QString::number(process.exitCode()), excerpt(errorOutput))};
    }
    const QByteArray output = process.readAllStandardOutput().left(MaxInputSize);
    const std::optional<qint64> count = parseCount(output);
    if (!count) {
        return {std::nullopt, tr("tenant count unknown: the command printed \"%1\" instead of a "
                                 "non-negative integer; sending null")
                                  .arg(excerpt(output))};
    }
    return {count, {}};
}

} // namespace prego::agent
