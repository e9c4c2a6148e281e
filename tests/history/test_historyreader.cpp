// HistoryReader answers on its own thread with its own connection.
#include "historytestdata.h"
#include "storage/historyreader.h"
#include "storage/historystore.h"

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

using namespace prego;
using namespace prego::test;
using namespace Qt::StringLiterals;

namespace {
class HistoryReaderTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        path = HistoryStore::pathFor(dir.path(), u"demo"_s);
        reader = new HistoryReader(path);
        reader->moveToThread(&thread);
        QObject::connect(&thread, &QThread::finished, reader, &QObject::deleteLater);
        thread.start();
    }

    void TearDown() override
    {
        QMetaObject::invokeMethod(reader, &HistoryReader::close, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    }

    template<typename F> void call(F f)
    {
        QMetaObject::invokeMethod(reader, f, Qt::BlockingQueuedConnection);
    }

    QTemporaryDir dir;
    QString path;
    QThread thread;
    HistoryReader *reader = nullptr;
};
} // namespace

TEST_F(HistoryReaderTest, NoFileYetGivesEmptyAnswersNotErrors)
{
    QSignalSpy snapshots(reader, &HistoryReader::lastSnapshotRead);
    QSignalSpy failures(reader, &HistoryReader::failed);
    call([this] { reader->requestLastSnapshot(7); });
    ASSERT_EQ(snapshots.size(), 1);
    EXPECT_EQ(snapshots.first().at(0).toInt(), 7);
    EXPECT_FALSE(snapshots.first().at(1).value<std::optional<StoredSnapshot>>().has_value());
    EXPECT_TRUE(failures.isEmpty());
}

// The writer creates the file and its schema; a reader that comes first (the console asks for the
// stored snapshot at once) must neither prepare it too (both would wait on each other's locks)
// nor call a file still being prepared an error. Seen as ten-second stalls of the first ingest.
TEST_F(HistoryReaderTest, AFileTheWriterHasNotPreparedYetIsLeftAloneAndNotAnError)
{
    {
        QFile empty(path); // what the writer's open leaves for a moment
        ASSERT_TRUE(empty.open(QIODevice::WriteOnly));
    }
    QSignalSpy snapshots(reader, &HistoryReader::lastSnapshotRead);
    QSignalSpy failures(reader, &HistoryReader::failed);
    call([this] { reader->requestLastSnapshot(1); });
    ASSERT_EQ(snapshots.size(), 1);
    EXPECT_FALSE(snapshots.first().at(1).value<std::optional<StoredSnapshot>>().has_value());
    EXPECT_TRUE(failures.isEmpty());
    EXPECT_EQ(QFileInfo(path).size(), 0) << "the reader wrote into the writer's file";
    EXPECT_FALSE(QFileInfo::exists(path + u"-wal"_s)) << "the reader switched the journal mode";

    // Once the writer has prepared it, the next request reads it.
    {
        HistoryStore writer(HistoryStore::connectionNameForThisThread(u"test-writer"_s));
        ASSERT_TRUE(writer.open(path).ok);
        NodesSnapshot s;
        s.serverTimeMs = T0;
        ASSERT_TRUE(writer.ingest({sample(u"n1"_s, T0, 10.0)}, &s, T0).error.isEmpty());
        call([this] { reader->requestLastSnapshot(2); });
    }
    ASSERT_EQ(snapshots.size(), 2);
    EXPECT_TRUE(snapshots.at(1).at(1).value<std::optional<StoredSnapshot>>().has_value());
    EXPECT_TRUE(failures.isEmpty());
}

TEST_F(HistoryReaderTest, AnswersSeriesHeatmapAndSnapshotFromItsThread)
{
    const qint64 now = T0 + Day;
    {
        HistoryStore writer(u"reader-test-writer"_s);
        ASSERT_TRUE(writer.open(path).ok);
        QList<HistorySample> samples;
        for (qint64 t = now - Day + Min; t <= now; t += Min) {
            samples.append(sample(u"steady"_s, t, 10));
            if (t < now - 2 * Hour) // "gone" stopped two hours ago
                samples.append(sample(u"gone"_s, t, 20));
        }
        ASSERT_TRUE(writer.ingest(samples).error.isEmpty());
        writer.rollUp(now);
        const NodesSnapshot snap = fleet(2, now, now);
        ASSERT_TRUE(writer.ingest({}, &snap, 42).snapshotStored);
    }
    QThread *answeredOn = nullptr;
    QObject::connect(
        reader, &HistoryReader::seriesRead, reader, [&] { answeredOn = QThread::currentThread(); },
        Qt::DirectConnection);
    QSignalSpy series(reader, &HistoryReader::seriesRead);
    QSignalSpy heatmaps(reader, &HistoryReader::heatmapRead);
    QSignalSpy snapshots(reader, &HistoryReader::lastSnapshotRead);

    call([&] { reader->requestSeries(1, u"steady"_s, now - Hour, now + 1); });
    ASSERT_EQ(series.size(), 1);
    EXPECT_EQ(answeredOn, &thread);
    EXPECT_EQ(series.first().at(1).toString(), u"steady"_s);
    EXPECT_EQ(series.first().at(2).value<HistorySeries>().samples.size(), 61); // both ends

    call([&] { reader->requestHeatmap(2, now, 5 * Min); });
    ASSERT_EQ(heatmaps.size(), 1);
    const Heatmap map = heatmaps.first().at(1).value<Heatmap>();
    ASSERT_EQ(map.rows.size(), 2);
    EXPECT_EQ(map.rows.first().nodeId, u"gone"_s); // worst first
    // Two hours of 5-minute slots, plus the slot in progress (now is a slot boundary), which is
    // overdue rather than pending.
    EXPECT_EQ(map.rows.first().noPush, 25);
    EXPECT_EQ(map.rows.last().noPush, 0);

    call([&] { reader->requestLastSnapshot(3); });
    ASSERT_EQ(snapshots.size(), 1);
    const auto stored = snapshots.first().at(1).value<std::optional<StoredSnapshot>>();
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->storedAtMs, 42);
    EXPECT_EQ(stored->snapshot.nodes.size(), 2);
}
