// Alert rule evaluation per poll at fleet scale, beside a naive baseline measured in the same run
// (the ratio is the result: this machine is noisy). Run through ./bench.sh.
//
//  AlertEvaluate         AlertEngine::evaluate of one poll in which a fifth of the nodes pushed
//                        (each pushes every 25 s, the console polls every 5 s), some of them over
//                        thresholds: pending, firing, flapping around 90 %, clearing
//  AlertEvaluateAndSave  the same through AlertSession: evaluate, then write the changed tracks
//                        and the transitions to a real alerts file (what the monitor's worker
//                        thread does per poll)
//  AlertMonitorPost      what the UI thread does per poll with the monitor: wrap the poll's
//                        snapshot (shared, not copied) and post it to the worker thread
//  AlertNaiveHistory     per node, that node's last 10 minutes from a real HistoryStore file and
//                        the thresholds checked over them (what evaluating "from history" would
//                        cost without the engine's tracks)
#include "domain/alertengine.h"
#include "nodesbody.h"
#include "storage/alertmonitor.h"
#include "storage/alertsession.h"
#include "storage/historystore.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QThread>

#include <benchmark/benchmark.h>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace prego;

namespace {

constexpr qint64 T0 = BenchEpochMs;
constexpr qint64 PollMs = 5000;
constexpr int PushEveryPolls = 5; // each node pushes every 25 s: a fifth of them per poll
constexpr int StaleSeconds = 300;
constexpr int WarmUpPolls = 200; // 16 minutes: windows filled, alerts firing and clearing

QString nodeId(int i)
{
    return u"fsn1-shared-%1"_s.arg(i, 6, 10, QLatin1Char('0'));
}

// The metrics node i pushes at poll r: most nodes idle; 5 % hot on CPU, one in 40 flapping
// 88 / 91 around the CPU threshold, 3 % hot on memory, 2 % on disk, and one in 50 whose CPU
// goes up and down over an hour (so alerts begin, fire and resolve while measuring).
NodeMetrics metricsOf(int i, int r, qint64 at)
{
    NodeMetrics m;
    double cpu = 10 + (i * 37 % 50);
    if (i % 20 == 0)
        cpu = 95;
    else if (i % 40 == 5)
        cpu = (r / PushEveryPolls) % 2 ? 88 : 91;
    else if (i % 50 == 7)
        cpu = (r / 120 + i) % 2 ? 96 : 30;
    m.cpuPct = cpu;
    m.memoryPct = i % 33 == 0 ? 93 : 40 + i % 30;
    m.diskPct = i % 50 == 0 ? 88 : 30 + i % 40;
    m.tenantCount = i % 40;
    m.updatedAtMs = at;
    return m;
}

class Fleet
{
public:
    explicit Fleet(int n)
    {
        m_snapshot.nodes.reserve(n);
        static const QString regions[] = {u"fsn1"_s, u"nbg1"_s, u"hel1"_s};
        for (int i = 0; i < n; ++i) {
            Node node;
            node.nodeId = nodeId(i);
            node.region = regions[i % 3];
            node.placement = u"shared"_s;
            node.role = u"shared"_s;
            node.status = u"active"_s;
            node.acceptsTenants = true;
            node.metrics = metricsOf(i, 0, T0 - (i % PushEveryPolls) * PollMs);
            m_snapshot.nodes.append(node);
        }
    }

    // The next poll: a fifth of the nodes pushed a new sample since the last one.
    const NodesSnapshot &next()
    {
        ++m_poll;
        const qint64 now = T0 + m_poll * PollMs;
        m_snapshot.serverTimeMs = now;
        for (qsizetype i = m_poll % PushEveryPolls; i < m_snapshot.nodes.size();
             i += PushEveryPolls)
            m_snapshot.nodes[i].metrics = metricsOf(int(i), m_poll, now - 1000);
        return m_snapshot;
    }
    int poll() const { return m_poll; }

private:
    NodesSnapshot m_snapshot;
    int m_poll = 0;
};

void AlertEvaluate(benchmark::State &state)
{
    Fleet fleet(int(state.range(0)));
    AlertEngine engine;
    for (int r = 0; r < WarmUpPolls; ++r)
        engine.evaluate(fleet.next(), StaleSeconds);
    qint64 transitions = 0;
    for (auto _ : state) {
        state.PauseTiming();
        const NodesSnapshot &snapshot = fleet.next();
        state.ResumeTiming();
        const AlertEvaluation e = engine.evaluate(snapshot, StaleSeconds);
        transitions += e.transitions.size();
        benchmark::DoNotOptimize(e);
    }
    state.counters["tracks"] = engine.trackCount();
    state.counters["transitions/poll"] = double(transitions) / double(state.iterations());
}

void AlertEvaluateAndSave(benchmark::State &state)
{
    QTemporaryDir dir;
    Fleet fleet(int(state.range(0)));
    AlertSession session(dir.filePath(u"alerts-bench.sqlite"_s));
    session.open();
    for (int r = 0; r < WarmUpPolls; ++r)
        session.observe(fleet.next(), StaleSeconds);
    for (auto _ : state) {
        state.PauseTiming();
        const NodesSnapshot &snapshot = fleet.next();
        state.ResumeTiming();
        benchmark::DoNotOptimize(session.observe(snapshot, StaleSeconds));
    }
    state.counters["persistent"] = session.isPersistent();
}

void AlertMonitorPost(benchmark::State &state)
{
    QTemporaryDir dir;
    Fleet fleet(int(state.range(0)));
    AlertMonitor monitor;
    int updates = 0;
    QObject::connect(&monitor, &AlertMonitor::alertsUpdated, &monitor, [&updates] { ++updates; });
    monitor.open(dir.filePath(u"alerts-bench.sqlite"_s));
    // Every poll of this fleet changes some alert's value, so each one answers once.
    const auto settle = [&](int expected) {
        while (updates < expected) {
            QCoreApplication::processEvents();
            QThread::yieldCurrentThread();
        }
    };
    int posted = 0;
    for (; posted < WarmUpPolls; ++posted)
        monitor.observe(std::make_shared<const NodesSnapshot>(fleet.next()), StaleSeconds);
    settle(posted + 1); // and open()'s restored alerts
    for (auto _ : state) {
        state.PauseTiming();
        const NodesSnapshot &snapshot = fleet.next();
        state.ResumeTiming();
        monitor.observe(std::make_shared<const NodesSnapshot>(snapshot), StaleSeconds);
        state.PauseTiming();
        settle(++posted + 1); // the worker's evaluation is not the UI thread's time
        state.ResumeTiming();
    }
}

// A history file with the last 11 minutes of the same fleet's pushes, as HistoryWriter stores
// them; the naive evaluation reads it back one node at a time.
struct NaiveFixture
{
    QTemporaryDir dir;
    std::unique_ptr<HistoryStore> reader;
    qint64 nowMs = 0;
    int nodes = 0;

    explicit NaiveFixture(int n)
        : nodes(n)
    {
        const QString path = dir.filePath(u"history.sqlite"_s);
        HistoryStore writer(HistoryStore::connectionNameForThisThread(u"bench-alerts-writer"_s));
        writer.open(path);
        Fleet fleet(n);
        for (int r = 0; r < 11 * 60 * 1000 / PollMs; ++r) {
            const NodesSnapshot &s = fleet.next();
            QList<HistorySample> samples;
            samples.reserve(n / PushEveryPolls + 1);
            for (qsizetype i = fleet.poll() % PushEveryPolls; i < s.nodes.size();
                 i += PushEveryPolls) {
                const NodeMetrics &m = *s.nodes[i].metrics;
                samples.append({s.nodes[i].nodeId, m.updatedAtMs, m.cpuPct, m.memoryPct, m.diskPct,
                                m.tenantCount});
            }
            writer.ingest(samples);
            nowMs = s.serverTimeMs;
        }
        reader = std::make_unique<HistoryStore>(
            HistoryStore::connectionNameForThisThread(u"bench-alerts-reader"_s),
            HistoryStoreOptions::reader());
        reader->open(path);
    }
};

// Sustained: every sample of the window at or over the threshold, and the window covered.
bool sustained(const QList<HistorySample> &samples, std::optional<double> HistorySample::*metric,
               double threshold, qint64 windowMs)
{
    if (samples.isEmpty() || samples.last().updatedAtMs - samples.first().updatedAtMs < windowMs)
        return false;
    return std::all_of(samples.begin(), samples.end(), [&](const HistorySample &s) {
        return (s.*metric).value_or(0) >= threshold;
    });
}

void AlertNaiveHistory(benchmark::State &state)
{
    static NaiveFixture fixture(int(state.range(0)));
    const AlertRules rules;
    int firing = 0;
    for (auto _ : state) {
        firing = 0;
        for (int i = 0; i < fixture.nodes; ++i) {
            const QString id = nodeId(i);
            const QList<HistorySample> cpu =
                fixture.reader->samples(id, fixture.nowMs - 10 * 60 * 1000, fixture.nowMs + 1);
            firing += sustained(cpu, &HistorySample::cpuPct, rules.cpu.threshold,
                                rules.cpu.windowSeconds * 1000LL - PushEveryPolls * PollMs);
            firing += sustained(cpu, &HistorySample::memoryPct, rules.memory.threshold,
                                rules.memory.windowSeconds * 1000LL - PushEveryPolls * PollMs);
            // The disk window is 5 minutes: its samples are the last half of the same read.
            QList<HistorySample> disk = cpu;
            disk.removeIf([&](const HistorySample &s) {
                return s.updatedAtMs < fixture.nowMs - rules.disk.windowSeconds * 1000LL;
            });
            firing += sustained(disk, &HistorySample::diskPct, rules.disk.threshold,
                                rules.disk.windowSeconds * 1000LL - PushEveryPolls * PollMs);
        }
        benchmark::DoNotOptimize(firing);
    }
    state.counters["firing"] = firing;
}

} // namespace

BENCHMARK(AlertEvaluate)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(AlertEvaluateAndSave)->Arg(10000)->Unit(benchmark::kMillisecond);
// Fixed iterations: each one waits (untimed) for a whole evaluation and save on the worker.
BENCHMARK(AlertMonitorPost)->Arg(10000)->Iterations(300)->Unit(benchmark::kMillisecond);
BENCHMARK(AlertNaiveHistory)->Arg(10000)->Iterations(3)->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
