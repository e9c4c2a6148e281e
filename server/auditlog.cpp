#include "auditlog.h"

#include "simdatabase.h"

namespace prego::sim {

AuditLog::AuditLog(SimDatabase &db)
    : m_db(db)
{}

void AuditLog::record(qint64 atMs, const QString &actor, const QString &action,
                      const QString &subject, const QString &detail)
{
    m_db.appendAudit(AuditEntry{0, atMs, actor, action, subject, detail});
}

QList<AuditEntry> AuditLog::rows(const QString &action, const QString &subject) const
{
    return m_db.loadAudit(action, subject);
}

} // namespace prego::sim
