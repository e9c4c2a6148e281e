#include "historydatabase.h"

#include "historystore.h"
#include "storageerror.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <map>

using namespace Qt::StringLiterals;

namespace prego {

using namespace HistoryLayout;

static_assert(HistoryLayout::HourMs == HistoryStore::HourMs);

QVariant HistoryLayout::toStored(const std::optional<double> &v)
{
    if (!v)
        return QVariant(QMetaType::fromType<double>());
    const double scaled = *v * 1000.0;
    if (std::fabs(scaled) < 9e15) {
        const qint64 k = std::llround(scaled);
        if (std::bit_cast<quint64>(double(k) / 1000.0) == std::bit_cast<quint64>(*v))
            return QVariant(k);
    }
    return QVariant(*v);
}

std::optional<double> HistoryLayout::fromStored(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    if (v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Int)
        return double(v.toLongLong()) / 1000.0;
    return v.toDouble();
}

void HistoryLayout::sortUnique(QList<HistorySample> &samples)
{
    std::stable_sort(samples.begin(), samples.end(),
                     [](const HistorySample &a, const HistorySample &b) {
                         return a.updatedAtMs < b.updatedAtMs;
                     });
    samples.erase(std::unique(samples.begin(), samples.end(),
                              [](const HistorySample &a, const HistorySample &b) {
                                  return a.updatedAtMs == b.updatedAtMs;
                              }),
                  samples.end());
}

const QString HistoryDatabase::RolledUntilKey = u"rolled_until_ms"_s;
const QString HistoryDatabase::CompactedUntilKey = u"compacted_until_ms"_s;
const QString HistoryDatabase::RawPrunedUntilKey = u"raw_pruned_until_ms"_s;

HistoryDatabase::HistoryDatabase(const QString &connectionName)
    : m_connectionName(connectionName)
{}

HistoryDatabase::~HistoryDatabase()
{
    close();
}

void HistoryDatabase::close()
{
    if (!m_db.isValid())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_nodeKeys.clear();
}

bool HistoryDatabase::isOpen() const
{
    return m_db.isValid() && m_db.isOpen();
}

sqlite3 *HistoryDatabase::sqliteHandle() const
{
    sqlite3 *handle = nullptr;
    const QVariant h = m_db.driver()->handle();
    if (h.isValid() && qstrcmp(h.typeName(), "sqlite3*") == 0)
        handle = *static_cast<sqlite3 *const *>(h.constData());
    return handle;
}

void HistoryDatabase::fail(const QSqlQuery &query) const
{
    m_lastError = StorageError::describe(query.lastError());
}

bool HistoryDatabase::exec(const QString &sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql)) {
        fail(q);
        return false;
    }
    return true;
}

std::optional<qint64> HistoryDatabase::nodeKey(const QString &nodeId) const
{
    if (const auto it = m_nodeKeys.constFind(nodeId); it != m_nodeKeys.cend())
        return *it;
    QSqlQuery q(m_db);
    q.prepare(u"SELECT node FROM nodes WHERE node_id = ?"_s);
    q.addBindValue(nodeId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    const qint64 key = q.value(0).toLongLong();
    m_nodeKeys.insert(nodeId, key);
    return key;
}

bool HistoryDatabase::setMeta(const QString &key, qint64 value)
{
    QSqlQuery q(m_db);
    q.prepare(u"INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)"_s);
    q.addBindValue(key);
    q.addBindValue(value);
    if (!q.exec()) {
        fail(q);
        return false;
    }
    return true;
}

qint64 HistoryDatabase::meta(const QString &key) const
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT value FROM meta WHERE key = ?"_s);
    q.addBindValue(key);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

void HistoryDatabase::loadMarks()
{
    m_rolledUntilMs = meta(RolledUntilKey);
    m_compactedUntilMs = meta(CompactedUntilKey);
    m_rawPrunedUntilMs = meta(RawPrunedUntilKey);
}

qint64 HistoryDatabase::refreshRolledUntilMs() const
{
    m_rolledUntilMs = std::max(m_rolledUntilMs, meta(RolledUntilKey));
    return m_rolledUntilMs;
}

void HistoryDatabase::reportDamage(const QString &nodeId, qint64 hour) const
{
    m_lastError = QCoreApplication::translate(
                      "prego::HistoryStore",
                      "The history of %1 for the hour from %2 (UTC) is damaged and was left out.")
                      .arg(nodeId, QDateTime::fromMSecsSinceEpoch(hour * HourMs, Qt::UTC)
                                       .toString(u"yyyy-MM-dd HH:mm"_s));
}

std::optional<QList<HistorySample>> HistoryDatabase::blockSamples(const HourRow &row,
                                                                  const QString &nodeId) const
{
    if (row.block.isNull())
        return QList<HistorySample>{};
    auto samples = HistoryBlockCodec::decodeBlock(row.block);
    if (!samples) {
        reportDamage(nodeId, row.hour);
        return std::nullopt;
    }
    for (HistorySample &s : *samples)
        s.nodeId = nodeId;
    return samples;
}

QList<HistoryRollup> HistoryDatabase::hourRollups(const HourRow &row, const QString &nodeId) const
{
    // Stored roll-ups, with the slots the raw block covers computed from it (it holds every push).
    QList<HistoryRollup> stored;
    if (!row.rollups.isNull()) {
        if (auto decoded = HistoryBlockCodec::decodeRollups(row.rollups, row.hour * HourMs))
            stored = std::move(*decoded);
        else
            reportDamage(nodeId, row.hour);
    }
    if (row.block.isNull())
        return stored;
    const auto samples = HistoryBlockCodec::decodeBlock(row.block);
    if (!samples) {
        reportDamage(nodeId, row.hour);
        return stored;
    }
    QList<HistoryRollup> fromRaw = HistoryBlockCodec::rollUp(*samples);
    if (stored.isEmpty())
        return fromRaw;
    std::map<qint64, HistoryRollup> slots; // both: only after a v2 migration
    for (const HistoryRollup &r : std::as_const(stored))
        slots[r.slotStartMs] = r;
    for (const HistoryRollup &r : std::as_const(fromRaw))
        slots[r.slotStartMs] = r;
    QList<HistoryRollup> out;
    out.reserve(qsizetype(slots.size()));
    for (const auto &[start, r] : slots)
        out.append(r);
    return out;
}

} // namespace prego
