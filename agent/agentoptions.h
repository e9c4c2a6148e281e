#pragma once

#include "agentconfig.h"
#include "result.h"

#include <QCoreApplication>
#include <QStringList>
#include <QUrl>

namespace prego::agent {

// The command line: parsing, validation and --help. Files are not opened here; the token and
// CA files are checked when the agent starts.
class AgentOptions
{
    Q_DECLARE_TR_FUNCTIONS(AgentOptions)

public:
    enum class Action { Run, ShowHelp, ShowVersion };
    struct Parsed
    {
        Action action = Action::Run;
        AgentConfig config;
    };

    // arguments[0] is the program name, as in QCoreApplication::arguments().
    static Result<Parsed> parse(const QStringList &arguments);
    static QString helpText();
    static QString versionText();

    // https is required except for these, so a token never crosses a network in clear text.
    static bool isLoopbackHost(const QString &host);
    static bool isValidNodeId(const QString &nodeId);
    static Result<QUrl> parseUrl(const QString &text);
};

} // namespace prego::agent
