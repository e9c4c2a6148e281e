#pragma once

#include "ctlapp.h"
#include "errorreporter.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

class QSettings;

namespace prego {

// `prego-ctl history`: prints the samples the console stored in the profile's local history.
// Reads only; never moves or repairs the console's database (the console does that at start).
class HistoryCommand
{
    Q_DECLARE_TR_FUNCTIONS(prego::HistoryCommand)

public:
    // dataDir: where the history databases live; empty = the console's AppDataLocation.
    HistoryCommand(QSettings &settings, CtlApp::Io io, QString dataDir = {});

    int run(const QStringList &args);

    // "90m", "24h", "7d", "3600s" (or plain seconds) → milliseconds; nullopt when unreadable.
    static std::optional<qint64> parseDuration(const QString &text);

private:
    QSettings &m_settings;
    CtlApp::Io m_io;
    ErrorReporter m_errors;
    QString m_dataDir;
};

} // namespace prego
