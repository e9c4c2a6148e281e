#pragma once

#include <QString>

class QTextStream;

namespace prego {

struct ApiError;

// How every prego-ctl command ends when something went wrong: one line on standard error
// ("prego-ctl: …") and the exit code that tells a script what kind of problem it was.
class ErrorReporter
{
public:
    explicit ErrorReporter(QTextStream &err);

    // Prints the message and returns `exitCode`, for a command to return.
    int fail(int exitCode, const QString &message) const;
    // The error's own translated message, then one line per field the server refused, with the
    // exit code exitCodeFor() gives it.
    int failApi(const ApiError &error) const;

    // 401/403: not authorized; 404: not found; another 4xx or an unusable profile: usage; the
    // rest (network, TLS, timeouts, 429, 5xx, an answer that breaks the contract): unreachable.
    static int exitCodeFor(const ApiError &error);

private:
    QTextStream &m_err;
};

} // namespace prego
