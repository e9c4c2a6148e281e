// HistoryWriter on its worker thread: its own connection, one transaction per poll, dedupe
// across polls, the throttled snapshot, maintenance. Also the informal scale figures.
#include "historytestdata.h"
#include "storage/historystore.h"
#include "storage/historywriter.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QMutex>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <cstdio>

using namespace prego;
using namespace prego::test;
using namespace Qt::StringLiterals;

namespace {
// Collects Qt's warnings; Qt Sql says "does not belong to the calling thread" when a connection
// is used from a thread other than its own.
QMutex g_messagesMutex;
QStringList g_messages;
QtMessageHandler g_previousHandler = nullptr;

void collect(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_messagesMutex);
        g_messages.append(message);
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

class HistoryWriterTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        {
            QMutexLocker lock(&g_messagesMutex);
            g_messages.clear();
        }
        g_previousHandler = qInstallMessageHandler(collect);
        path = HistoryStore::pathFor(dir.path(), u"demo"_s);
    }

    void TearDown() override
    {
        if (writer) {
            QMetaObject::invokeMethod(writer, &HistoryWriter::close, Qt::BlockingQueuedConnection);
            thread.quit();
            thread.wait();
        }
        qInstallMessageHandler(g_previousHandler);
    }

    void startWriter(HistoryWriter::Options options = {})
    {
        writer = new HistoryWriter(path, options, [this] { return wallNow; });
        writer->moveToThread(&thread);
        QObject::connect(&thread, &QThread::finished, writer, &QObject::deleteLater);
        // Direct connections: these run on the writer's thread, which is what they record.
        QObject::connect(
            writer, &HistoryWriter::ingested, writer,
            [this](const HistoryIngestResult &r, qint64 us) {
                QMutexLocker lock(&m_mutex);
                results.append(r);
                elapsedUs.append(us);
                ingestThreads.append(QThread::currentThread());
                writerConnection = writer->connectionName();
            },
            Qt::DirectConnection);
        thread.start();
    }

    HistoryIngestResult ingest(const NodesSnapshot &snapshot)
    {
        QMetaObject::invokeMethod(
            writer, [this, snapshot] { writer->ingest(snapshot); }, Qt::BlockingQueuedConnection);
        QMutexLocker lock(&m_mutex);
        return results.last();
    }

    QStringList threadWarnings() const
    {
        QMutexLocker lock(&g_messagesMutex);
        return g_messages.filter(u"thread"_s);
    }

    QTemporaryDir dir;
    QString path;
    QThread thread;
    HistoryWriter *writer = nullptr;
    qint64 wallNow = T0;
    QMutex m_mutex;
    QList<HistoryIngestResult> results;
    QList<qint64> elapsedUs;
    QList<QThread *> ingestThreads;
    QString writerConnection;
};
} // namespace

TEST_F(HistoryWriterTest, TheWorkerUsesOnlyItsOwnConnection)
{
    // The UI thread's own connection to the same file, open the whole time.
    HistoryStore ui(HistoryStore::connectionNameForThisThread(u"ui"_s));
    ASSERT_TRUE(ui.open(path).ok);

    startWriter();
    ingest(fleet(20, T0 + Min, T0));
    ingest(fleet(20, T0 + 2 * Min, T0 + Min));

    ASSERT_EQ(ingestThreads.size(), 2);
    for (QThread *t : ingestThreads) {
        EXPECT_EQ(t, &thread);
        EXPECT_NE(t, QThread::currentThread());
    }
    ASSERT_FALSE(writerConnection.isEmpty());
    EXPECT_NE(writerConnection, ui.connectionName());
    EXPECT_TRUE(threadWarnings().isEmpty()) << threadWarnings().join(u'\n').toStdString();

    // The writer's connection really belongs to the worker: from here, Qt refuses to hand it out.
    EXPECT_TRUE(QSqlDatabase::contains(writerConnection));
    EXPECT_FALSE(QSqlDatabase::database(writerConnection, false).isValid());
    EXPECT_FALSE(threadWarnings().isEmpty()); // ...and says why, which proves the check is live

    // What the worker wrote, the UI thread's connection reads (WAL: readers see commits).
    EXPECT_EQ(ui.sampleCount(), 40);
    EXPECT_EQ(ui.samples(u"node-00003"_s, 0, T0 * 2).size(), 2);
}

TEST_F(HistoryWriterTest, OnlyChangedUpdatedAtIsOfferedAndOneTransactionPerPoll)
{
    startWriter();
    HistoryIngestResult r = ingest(fleet(10, T0 + Min, T0));
    EXPECT_EQ(r.offered, 10);
    EXPECT_EQ(r.inserted, 10);
    r = ingest(fleet(10, T0 + Min + 15 * Sec, T0)); // the next poll, nobody pushed
    EXPECT_EQ(r.offered, 0);
    NodesSnapshot mixed = fleet(10, T0 + 2 * Min, T0);
    mixed.nodes[4].metrics->updatedAtMs = T0 + Min + 4;
    mixed.nodes[5].metrics.reset(); // a node that has never pushed is not a sample
    r = ingest(mixed);
    EXPECT_EQ(r.offered, 1);
    EXPECT_EQ(r.inserted, 1);

    // A second writer (a restart) does not know what was stored: the database dedupes.
    QMetaObject::invokeMethod(writer, &HistoryWriter::close, Qt::BlockingQueuedConnection);
    r = ingest(fleet(10, T0 + 3 * Min, T0));
    EXPECT_EQ(r.offered, 10);
    EXPECT_EQ(r.inserted, 0);
}

TEST_F(HistoryWriterTest, TheSnapshotIsStoredAtOnceThenThrottled)
{
    HistoryWriter::Options options;
    options.snapshotEveryMs = 60 * Sec;
    startWriter(options);
    EXPECT_TRUE(ingest(fleet(3, T0 + Min, T0)).snapshotStored);
    wallNow += 15 * Sec;
    EXPECT_FALSE(ingest(fleet(3, T0 + Min + 15 * Sec, T0 + Min)).snapshotStored);
    wallNow += 60 * Sec;
    EXPECT_TRUE(ingest(fleet(4, T0 + 2 * Min + 15 * Sec, T0 + 2 * Min)).snapshotStored);

    HistoryStore reader(HistoryStore::connectionNameForThisThread(u"reader"_s));
    ASSERT_TRUE(reader.open(path).ok);
    const auto last = reader.lastSnapshot();
    ASSERT_TRUE(last.has_value());
    EXPECT_EQ(last->snapshot.nodes.size(), 4);
    EXPECT_EQ(last->storedAtMs, wallNow);
}

TEST_F(HistoryWriterTest, RollsUpWhenASlotClosesAndReportsOpening)
{
    startWriter();
    QSignalSpy opened(writer, &HistoryWriter::opened);
    QSignalSpy maintained(writer, &HistoryWriter::maintained);
    for (int m = 1; m <= 12; ++m)
        ingest(fleet(5, T0 + m * Min + Sec, T0 + m * Min));
    QCoreApplication::processEvents(); // deliver the queued signals to the spies
    ASSERT_EQ(opened.size(), 1);
    EXPECT_TRUE(opened.first().first().value<HistoryOpenResult>().ok);
    EXPECT_GE(maintained.size(), 2); // slots ending at T0+5m and T0+10m closed

    HistoryStore reader(HistoryStore::connectionNameForThisThread(u"reader"_s));
    ASSERT_TRUE(reader.open(path).ok);
    EXPECT_EQ(reader.rolledUpUntilMs(), T0 + 10 * Min);
    const auto rollups = reader.rollups(u"node-00000"_s, 0, T0 * 2);
    ASSERT_EQ(rollups.size(), 2);
    EXPECT_EQ(rollups.at(0).pushes, 4); // minutes 1–4
    EXPECT_EQ(rollups.at(1).pushes, 5); // minutes 5–9
}

// Issue 8's figures, measured informally on whatever machine runs the tests (shared CI cores:
// the assertions leave a wide margin; the printed numbers are what to look at).
TEST_F(HistoryWriterTest, ScaleFigures)
{
    constexpr int Nodes = 10000;
    constexpr int Polls = 30; // 30 pushes per node, one minute apart
    startWriter();
    for (int p = 1; p <= Polls; ++p)
        ingest(fleet(Nodes, T0 + p * Min + 5 * Sec, T0 + p * Min));
    qint64 best = std::numeric_limits<qint64>::max(), worst = 0;
    for (qsizetype i = 1; i < elapsedUs.size(); ++i) { // the first one also creates the nodes
        best = std::min(best, elapsedUs.at(i));
        worst = std::max(worst, elapsedUs.at(i));
    }
    ASSERT_EQ(results.last().inserted, Nodes);
    QMetaObject::invokeMethod(writer, &HistoryWriter::close, Qt::BlockingQueuedConnection);

    // Bytes per sample: the whole file (checkpointed) over the raw samples in it.
    HistoryStore reader(HistoryStore::connectionNameForThisThread(u"reader"_s));
    ASSERT_TRUE(reader.open(path).ok);
    const qint64 samples = reader.sampleCount();
    QSqlQuery q(QSqlDatabase::database(reader.connectionName()));
    ASSERT_TRUE(q.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s));
    q.finish();
    const double bytesPerSample = double(QFileInfo(path).size()) / double(samples);
    // The raw tables alone (SQLite's dbstat, when the library has it).
    double tableBytes = -1;
    if (q.exec(u"SELECT sum(pgsize) FROM dbstat WHERE name IN ('recent', 'blocks')"_s) && q.next())
        tableBytes = q.value(0).toDouble();
    q.finish();

    // The heatmap's input for the whole fleet over what is stored (30 minutes here).
    QElapsedTimer slotsTimer;
    slotsTimer.start();
    const auto fleetSlots = reader.pushSlots(T0, T0 + Hour);
    const qint64 slotsUs = slotsTimer.nsecsElapsed() / 1000;
    qint64 slotRows = 0;
    for (const QList<PushSlot> &slots : fleetSlots)
        slotRows += slots.size();
    EXPECT_EQ(fleetSlots.size(), Nodes);

    // One node, 30 days at one push a minute, for the read figures.
    QList<HistorySample> month;
    const qint64 now = T0 + 31 * Day;
    for (qint64 t = now - 30 * Day; t < now; t += Min)
        month.append(sample(u"zz-reader"_s, t, double(t / Min % 100)));
    ASSERT_TRUE(reader.ingest(month).error.isEmpty());
    ASSERT_GT(reader.rollUp(now), 0);
    // Best of five: the first read also warms SQLite's page cache.
    HistorySeries day, thirty;
    qint64 dayUs = std::numeric_limits<qint64>::max(), monthUs = dayUs;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer timer;
        timer.start();
        day = reader.series(u"zz-reader"_s, now - Day, now);
        dayUs = std::min(dayUs, timer.nsecsElapsed() / 1000);
        timer.restart();
        thirty = reader.series(u"zz-reader"_s, now - 30 * Day, now);
        monthUs = std::min(monthUs, timer.nsecsElapsed() / 1000);
    }
    EXPECT_EQ(day.samples.size(), 1440);
    EXPECT_TRUE(thirty.fromRollups);

    std::printf("[ figures  ] ingest of %d new samples per poll: best %.1f ms, worst %.1f ms\n"
                "[ figures  ] %.1f bytes per raw sample (file %lld bytes, %lld samples); "
                "recent and blocks tables alone %.1f bytes per sample\n"
                "[ figures  ] read one node: 24 h (%lld raw) %.2f ms; 30 d (%lld points) %.2f ms\n",
                Nodes, best / 1000.0, worst / 1000.0, bytesPerSample, QFileInfo(path).size(),
                samples, tableBytes / double(samples), qlonglong(day.samples.size()),
                dayUs / 1000.0, qlonglong(thirty.samples.size()), monthUs / 1000.0);
    std::printf("[ figures  ] heatmap input: %lld node-slots for %d nodes in %.1f ms\n", slotRows,
                Nodes, slotsUs / 1000.0);
    RecordProperty("ingest_best_ms", int(best / 1000));
    RecordProperty("bytes_per_sample", int(bytesPerSample));
    // Times are printed, not asserted (a sanitizer build on a busy machine is not a benchmark:
    // bench/bench_console and the instruction-count guards measure them). Size does not depend
    // on the machine.
    EXPECT_LT(bytesPerSample, 100);
}
