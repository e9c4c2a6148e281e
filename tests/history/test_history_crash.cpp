// kill -9 while the history is written: after every kill the file passes PRAGMA quick_check and
// every poll the writer had reported committed is still readable through the real store.
//
// The writer is the real HistoryWriter on its worker thread inside prego-history-crashwriter
// (crashwriter_main.cpp), fed polls as fast as it can take them, 50 nodes each, a 5-minute slot
// closing on every poll and an hour on every sixth (roll-up and compaction into blocks). Every
// tenth kill lands in the start (open, quick_check), half at a random point of a maintenance
// (roll-up or compaction) the writer has just begun, the rest at a random moment of the writing.
// The seed is printed; PREGO_CRASH_SEED repeats a run, PREGO_CRASH_TRIALS changes the number of
// kills (default 100; 40 in the sanitizer build, where each kill costs three times as much) and
// PREGO_CRASH_VERBOSE prints each trial.
#include "historytestdata.h"
#include "storage/historystore.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <cstdio>

#include <sys/types.h>

using namespace prego;
using namespace prego::test;
using namespace Qt::StringLiterals;

namespace {
constexpr int Nodes = 50;
constexpr qint64 Step = 10 * Min; // as in crashwriter_main.cpp

QString nodeName(int i)
{
    return u"node-"_s + QString::number(i).rightJustified(5, u'0');
}

QString quickCheck(const QString &path, int serial)
{
    const QString name = u"crash-check-%1"_s.arg(serial);
    QString answer;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (!db.open())
            return u"open failed: "_s + db.lastError().text();
        QSqlQuery q(db);
        if (!q.exec(u"PRAGMA quick_check"_s))
            answer = u"query failed: "_s + q.lastError().text();
        else
            while (q.next())
                answer += q.value(0).toString();
    }
    QSqlDatabase::removeDatabase(name);
    return answer;
}

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok ? value : fallback;
}

// The polls (by index) whose samples are missing for some node, checked through the real store.
QList<qint64> missingPolls(HistoryStore &store, const QSet<qint64> &polls)
{
    if (polls.isEmpty())
        return {};
    const qint64 first = *std::min_element(polls.begin(), polls.end());
    const qint64 last = *std::max_element(polls.begin(), polls.end());
    QSet<qint64> missing;
    for (int n = 0; n < Nodes; ++n) {
        QSet<qint64> stored;
        const QList<HistorySample> samples =
            store.samples(nodeName(n), T0 + first * Step, T0 + (last + 1) * Step);
        for (const HistorySample &s : samples)
            stored.insert(s.updatedAtMs);
        for (qint64 poll : polls) {
            if (!stored.contains(T0 + poll * Step + n))
                missing.insert(poll);
        }
    }
    QList<qint64> out(missing.begin(), missing.end());
    std::sort(out.begin(), out.end());
    return out;
}
} // namespace

TEST(HistoryCrash, KillNineNeverLosesACommittedPollNorDamagesTheFile)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = HistoryStore::pathFor(dir.path(), u"crash"_s);
#ifdef PREGO_CRASH_DEFAULT_TRIALS
    const int trials = envInt("PREGO_CRASH_TRIALS", PREGO_CRASH_DEFAULT_TRIALS);
#else
    const int trials = envInt("PREGO_CRASH_TRIALS", 100);
#endif
    const quint32 seed = quint32(
        envInt("PREGO_CRASH_SEED", int(QRandomGenerator::system()->generate() & 0x7fffffff)));
    std::printf("[ crash    ] seed %u (PREGO_CRASH_SEED=%u repeats this run), %d trials\n", seed,
                seed, trials);
    QRandomGenerator random(seed);

    QSet<qint64> committed;
    qint64 nextPoll = 0;
    int killsInMaintenance = 0;
    int killsBeforeFirstCommit = 0;
    QElapsedTimer elapsed;
    elapsed.start();
    for (int trial = 0; trial < trials; ++trial) {
        QProcess writer;
        writer.setProcessChannelMode(QProcess::SeparateChannels);
        writer.start(QStringLiteral(PREGO_CRASHWRITER_BINARY),
                     {path, QString::number(nextPoll), QString::number(Nodes)});
        ASSERT_TRUE(writer.waitForStarted(10000)) << writer.errorString().toStdString();

        // Every tenth kill at a random moment of the start (opening, quick_check, the first
        // poll); half the kills just after a maintenance began (roll-up, every sixth one a
        // compaction); the rest at a random moment of the writing.
        const bool duringStart = trial % 10 == 0;
        const bool duringMaintenance = trial % 2 == 1;
        const int delayMs = int(random.bounded(150));
        const int maintenancesToWait = 1 + int(random.bounded(12));
        const int spinUs = int(random.bounded(1500));
        QByteArray out;
        auto waitForLines = [&](const QByteArray &prefix, int count) {
            QDeadlineTimer deadline(30000);
            const QByteArray needle = "\n" + prefix;
            int seen = 0;
            while (seen < count && !deadline.hasExpired()) {
                writer.waitForReadyRead(20);
                out += writer.readAllStandardOutput();
                seen = int(out.count(needle)) + (out.startsWith(prefix) ? 1 : 0);
            }
        };
        if (duringStart) {
            QThread::msleep(ulong(delayMs));
        } else if (duringMaintenance) {
            waitForLines("M ", maintenancesToWait);
            QThread::usleep(ulong(spinUs));
        } else {
            waitForLines("C ", 1);
            QThread::msleep(ulong(delayMs));
        }
        ::kill(pid_t(writer.processId()), SIGKILL);
        ASSERT_TRUE(writer.waitForFinished(10000));
        out += writer.readAllStandardOutput();
        const QByteArray err = writer.readAllStandardError();

        QSet<qint64> thisTrial;
        qint64 lastMaintenanceBegun = -1;
        qint64 lastMaintenanceEnded = -1;
        for (const QByteArray &line : out.split('\n')) {
            if (line.startsWith("C "))
                thisTrial.insert(line.mid(2).toLongLong());
            else if (line.startsWith("M "))
                lastMaintenanceBegun = line.mid(2).toLongLong();
            else if (line.startsWith("m "))
                lastMaintenanceEnded = line.mid(2).toLongLong();
            else if (line.startsWith("E "))
                ADD_FAILURE() << "trial " << trial << ": the writer reported "
                              << line.toStdString();
        }
        if (lastMaintenanceBegun >= 0 && lastMaintenanceBegun != lastMaintenanceEnded)
            ++killsInMaintenance;
        if (thisTrial.isEmpty())
            ++killsBeforeFirstCommit;

        const qint64 killedAtMs = elapsed.elapsed();
        // The file as the kill left it (WAL included): intact...
        const QString check = quickCheck(path, trial);
        ASSERT_EQ(check, u"ok"_s) << "trial " << trial << " (seed " << seed
                                  << "): " << check.toStdString()
                                  << "\nstderr: " << err.toStdString();
        // ...and the real store opens it without calling it damaged, with every reported poll.
        HistoryStoreOptions options;
        options.recoverCorrupt = false;
        options.rawRetentionMs = 3650 * Day;
        options.rollupRetentionMs = 3650 * Day;
        HistoryStore store(u"crash-store-%1"_s.arg(trial), options);
        const HistoryOpenResult opened = store.open(path);
        ASSERT_TRUE(opened.ok) << "trial " << trial << ": " << opened.error.toStdString();
        EXPECT_TRUE(opened.recoveryNotice.isEmpty());
        const QList<qint64> lost = missingPolls(store, thisTrial);
        ASSERT_TRUE(lost.isEmpty())
            << "trial " << trial << " (seed " << seed << "): " << lost.size()
            << " committed polls lost, first " << lost.first();
        if (qEnvironmentVariableIsSet("PREGO_CRASH_VERBOSE"))
            std::printf("[ crash    ] trial %d: %lld polls committed, checked in %lld ms\n", trial,
                        qint64(thisTrial.size()), elapsed.elapsed() - killedAtMs);
        committed.unite(thisTrial);
        for (qint64 poll : std::as_const(thisTrial))
            nextPoll = std::max(nextPoll, poll + 1);
    }

    // At the end, everything committed in every trial, across compactions of later trials.
    HistoryStoreOptions options;
    options.recoverCorrupt = false;
    HistoryStore store(u"crash-store-final"_s, options);
    ASSERT_TRUE(store.open(path).ok);
    EXPECT_TRUE(missingPolls(store, committed).isEmpty());
    // The kills met compaction too: most of what was committed now lives in hourly blocks.
    qint64 blocks = -1;
    {
        QSqlQuery q(QSqlDatabase::database(store.connectionName()));
        if (q.exec(u"SELECT count(*) FROM blocks"_s) && q.next())
            blocks = q.value(0).toLongLong();
    }
    EXPECT_GT(blocks, 0) << "no hour was ever compacted";
    EXPECT_GT(committed.size(), trials) << "the writer hardly wrote anything before the kills";
    std::printf("[ crash    ] %d kills (%d during a roll-up or compaction, %d before the first "
                "commit), %lld polls committed = %lld samples, all present (%lld compacted "
                "node-hour blocks); file %lld bytes; %.1f s\n",
                trials, killsInMaintenance, killsBeforeFirstCommit, qint64(committed.size()),
                qint64(committed.size()) * Nodes, blocks, QFileInfo(path).size(),
                double(elapsed.elapsed()) / 1000.0);
}
