#pragma once

#include <QCoreApplication>
#include <QString>

#include <chrono>
#include <optional>

namespace prego::agent {

// Where tenant_count comes from. The Definition of Done wants an explicit policy, so "none" is
// allowed but announced once, and every bad reading is a warning plus null for that push.
class TenantCountSource
{
    Q_DECLARE_TR_FUNCTIONS(TenantCountSource)

public:
    struct Reading
    {
        std::optional<qint64> count; // nullopt: send null
        QString warning;             // empty when there is nothing to say
    };

    static TenantCountSource none();
    static TenantCountSource fromFile(QString path);
    static TenantCountSource fromCommand(QString command);

    // The command is killed when it runs longer than this (10 s by default).
    void setCommandTimeout(std::chrono::milliseconds timeout) { m_commandTimeout = timeout; }

    // Runs the command synchronously: the agent has nothing else to do while it collects, and
    // the timeout bounds the wait.
    Reading read();

    // A non-negative integer with optional surrounding whitespace, or nullopt.
    static std::optional<qint64> parseCount(const QByteArray &text);

private:
    enum class Kind { None, File, Command };

    TenantCountSource(Kind kind, QString value);
    Reading readFile() const;
    Reading readCommand() const;
    static QString excerpt(const QByteArray &text);

    Kind m_kind;
    QString m_value;
    std::chrono::milliseconds m_commandTimeout{10000};
    bool m_warnedNoPolicy = false;
};

} // namespace prego::agent
