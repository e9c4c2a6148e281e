#pragma once

#include <QString>
#include <QUrl>

#include <chrono>

namespace prego::agent {

// Everything the command line decides, already validated by AgentOptions.
struct AgentConfig
{
    QUrl url; // control plane base URL
    QString nodeId;
    QString tokenFile;
    QString caFile; // optional extra CA certificates (PEM)
    std::chrono::seconds interval{60};
    std::chrono::seconds timeout{15};
    bool once = false;
    QString procRoot = QStringLiteral("/proc");
    QString rootPath = QStringLiteral("/");
    QString tenantCountFile;
    QString tenantCountCommand;
};

} // namespace prego::agent
