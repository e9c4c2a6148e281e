#pragma once

#include "simmodel.h"

#include <QList>
#include <QString>

namespace prego::sim {

class SimDatabase;

// The control plane's audit rows that belong to no job (a job keeps its own, in its `audit`):
// silence.created and silence.ended. Written through to SQLite; GET /sim/audit shows them.
class AuditLog
{
public:
    explicit AuditLog(SimDatabase &db);

    void record(qint64 atMs, const QString &actor, const QString &action, const QString &subject,
                const QString &detail);
    // Oldest first; an empty action or subject matches every row.
    QList<AuditEntry> rows(const QString &action = {}, const QString &subject = {}) const;

private:
    SimDatabase &m_db;
};

} // namespace prego::sim
