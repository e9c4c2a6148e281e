#pragma once

#include "simmodel.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>

namespace prego::sim {

struct StackResource
{
    QString stack;
    QString key; // job_id (shared-new) or role (dedicated)
    ServerOutput server;
    std::optional<QString> tenantId;
};

// SQLite persistence of the simulator's state: nodes, metrics, jobs, stack resources, which nodes
// have a simulated agent, silences and the audit rows that belong to no job. The server keeps
// everything in memory and writes through here, so a restart with the same --db file resumes where
// it stopped.
class SimDatabase
{
public:
    SimDatabase();
    ~SimDatabase();
    SimDatabase(const SimDatabase &) = delete;
    SimDatabase &operator=(const SimDatabase &) = delete;

    // ":memory:" or a file path. Returns an error message, or empty on success.
    QString open(const QString &path);

    QList<NodeRecord> loadNodes() const;
    QList<Job> loadJobs() const;
    QList<StackResource> loadStackResources() const;
    QHash<QString, bool> loadSimAgents() const; // node_id -> pushing
    QList<SilenceRecord> loadSilences() const;  // in creation order
    // Oldest first; an empty filter matches every row.
    QList<AuditEntry> loadAudit(const QString &action, const QString &subject) const;

    void saveNode(const NodeRecord &node);
    void saveMetrics(const QString &nodeId, const Metrics &metrics);
    void saveJob(const Job &job);
    void saveStackResource(const StackResource &resource);
    void saveSimAgent(const QString &nodeId, bool pushing);
    void saveSilence(const SilenceRecord &silence);
    void appendAudit(const AuditEntry &entry); // entry.seq is assigned by the table

    // Groups many writes (a tick of simulated pushes) into one transaction.
    void beginBatch();
    void commitBatch();

    static QByteArray jobToStorage(const Job &job);
    static std::optional<Job> jobFromStorage(const QByteArray &doc);

private:
    bool exec(const QString &sql) const;
    QString m_connectionName;
    QSqlDatabase m_db;
};

} // namespace prego::sim
