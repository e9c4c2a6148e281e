#include "historystore.h"

#include "historydatabase.h"
#include "historyfleetqueries.h"
#include "historyingest.h"
#include "historymaintenance.h"
#include "historynodequeries.h"
#include "historyschema.h"

#include <QDir>
#include <QThread>

#include <atomic>

using namespace Qt::StringLiterals;

namespace prego {

QString HistoryStore::pathFor(const QString &dataDir, const QString &profileName)
{
    return QDir(dataDir).filePath(u"history-%1.sqlite"_s.arg(profileName));
}

QString HistoryStore::connectionNameForThisThread(const QString &purpose)
{
    // The thread in the name makes ownership visible in any Qt Sql warning; the counter keeps two
    // stores on one thread (say, two readers) from replacing each other's connection.
    static std::atomic<int> serial{0};
    return u"prego-history-%1-%2-%3"_s.arg(purpose)
        .arg(quintptr(QThread::currentThreadId()), 0, 16)
        .arg(++serial);
}

HistoryStore::HistoryStore(const QString &connectionName, Options options)
    : m_db(std::make_unique<HistoryDatabase>(connectionName))
    , m_schema(std::make_unique<HistorySchema>(*m_db, options))
    , m_ingest(std::make_unique<HistoryIngest>(*m_db))
    , m_maintenance(std::make_unique<HistoryMaintenance>(*m_db, options))
    , m_nodeQueries(std::make_unique<HistoryNodeQueries>(*m_db))
    , m_fleetQueries(std::make_unique<HistoryFleetQueries>(*m_db))
{}

HistoryStore::~HistoryStore() = default;

HistoryOpenResult HistoryStore::open(const QString &path)
{
    return m_schema->open(path);
}

bool HistoryStore::isOpen() const
{
    return m_db->isOpen();
}

QString HistoryStore::path() const
{
    return m_db->path();
}

QString HistoryStore::connectionName() const
{
    return m_db->connectionName();
}

int HistoryStore::schemaVersion() const
{
    return m_schema->version();
}

HistoryIngestResult HistoryStore::ingest(const QList<HistorySample> &samples,
                                         const NodesSnapshot *snapshot, qint64 storedAtMs)
{
    return m_ingest->ingest(samples, snapshot, storedAtMs);
}

int HistoryStore::rollUp(qint64 nowMs)
{
    return m_maintenance->rollUp(nowMs);
}

qint64 HistoryStore::prune(qint64 nowMs)
{
    return m_maintenance->prune(nowMs);
}

QList<HistorySample> HistoryStore::samples(const QString &nodeId, qint64 fromMs, qint64 toMs) const
{
    return m_nodeQueries->samples(nodeId, fromMs, toMs);
}

QList<HistoryRollup> HistoryStore::rollups(const QString &nodeId, qint64 fromMs, qint64 toMs) const
{
    return m_nodeQueries->rollups(nodeId, fromMs, toMs);
}

HistorySeries HistoryStore::series(const QString &nodeId, qint64 fromMs, qint64 toMs) const
{
    return m_nodeQueries->series(nodeId, fromMs, toMs);
}

QHash<QString, QList<PushSlot>> HistoryStore::pushSlots(qint64 fromMs, qint64 toMs) const
{
    return m_fleetQueries->pushSlots(fromMs, toMs);
}

std::optional<StoredSnapshot> HistoryStore::lastSnapshot() const
{
    return m_fleetQueries->lastSnapshot();
}

QStringList HistoryStore::nodeIds() const
{
    return m_fleetQueries->nodeIds();
}

std::optional<qint64> HistoryStore::lastUpdatedAt(const QString &nodeId) const
{
    return m_nodeQueries->lastUpdatedAt(nodeId);
}

qint64 HistoryStore::rolledUpUntilMs() const
{
    return m_db->rolledUntilMs();
}

qint64 HistoryStore::compactedUntilMs() const
{
    return m_db->compactedUntilMs();
}

qint64 HistoryStore::sampleCount() const
{
    return m_fleetQueries->sampleCount();
}

qint64 HistoryStore::rollupCount() const
{
    return m_fleetQueries->rollupCount();
}

QString HistoryStore::lastError() const
{
    return m_db->lastError();
}

} // namespace prego
