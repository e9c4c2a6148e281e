#include "silences.h"

#include "auditlog.h"
#include "jsonwriter.h"
#include "silencevalidator.h"
#include "simclock.h"
#include "simdatabase.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace prego::sim {

namespace {
QString endedEarlyDetail(const SilenceRecord &s)
{
    return u"ended early; it was to end at %1"_s.arg(SimClock::rfc3339(s.request.endsAtMs));
}
} // namespace

Silences::Silences(SimDatabase &db, AuditLog &audit, const Fleet &fleet, const SimClock &clock)
    : m_db(db)
    , m_audit(audit)
    , m_fleet(fleet)
    , m_clock(clock)
{}

void Silences::loadFromDatabase()
{
    m_silences.clear();
    const QList<SilenceRecord> stored = m_db.loadSilences();
    for (const SilenceRecord &s : stored) {
        m_silences.insert(s.request.silenceId, s);
        m_nextSeq = std::max(m_nextSeq, s.seq + 1);
    }
}

QString Silences::describe(const SilenceRequest &request)
{
    const QString what = request.region ? u"region %1"_s.arg(*request.region)
                                        : u"nodes %1"_s.arg(request.nodeIds.join(u", "_s));
    return u"%1 until %2: %3"_s.arg(what, SimClock::rfc3339(request.endsAtMs), request.reason);
}

SilenceRecord &Silences::store(SilenceRecord record)
{
    record.seq = m_nextSeq++;
    const QString id = record.request.silenceId;
    m_silences.insert(id, std::move(record));
    return m_silences[id];
}

Silences::Outcome Silences::create(const QJsonObject &body, const QString &actor)
{
    Outcome out;
    const SilenceValidator::Result parsed = SilenceValidator::parse(body);
    const QString id = body.value(u"silence_id").toString();

    // Idempotency first: a replay of an accepted request answers the same even when its end has
    // passed or a node has gone since.
    if (const auto it = m_silences.constFind(id); !id.isEmpty() && it != m_silences.cend()) {
        if (parsed.fields.isEmpty() && parsed.request == it->request) {
            out.httpStatus = 200;
            out.silence = &*it;
            return out;
        }
        out.httpStatus = 422;
        out.errorCode = u"idempotency_key_reused"_s;
        out.message = u"silence_id %1 was already used with a different request body"_s.arg(id);
        return out;
    }

    const qint64 now = m_clock.nowMs();
    out.fields = parsed.fields;
    const QMap<QString, QString> context = SilenceValidator::check(parsed.request, m_fleet, now);
    for (auto it = context.cbegin(); it != context.cend(); ++it) {
        if (!out.fields.contains(it.key()))
            out.fields.insert(it.key(), it.value());
    }
    if (!out.fields.isEmpty()) {
        out.httpStatus = 422;
        out.errorCode = u"validation_failed"_s;
        out.message = u"the silence is not valid"_s;
        return out;
    }

    SilenceRecord record;
    record.request = parsed.request;
    record.startsAtMs = now;
    record.createdBy = actor;
    record.createdAtMs = now;
    m_db.beginBatch();
    const SilenceRecord &stored = store(std::move(record));
    m_db.saveSilence(stored);
    m_audit.record(now, actor, u"silence.created"_s, id, describe(stored.request));
    m_db.commitBatch();
    out.httpStatus = 201;
    out.silence = &stored;
    return out;
}

Silences::Outcome Silences::end(const QString &silenceId, const QString &actor)
{
    Outcome out;
    const auto it = m_silences.find(silenceId);
    if (it == m_silences.end()) {
        out.httpStatus = 404;
        out.errorCode = u"not_found"_s;
        out.message = u"no silence with id %1"_s.arg(silenceId);
        return out;
    }
    SilenceRecord &s = *it;
    const qint64 now = m_clock.nowMs();
    out.httpStatus = 200;
    out.silence = &s;
    // Ended early already, or past its end: nothing to end, and nothing to audit.
    if (s.endedAtMs || s.request.endsAtMs <= now)
        return out;
    s.endedAtMs = now;
    m_db.beginBatch();
    m_db.saveSilence(s);
    m_audit.record(now, actor, u"silence.ended"_s, silenceId, endedEarlyDetail(s));
    m_db.commitBatch();
    return out;
}

QList<const SilenceRecord *> Silences::list(bool activeOnly) const
{
    const qint64 now = m_clock.nowMs();
    QList<const SilenceRecord *> out;
    for (const SilenceRecord &s : m_silences) {
        const bool listed =
            activeOnly ? s.isActiveAt(now) : s.effectiveEndMs() >= now - ListedAfterEndMs;
        if (listed)
            out.append(&s);
    }
    std::sort(out.begin(), out.end(), [](const SilenceRecord *a, const SilenceRecord *b) {
        return a->createdAtMs != b->createdAtMs ? a->createdAtMs > b->createdAtMs : a->seq > b->seq;
    });
    return out;
}

const SilenceRecord *Silences::silence(const QString &silenceId) const
{
    const auto it = m_silences.constFind(silenceId);
    return it == m_silences.cend() ? nullptr : &*it;
}

void Silences::seed(SilenceRecord record)
{
    m_db.beginBatch();
    const SilenceRecord &s = store(std::move(record));
    m_db.saveSilence(s);
    m_audit.record(s.createdAtMs, s.createdBy, u"silence.created"_s, s.request.silenceId,
                   describe(s.request));
    if (s.endedAtMs) {
        m_audit.record(*s.endedAtMs, s.createdBy, u"silence.ended"_s, s.request.silenceId,
                       endedEarlyDetail(s));
    }
    m_db.commitBatch();
}

QByteArray Silences::toJson(const SilenceRecord &s)
{
    JsonWriter w(512);
    w.beginObject();
    w.key("silence_id").value(QStringView(s.request.silenceId));
    w.key("node_ids").beginArray();
    for (const QString &nodeId : s.request.nodeIds)
        w.value(QStringView(nodeId));
    w.endArray();
    w.key("region").value(s.request.region);
    w.key("starts_at").value(QStringView(SimClock::rfc3339(s.startsAtMs)));
    w.key("ends_at").value(QStringView(SimClock::rfc3339(s.request.endsAtMs)));
    w.key("ended_at");
    if (s.endedAtMs)
        w.value(QStringView(SimClock::rfc3339(*s.endedAtMs)));
    else
        w.null();
    w.key("reason").value(QStringView(s.request.reason));
    w.key("created_by").value(QStringView(s.createdBy));
    w.key("created_at").value(QStringView(SimClock::rfc3339(s.createdAtMs)));
    w.endObject();
    return w.take();
}

} // namespace prego::sim
