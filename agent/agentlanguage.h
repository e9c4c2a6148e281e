#pragma once

#include <QProcessEnvironment>
#include <QStringList>

namespace prego::agent {

// Chooses the language of the agent's messages before the command line is parsed, because the
// parser's own errors and --help must already be translated.
class AgentLanguage
{
public:
    enum class Language { English, Korean };

    // --lang en|ko wins (an invalid value is reported by AgentOptions); otherwise the first set
    // of LC_ALL, LC_MESSAGES, LANG decides, as POSIX orders them.
    static Language choose(const QStringList &arguments, const QProcessEnvironment &environment);

    // The compiled Korean catalogue embedded in the executable.
    static QString koreanCatalogue();
};

} // namespace prego::agent
