#pragma once

#include "result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace prego::agent {

// Reads the agent's bearer token from a file. The token is never taken from the command line
// (other users can read /proc/PID/cmdline) and no error message ever quotes the file's content.
class TokenFile
{
    Q_DECLARE_TR_FUNCTIONS(TokenFile)

public:
    // Refuses anything but a regular file that only its owner can read, and anything but one
    // token of printable ASCII after trimming surrounding whitespace.
    static Result<QByteArray> read(const QString &path);
};

} // namespace prego::agent
