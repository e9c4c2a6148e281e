// Alerts on disk: real SQLite files in temporary directories. A restart resumes every window
// exactly, the history keeps 7 days, a file that is not ours is refused and left as it was, and
// the console's monitor answers on its owner's thread.
#include "alerttestdata.h"
#include "domain/alertrulescodec.h"
#include "storage/alertmonitor.h"
#include "storage/alertsession.h"
#include "storage/alertstore.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

using namespace prego;
using namespace prego::test;
using namespace Qt::StringLiterals;

namespace {

qint64 minute(double m)
{
    return AlertT0 + qint64(m * Minute);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

class AlertStoreTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }
    QString path() const { return m_dir.filePath(u"alerts-demo.sqlite"_s); }

    // One console run: an engine restored from the file, fed polls, saving what changed.
    struct Run
    {
        explicit Run(const QString &path)
            : store(path)
        {
            const QString error = store.open();
            EXPECT_TRUE(error.isEmpty()) << error.toStdString();
            engine.setRules(store.loadRules().rules);
            const AlertStore::StoredTracks stored = store.loadTracks();
            EXPECT_TRUE(stored.error.isEmpty()) << stored.error.toStdString();
            engine.restore(stored.tracks);
        }
        QList<AlertTransition> poll(const NodesSnapshot &snapshot)
        {
            const AlertEvaluation e = engine.evaluate(snapshot, StaleSeconds);
            const QString error = store.save(e, snapshot.serverTimeMs);
            EXPECT_TRUE(error.isEmpty()) << error.toStdString();
            return e.transitions;
        }
        AlertStore store;
        AlertEngine engine;
    };

    QTemporaryDir m_dir;
    AlertFleet fleet;
};

TEST_F(AlertStoreTest, ARestartMidWindowFiresAtTheOriginalWindowsEnd)
{
    fleet.add(u"web-1"_s);
    {
        Run a(path());
        for (int m = 0; m <= 6; ++m) {
            fleet.push(u"web-1"_s, minute(m), 93);
            a.poll(fleet.poll(minute(m) + Second));
        }
        ASSERT_EQ(a.engine.alert(u"web-1/cpu"_s)->state, AlertState::Pending);
    } // saved and gone
    Run b(path());
    ASSERT_TRUE(b.engine.alert(u"web-1/cpu"_s));
    EXPECT_EQ(b.engine.alert(u"web-1/cpu"_s)->sinceMs, minute(0));
    for (int m = 7; m < 10; ++m) {
        fleet.push(u"web-1"_s, minute(m), 93);
        EXPECT_TRUE(b.poll(fleet.poll(minute(m) + Second)).isEmpty());
    }
    fleet.push(u"web-1"_s, minute(10), 93);
    const QList<AlertTransition> t = b.poll(fleet.poll(minute(10) + Second));
    ASSERT_EQ(t.size(), 1);
    EXPECT_EQ(t.first().to, AlertState::Firing);
    EXPECT_EQ(t.first().atMs, minute(10)); // minute 10 of the original window
    // The history has the firing, from the window both runs saw.
    const QList<AlertTransition> history = b.store.history(minute(0));
    ASSERT_EQ(history.size(), 1);
    EXPECT_EQ(history[0].from, AlertState::Pending);
    EXPECT_EQ(history[0].to, AlertState::Firing);
}

TEST_F(AlertStoreTest, EveryTrackAndAcknowledgementIsRestoredExactly)
{
    fleet.add(u"a"_s);
    fleet.add(u"b"_s).placement = u"dedicated"_s;
    fleet.add(u"never"_s);
    QList<AlertTrack> before;
    {
        Run a(path());
        for (int m = 0; m <= 11; ++m) {
            fleet.push(u"a"_s, minute(m), m < 11 ? 95 : 40, 91.25, 86); // a clears from 11
            if (m <= 10)
                fleet.push(u"b"_s, minute(m), 99);
            a.poll(fleet.poll(minute(m) + Second));
        }
        for (int m = 12; m <= 17; ++m) { // b goes silent: unknown
            fleet.push(u"a"_s, minute(m), 40, 91.25, 86);
            a.poll(fleet.poll(minute(m) + Second));
        }
        ASSERT_EQ(a.engine.alert(u"b/cpu"_s)->state, AlertState::Unknown);
        ASSERT_TRUE(a.engine.acknowledge(u"b/cpu"_s, {u"kim"_s, minute(17), u"rebooting"_s}));
        ASSERT_TRUE(a.store.saveTrack(*a.engine.track(u"b/cpu"_s)).isEmpty());
        before = a.engine.tracks();
        ASSERT_GE(before.size(), 5); // a: cpu, memory, disk; b: cpu; never: freshness
    }
    Run b(path());
    QList<AlertTrack> after = b.engine.tracks();
    const auto byKey = [](const AlertTrack &x, const AlertTrack &y) {
        return x.alert.key() < y.alert.key();
    };
    std::sort(before.begin(), before.end(), byKey);
    std::sort(after.begin(), after.end(), byKey);
    EXPECT_EQ(after, before);
}

TEST_F(AlertStoreTest, HistoryIsKeptForSevenDaysThenPruned)
{
    fleet.add(u"a"_s).placement = u"dedicated"_s;
    Run run(path());
    // A firing and a resolve every day for nine days.
    for (int day = 0; day < 9; ++day) {
        const double start = day * 24 * 60;
        for (int m = 0; m <= 10; ++m) {
            fleet.push(u"a"_s, minute(start + m), 95);
            run.poll(fleet.poll(minute(start + m)));
        }
        for (int m = 11; m <= 21; ++m) {
            fleet.push(u"a"_s, minute(start + m), 10);
            run.poll(fleet.poll(minute(start + m)));
        }
    }
    const qint64 now = minute(8 * 24 * 60 + 21);
    const QList<AlertTransition> history = run.store.history(0);
    ASSERT_FALSE(history.isEmpty());
    // Newest first, nothing older than 7 days before the last save.
    EXPECT_EQ(history.first().atMs, now);
    EXPECT_EQ(history.first().to, AlertState::Resolved);
    for (qsizetype i = 1; i < history.size(); ++i)
        EXPECT_GE(history[i - 1].atMs, history[i].atMs);
    EXPECT_GE(history.last().atMs, now - AlertStore::HistoryRetentionMs);
    // Days 2..8 are whole (firing and resolved each); day 1's resolve is just inside; day 0 is
    // gone.
    EXPECT_EQ(history.size(), 7 * 2 + 1);
    EXPECT_EQ(run.store.history(now - 60 * Minute).size(), 2);
    EXPECT_EQ(run.store.history(0, 2).size(), 2);
}

TEST_F(AlertStoreTest, APendingAlertFlappingWithoutFiringLeavesNoHistory)
{
    fleet.add(u"a"_s);
    Run run(path());
    int transitions = 0;
    for (int m = 0; m < 100; ++m) {
        fleet.push(u"a"_s, minute(m), m % 2 ? 88 : 91);
        transitions += int(run.poll(fleet.poll(minute(m))).size());
    }
    EXPECT_EQ(transitions, 100); // began, ended, began, … : each reaches the caller
    EXPECT_TRUE(run.store.history(0).isEmpty());
}

TEST_F(AlertStoreTest, RulesAreSavedAndLoadedAndBadStoredRulesFallBackWithAnError)
{
    AlertRules rules;
    rules.cpu.threshold = 75;
    rules.nodeOverrides[u"web-1"_s][AlertRule::Disk].enabled = false;
    {
        AlertStore store(path());
        ASSERT_TRUE(store.open().isEmpty());
        const AlertStore::StoredRules none = store.loadRules();
        EXPECT_FALSE(none.stored);
        EXPECT_TRUE(none.error.isEmpty());
        EXPECT_EQ(none.rules, AlertRules{});
        ASSERT_TRUE(store.saveRules(rules, 1).isEmpty());
    }
    {
        AlertStore store(path());
        ASSERT_TRUE(store.open().isEmpty());
        const AlertStore::StoredRules loaded = store.loadRules();
        EXPECT_TRUE(loaded.stored);
        EXPECT_EQ(loaded.rules, rules);
    }
    // Damaged from outside: the defaults apply, the row stays for someone to look at.
    const QString conn = u"alert-rules-damage"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, conn);
        db.setDatabaseName(path());
        ASSERT_TRUE(db.open());
        QSqlQuery q(db);
        ASSERT_TRUE(q.exec(u"UPDATE rules SET json = '{\"cpu\": {\"threshold\": 180}}'"_s));
    }
    QSqlDatabase::removeDatabase(conn);
    AlertSession session(path());
    const QString problem = session.open();
    EXPECT_TRUE(session.isPersistent());
    EXPECT_TRUE(problem.contains(u"default rules apply"_s)) << problem.toStdString();
    EXPECT_TRUE(problem.contains(u"cpu.threshold"_s)) << problem.toStdString();
    EXPECT_EQ(session.rules(), AlertRules{});
    AlertStore store(path());
    ASSERT_TRUE(store.open().isEmpty());
    EXPECT_FALSE(store.loadRules().stored);
    // Invalid rules from a dialog change nothing, on disk or in force.
    AlertRules invalid;
    invalid.memory.clearMargin = 70;
    EXPECT_TRUE(session.setRules(invalid, 2).contains(u"memory.clear_margin"_s));
    EXPECT_EQ(session.rules(), AlertRules{});
    EXPECT_TRUE(session.setRules(rules, 3).isEmpty());
    EXPECT_EQ(store.loadRules().rules, rules);
}

TEST_F(AlertStoreTest, AFileThatIsNotAnAlertsDatabaseIsRefusedAndLeftUntouched)
{
    // Not SQLite at all.
    const QByteArray text = "node,cpu\nweb-1,93\n";
    {
        QFile f(path());
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(text);
    }
    AlertStore store(path());
    const QString error = store.open();
    EXPECT_TRUE(error.contains(u"is not an alerts database"_s)) << error.toStdString();
    EXPECT_TRUE(error.contains(path()));
    EXPECT_FALSE(store.isOpen());
    EXPECT_EQ(readAll(path()), text);

    // Another program's SQLite file, e.g. the history database picked by mistake.
    const QString other = m_dir.filePath(u"other.sqlite"_s);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"foreign"_s);
        db.setDatabaseName(other);
        ASSERT_TRUE(db.open());
        QSqlQuery q(db);
        ASSERT_TRUE(q.exec(u"CREATE TABLE samples(node_id TEXT, cpu REAL)"_s));
        ASSERT_TRUE(q.exec(u"INSERT INTO samples VALUES('web-1', 93)"_s));
    }
    QSqlDatabase::removeDatabase(u"foreign"_s);
    const QByteArray foreign = readAll(other);
    AlertSession session(other);
    EXPECT_TRUE(session.open().contains(u"is not an alerts database"_s));
    EXPECT_FALSE(session.isPersistent());
    EXPECT_EQ(readAll(other), foreign);
    EXPECT_FALSE(QFile::exists(other + u"-wal"_s));
    // prego-ctl refuses to evaluate on it rather than show windows that never filled.
    fleet.add(u"web-1"_s);
    fleet.push(u"web-1"_s, minute(0), 99);
    const AlertSession::OneShot once =
        AlertSession::evaluateOnce(other, fleet.poll(minute(0)), StaleSeconds);
    EXPECT_TRUE(once.error.contains(u"is not an alerts database"_s));
    EXPECT_EQ(readAll(other), foreign);
}

TEST_F(AlertStoreTest, ADamagedAlertsDatabaseIsRefusedAndLeftUntouched)
{
    // Enough history for a file of many pages: 200 nodes firing and resolving for 100 minutes.
    for (int n = 0; n < 200; ++n)
        fleet.add(u"n-%1"_s.arg(n));
    {
        Run run(path());
        for (int m = 0; m < 100; ++m) {
            for (int n = 0; n < 200; ++n)
                fleet.push(u"n-%1"_s.arg(n), minute(m), (m + n) % 22 < 11 ? 95 : 10);
            run.poll(fleet.poll(minute(m)));
        }
    }
    QByteArray bytes = readAll(path());
    ASSERT_GT(bytes.size(), 4 * 4096);
    for (qsizetype i = 2 * 4096; i < 3 * 4096; ++i) // page 3: garbage
        bytes[i] = char(0xA5);
    {
        QFile f(path());
        ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(bytes);
    }
    AlertStore store(path());
    const QString error = store.open();
    EXPECT_TRUE(error.contains(u"is damaged"_s)) << error.toStdString();
    EXPECT_FALSE(store.isOpen());
    EXPECT_EQ(readAll(path()), bytes);
}

TEST_F(AlertStoreTest, AFileFromANewerConsoleIsRefused)
{
    {
        AlertStore store(path());
        ASSERT_TRUE(store.open().isEmpty());
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"newer"_s);
        db.setDatabaseName(path());
        ASSERT_TRUE(db.open());
        QSqlQuery(db).exec(u"PRAGMA user_version = 7"_s);
    }
    QSqlDatabase::removeDatabase(u"newer"_s);
    AlertStore store(path());
    EXPECT_TRUE(store.open().contains(u"newer version (schema 7)"_s));
}

TEST_F(AlertStoreTest, PregoCtlOneShotsContinueTheConsolesWindowsAndShareAcknowledgements)
{
    fleet.add(u"web-1"_s);
    // prego-ctl run from cron every minute: each run opens, evaluates one poll, saves, exits.
    for (int m = 0; m < 10; ++m) {
        fleet.push(u"web-1"_s, minute(m), 92);
        const AlertSession::OneShot once =
            AlertSession::evaluateOnce(path(), fleet.poll(minute(m) + Second), StaleSeconds);
        ASSERT_TRUE(once.error.isEmpty()) << once.error.toStdString();
        ASSERT_EQ(once.current.size(), 1);
        EXPECT_EQ(once.current.first().state, AlertState::Pending);
    }
    fleet.push(u"web-1"_s, minute(10), 92);
    const AlertSession::OneShot fired =
        AlertSession::evaluateOnce(path(), fleet.poll(minute(10) + Second), StaleSeconds);
    ASSERT_EQ(fired.current.size(), 1);
    EXPECT_EQ(fired.current.first().state, AlertState::Firing);
    EXPECT_EQ(fired.current.first().firingSinceMs, minute(10));
    ASSERT_EQ(fired.transitions.size(), 1);

    // The console has the same file open; prego-ctl acknowledges meanwhile.
    AlertSession console(path());
    ASSERT_TRUE(console.open().isEmpty());
    {
        AlertSession ctl(path());
        ASSERT_TRUE(ctl.open().isEmpty());
        EXPECT_TRUE(
            ctl.acknowledge(u"web-1/cpu"_s, {u"ops"_s, minute(10.5), u"scaling"_s}).isEmpty());
        EXPECT_FALSE(ctl.acknowledge(u"web-1/disk"_s, {u"ops"_s, minute(10.5), {}}).isEmpty());
    }
    fleet.push(u"web-1"_s, minute(11), 92);
    const AlertSession::Observed observed = console.observe(fleet.poll(minute(11)), StaleSeconds);
    EXPECT_TRUE(observed.error.isEmpty());
    ASSERT_EQ(console.current().size(), 1);
    ASSERT_TRUE(console.current().first().ack);
    EXPECT_EQ(console.current().first().ack->comment, u"scaling"_s);
    // The console's next write keeps the acknowledgement on disk too.
    AlertSession later(path());
    ASSERT_TRUE(later.open().isEmpty());
    ASSERT_TRUE(later.current().first().ack);
}

TEST_F(AlertStoreTest, AnUnusableFileStillLeavesAlertsWorkingInMemory)
{
    {
        QFile f(path());
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("not a database");
    }
    AlertSession session(path());
    EXPECT_FALSE(session.open().isEmpty());
    fleet.add(u"a"_s);
    for (int m = 0; m <= 10; ++m) {
        fleet.push(u"a"_s, minute(m), 95);
        session.observe(fleet.poll(minute(m)), StaleSeconds);
    }
    ASSERT_EQ(session.current().size(), 1);
    EXPECT_EQ(session.current().first().state, AlertState::Firing);
    const QList<AlertTransition> history = session.history(0);
    ASSERT_EQ(history.size(), 1);
    EXPECT_EQ(history.first().to, AlertState::Firing);
    EXPECT_EQ(readAll(path()), QByteArray("not a database"));
}

TEST_F(AlertStoreTest, TheMonitorEvaluatesOnItsThreadAndAnswersOnTheOwnersThread)
{
    fleet.add(u"web-1"_s);
    auto monitor = std::make_unique<AlertMonitor>();
    QSignalSpy opened(monitor.get(), &AlertMonitor::opened);
    QSignalSpy updated(monitor.get(), &AlertMonitor::alertsUpdated);
    QSignalSpy history(monitor.get(), &AlertMonitor::historyLoaded);
    QSignalSpy rules(monitor.get(), &AlertMonitor::rulesLoaded);
    QSignalSpy failed(monitor.get(), &AlertMonitor::failed);
    QList<Qt::HANDLE> emittedOn;
    QObject::connect(monitor.get(), &AlertMonitor::alertsUpdated, monitor.get(),
                     [&] { emittedOn.append(QThread::currentThreadId()); });

    monitor->open(path());
    for (int m = 0; m <= 10; ++m) {
        fleet.push(u"web-1"_s, minute(m), 95);
        monitor->observe(std::make_shared<const NodesSnapshot>(fleet.poll(minute(m))),
                         StaleSeconds);
    }
    ASSERT_TRUE(opened.wait(10000) || opened.size() == 1);
    EXPECT_EQ(opened.first().first().toString(), QString());
    // Open's restored state, then one update per poll that changed something.
    while (updated.size() < 12)
        ASSERT_TRUE(updated.wait(10000)) << "updates so far: " << updated.size();
    const auto current = updated.last().at(0).value<QList<Alert>>();
    const auto transitions = updated.last().at(1).value<QList<AlertTransition>>();
    ASSERT_EQ(current.size(), 1);
    EXPECT_EQ(current.first().state, AlertState::Firing);
    ASSERT_EQ(transitions.size(), 1);
    EXPECT_EQ(transitions.first().to, AlertState::Firing);
    for (Qt::HANDLE thread : std::as_const(emittedOn))
        EXPECT_EQ(thread, QThread::currentThreadId());
    EXPECT_EQ(rules.size(), 1);

    monitor->acknowledge(u"web-1/cpu"_s, {u"kim"_s, minute(11), u"on it"_s});
    ASSERT_TRUE(updated.wait(10000));
    ASSERT_TRUE(updated.last().at(0).value<QList<Alert>>().first().ack);

    monitor->requestHistory(0);
    ASSERT_TRUE(history.wait(10000));
    const auto transitionsSoFar = history.first().first().value<QList<AlertTransition>>();
    ASSERT_EQ(transitionsSoFar.size(), 1);
    EXPECT_EQ(transitionsSoFar.first().to, AlertState::Firing);

    AlertRules invalid;
    invalid.cpu.threshold = -5;
    monitor->setRules(invalid);
    ASSERT_TRUE(failed.wait(10000));
    EXPECT_TRUE(failed.first().first().toString().contains(u"cpu.threshold"_s));
    // Valid rules apply to the last poll at once: CPU off resolves the alert.
    AlertRules off;
    off.cpu.enabled = false;
    const qsizetype updates = updated.size();
    monitor->setRules(off);
    ASSERT_TRUE(rules.wait(10000));
    EXPECT_EQ(rules.last().first().value<AlertRules>(), off);
    ASSERT_EQ(updated.size(), updates + 1); // emitted right after rulesLoaded
    EXPECT_TRUE(updated.last().at(0).value<QList<Alert>>().isEmpty());
    EXPECT_EQ(updated.last().at(1).value<QList<AlertTransition>>().first().detail, u"disabled"_s);

    // Posted work is finished before the thread stops: this last poll is on disk.
    fleet.push(u"web-1"_s, minute(12), 10, 95);
    monitor->observe(std::make_shared<const NodesSnapshot>(fleet.poll(minute(12))), StaleSeconds);
    monitor.reset();
    AlertStore store(path());
    ASSERT_TRUE(store.open().isEmpty());
    EXPECT_EQ(store.loadRules().rules, off);
    const QList<AlertTrack> tracks = store.loadTracks().tracks;
    ASSERT_EQ(tracks.size(), 1);
    EXPECT_EQ(tracks.first().alert.key(), u"web-1/memory"_s);
    EXPECT_EQ(store.history(0).first().detail, u"disabled"_s);
}

} // namespace
