#pragma once

#include <QCoreApplication>

namespace prego::agent {

// The agent's log format: one line per message on stderr. Under systemd (JOURNAL_STREAM set)
// each line starts with a syslog priority such as "<4>", so the journal records warnings as
// warnings; on a terminal the level is spelled out instead.
class AgentLog
{
    Q_DECLARE_TR_FUNCTIONS(AgentLog)

public:
    static void install();
    static QString format(QtMsgType type, const QString &message, bool journal);
};

} // namespace prego::agent
