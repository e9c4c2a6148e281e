#pragma once

#include "simmodel.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace prego::sim {

class AuditLog;
class Fleet;
class SimClock;
class SimDatabase;

// Maintenance silences (control-plane-api.md, Silences): created idempotently by silence_id,
// ended early, listed while in force and for 7 days after; every change writes an audit row.
// Kept in memory and written through to SQLite.
class Silences
{
public:
    static constexpr qint64 ListedAfterEndMs = 7LL * 24 * 3600 * 1000;

    Silences(SimDatabase &db, AuditLog &audit, const Fleet &fleet, const SimClock &clock);

    void loadFromDatabase();

    struct Outcome
    {
        int httpStatus = 0;
        QString errorCode; // empty on success
        QString message;
        QMap<QString, QString> fields;
        const SilenceRecord *silence = nullptr;
    };
    // POST /internal/silences: 201 new, 200 replay of the same body, 422 otherwise.
    Outcome create(const QJsonObject &body, const QString &actor);
    // DELETE /internal/silences/{id}: ends it now; one already over is answered unchanged.
    Outcome end(const QString &silenceId, const QString &actor);

    // In force now, or ended within the last 7 days (all of them unless activeOnly); newest first.
    QList<const SilenceRecord *> list(bool activeOnly) const;
    const SilenceRecord *silence(const QString &silenceId) const;

    // Stores a silence as it is given, with the audit rows it would have left (the demo's
    // history): created by its creator at created_at, and ended by them at ended_at.
    void seed(SilenceRecord record);

    static QByteArray toJson(const SilenceRecord &silence);

private:
    SilenceRecord &store(SilenceRecord record);
    static QString describe(const SilenceRequest &request);

    SimDatabase &m_db;
    AuditLog &m_audit;
    const Fleet &m_fleet;
    const SimClock &m_clock;
    QHash<QString, SilenceRecord> m_silences;
    qint64 m_nextSeq = 1;
};

} // namespace prego::sim
