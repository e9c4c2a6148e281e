// HistoryStore: dedupe, roll-ups, retention, migrations, damaged files, reads.
#include "historytestdata.h"
#include "storage/historyblockcodec.h"
#include "storage/historystore.h"
#include "storage/snapshotcodec.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace prego;
using namespace prego::test;
using namespace Qt::StringLiterals;

namespace {
class HistoryStoreTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(dir.isValid()); }

    std::unique_ptr<HistoryStore> openStore(HistoryStore::Options options = {},
                                            HistoryOpenResult *result = nullptr)
    {
        auto store = std::make_unique<HistoryStore>(u"test-%1"_s.arg(++m_connections), options);
        const HistoryOpenResult r = store->open(path());
        if (result)
            *result = r;
        EXPECT_TRUE(r.ok) << r.error.toStdString();
        return store;
    }

    QString path() const { return HistoryStore::pathFor(dir.path(), u"demo"_s); }

    QTemporaryDir dir;
    int m_connections = 0;
};
} // namespace

TEST_F(HistoryStoreTest, CreatesTheFileForTheProfileWithTheCurrentSchema)
{
    auto store = openStore();
    EXPECT_TRUE(QFile::exists(dir.filePath(u"history-demo.sqlite"_s)));
    EXPECT_EQ(store->schemaVersion(), HistoryStore::SchemaVersion);
    QSqlQuery q(QSqlDatabase::database(store->connectionName()));
    ASSERT_TRUE(q.exec(u"PRAGMA journal_mode"_s) && q.next());
    EXPECT_EQ(q.value(0).toString(), u"wal"_s);
}

TEST_F(HistoryStoreTest, TheSameUpdatedAtTwiceStoresOneSample)
{
    auto store = openStore();
    HistoryIngestResult r = store->ingest({sample(u"n1"_s, T0, 10), sample(u"n1"_s, T0, 10)});
    EXPECT_TRUE(r.error.isEmpty());
    EXPECT_EQ(r.offered, 2);
    EXPECT_EQ(r.inserted, 1);
    r = store->ingest({sample(u"n1"_s, T0, 99), sample(u"n2"_s, T0, 5)});
    EXPECT_EQ(r.inserted, 1); // n1 at T0 is already there and keeps its first values
    EXPECT_EQ(store->sampleCount(), 2);
    const auto n1 = store->samples(u"n1"_s, T0 - Hour, T0 + Hour);
    ASSERT_EQ(n1.size(), 1);
    EXPECT_EQ(n1.first().cpuPct, 10.0);
}

TEST_F(HistoryStoreTest, ValuesComeBackExactlyAndNullsStayNull)
{
    auto store = openStore();
    // What agents send, and what the API allows beyond it (any double in 0..100).
    const QList<HistorySample> in{{u"n1"_s, T0, 12.34, std::nullopt, 99.96, std::nullopt},
                                  {u"n1"_s, T0 + 7, 100.0 / 3.0, 0.1 + 0.2, 5e-324, 0},
                                  {u"n1"_s, T0 + Hour + 1, 0.0, 100.0, 1.0 / 7.0, 12}};
    ASSERT_TRUE(store->ingest(in).error.isEmpty());
    EXPECT_EQ(store->samples(u"n1"_s, T0, T0 + 2 * Hour), in); // from `recent`
    ASSERT_GE(store->rollUp(T0 + 3 * Hour), 0);
    ASSERT_GE(store->compactedUntilMs(), T0 + 2 * Hour);
    const auto back = store->samples(u"n1"_s, T0, T0 + 2 * Hour); // from blocks
    EXPECT_EQ(back, in);
    ASSERT_EQ(back.size(), 3);
    EXPECT_EQ(*back.at(1).cpuPct, 100.0 / 3.0);
    EXPECT_FALSE(back.first().memoryPct.has_value());
    EXPECT_FALSE(back.first().tenantCount.has_value());
    EXPECT_TRUE(store->samples(u"unknown"_s, 0, T0 * 2).isEmpty());
}

TEST_F(HistoryStoreTest, RollUpArithmetic)
{
    auto store = openStore();
    // Slot [T0, T0+5m): three pushes; slot [T0+5m, T0+10m): one; the slot in progress: one.
    ASSERT_TRUE(store
                    ->ingest({sample(u"n1"_s, T0 + 10 * Sec, 10, 40, 70, 2),
                              sample(u"n1"_s, T0 + 70 * Sec, 20.04, 60, 70, 4),
                              sample(u"n1"_s, T0 + 130 * Sec, 30, 50, 71, 5),
                              sample(u"n1"_s, T0 + 5 * Min + 1, 55.5, 55, 72, 5),
                              sample(u"n1"_s, T0 + 10 * Min + 1, 90, 90, 90, 9)})
                    .error.isEmpty());
    EXPECT_EQ(store->rollUp(T0 + 10 * Min + 30 * Sec), 2); // only slots that ended
    EXPECT_EQ(store->rolledUpUntilMs(), T0 + 10 * Min);
    const auto rollups = store->rollups(u"n1"_s, T0 - Hour, T0 + Hour);
    ASSERT_EQ(rollups.size(), 2);
    const HistoryRollup &a = rollups.at(0);
    EXPECT_EQ(a.slotStartMs, T0);
    EXPECT_EQ(a.pushes, 3);
    EXPECT_EQ(a.firstMs, T0 + 10 * Sec);
    EXPECT_EQ(a.lastMs, T0 + 130 * Sec);
    EXPECT_DOUBLE_EQ(*a.cpu.min, 10.0);
    EXPECT_DOUBLE_EQ(*a.cpu.max, 30.0);
    EXPECT_DOUBLE_EQ(*a.cpu.avg, 20.0133); // (10 + 20.04 + 30) / 3, averages kept to 1e-4
    EXPECT_DOUBLE_EQ(*a.memory.min, 40.0);
    EXPECT_DOUBLE_EQ(*a.memory.max, 60.0);
    EXPECT_DOUBLE_EQ(*a.memory.avg, 50.0);
    EXPECT_DOUBLE_EQ(*a.disk.avg, 70.3333);
    EXPECT_DOUBLE_EQ(*a.tenants.min, 2.0);
    EXPECT_DOUBLE_EQ(*a.tenants.max, 5.0);
    EXPECT_DOUBLE_EQ(*a.tenants.avg, 3.6667);
    EXPECT_EQ(rollups.at(1).pushes, 1);
    EXPECT_DOUBLE_EQ(*rollups.at(1).cpu.avg, 55.5);

    // Rolling up again without new data changes nothing; a late sample re-rolls its slot.
    EXPECT_EQ(store->rollUp(T0 + 10 * Min + 40 * Sec), 0);
    ASSERT_TRUE(store->ingest({sample(u"n1"_s, T0 + 200 * Sec, 0, 50, 70, 1)}).error.isEmpty());
    EXPECT_GT(store->rollUp(T0 + 10 * Min + 50 * Sec), 0);
    const auto again = store->rollups(u"n1"_s, T0, T0 + 1);
    ASSERT_EQ(again.size(), 1);
    EXPECT_EQ(again.first().pushes, 4);
    EXPECT_DOUBLE_EQ(*again.first().cpu.min, 0.0);
    EXPECT_EQ(again.first().lastMs, T0 + 200 * Sec);
}

TEST_F(HistoryStoreTest, RetentionKeepsRawForItsWindowAndRollUpsLonger)
{
    HistoryStore::Options options;
    options.rawRetentionMs = 1 * Day;
    options.rollupRetentionMs = 3 * Day;
    auto store = openStore(options);
    const qint64 now = T0 + 5 * Day;
    QList<HistorySample> samples;
    for (qint64 t = T0; t < now; t += 10 * Min) // 5 days, every 10 minutes: 720 samples
        samples.append(sample(u"n1"_s, t, double(t / Min % 100)));
    ASSERT_EQ(store->ingest(samples).inserted, 720);

    // Nothing is pruned before it is rolled up.
    EXPECT_EQ(store->prune(now), 0);
    EXPECT_EQ(store->sampleCount(), 720);

    EXPECT_EQ(store->rollUp(now), 720); // one push per slot here
    const qint64 pruned = store->prune(now);
    // Raw older than 1 day: 4 days × 144 = 576; roll-ups older than 3 days: 2 days × 144 = 288.
    EXPECT_EQ(pruned, 576 + 288);
    EXPECT_EQ(store->sampleCount(), 144);
    EXPECT_EQ(store->rollupCount(), 432);
    EXPECT_EQ(store->samples(u"n1"_s, 0, now + 1).first().updatedAtMs, now - Day);
    EXPECT_EQ(store->rollups(u"n1"_s, 0, now + 1).first().slotStartMs, now - 3 * Day);
}

TEST_F(HistoryStoreTest, SeriesUsesRawForShortRangesAndRollUpsForLongOnes)
{
    auto store = openStore();
    const qint64 now = T0 + 30 * Day;
    QList<HistorySample> samples;
    for (qint64 t = T0; t < now; t += Min)
        samples.append(sample(u"n1"_s, t, double(t / Min % 97)));
    samples.append(sample(u"n1"_s, now - 7 * Day + 150 * Sec, 100.0)); // a peak inside a slot
    ASSERT_TRUE(store->ingest(samples).error.isEmpty());
    ASSERT_GT(store->rollUp(now - 2 * Min), 0);

    const HistorySeries day = store->series(u"n1"_s, now - Day, now);
    EXPECT_FALSE(day.fromRollups);
    EXPECT_EQ(day.samples.size(), 1440);
    EXPECT_EQ(day.pushTimesMs.size(), 1441); // plus the push before the window, for gap shading

    const HistorySeries week = store->series(u"n1"_s, now - 7 * Day, now);
    EXPECT_TRUE(week.fromRollups);
    EXPECT_LE(week.samples.size(), 2 * 7 * 288 + 10);
    EXPECT_GE(week.samples.size(), 2 * 7 * 288 - 10);
    bool peak = false;
    for (const HistorySample &s : week.samples)
        peak = peak || s.cpuPct == 100.0;
    EXPECT_TRUE(peak) << "the slot's max survives the roll-up";
    // 30 days: every 5-minute slot's min (at its first push) and max (at its last), the chart
    // thins them to its pixel columns.
    const HistorySeries month = store->series(u"n1"_s, now - 30 * Day, now);
    EXPECT_TRUE(month.fromRollups);
    EXPECT_EQ(month.samples.size(), 2 * (30 * 288 - 1) + 5); // 5 raw after the last slot
    for (qsizetype i = 0; i + 5 < month.samples.size(); i += 2) {
        const qint64 slot = now - 30 * Day + (i / 2) * 5 * Min;
        ASSERT_EQ(month.samples.at(i).updatedAtMs, slot);
        double lo = 1000, hi = -1;
        for (qint64 t = slot; t < slot + 5 * Min; t += Min) {
            lo = std::min(lo, double(t / Min % 97));
            hi = std::max(hi, double(t / Min % 97));
        }
        if (slot == now - 7 * Day)
            hi = 100.0;
        ASSERT_EQ(*month.samples.at(i).cpuPct, lo) << i;
        ASSERT_EQ(*month.samples.at(i + 1).cpuPct, hi) << i;
    }
    bool monthPeak = false;
    for (const HistorySample &s : month.samples)
        monthPeak = monthPeak || s.cpuPct == 100.0;
    EXPECT_TRUE(monthPeak);
    for (qsizetype i = 1; i < month.samples.size(); ++i)
        ASSERT_LT(month.samples.at(i - 1).updatedAtMs, month.samples.at(i).updatedAtMs);
    // The tail after the last rolled-up slot comes from raw samples.
    EXPECT_EQ(week.samples.last().updatedAtMs, now - Min);
    for (qsizetype i = 1; i < week.samples.size(); ++i)
        ASSERT_LT(week.samples.at(i - 1).updatedAtMs, week.samples.at(i).updatedAtMs);
}

TEST_F(HistoryStoreTest, PushSlotsMergeRollUpsAndTheRawTail)
{
    auto store = openStore();
    ASSERT_TRUE(store
                    ->ingest({sample(u"a"_s, T0 + Min, 1), sample(u"a"_s, T0 + 2 * Min, 1),
                              sample(u"a"_s, T0 + 6 * Min, 1), sample(u"b"_s, T0 + 11 * Min, 1)})
                    .error.isEmpty());
    store->rollUp(T0 + 10 * Min); // a's two slots rolled up; b's is raw
    const auto slots = store->pushSlots(T0 - Hour, T0 + Hour);
    EXPECT_EQ(slots.value(u"a"_s),
              (QList<PushSlot>{{T0, 2, T0 + Min, T0 + 2 * Min},
                               {T0 + 5 * Min, 1, T0 + 6 * Min, T0 + 6 * Min}}));
    EXPECT_EQ(slots.value(u"b"_s),
              (QList<PushSlot>{{T0 + 10 * Min, 1, T0 + 11 * Min, T0 + 11 * Min}}));
}

TEST_F(HistoryStoreTest, TheLastSnapshotComesBackWhole)
{
    auto store = openStore();
    EXPECT_FALSE(store->lastSnapshot().has_value());
    NodesSnapshot snap = fleet(3, T0 + Min, T0);
    snap.nodes[1].metrics.reset();
    snap.nodes[2].tenantId = u"acme"_s;
    snap.nodes[2].createdAtMs = T0 - Day;
    ASSERT_TRUE(store->ingest({}, &snap, 1234).snapshotStored);
    const auto stored = store->lastSnapshot();
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->storedAtMs, 1234);
    EXPECT_EQ(stored->snapshot.serverTimeMs, snap.serverTimeMs);
    EXPECT_EQ(stored->snapshot.nodes, snap.nodes);
    EXPECT_FALSE(SnapshotCodec::decode("garbage").has_value());
}

// Found by fuzz/fuzz_snapshot: qUncompress allocates the size a blob's first four bytes declare
// before inflating, so a damaged snapshot made every start-up allocate up to 2 GB. A claim
// deflate cannot produce (more than 1032 times the compressed bytes) is refused up front.
TEST(SnapshotCodec, ABlobClaimingMoreThanDeflateCanGiveIsRefused)
{
    const NodesSnapshot snap = fleet(3, T0, T0 - 5 * Sec);
    const QByteArray blob = SnapshotCodec::encode(snap);
    ASSERT_TRUE(SnapshotCodec::decode(blob).has_value());
    const auto claiming = [&](quint32 size) {
        QByteArray b = blob;
        for (int i = 0; i < 4; ++i)
            b[i] = char((size >> (24 - 8 * i)) & 0xff);
        return b;
    };
    // An honest-looking claim a little above the true size still decodes (qUncompress stops at
    // the end of the stream); one beyond deflate's ratio, or the 1.6 GB the fuzzer sent, not.
    EXPECT_TRUE(SnapshotCodec::decode(claiming(quint32(blob.size()) * 4)).has_value());
    EXPECT_FALSE(SnapshotCodec::decode(claiming(quint32(blob.size() - 4) * 1032 + 1)));
    EXPECT_FALSE(SnapshotCodec::decode(claiming(1616944327)));
    EXPECT_FALSE(SnapshotCodec::decode(QByteArray::fromHex("7fffffff789c")));
}

TEST_F(HistoryStoreTest, MigratesAVersion1File)
{
    {
        // A file as the first release wrote it: text node ids, REAL percentages, no roll-ups.
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v1-writer"_s);
        db.setDatabaseName(path());
        ASSERT_TRUE(db.open());
        QSqlQuery q(db);
        ASSERT_TRUE(q.exec(u"CREATE TABLE samples(node_id TEXT NOT NULL, updated_at_ms INTEGER "
                           "NOT NULL, cpu REAL, mem REAL, disk REAL, tenants INTEGER, "
                           "PRIMARY KEY(node_id, updated_at_ms)) WITHOUT ROWID"_s));
        ASSERT_TRUE(q.exec(u"CREATE TABLE snapshot(id INTEGER PRIMARY KEY CHECK(id = 1), "
                           "server_time_ms INTEGER NOT NULL, stored_at_ms INTEGER NOT NULL, "
                           "body BLOB NOT NULL)"_s));
        ASSERT_TRUE(
            q.exec(u"INSERT INTO samples VALUES('n1', %1, 12.34, 50.0, NULL, 4), "
                   "('n1', %2, 15.0, 51.0, 40.0, 4), ('n2', %1, 99.99, 1.0, 2.0, 0)"_s.arg(T0)
                       .arg(T0 + Min)));
        q.prepare(u"INSERT INTO snapshot VALUES(1, ?, ?, ?)"_s);
        q.addBindValue(T0 + Min);
        q.addBindValue(777);
        q.addBindValue(SnapshotCodec::encode(fleet(2, T0 + Min, T0)));
        ASSERT_TRUE(q.exec());
        ASSERT_TRUE(q.exec(u"PRAGMA user_version = 1"_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"v1-writer"_s);

    HistoryOpenResult result;
    auto store = openStore({}, &result);
    EXPECT_EQ(result.migratedFromVersion, 1);
    EXPECT_EQ(store->schemaVersion(), HistoryStore::SchemaVersion);
    EXPECT_EQ(store->nodeIds(), (QStringList{u"n1"_s, u"n2"_s}));
    const auto n1 = store->samples(u"n1"_s, 0, T0 * 2);
    ASSERT_EQ(n1.size(), 2);
    EXPECT_EQ(*n1.at(0).cpuPct, 12.34); // v1 → v3 directly: no rounding on the way
    EXPECT_FALSE(n1.at(0).diskPct.has_value());
    EXPECT_EQ(n1.at(0).tenantCount, 4);
    EXPECT_EQ(*store->samples(u"n2"_s, 0, T0 * 2).first().cpuPct, 99.99);
    ASSERT_TRUE(store->lastSnapshot().has_value());
    EXPECT_EQ(store->lastSnapshot()->storedAtMs, 777);
    // The new tables work on the migrated data, and dedupe still holds.
    EXPECT_EQ(store->rollUp(T0 + 10 * Min), 2);
    EXPECT_EQ(store->ingest({sample(u"n1"_s, T0, 1)}).inserted, 0);
    EXPECT_EQ(store->ingest({sample(u"n3"_s, T0, 1)}).inserted, 1);

    // Reopening finds nothing to migrate.
    store.reset();
    openStore({}, &result);
    EXPECT_EQ(result.migratedFromVersion, -1);
}

TEST_F(HistoryStoreTest, AFileFromANewerConsoleIsLeftAlone)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"future"_s);
        db.setDatabaseName(path());
        ASSERT_TRUE(db.open());
        QSqlQuery q(db);
        ASSERT_TRUE(q.exec(u"CREATE TABLE future(x)"_s));
        ASSERT_TRUE(q.exec(u"PRAGMA user_version = 99"_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"future"_s);
    HistoryStore store(u"future-reader"_s);
    const HistoryOpenResult r = store.open(path());
    EXPECT_FALSE(r.ok);
    EXPECT_TRUE(r.error.contains(u"newer"_s)) << r.error.toStdString();
    EXPECT_TRUE(r.movedAsidePath.isEmpty());
    EXPECT_TRUE(QFile::exists(path()));
}

TEST_F(HistoryStoreTest, AGarbageFileIsMovedAsideAndANewOneStarted)
{
    {
        QFile f(path());
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x'));
    }
    HistoryOpenResult result;
    auto store = openStore({}, &result);
    EXPECT_FALSE(result.recoveryNotice.isEmpty());
    EXPECT_TRUE(result.recoveryNotice.contains(result.movedAsidePath));
    EXPECT_TRUE(result.movedAsidePath.startsWith(path() + u".corrupt-"_s));
    QFile aside(result.movedAsidePath);
    ASSERT_TRUE(aside.open(QIODevice::ReadOnly));
    EXPECT_EQ(aside.readAll(), QByteArray(8192, 'x')); // kept for a post-mortem, untouched
    EXPECT_EQ(store->ingest({sample(u"n1"_s, T0, 1)}).inserted, 1);
}

TEST_F(HistoryStoreTest, ATruncatedFileIsDetectedAndRebuilt)
{
    {
        auto store = openStore();
        QList<HistorySample> samples;
        for (int i = 0; i < 20000; ++i)
            samples.append(sample(u"node-%1"_s.arg(i % 50), T0 + i * Sec, i % 100));
        ASSERT_EQ(store->ingest(samples).inserted, 20000);
    } // closing the last connection checkpoints the WAL into the file
    ASSERT_FALSE(QFile::exists(path() + u"-wal"_s));
    QFile f(path());
    const qint64 size = f.size();
    ASSERT_GT(size, 64 * 1024);
    ASSERT_TRUE(f.resize(size / 2));

    HistoryOpenResult result;
    auto store = openStore({}, &result);
    EXPECT_FALSE(result.recoveryNotice.isEmpty()) << "a half file was not noticed";
    EXPECT_EQ(store->sampleCount(), 0);
    EXPECT_EQ(QFileInfo(result.movedAsidePath).size(), size / 2);
}

namespace {
// Three days of one node with jittered pushes and some nulls, and a second node beside it.
QList<HistorySample> threeDays(qint64 from)
{
    QList<HistorySample> out;
    for (qint64 t = from, i = 0; t < from + 3 * Day; t += Min + (i % 7) * 311 - 900, ++i) {
        out.append({u"n1"_s, t, double(i * 37 % 1000) / 10.0,
                    i % 13 == 0 ? std::nullopt : std::optional<double>(double(i % 5000) / 50.0),
                    42.25, i % 17 == 0 ? std::nullopt : std::optional<qint64>(i % 9)});
        out.append({u"n2"_s, t + 5, 1.0, 2.0, 3.0, 4});
    }
    return out;
}

QList<HistorySample> ofNode(const QList<HistorySample> &all, const QString &node, qint64 from,
                            qint64 to)
{
    QList<HistorySample> out;
    for (const HistorySample &s : all) {
        if (s.nodeId == node && s.updatedAtMs >= from && s.updatedAtMs < to)
            out.append(s);
    }
    return out;
}

qint64 rows(const HistoryStore &store, const QString &table)
{
    QSqlQuery q(QSqlDatabase::database(store.connectionName()));
    return q.exec(u"SELECT count(*) FROM %1"_s.arg(table)) && q.next() ? q.value(0).toLongLong()
                                                                       : -1;
}
} // namespace

TEST_F(HistoryStoreTest, AReadAcrossRollUpBlobsBlocksAndRecentIsTheSameAsBeforeCompaction)
{
    HistoryStore::Options options;
    options.rawRetentionMs = 1 * Day;
    auto store = openStore(options);
    const QList<HistorySample> in = threeDays(T0);
    const qint64 now = T0 + 3 * Day;
    ASSERT_EQ(store->ingest(in).inserted, in.size());
    // Before anything is compacted: all raw, straight from `recent`.
    EXPECT_EQ(store->samples(u"n1"_s, 0, now), ofNode(in, u"n1"_s, 0, now));
    EXPECT_EQ(rows(*store, u"blocks"_s), 0);

    // Roll up to 30 minutes before the end: everything but the last hour becomes blocks.
    const qint64 rolled = now - 30 * Min;
    ASSERT_GT(store->rollUp(rolled), 0);
    EXPECT_EQ(store->compactedUntilMs(), now - Hour);
    EXPECT_GT(rows(*store, u"recent"_s), 0);
    EXPECT_EQ(store->samples(u"n1"_s, 0, now), ofNode(in, u"n1"_s, 0, now));
    const HistorySeries before = store->series(u"n1"_s, T0, now);
    const QList<HistoryRollup> rollupsBefore = store->rollups(u"n1"_s, T0, now);
    const HistorySeries dayBefore = store->series(u"n1"_s, now - Day, now);
    ASSERT_TRUE(before.fromRollups);
    EXPECT_EQ(rollupsBefore, HistoryBlockCodec::rollUp(ofNode(in, u"n1"_s, T0, rolled)));

    // Two days of blocks age out of raw retention and become roll-up blobs.
    ASSERT_GT(store->prune(now), 0);
    EXPECT_GT(rows(*store, u"rollups"_s), 0);
    const HistorySeries after = store->series(u"n1"_s, T0, now);
    EXPECT_EQ(after.samples, before.samples);
    EXPECT_EQ(after.pushTimesMs, before.pushTimesMs);
    EXPECT_EQ(store->rollups(u"n1"_s, T0, now), rollupsBefore);
    const HistorySeries dayAfter = store->series(u"n1"_s, now - Day, now);
    EXPECT_EQ(dayAfter.samples, dayBefore.samples);
    EXPECT_EQ(dayAfter.pushTimesMs, dayBefore.pushTimesMs);
    EXPECT_EQ(dayAfter.samples, ofNode(in, u"n1"_s, now - Day, now)); // raw, exact

    // The series spans all three sources, in time order, with every slot's extremes.
    for (qsizetype i = 1; i < after.samples.size(); ++i)
        ASSERT_LT(after.samples.at(i - 1).updatedAtMs, after.samples.at(i).updatedAtMs);
    EXPECT_EQ(after.samples.last().updatedAtMs, ofNode(in, u"n1"_s, 0, now).last().updatedAtMs);
    EXPECT_TRUE(store->lastError().isEmpty()) << store->lastError().toStdString();
}

TEST_F(HistoryStoreTest, RetentionRemovesOldBlocksAndRollUpBlobs)
{
    HistoryStore::Options options;
    options.rawRetentionMs = 1 * Day;
    options.rollupRetentionMs = 2 * Day;
    auto store = openStore(options);
    const QList<HistorySample> in = threeDays(T0);
    const qint64 now = T0 + 3 * Day;
    ASSERT_EQ(store->ingest(in).inserted, in.size());
    ASSERT_GT(store->rollUp(now), 0);
    EXPECT_EQ(rows(*store, u"blocks"_s), 2 * (3 * 24 - 1)); // two nodes, the last hour is open
    ASSERT_GT(store->prune(now), 0);
    // Raw: the last day (23 hours of blocks); roll-ups: the day before as blobs.
    EXPECT_EQ(rows(*store, u"blocks"_s), 2 * 23);
    EXPECT_EQ(rows(*store, u"rollups"_s), 2 * 24);
    EXPECT_TRUE(store->samples(u"n1"_s, 0, now - Day).isEmpty());
    EXPECT_EQ(store->samples(u"n1"_s, now - Day, now), ofNode(in, u"n1"_s, now - Day, now));
    EXPECT_TRUE(store->rollups(u"n1"_s, 0, now - 2 * Day).isEmpty());
    EXPECT_EQ(store->rollups(u"n1"_s, 0, now).first().slotStartMs, now - 2 * Day);

    // A day later the blobs of the oldest day go as well, nothing is left before the window.
    ASSERT_GT(store->prune(now + Day), 0);
    EXPECT_EQ(store->rollups(u"n1"_s, 0, now).first().slotStartMs, now - Day);
    // A sample older than raw retention arriving now is not stored again.
    EXPECT_EQ(store->ingest({sample(u"n1"_s, T0 + 7, 1)}).inserted, 0);
}

TEST_F(HistoryStoreTest, IngestAfterCompactionDedupesAResentSample)
{
    auto store = openStore();
    const QList<HistorySample> in = threeDays(T0);
    ASSERT_EQ(store->ingest(in).inserted, in.size());
    ASSERT_GT(store->rollUp(T0 + 3 * Day), 0);
    const qint64 count = store->sampleCount();
    EXPECT_EQ(count, in.size());
    ASSERT_LT(in.at(10).updatedAtMs, store->compactedUntilMs());
    // The same push again (a console restarted re-reads every node's last push), with other
    // values: the first ones stay.
    HistorySample again = in.at(10);
    again.cpuPct = 77.0;
    EXPECT_EQ(store->ingest({again, in.at(11)}).inserted, 0);
    EXPECT_EQ(store->sampleCount(), count);
    EXPECT_EQ(store->samples(u"n1"_s, T0, T0 + Hour), ofNode(in, u"n1"_s, T0, T0 + Hour));
    // A push that was really missing is merged into its hour's block, and its slot re-rolled.
    const HistorySample late = sample(u"n1"_s, in.at(10).updatedAtMs + 1, 99.5);
    EXPECT_EQ(store->ingest({late, late}).inserted, 1);
    EXPECT_EQ(store->sampleCount(), count + 1);
    EXPECT_GT(store->rollUp(T0 + 3 * Day + Min), 0);
    auto expected = ofNode(in, u"n1"_s, T0, T0 + Hour);
    expected.insert(6, late); // n1's pushes alternate with n2's in `in`
    EXPECT_EQ(store->samples(u"n1"_s, T0, T0 + Hour), expected);
}

TEST_F(HistoryStoreTest, MigratesAVersion2FileKeepingEverySample)
{
    {
        // A file as schema 2 wrote it: per-mille integers, roll-ups as rows, a roll-up mark.
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v2-writer"_s);
        db.setDatabaseName(path());
        ASSERT_TRUE(db.open());
        QSqlQuery q(db);
        for (const char *sql :
             {"CREATE TABLE snapshot(id INTEGER PRIMARY KEY CHECK(id = 1), server_time_ms "
              "INTEGER NOT NULL, stored_at_ms INTEGER NOT NULL, body BLOB NOT NULL)",
              "CREATE TABLE nodes(node INTEGER PRIMARY KEY, node_id TEXT NOT NULL UNIQUE)",
              "CREATE TABLE samples(node INTEGER NOT NULL, updated_at_ms INTEGER NOT NULL, "
              "cpu INTEGER, mem INTEGER, disk INTEGER, tenants INTEGER, "
              "PRIMARY KEY(node, updated_at_ms)) WITHOUT ROWID",
              "CREATE TABLE rollups_5m(node INTEGER NOT NULL, slot_start_ms INTEGER NOT NULL, "
              "n INTEGER NOT NULL, first_ms INTEGER NOT NULL, last_ms INTEGER NOT NULL, "
              "cpu_min INTEGER, cpu_max INTEGER, cpu_avg INTEGER, mem_min INTEGER, mem_max "
              "INTEGER, mem_avg INTEGER, disk_min INTEGER, disk_max INTEGER, disk_avg INTEGER, "
              "tenants_min INTEGER, tenants_max INTEGER, tenants_avg REAL, "
              "PRIMARY KEY(node, slot_start_ms)) WITHOUT ROWID",
              "CREATE TABLE meta(key TEXT PRIMARY KEY, value INTEGER) WITHOUT ROWID",
              "INSERT INTO nodes VALUES(1, 'n1'), (2, 'n2')", "PRAGMA user_version = 2"})
            ASSERT_TRUE(q.exec(QString::fromLatin1(sql))) << sql;
        // Raw for the last two hours; an older slot whose raw is already gone (roll-up only).
        QList<HistorySample> raw;
        for (qint64 t = T0 + Day; t < T0 + Day + 2 * Hour; t += Min) {
            const qint64 k = t / Min % 1000;
            q.prepare(u"INSERT INTO samples VALUES(1, ?, ?, ?, NULL, ?)"_s);
            q.addBindValue(t);
            q.addBindValue(k);
            q.addBindValue(1000 - k);
            q.addBindValue(k % 4);
            ASSERT_TRUE(q.exec());
            raw.append({u"n1"_s, t, k / 10.0, (1000 - k) / 10.0, std::nullopt, k % 4});
        }
        ASSERT_TRUE(q.exec(u"INSERT INTO rollups_5m VALUES(2, %1, 3, %2, %3, 100, 300, 200, "
                           "NULL, NULL, NULL, 5, 5, 5, 1, 2, 1.5)"_s.arg(T0)
                               .arg(T0 + 10 * Sec)
                               .arg(T0 + 130 * Sec)));
        ASSERT_TRUE(q.exec(u"INSERT INTO meta VALUES('rolled_until_ms', %1)"_s.arg(T0 + Day)));
        db.close();
        HistoryOpenResult result;
        {
            QSqlDatabase::removeDatabase(u"v2-writer"_s);
            auto store = openStore({}, &result);
            EXPECT_EQ(result.migratedFromVersion, 2);
            EXPECT_EQ(store->schemaVersion(), HistoryStore::SchemaVersion);
            EXPECT_EQ(store->samples(u"n1"_s, 0, T0 * 2), raw);
            EXPECT_EQ(store->sampleCount(), raw.size());
            const auto old = store->rollups(u"n2"_s, 0, T0 * 2);
            ASSERT_EQ(old.size(), 1);
            EXPECT_EQ(old.first().pushes, 3);
            EXPECT_EQ(old.first().lastMs, T0 + 130 * Sec);
            EXPECT_EQ(old.first().cpu.max, 30.0);
            EXPECT_EQ(old.first().disk.avg, 0.5);
            EXPECT_EQ(old.first().tenants.avg, 1.5);
            // Compacted, still every sample; dedupe holds across the migration.
            ASSERT_GT(store->rollUp(T0 + Day + 3 * Hour), 0);
            EXPECT_GT(store->compactedUntilMs(), T0 + Day + Hour);
            EXPECT_EQ(store->samples(u"n1"_s, 0, T0 * 2), raw);
            EXPECT_EQ(store->ingest({raw.at(5)}).inserted, 0);
            EXPECT_EQ(store->rollups(u"n2"_s, 0, T0 * 2), old);
        }
        openStore({}, &result);
        EXPECT_EQ(result.migratedFromVersion, -1);
    }
}

TEST_F(HistoryStoreTest, ADamagedBlockIsReportedAndSkippedNotCrashedOn)
{
    auto store = openStore();
    const QList<HistorySample> in = threeDays(T0);
    ASSERT_EQ(store->ingest(in).inserted, in.size());
    ASSERT_GT(store->rollUp(T0 + 3 * Day), 0);
    {
        // n1's block of the second hour: cut in half, as a torn write or a bad sector would.
        QSqlQuery q(QSqlDatabase::database(store->connectionName()));
        ASSERT_TRUE(q.exec(u"UPDATE blocks SET data = substr(data, 1, length(data) / 2) "
                           "WHERE id = (SELECT id FROM blocks ORDER BY id LIMIT 1 OFFSET 2)"_s));
        ASSERT_EQ(q.numRowsAffected(), 1);
    }
    EXPECT_TRUE(store->lastError().isEmpty());
    const auto back = store->samples(u"n1"_s, T0, T0 + 3 * Hour);
    EXPECT_EQ(back, ofNode(in, u"n1"_s, T0, T0 + Hour) +
                        ofNode(in, u"n1"_s, T0 + 2 * Hour, T0 + 3 * Hour));
    EXPECT_TRUE(store->lastError().contains(u"n1"_s)) << store->lastError().toStdString();
    EXPECT_TRUE(store->lastError().contains(u"damaged"_s)) << store->lastError().toStdString();
    // Every other read path skips it too.
    EXPECT_TRUE(store->series(u"n1"_s, T0, T0 + 3 * Day).fromRollups);
    EXPECT_EQ(store->pushSlots(T0, T0 + 3 * Hour).value(u"n2"_s).size(), 36);
    EXPECT_EQ(store->pushSlots(T0, T0 + 3 * Hour).value(u"n1"_s).size(), 24);
    EXPECT_GT(store->rollupCount(), 0);
    EXPECT_GE(store->prune(T0 + 30 * Day), 0);
}

TEST_F(HistoryStoreTest, AStoreOpenedBeforeCompactionStillDedupes)
{
    // A second store (a reader that also ingests, as prego-ctl or the demo can) does not see the
    // writer's compaction mark move: its copy of a compacted sample must not show up twice.
    auto writer = openStore();
    auto other = openStore();
    const QList<HistorySample> in = threeDays(T0);
    ASSERT_EQ(writer->ingest(in).inserted, in.size());
    ASSERT_GT(writer->rollUp(T0 + 3 * Day), 0);
    ASSERT_EQ(other->compactedUntilMs(), 0);
    // The last push of an hour: in `recent` it sorts right after its own copy in the block.
    const HistorySample resent = ofNode(in, u"n1"_s, T0, T0 + Hour).last();
    EXPECT_EQ(other->ingest({resent}).inserted, 1); // lands in `recent` beside its block
    EXPECT_EQ(other->samples(u"n1"_s, T0, T0 + Hour), ofNode(in, u"n1"_s, T0, T0 + Hour));
    EXPECT_EQ(writer->samples(u"n1"_s, T0, T0 + Hour), ofNode(in, u"n1"_s, T0, T0 + Hour));
    // The writer's next roll-up folds it back into the block, which keeps its first values.
    ASSERT_GE(writer->rollUp(T0 + 3 * Day + 5 * Min), 0);
    EXPECT_EQ(writer->sampleCount(), in.size());
    EXPECT_EQ(writer->samples(u"n1"_s, T0, T0 + Hour), ofNode(in, u"n1"_s, T0, T0 + Hour));
}
