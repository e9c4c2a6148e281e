#include "consoleoptions.h"

#include "appearance.h"

using namespace Qt::StringLiterals;

namespace prego {

std::optional<ConsoleOptions> ConsoleOptions::parse(const QStringList &arguments, QString *error)
{
    ConsoleOptions o;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        const auto value = [&](QString *into) {
            if (i + 1 >= arguments.size()) {
                *error = tr("%1 needs a value; see --help.").arg(a);
                return false;
            }
            *into = arguments.at(++i);
            return true;
        };
        if (a == u"--demo") {
            o.demo = true;
        } else if (a == u"--lang") {
            if (!value(&o.language))
                return std::nullopt;
        } else if (a == u"--palette") {
            if (!value(&o.colorScheme))
                return std::nullopt;
            if (!Appearance::isKnown(o.colorScheme)) {
                *error = tr("--palette takes system, light or dark; see --help.");
                return std::nullopt;
            }
        } else if (a == u"--profile") {
            if (!value(&o.profile))
                return std::nullopt;
        } else if (a == u"--screenshot") {
            if (!value(&o.screenshotDir))
                return std::nullopt;
        } else if (a == u"--node") {
            if (!value(&o.node))
                return std::nullopt;
        } else if (a == u"--job") {
            if (!value(&o.job))
                return std::nullopt;
        } else {
            *error = tr("Unknown option %1; see --help.").arg(a);
            return std::nullopt;
        }
    }
    return o;
}

QString ConsoleOptions::helpText()
{
    return tr("Usage: prego-console [--lang ko|en] [--profile NAME] [--demo] [--node ID]\n"
              "                     [--job ID] [--palette system|light|dark] [--screenshot DIR]\n"
              "\n"
              "  --lang ko|en       language of the console (default: the system's)\n"
              "  --palette SCHEME   colours for this run: system (default), light or dark\n"
              "  --profile NAME     connect to this profile\n"
              "  --demo             start a local demo control plane with a simulated fleet\n"
              "  --node ID          open this node's detail once the fleet is shown\n"
              "  --job ID           open this provisioning job\n"
              "                     (a second start hands both to the running console)\n"
              "  --screenshot DIR   render the dashboard, the heatmap, a node detail, the jobs\n"
              "                     and the verification to PNG files in DIR and exit (with\n"
              "                     --demo also the wizard's pages and a job's trace)\n");
}

} // namespace prego
