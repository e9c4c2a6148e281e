#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace prego {

// The console's command line (docs/man/prego-console.1): parsing and --help.
struct ConsoleOptions
{
    Q_DECLARE_TR_FUNCTIONS(ConsoleOptions)

public:
    QString language;
    QString profile;
    QString screenshotDir;
    QString colorScheme; // "system", "light", "dark": this run's, not saved
    QString node;        // open this node's detail once the fleet is shown
    QString job;         // open this job once connected
    bool demo = false;

    // Parses the command line (without the program name); nullopt with a message on errors.
    static std::optional<ConsoleOptions> parse(const QStringList &arguments, QString *error);
    static QString helpText();
};

} // namespace prego
