// The instruction-count guards' workload: one measured step at 10,000 nodes, counted by callgrind
// between CALLGRIND_START_INSTRUMENTATION and CALLGRIND_STOP_INSTRUMENTATION (valgrind runs with
// --instr-atstart=no, so the setup is neither simulated slowly nor counted). Instruction counts
// do not depend on the machine's load, so CI can hold them to thresholds
// (scripts/instrcount-check.sh, bench/instrcount-thresholds.txt). Outside valgrind the macros do
// nothing and this runs as a plain program.
//
//   instrcount_console decode   ApiCodec::decodeNodes of a 10,000-node body
//   instrcount_console apply    NodeTableModel::applySnapshot of the next poll (a fifth of the
//                               nodes pushed), the NodeFilterProxy re-sort by freshness and
//                               FleetSummary::compute, as PollApply_Incremental in bench_console
//                               (every node compared: what a poll after a fleet change costs)
//   instrcount_console delta    the same poll as the console applies it: marked by
//                               SnapshotDelta on the decode thread (not counted), so only the
//                               changed positions are applied, as PollApply_Delta
#include "api/apicodec.h"
#include "fleetsummary.h"
#include "fleettable.h"
#include "nodesbody.h"

#include <QGuiApplication>

#include <valgrind/callgrind.h>

#include <cstdio>
#include <cstring>

using namespace prego;

namespace {

constexpr int Nodes = 10000;

int decode()
{
    const QByteArray body = nodesBody(Nodes, 1);
    CALLGRIND_START_INSTRUMENTATION;
    const auto decoded = ApiCodec::decodeNodes(body);
    CALLGRIND_STOP_INSTRUMENTATION;
    return decoded.value && decoded.value->nodes.size() == Nodes ? 0 : 1;
}

// Applies poll b to a table holding poll a, counting only the apply and the summary. With
// `marked`, b carries the decode thread's delta against a (SnapshotDelta, not counted).
int applyNextPoll(bool marked)
{
    NodesSnapshot a = *ApiCodec::decodeNodes(nodesBody(Nodes, 1)).value;
    NodesSnapshot b = *ApiCodec::decodeNodes(nodesBody(Nodes, 2)).value;
    if (marked) {
        SnapshotDelta::mark(nullptr, a);
        SnapshotDelta::mark(&a, b);
        if (b.changedPositions.isEmpty())
            return 1;
    }
    FleetTable table(b.serverTimeMs, a);
    CALLGRIND_START_INSTRUMENTATION;
    table.model.applySnapshot(b);
    const FleetSummary summary =
        FleetSummary::compute(table.model.nodes(), table.clock.nowMs(), 300, true);
    CALLGRIND_STOP_INSTRUMENTATION;
    return table.proxy.rowCount() == Nodes && summary.total > 0 ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    if (argc == 2 && std::strcmp(argv[1], "decode") == 0)
        return decode();
    if (argc == 2 && std::strcmp(argv[1], "apply") == 0)
        return applyNextPoll(false);
    if (argc == 2 && std::strcmp(argv[1], "delta") == 0)
        return applyNextPoll(true);
    std::fprintf(stderr, "usage: instrcount_console decode|apply|delta\n");
    return 2;
}
