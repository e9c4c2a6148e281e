// The whole console at fleet scale, as an operator has it: the real ConsoleApp, its window shown
// (offscreen), polling a real prego-cp-sim with N simulated nodes every 5 s.
//
//   bench_ui_stall NODES SECONDS
//
// prints
//  - the longest UI-thread task while it polls (a 5 ms precise timer on the UI thread; a gap
//    between two of its ticks longer than 5 ms is time the event loop was busy elsewhere), and
//    how many tasks took over 50 ms and over 100 ms;
//  - RSS with the dashboard and one node detail open on its 30-day range (that node has 30
//    days of one-minute samples in the history before the console starts);
//  - cold start: a new process with the history (and so the cached snapshot) the first run
//    left, the control plane unreachable, from QProcess::start to the dashboard painted with
//    the cached rows (the child prints its own time from main() too).
#include "consoleapp.h"
#include "dashboardview.h"
#include "mainwindow.h"
#include "nodedetailview.h"
#include "nodetablemodel.h"
#include "simprocess.h"
#include "storage/historystore.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <ctime>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using namespace prego;

namespace {

constexpr qint64 Minute = 60 * 1000;
const QString DetailNode = u"fsn1-shared-01"_s;

double rssMb()
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return -1;
}

Profile benchProfile(const QUrl &url)
{
    Profile p;
    p.name = u"bench"_s;
    p.baseUrl = url;
    p.pollIntervalSeconds = Profile::MinPollIntervalSeconds;
    return p;
}

void setUp(const QString &home)
{
    qputenv("XDG_DATA_HOME", QFile::encodeName(home + u"/data"_s));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(home + u"/config"_s));
    qputenv("XDG_STATE_HOME", QFile::encodeName(home + u"/state"_s));
    QApplication::setOrganizationName(u"prego-bench"_s);
    QApplication::setApplicationName(u"prego-console-bench"_s);
}

// 30 days of one-minute pushes for one node, written before the console opens the file.
bool fillMonth(qint64 nowMs)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    HistoryStore store(u"bench-fill"_s);
    if (!store.open(dir + u"/history-bench.sqlite"_s).ok)
        return false;
    QList<HistorySample> batch;
    const qint64 from = nowMs - 30LL * 24 * 60 * Minute;
    for (qint64 t = from, i = 0; t < nowMs - Minute; t += Minute, ++i) {
        batch.append({DetailNode, t, 20.0 + double(i % 600) / 10.0, 40.0 + double(i % 97) / 10.0,
                      30.0 + double(i) / 43200.0 * 10.0, qint64(i % 13)});
        if (batch.size() == 10000) {
            if (!store.ingest(batch).error.isEmpty())
                return false;
            batch.clear();
        }
    }
    return store.ingest(batch).error.isEmpty() && store.rollUp(nowMs) >= 0;
}

// Child: started with the history the parent left; the control plane is gone.
int coldStart(const QString &home, const QString &url, QElapsedTimer &sinceMain, int argc,
              char **argv)
{
    setUp(home);
    QApplication app(argc, argv);
    const qint64 appMs = sinceMain.elapsed();
    QSettings settings(home + u"/console.conf"_s, QSettings::IniFormat);
    QNetworkAccessManager nam;
    ConsoleApp console(settings, nullptr, &nam);
    console.window()->show();
    const qint64 windowMs = sinceMain.elapsed();
    QSignalSpy stored(console.window(), &MainWindow::storedSnapshotShown);
    console.connectWith(benchProfile(QUrl(url)), u"unused"_s, console.sessionStore());
    if (stored.isEmpty() && !stored.wait(10000)) {
        std::printf("error: the stored snapshot was not shown\n");
        return 1;
    }
    const qint64 storedMs = sinceMain.elapsed();
    QTableView *table = console.window()->dashboard()->table();
    table->viewport()->repaint(); // painted now, with the stored rows
    std::printf("painted %lld ms %d (QApplication %lld ms, window shown %lld ms, stored snapshot "
                "shown %lld ms)\n",
                qlonglong(sinceMain.elapsed()), table->model()->rowCount(), qlonglong(appMs),
                qlonglong(windowMs), qlonglong(storedMs));
    std::fflush(stdout);
    return 0;
}

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}

// Times every event the UI thread dispatches at the outermost level: the slowest ones, with their
// receiver's class and the event type, say where a long task came from.
class TimingApplication final : public QApplication
{
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (m_depth > 0 || !m_recording)
            return QApplication::notify(receiver, event);
        if (QThread::currentThread() != thread())
            return QApplication::notify(receiver, event); // only the UI thread's own events
        ++m_depth;
        QElapsedTimer t;
        t.start();
        const double cpu0 = threadCpuMs();
        const QString what =
            u"%1 (event %2)"_s.arg(QString::fromLatin1(receiver->metaObject()->className()),
                                   QString::number(int(event->type())));
        const bool r = QApplication::notify(receiver, event);
        const qint64 ms = t.elapsed();
        const double cpu = threadCpuMs() - cpu0;
        --m_depth;
        if (ms >= 20)
            m_slow.append({ms, u"%1, CPU %2 ms"_s.arg(what).arg(cpu, 0, 'f', 1)});
        return r;
    }
    void record(bool on) { m_recording = on; }
    QList<std::pair<qint64, QString>> slowest()
    {
        std::sort(m_slow.begin(), m_slow.end(), [](auto &a, auto &b) { return a.first > b.first; });
        return m_slow.mid(0, 8);
    }

private:
    int m_depth = 0;
    bool m_recording = false;
    QList<std::pair<qint64, QString>> m_slow;
};

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (argc >= 4 && qstrcmp(argv[1], "--cold") == 0)
        return coldStart(QFile::decodeName(argv[2]), QString::fromUtf8(argv[3]), sinceMain, argc,
                         argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_ui_stall NODES SECONDS\n");
        return 2;
    }
    const int nodes = std::atoi(argv[1]);
    const int seconds = std::atoi(argv[2]);
    QTemporaryDir home;
    setUp(home.path());
    TimingApplication app(argc, argv);

    test::SimProcess sim;
    if (!sim.start({u"--demo-fleet"_s, QString::number(nodes)}, 180000)) {
        std::fprintf(stderr, "error: prego-cp-sim did not start\n");
        return 1;
    }
    if (!fillMonth(QDateTime::currentMSecsSinceEpoch())) {
        std::fprintf(stderr, "error: could not write the 30-day history\n");
        return 1;
    }
    auto settings =
        std::make_unique<QSettings>(home.filePath(u"console.conf"_s), QSettings::IniFormat);
    QNetworkAccessManager nam;
    auto console = std::make_unique<ConsoleApp>(*settings, nullptr, &nam);
    console->window()->resize(1400, 900);
    console->window()->show();
    QSignalSpy shown(console->window(), &MainWindow::snapshotShown);
    console->connectWith(benchProfile(sim.baseUrl()), sim.tokenFor(u"operator"_s),
                         console->sessionStore());
    if (!shown.wait(60000)) {
        std::fprintf(stderr, "error: no snapshot\n");
        return 1;
    }

    // The UI thread's longest task while polling.
    QList<qint64> gaps;
    QElapsedTimer tickClock;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(5);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        if (tickClock.isValid())
            gaps.append(tickClock.restart());
        else
            tickClock.start();
    });
    ticker.start();
    app.record(true);
    const qsizetype pollsBefore = shown.size();
    QElapsedTimer run;
    run.start();
    while (run.elapsed() < seconds * 1000LL)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    ticker.stop();
    app.record(false);
    const qsizetype polls = shown.size() - pollsBefore;
    std::sort(gaps.begin(), gaps.end());
    const qint64 longest = gaps.isEmpty() ? 0 : gaps.last() - 5;
    const auto over = [&](qint64 ms) {
        return std::count_if(gaps.begin(), gaps.end(), [ms](qint64 g) { return g - 5 > ms; });
    };
    const qint64 p99 = gaps.isEmpty() ? 0 : gaps.at(qsizetype(double(gaps.size()) * 0.99)) - 5;

    // RSS with a 30-day node detail open.
    if (!console->window()->openNode(DetailNode)) {
        std::fprintf(stderr, "error: %s is not in the fleet\n", qPrintable(DetailNode));
        return 1;
    }
    NodeDetailView *detail = console->window()->nodeDetail();
    QSignalSpy history(detail, &NodeDetailView::historyShown);
    detail->setRange(NodeDetailView::Range::Month);
    history.wait(20000);
    detail->grab();
    QCoreApplication::processEvents();
    const double rss = rssMb();

    std::printf("%d nodes, %d s of 5-second polls (%lld answered): longest UI-thread task %lld ms, "
                "p99 %lld ms, over 50 ms: %lld, over 100 ms: %lld\n",
                nodes, seconds, qlonglong(polls), qlonglong(longest), qlonglong(p99),
                qlonglong(over(50)), qlonglong(over(100)));
    for (const auto &[ms, what] : app.slowest())
        std::printf("  UI-thread event over 20 ms: %lld ms  %s\n", qlonglong(ms), qPrintable(what));
    std::printf("RSS with the dashboard and a 30-day node detail open: %.0f MB\n", rss);

    // Cold start from the history this run left, the control plane gone.
    const QUrl url = sim.baseUrl();
    console.reset();
    settings.reset();
    sim.stop();
    QList<double> parentMs, childMs;
    for (int i = 0; i < 5; ++i) {
        QProcess child;
        QElapsedTimer started;
        started.start();
        child.start(QCoreApplication::applicationFilePath(),
                    {u"--cold"_s, home.path(), url.toString()});
        QByteArray out;
        double total = -1;
        while (child.waitForReadyRead(30000)) {
            out += child.readAllStandardOutput();
            if (out.contains('\n')) {
                total = double(started.elapsed()); // the child has painted
                break;
            }
        }
        child.waitForFinished(30000);
        const QList<QByteArray> words = out.trimmed().split(' ');
        if (total < 0 || words.size() < 4 || words.at(0) != "painted") {
            std::fprintf(stderr, "error: cold start: %s %s\n", out.constData(),
                         child.readAllStandardError().constData());
            return 1;
        }
        childMs.append(words.at(1).toDouble());
        parentMs.append(total);
        if (i == 0)
            std::printf("cold start shows %s cached rows %s\n", words.at(3).constData(),
                        out.mid(out.indexOf('(')).trimmed().constData());
    }
    std::sort(parentMs.begin(), parentMs.end());
    std::sort(childMs.begin(), childMs.end());
    std::printf("cold start to painted dashboard (cached %d-node snapshot), median of 5: %.0f ms "
                "from process start (%.0f ms from main())\n",
                nodes, parentMs.at(2), childMs.at(2));
    return 0;
}
