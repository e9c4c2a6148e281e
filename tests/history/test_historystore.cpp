// HistoryStore: dedupe, roll-ups, retention, migrations, damaged files, reads.
#include "historytestdata.h"
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

TEST_F(HistoryStoreTest, ValuesComeBackToTheTenthOfAPercentAndNullsStayNull)
{
    auto store = openStore();
    HistorySample s{u"n1"_s, T0, 12.34, std::nullopt, 99.96, std::nullopt};
    ASSERT_TRUE(store->ingest({s}).error.isEmpty());
    const auto back = store->samples(u"n1"_s, T0, T0 + 1);
    ASSERT_EQ(back.size(), 1);
    EXPECT_DOUBLE_EQ(*back.first().cpuPct, 12.3);
    EXPECT_FALSE(back.first().memoryPct.has_value());
    EXPECT_DOUBLE_EQ(*back.first().diskPct, 100.0);
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
    EXPECT_DOUBLE_EQ(*a.cpu.avg, 20.0); // (100 + 200 + 300) / 3 per-mille
    EXPECT_DOUBLE_EQ(*a.memory.min, 40.0);
    EXPECT_DOUBLE_EQ(*a.memory.max, 60.0);
    EXPECT_DOUBLE_EQ(*a.memory.avg, 50.0);
    EXPECT_DOUBLE_EQ(*a.disk.avg, 70.3); // 700, 700, 710 → 703.33 rounds to 703
    EXPECT_DOUBLE_EQ(*a.tenants.min, 2.0);
    EXPECT_DOUBLE_EQ(*a.tenants.max, 5.0);
    EXPECT_NEAR(*a.tenants.avg, 11.0 / 3.0, 1e-9);
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
    // 30 days: slots merged into at most MaxRollupBuckets buckets, the peak still there.
    const HistorySeries month = store->series(u"n1"_s, now - 30 * Day, now);
    EXPECT_TRUE(month.fromRollups);
    EXPECT_LE(month.samples.size(), 2 * HistoryStore::MaxRollupBuckets + 10);
    EXPECT_GE(month.samples.size(), 1000);
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
    EXPECT_EQ(store->schemaVersion(), 2);
    EXPECT_EQ(store->nodeIds(), (QStringList{u"n1"_s, u"n2"_s}));
    const auto n1 = store->samples(u"n1"_s, 0, T0 * 2);
    ASSERT_EQ(n1.size(), 2);
    EXPECT_DOUBLE_EQ(*n1.at(0).cpuPct, 12.3);
    EXPECT_FALSE(n1.at(0).diskPct.has_value());
    EXPECT_EQ(n1.at(0).tenantCount, 4);
    EXPECT_DOUBLE_EQ(*store->samples(u"n2"_s, 0, T0 * 2).first().cpuPct, 100.0);
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
