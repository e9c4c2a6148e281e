// The console left running: the real ConsoleApp, its window shown (offscreen), polling a real
// prego-cp-sim with a simulated fleet every second while an operator opens and closes node
// details and switches views. It samples its own memory and fails when RSS grows by more than the
// allowed amount after warm-up. In a sanitizer build RSS says nothing (ASan's quarantine holds
// freed blocks back on purpose): there the run is for LeakSanitizer, which checks at exit, after
// the console, the simulator and QApplication were torn down.
//
//   soak_console NODES SECONDS [WARMUP_SECONDS]
//
// Environment: PREGO_SOAK_MAX_GROWTH_MB (default 10); PREGO_SOAK_SKIP_TEARDOWN=1 exits without
// freeing anything, so that heaptrack lists what the run still held at its end as "leaked".
#include "consoleapp.h"
#include "mainwindow.h"
#include "memorytuning.h"
#include "nodedetailview.h"
#include "sanitized.h"
#include "simprocess.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>

#include <malloc.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>

using namespace Qt::StringLiterals;
using namespace prego;

namespace {

using prego::test::Sanitized;

constexpr int PollSeconds = 1; // below the profiles' 5 s minimum: set here, never by a user
constexpr int SampleMs = 5000;
constexpr int ActionMs = 5000;

struct Sample
{
    double seconds = 0;
    double rssMb = 0;
    double anonMb = 0;
    double heapMb = 0; // bytes malloc has handed out and not been given back
    // Of the heap, what SQLite holds (its page caches, statements, schema): every connection in
    // the process, the history's writer and readers, goes through the one libsqlite3.
    double sqliteMb = 0;
};

double statusMb(const QByteArray &status, const QByteArray &key)
{
    for (const QByteArray &line : status.split('\n'))
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').first().toDouble() / 1024.0;
    return -1;
}

Sample sample(double seconds)
{
    QFile f(u"/proc/self/status"_s);
    const QByteArray status = f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    const struct mallinfo2 mi = ::mallinfo2();
    return {seconds, statusMb(status, "VmRSS:"), statusMb(status, "RssAnon:"),
            double(mi.uordblks + mi.hblkhd) / (1024.0 * 1024.0),
            double(sqlite3_memory_used()) / (1024.0 * 1024.0)};
}

// Least-squares slope of RSS over the samples, in MB per hour.
double slopeMbPerHour(const QList<Sample> &s)
{
    if (s.size() < 2)
        return 0;
    double mt = 0, mr = 0;
    for (const Sample &x : s) {
        mt += x.seconds;
        mr += x.rssMb;
    }
    mt /= double(s.size());
    mr /= double(s.size());
    double num = 0, den = 0;
    for (const Sample &x : s) {
        num += (x.seconds - mt) * (x.rssMb - mr);
        den += (x.seconds - mt) * (x.seconds - mt);
    }
    return den > 0 ? num / den * 3600.0 : 0;
}

// The mean of up to three samples, so one sample taken mid-poll does not decide.
double meanRss(const QList<Sample> &s)
{
    double sum = 0;
    for (const Sample &x : s)
        sum += x.rssMb;
    return s.isEmpty() ? 0 : sum / double(s.size());
}

} // namespace

int main(int argc, char **argv)
{
    prego::MemoryTuning::apply(); // as prego-console's main() does
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (argc < 3) {
        std::fprintf(stderr, "usage: soak_console NODES SECONDS [WARMUP_SECONDS]\n");
        return 2;
    }
    const int nodes = std::atoi(argv[1]);
    const int seconds = std::atoi(argv[2]);
    const int warmup = argc > 3 ? std::atoi(argv[3]) : std::clamp(seconds / 5, 60, 600);
    const double maxGrowthMb = qEnvironmentVariableIsSet("PREGO_SOAK_MAX_GROWTH_MB")
                                   ? qEnvironmentVariable("PREGO_SOAK_MAX_GROWTH_MB").toDouble()
                                   : 10.0;
    if (nodes <= 0 || seconds <= warmup) {
        std::fprintf(stderr, "error: need NODES > 0 and SECONDS > the warm-up (%d s)\n", warmup);
        return 2;
    }

    QTemporaryDir home;
    qputenv("XDG_DATA_HOME", QFile::encodeName(home.filePath(u"data"_s)));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(home.filePath(u"config"_s)));
    qputenv("XDG_CACHE_HOME", QFile::encodeName(home.filePath(u"cache"_s)));
    qputenv("XDG_STATE_HOME", QFile::encodeName(home.filePath(u"state"_s)));
    int result = 0;
    {
        QApplication app(argc, argv);
        QApplication::setOrganizationName(u"prego-soak"_s);
        QApplication::setApplicationName(u"prego-console-soak"_s);

        test::SimProcess sim;
        if (!sim.start({u"--demo-fleet"_s, QString::number(nodes)}, 180000)) {
            std::fprintf(stderr, "error: prego-cp-sim did not start: %s\n",
                         qPrintable(sim.error()));
            return 1;
        }
        auto settings =
            std::make_unique<QSettings>(home.filePath(u"console.conf"_s), QSettings::IniFormat);
        QNetworkAccessManager nam;
        nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
        auto console = std::make_unique<ConsoleApp>(*settings, nullptr, &nam);
        MainWindow *window = console->window();
        window->resize(1400, 900);
        window->show();
        QSignalSpy shown(window, &MainWindow::snapshotShown);
        Profile profile;
        profile.name = u"soak"_s;
        profile.baseUrl = sim.baseUrl();
        profile.pollIntervalSeconds = PollSeconds;
        console->connectWith(profile, sim.tokenFor(u"operator"_s), console->sessionStore());
        if (!shown.wait(120000)) {
            std::fprintf(stderr, "error: no snapshot\n");
            return 1;
        }

        // What an operator does meanwhile: a node detail opened and closed, every view shown.
        const QStringList detailNodes{u"fsn1-shared-01"_s, u"nbg1-shared-02"_s, u"hel1-shared-03"_s,
                                      u"ash-shared-04"_s};
        int step = 0;
        int details = 0;
        QTimer actions;
        actions.setInterval(ActionMs);
        QObject::connect(&actions, &QTimer::timeout, [&] {
            switch (step++ % 6) {
            case 0:
                window->showView(MainWindow::View::Dashboard);
                if (window->openNode(detailNodes.at(details++ % detailNodes.size())))
                    window->nodeDetail()->setRange(details % 2 ? NodeDetailView::Range::Day
                                                               : NodeDetailView::Range::Hour);
                break;
            case 1:
                if (window->nodeDetail())
                    window->nodeDetail()->close();
                window->showView(MainWindow::View::Heatmap);
                break;
            case 2:
                window->showView(MainWindow::View::Jobs);
                break;
            case 3:
                window->showView(MainWindow::View::Verification);
                break;
            default:
                window->showView(MainWindow::View::Dashboard);
                break;
            }
        });

        QList<Sample> samples;
        QElapsedTimer clock;
        clock.start();
        QTimer sampler;
        sampler.setInterval(SampleMs);
        QObject::connect(&sampler, &QTimer::timeout, [&] {
            const Sample s = sample(double(clock.elapsed()) / 1000.0);
            samples.append(s);
            if (samples.size() % 6 == 1) // every 30 s
                std::printf(
                    "t=%5.0f s  RSS %7.1f MB  anon %7.1f MB  heap %7.1f MB (SQLite %5.1f MB)  "
                    "snapshots %lld\n",
                    s.seconds, s.rssMb, s.anonMb, s.heapMb, s.sqliteMb, qlonglong(shown.size()));
            std::fflush(stdout);
        });
        samples.append(sample(0));
        actions.start();
        sampler.start();
        while (clock.elapsed() < qint64(seconds) * 1000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
        actions.stop();
        sampler.stop();
        samples.append(sample(double(clock.elapsed()) / 1000.0));

        QList<Sample> afterWarmup;
        for (const Sample &s : samples)
            if (s.seconds >= warmup)
                afterWarmup.append(s);
        const double baseline = meanRss(afterWarmup.mid(0, 3));
        const double end = meanRss(afterWarmup.mid(afterWarmup.size() - 3));
        double peak = 0;
        for (const Sample &s : samples)
            peak = std::max(peak, s.rssMb);
        const double growth = end - baseline;
        const Sample &first = afterWarmup.first();
        const Sample &last = afterWarmup.last();
        std::printf("%d nodes polled every %d s for %d s: %lld snapshots applied, %d node "
                    "details opened\n",
                    nodes, PollSeconds, seconds, qlonglong(shown.size()), details);
        std::printf("RSS at start of polling %.1f MB, after %d s warm-up %.1f MB, at end %.1f MB, "
                    "peak %.1f MB: growth after warm-up %+.1f MB (slope %+.1f MB/h); anon %+.1f "
                    "MB, malloc'd heap %+.1f MB of which SQLite %+.1f MB (%.1f MB at end)\n",
                    samples.first().rssMb, warmup, baseline, end, peak, growth,
                    slopeMbPerHour(afterWarmup), last.anonMb - first.anonMb,
                    last.heapMb - first.heapMb, last.sqliteMb - first.sqliteMb, last.sqliteMb);
        if (Sanitized) {
            std::printf("sanitizer build: RSS is not judged (quarantine); LeakSanitizer checks "
                        "at exit\n");
        } else if (growth >= maxGrowthMb) {
            std::printf("FAIL: RSS grew %.1f MB after warm-up (limit %.1f MB)\n", growth,
                        maxGrowthMb);
            result = 1;
        } else {
            std::printf("PASS: RSS grew %.1f MB after warm-up (limit %.1f MB)\n", growth,
                        maxGrowthMb);
        }
        if (shown.size() < (seconds - warmup) / 4) {
            std::printf("FAIL: only %lld snapshots in %d s: the console was not polling\n",
                        qlonglong(shown.size()), seconds);
            result = 1;
        }
        std::fflush(stdout);
        // For heaptrack: what is still allocated at the end of the run shows as "leaked".
        if (qEnvironmentVariableIntValue("PREGO_SOAK_SKIP_TEARDOWN") == 1)
            std::_Exit(result);
        // Torn down in order, so that what is still allocated at exit is a leak.
        console.reset();
        settings.reset();
        sim.stop();
    }
    return result;
}
