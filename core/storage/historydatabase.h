#pragma once

#include "historyblockcodec.h"
#include "historysample.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include <optional>

class QSqlQuery;
struct sqlite3;

namespace prego {

// How the tables key and keep what they hold (see HistoryStore for the tables).
namespace HistoryLayout {
constexpr qint64 MinuteMs = 60 * 1000;
constexpr qint64 HourMs = HistoryBlockCodec::HourMs;
constexpr int NodeBits = 24; // block and roll-up rowids: hour << 24 | node
constexpr qint64 MaxNode = (1LL << NodeBits) - 1;

inline qint64 rowId(qint64 hour, qint64 node)
{
    return (hour << NodeBits) | node;
}

inline qint64 floorDiv(qint64 a, qint64 b)
{
    return HistoryBlockCodec::floorDiv(a, b);
}

// `recent` keeps a percentage as the INTEGER k = value × 1000 when k / 1000 gives the value back
// bit for bit (3 bytes instead of 8 for what agents send), else as the REAL itself: exact either
// way. Columns without a declared type keep whichever SQLite was given.
QVariant toStored(const std::optional<double> &v);
std::optional<double> fromStored(const QVariant &v);

// Samples of one node from several sources, in time order, each time once.
void sortUnique(QList<HistorySample> &samples);
} // namespace HistoryLayout

// Owns one history file's connection and the state its schema, write path and read path share:
// the node-id cache, the marks kept in `meta`, and the last error.
class HistoryDatabase
{
public:
    // One hour of one node as stored: its raw block and / or its roll-up blob.
    struct HourRow
    {
        qint64 hour = 0;
        QByteArray block;
        QByteArray rollups;
    };

    // Several statements that must see one state of the file (the writer compacts `recent` into
    // `blocks` between any two of them otherwise). Nested use is a no-op.
    class ReadSnapshot
    {
    public:
        explicit ReadSnapshot(const HistoryDatabase &db)
            : m_db(db.m_db)
            , m_began(m_db.transaction())
        {}
        ~ReadSnapshot()
        {
            if (m_began)
                m_db.commit();
        }
        ReadSnapshot(const ReadSnapshot &) = delete;
        ReadSnapshot &operator=(const ReadSnapshot &) = delete;

    private:
        QSqlDatabase m_db;
        bool m_began;
    };

    // The keys of the marks in `meta`.
    static const QString RolledUntilKey;
    static const QString CompactedUntilKey;
    static const QString RawPrunedUntilKey;

    explicit HistoryDatabase(const QString &connectionName);
    HistoryDatabase(const HistoryDatabase &) = delete;
    HistoryDatabase &operator=(const HistoryDatabase &) = delete;
    ~HistoryDatabase();

    QString connectionName() const { return m_connectionName; }
    QString path() const { return m_path; }
    void setPath(const QString &path) { m_path = path; }
    QSqlDatabase &sql() { return m_db; }
    const QSqlDatabase &sql() const { return m_db; }
    // The connection's SQLite handle, for the loops Qt Sql's binding makes too slow; null when
    // the driver is not SQLite.
    sqlite3 *sqliteHandle() const;
    bool isOpen() const;
    void close();

    std::optional<qint64> nodeKey(const QString &nodeId) const;
    void cacheNodeKey(const QString &nodeId, qint64 key) { m_nodeKeys.insert(nodeId, key); }
    void forgetNodeKeys() { m_nodeKeys.clear(); }

    qint64 meta(const QString &key) const;
    bool setMeta(const QString &key, qint64 value);
    // Reads every mark, once the file is at the current schema.
    void loadMarks();
    // Raises the roll-up mark to the stored one (the writer moves it on) and returns it.
    qint64 refreshRolledUntilMs() const;
    qint64 rolledUntilMs() const { return m_rolledUntilMs; }
    void setRolledUntilMs(qint64 ms) { m_rolledUntilMs = ms; }
    qint64 compactedUntilMs() const { return m_compactedUntilMs; }
    void setCompactedUntilMs(qint64 ms) { m_compactedUntilMs = ms; }
    qint64 rawPrunedUntilMs() const { return m_rawPrunedUntilMs; }
    void setRawPrunedUntilMs(qint64 ms) { m_rawPrunedUntilMs = ms; }
    std::optional<qint64> dirtyFromMs() const { return m_dirtyFromMs; }
    void setDirtyFromMs(std::optional<qint64> ms) { m_dirtyFromMs = ms; }

    bool exec(const QString &sql);
    QString lastError() const { return m_lastError; }
    void setLastError(const QString &error) const { m_lastError = error; }
    void fail(const QSqlQuery &query) const;
    void reportDamage(const QString &nodeId, qint64 hour) const;

    // The row's samples with nodeId set, or nullopt (and a damage report) when its block is
    // damaged.
    std::optional<QList<HistorySample>> blockSamples(const HourRow &row,
                                                     const QString &nodeId) const;
    // The row's roll-up slots, damaged parts reported and left out.
    QList<HistoryRollup> hourRollups(const HourRow &row, const QString &nodeId) const;

private:
    QString m_connectionName;
    QString m_path;
    QSqlDatabase m_db;
    mutable QHash<QString, qint64> m_nodeKeys;
    mutable qint64 m_rolledUntilMs = 0; // re-read by readers: the writer moves it on
    qint64 m_compactedUntilMs = 0;      // every hour before this is in `blocks`, none in `recent`
    qint64 m_rawPrunedUntilMs = 0; // raw samples before this are gone: later arrivals are dropped
    std::optional<qint64> m_dirtyFromMs; // earliest sample stored into an already rolled-up slot
    mutable QString m_lastError;
};

} // namespace prego
