#include "agentlanguage.h"

namespace prego::agent {

using namespace Qt::StringLiterals;

AgentLanguage::Language AgentLanguage::choose(const QStringList &arguments,
                                              const QProcessEnvironment &environment)
{
    QString requested;
    // arguments[0] is the program; "--" ends the options.
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == "--"_L1)
            break;
        if (argument == "--lang"_L1 && i + 1 < arguments.size())
            requested = arguments.at(i + 1);
        else if (argument.startsWith("--lang="_L1))
            requested = argument.mid(7);
    }
    if (requested == "ko"_L1)
        return Language::Korean;
    if (requested == "en"_L1)
        return Language::English;

    for (const auto &name : {u"LC_ALL"_s, u"LC_MESSAGES"_s, u"LANG"_s}) {
        const QString value = environment.value(name);
        if (!value.isEmpty())
            return value.startsWith("ko"_L1) ? Language::Korean : Language::English;
    }
    return Language::English;
}

QString AgentLanguage::koreanCatalogue()
{
    return u":/i18n/prego_metrics_agent_ko.qm"_s;
}

} // namespace prego::agent
