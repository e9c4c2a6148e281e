// A damaged history file at start (issue 9): cut at many offsets, a garbage header, flipped bytes
// in its pages, a file from a newer console, WAL and rollback-journal leftovers. Whatever the
// damage, opening never crashes and never loses the file: a damaged one is moved aside byte for
// byte (with its WAL), a notice names where it went, and the new file works; a healthy one with
// leftovers keeps every committed sample.
#include "historytestdata.h"
#include "storage/historystore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace prego;
using namespace prego::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int Nodes = 40;
constexpr int Polls = 300;

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &data)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    ASSERT_EQ(f.write(data), data.size());
}

class DamagedHistoryTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        // One healthy file, a few hundred kB with compacted hours, built once per test.
        HistoryStore store(u"damaged-build"_s);
        ASSERT_TRUE(store.open(path()).ok);
        QList<HistorySample> samples;
        for (int p = 0; p < Polls; ++p)
            for (int n = 0; n < Nodes; ++n)
                samples.append(sample(u"n%1"_s.arg(n), T0 + p * Min + n, p % 100));
        ASSERT_EQ(store.ingest(samples).inserted, Nodes * Polls);
        ASSERT_GT(store.rollUp(T0 + Polls * Min + Hour), 0);
    } // closing the last connection checkpoints the WAL into the file

    QString path() const { return HistoryStore::pathFor(m_dir.path(), u"demo"_s); }

    // Opens the file as the console does; every damaged file must come out as a recovery.
    HistoryOpenResult openAsTheConsoleDoes(std::unique_ptr<HistoryStore> *out = nullptr)
    {
        auto store = std::make_unique<HistoryStore>(u"damaged-open-%1"_s.arg(++m_serial));
        const HistoryOpenResult result = store->open(path());
        if (out)
            *out = std::move(store);
        return result;
    }

    // The recovery contract: the damaged bytes are kept aside untouched, the operator is told
    // where, and the new file takes samples.
    void expectMovedAsideAndRebuilt(const QByteArray &damaged, const std::string &what)
    {
        SCOPED_TRACE(what);
        std::unique_ptr<HistoryStore> store;
        const HistoryOpenResult result = openAsTheConsoleDoes(&store);
        ASSERT_TRUE(result.ok) << result.error.toStdString();
        ASSERT_FALSE(result.movedAsidePath.isEmpty()) << "the damage was not noticed";
        EXPECT_TRUE(result.recoveryNotice.contains(result.movedAsidePath));
        EXPECT_EQ(readAll(result.movedAsidePath), damaged) << "the damaged file was not kept";
        EXPECT_EQ(store->sampleCount(), 0);
        EXPECT_EQ(store->ingest({sample(u"n1"_s, T0 + Day, 5)}).inserted, 1);
        // Leave the directory as a new start would find it.
        store.reset();
        QFile::remove(result.movedAsidePath);
        QFile::remove(result.movedAsidePath + u"-wal"_s);
    }

    QTemporaryDir m_dir;
    int m_serial = 0;
};

} // namespace

TEST_F(DamagedHistoryTest, AFileCutAtAnyOffsetIsMovedAsideAndRebuilt)
{
    const QByteArray healthy = readAll(path());
    ASSERT_GT(healthy.size(), 64 * 1024);
    const qint64 size = healthy.size();
    // Inside the header, at the first page's end, inside and at the end of interior pages, one
    // byte short.
    const QList<qint64> cuts{1,    16,   50,       99,       100,      4095,        4096,
                             4097, 8192, size / 5, size / 3, size / 2, size - 4096, size - 1};
    int movedAside = 0;
    int intact = 0;
    for (const qint64 cut : cuts) {
        writeAll(path(), healthy.left(cut));
        if (HasFatalFailure())
            return;
        if (cut >= size - 4096) {
            // Inside the last page SQLite may find nothing missing (a short read of unused
            // space reads as zeros): then every sample must still be there.
            std::unique_ptr<HistoryStore> store;
            const HistoryOpenResult result = openAsTheConsoleDoes(&store);
            ASSERT_TRUE(result.ok) << result.error.toStdString();
            if (result.movedAsidePath.isEmpty()) {
                EXPECT_EQ(store->sampleCount(), Nodes * Polls) << "cut at " << cut;
                ++intact;
                store.reset();
                QFile::remove(path());
                continue;
            }
            EXPECT_EQ(readAll(result.movedAsidePath), healthy.left(cut));
            QFile::remove(result.movedAsidePath);
            ++movedAside;
        } else {
            expectMovedAsideAndRebuilt(healthy.left(cut), "cut at " + std::to_string(cut));
            if (HasFatalFailure())
                return;
            ++movedAside;
        }
        QFile::remove(path());
    }
    std::printf("[ damaged  ] %lld cuts of a %lld-byte file: %d moved aside and rebuilt, %d "
                "found intact (cut inside the last page's unused space)\n",
                qint64(cuts.size()), size, movedAside, intact);
}

TEST_F(DamagedHistoryTest, AGarbageHeaderIsMovedAsideAndRebuilt)
{
    QByteArray damaged = readAll(path());
    for (int i = 0; i < 100; ++i)
        damaged[i] = char(0xA5 ^ i);
    writeAll(path(), damaged);
    expectMovedAsideAndRebuilt(damaged, "garbage header");
}

TEST_F(DamagedHistoryTest, FlippedBytesInPagesNeverCrashAndNeverLoseTheFile)
{
    // Random bytes flipped in random pages (seeded, printed). quick_check finds damage to the
    // b-tree structure: that file is moved aside. Damage inside a value it cannot see: the file
    // opens and the damaged hour is reported when read (HistoryBlockCodec checks every block).
    const QByteArray healthy = readAll(path());
    const quint32 seed = QRandomGenerator::system()->generate();
    std::printf("[ damaged  ] byte-flip seed %u\n", seed);
    QRandomGenerator random(seed);
    int movedAside = 0;
    int openedAndRead = 0;
    constexpr int Rounds = 20;
    for (int round = 0; round < Rounds; ++round) {
        QByteArray damaged = healthy;
        const int flips = 1 + int(random.bounded(16));
        for (int i = 0; i < flips; ++i) {
            const qint64 at = 4096 + qint64(random.bounded(quint32(damaged.size() - 4096)));
            damaged[at] = char(damaged[at] ^ char(1 + random.bounded(255)));
        }
        writeAll(path(), damaged);
        std::unique_ptr<HistoryStore> store;
        const HistoryOpenResult result = openAsTheConsoleDoes(&store);
        ASSERT_TRUE(result.ok) << "round " << round << ": " << result.error.toStdString();
        if (!result.movedAsidePath.isEmpty()) {
            ++movedAside;
            EXPECT_EQ(readAll(result.movedAsidePath), damaged) << "round " << round;
            QFile::remove(result.movedAsidePath);
        } else {
            ++openedAndRead;
            // Every read completes; what is damaged is named, not crashed on.
            for (int n = 0; n < Nodes; n += 8)
                store->samples(u"n%1"_s.arg(n), T0, T0 + Polls * Min);
            store->series(u"n3"_s, T0 - Day, T0 + 2 * Day);
            store->pushSlots(T0, T0 + Day);
        }
        store.reset();
        QFile::remove(path());
    }
    std::printf("[ damaged  ] %d rounds: %d moved aside, %d opened (damage inside values)\n",
                Rounds, movedAside, openedAndRead);
    EXPECT_EQ(movedAside + openedAndRead, Rounds);
}

TEST_F(DamagedHistoryTest, AFileFromANewerConsoleIsReportedAndLeftUntouched)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"newer"_s);
        db.setDatabaseName(path());
        ASSERT_TRUE(db.open());
        QSqlQuery q(db);
        ASSERT_TRUE(q.exec(u"PRAGMA user_version = %1"_s.arg(HistoryStore::SchemaVersion + 1)));
    }
    QSqlDatabase::removeDatabase(u"newer"_s);
    const QByteArray before = readAll(path());
    const HistoryOpenResult result = openAsTheConsoleDoes();
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(result.error.contains(u"newer version"_s)) << result.error.toStdString();
    EXPECT_TRUE(result.movedAsidePath.isEmpty());
    EXPECT_EQ(readAll(path()), before) << "a newer console's file was changed";
}

TEST_F(DamagedHistoryTest, AWalLeftByACrashIsReplayedAndAForeignOneIgnored)
{
    // A crash leaves committed transactions in the WAL only: copy file and WAL while a writer
    // still holds them, as a kill -9 would leave them.
    const QString crashed = m_dir.filePath(u"crashed.sqlite"_s);
    {
        HistoryStore store(u"wal-writer"_s);
        ASSERT_TRUE(store.open(path()).ok);
        ASSERT_EQ(store.ingest({sample(u"late"_s, T0 + 2 * Day, 42)}).inserted, 1);
        ASSERT_TRUE(QFile::exists(path() + u"-wal"_s));
        ASSERT_TRUE(QFile::copy(path(), crashed));
        ASSERT_TRUE(QFile::copy(path() + u"-wal"_s, crashed + u"-wal"_s));
    }
    QFile::remove(path());
    ASSERT_TRUE(QFile::rename(crashed, path()));
    ASSERT_TRUE(QFile::rename(crashed + u"-wal"_s, path() + u"-wal"_s));
    {
        std::unique_ptr<HistoryStore> store;
        const HistoryOpenResult result = openAsTheConsoleDoes(&store);
        ASSERT_TRUE(result.ok) << result.error.toStdString();
        EXPECT_TRUE(result.movedAsidePath.isEmpty());
        EXPECT_EQ(store->samples(u"late"_s, T0, T0 + 3 * Day).size(), 1) << "WAL not replayed";
        EXPECT_EQ(store->sampleCount(), Nodes * Polls + 1);
    }

    // A WAL that belongs to no transaction of this file (garbage, or another file's): SQLite's
    // checksums reject it and the file opens with what it holds.
    writeAll(path() + u"-wal"_s, QByteArray(64 * 1024, 'w'));
    writeAll(path() + u"-shm"_s, QByteArray(32 * 1024, 's'));
    {
        std::unique_ptr<HistoryStore> store;
        const HistoryOpenResult result = openAsTheConsoleDoes(&store);
        ASSERT_TRUE(result.ok) << result.error.toStdString();
        EXPECT_TRUE(result.movedAsidePath.isEmpty());
        EXPECT_EQ(store->sampleCount(), Nodes * Polls + 1);
    }
}

TEST_F(DamagedHistoryTest, ARollbackJournalLeftoverDoesNotHarmAWalFile)
{
    writeAll(path() + u"-journal"_s, QByteArray(8192, 'j'));
    std::unique_ptr<HistoryStore> store;
    const HistoryOpenResult result = openAsTheConsoleDoes(&store);
    ASSERT_TRUE(result.ok) << result.error.toStdString();
    EXPECT_TRUE(result.movedAsidePath.isEmpty());
    EXPECT_EQ(store->sampleCount(), Nodes * Polls);
}

TEST_F(DamagedHistoryTest, ADamagedFileIsMovedAsideWithItsWal)
{
    {
        HistoryStore store(u"wal-writer-2"_s);
        ASSERT_TRUE(store.open(path()).ok);
        ASSERT_EQ(store.ingest({sample(u"late"_s, T0 + 2 * Day, 42)}).inserted, 1);
        ASSERT_TRUE(QFile::copy(path() + u"-wal"_s, m_dir.filePath(u"saved-wal"_s)));
    }
    ASSERT_TRUE(QFile::copy(m_dir.filePath(u"saved-wal"_s), path() + u"-wal"_s));
    QByteArray damaged = readAll(path());
    damaged.replace(0, 16, QByteArray(16, 'X'));
    writeAll(path(), damaged);
    const QByteArray wal = readAll(path() + u"-wal"_s);
    std::unique_ptr<HistoryStore> store;
    const HistoryOpenResult result = openAsTheConsoleDoes(&store);
    ASSERT_TRUE(result.ok);
    ASSERT_FALSE(result.movedAsidePath.isEmpty());
    EXPECT_EQ(readAll(result.movedAsidePath), damaged);
    EXPECT_EQ(readAll(result.movedAsidePath + u"-wal"_s), wal) << "the WAL was not kept with it";
    EXPECT_EQ(store->sampleCount(), 0) << "the old WAL was replayed into the new file";
}
