// Serializing the node list of GET /internal/nodes at fleet scale.
// Measured: Fleet::nodesJsonArray (per-node JSON cached, rebuilt only for nodes that changed)
// against a naive baseline that builds a QJsonDocument of every node on every request. Between
// requests 1% of the nodes push new metrics, as a live fleet does.
#include "fleet.h"
#include "simdatabase.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <benchmark/benchmark.h>

using namespace Qt::StringLiterals;
using namespace prego::sim;

namespace {
struct Fixture
{
    SimDatabase db;
    Fleet fleet{db};
    explicit Fixture(int n)
    {
        db.open(u":memory:"_s);
        db.beginBatch();
        for (int i = 0; i < n; ++i) {
            NodeRecord node;
            node.nodeId = u"fsn1-shared-%1"_s.arg(i, 6, 10, QLatin1Char('0'));
            node.hostname = node.nodeId + u".nodes.prego.example"_s;
            node.ipv4 = u"198.18.%1.%2"_s.arg((i >> 8) & 0xff).arg(i & 0xff);
            node.region = u"fsn1"_s;
            node.placement = u"shared"_s;
            node.role = u"shared"_s;
            node.stack = u"fsn1"_s;
            fleet.registerNode(node, 1764000000000LL);
            fleet.pushMetrics(node.nodeId, Metrics{37.5, 61.0, 48.2, 12, 1764100000000LL + i});
        }
        db.commitBatch();
    }
    void churn(int round)
    {
        const int n = int(fleet.nodes().size());
        for (int k = 0; k < n / 100; ++k) {
            const int i = (round * 7919 + k * 104729) % n;
            fleet.pushMetrics(u"fsn1-shared-%1"_s.arg(i, 6, 10, QLatin1Char('0')),
                              Metrics{double(round % 100), 50.0, 40.0, 3, 1764200000000LL + round});
        }
    }
};

QByteArray naiveNodes(const Fleet &fleet)
{
    QJsonArray nodes;
    for (const NodeRecord &n : fleet.nodes()) {
        QJsonObject o{{u"node_id"_s, n.nodeId},
                      {u"hostname"_s, n.hostname},
                      {u"ipv4"_s, n.ipv4},
                      {u"region"_s, n.region},
                      {u"placement"_s, n.placement},
                      {u"role"_s, n.role},
                      {u"tenant_id"_s, QJsonValue()},
                      {u"stack"_s, n.stack.value_or(QString())},
                      {u"accepts_tenants"_s, n.acceptsTenants},
                      {u"status"_s, n.status}};
        if (n.metrics) {
            o[u"metrics"] = QJsonObject{{u"cpu_pct"_s, *n.metrics->cpuPct},
                                        {u"memory_pct"_s, *n.metrics->memoryPct},
                                        {u"disk_pct"_s, *n.metrics->diskPct},
                                        {u"tenant_count"_s, *n.metrics->tenantCount},
                                        {u"updated_at"_s, n.metrics->updatedAtMs}};
        }
        nodes.append(o);
    }
    return QJsonDocument(QJsonObject{{u"nodes"_s, nodes}}).toJson(QJsonDocument::Compact);
}

void BM_NodesCached(benchmark::State &state)
{
    Fixture f(int(state.range(0)));
    int round = 0;
    for (auto _ : state) {
        state.PauseTiming();
        f.churn(++round);
        state.ResumeTiming();
        benchmark::DoNotOptimize(f.fleet.nodesJsonArray({}));
    }
}

void BM_NodesNaiveQJsonDocument(benchmark::State &state)
{
    Fixture f(int(state.range(0)));
    int round = 0;
    for (auto _ : state) {
        state.PauseTiming();
        f.churn(++round);
        state.ResumeTiming();
        benchmark::DoNotOptimize(naiveNodes(f.fleet));
    }
}
} // namespace

BENCHMARK(BM_NodesCached)
    ->Arg(1000)
    ->Arg(10000)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_NodesNaiveQJsonDocument)
    ->Arg(1000)
    ->Arg(10000)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
