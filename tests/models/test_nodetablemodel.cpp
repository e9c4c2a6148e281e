#include "domain/serverclock.h"
#include "nodefilterproxy.h"
#include "nodetablemodel.h"
#include "testnodes.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using prego::Freshness;
using prego::Node;
using prego::NodeMetrics;
using prego::NodesSnapshot;
using prego::NodeTableModel;

namespace {

constexpr qint64 ServerNow = 1'800'000'000'000; // a fixed server time

constexpr prego::test::AgedNodes node{ServerNow};

NodesSnapshot snapshot(QList<Node> nodes)
{
    NodesSnapshot s;
    s.serverTimeMs = ServerNow;
    s.nodes = std::move(nodes);
    return s;
}

// A client whose own wall clock is an hour off: ages must still come from the server's clock.
struct Fixture
{
    prego::ServerClock clock{[] {
        return ServerNow + 3600 * 1000;
    }};
    Fixture() { clock.sync(ServerNow); }
};

QString text(const NodeTableModel &m, const QString &id, int column)
{
    return m.index(m.rowOf(id), column).data().toString();
}

} // namespace

TEST(NodeTableModel, PassesTheModelTesterThroughUpdates)
{
    Fixture f;
    NodeTableModel model(&f.clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.applySnapshot(snapshot({node(u"a"_s, 10), node(u"b"_s, 20), node(u"c"_s, {})}));
    model.applySnapshot(snapshot({node(u"b"_s, 5, 99.0), node(u"d"_s, 1), node(u"e"_s, 2)}));
    model.setPollCurrent(false);
    model.tick();
    model.retranslate();
    model.applySnapshot(snapshot({}));
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(NodeTableModel, UpdatesIncrementallyWithoutReset)
{
    Fixture f;
    NodeTableModel model(&f.clock);
    model.applySnapshot(
        snapshot({node(u"a"_s, 10), node(u"b"_s, 20), node(u"c"_s, 30), node(u"d"_s, 40)}));
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    // b and c vanish (one contiguous range), d changes, e is new.
    model.applySnapshot(snapshot({node(u"a"_s, 10), node(u"d"_s, 40, 77.0), node(u"e"_s, 1)}));
    EXPECT_EQ(resets.count(), 0);
    ASSERT_EQ(removed.count(), 1);
    EXPECT_EQ(removed.at(0).at(1).toInt(), 1);
    EXPECT_EQ(removed.at(0).at(2).toInt(), 2);
    ASSERT_EQ(inserted.count(), 1);
    EXPECT_EQ(inserted.at(0).at(1).toInt(), 2);
    ASSERT_GE(changed.count(), 1);
    const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
    EXPECT_EQ(topLeft.row(), 1); // only d's row changed as a whole
    EXPECT_EQ(topLeft.column(), 0);
    EXPECT_EQ(text(model, u"d"_s, NodeTableModel::CpuColumn), u"77.0 %"_s);
    EXPECT_EQ(model.rowCount(), 3);
}

TEST(NodeTableModel, LabelsFreshnessOnTheServersClock)
{
    Fixture f; // the local clock is an hour ahead
    NodeTableModel model(&f.clock);
    model.applySnapshot(
        snapshot({node(u"fresh"_s, 60), node(u"stale"_s, 600), node(u"never"_s, {})}));
    EXPECT_EQ(text(model, u"fresh"_s, NodeTableModel::FreshnessColumn), u"Fresh"_s);
    EXPECT_EQ(text(model, u"stale"_s, NodeTableModel::FreshnessColumn), u"Stale"_s);
    EXPECT_EQ(text(model, u"never"_s, NodeTableModel::FreshnessColumn), u"Never reported"_s);
    EXPECT_EQ(text(model, u"fresh"_s, NodeTableModel::LastReportColumn), u"1 min ago"_s);
    EXPECT_EQ(model.index(model.rowOf(u"stale"_s), NodeTableModel::FreshnessColumn)
                  .data(NodeTableModel::FreshnessRole)
                  .toInt(),
              int(Freshness::Stale));

    const prego::FleetSummary s = model.summary();
    EXPECT_EQ(s.total, 3);
    EXPECT_EQ(s.fresh, 1);
    EXPECT_EQ(s.stale, 1);
    EXPECT_EQ(s.neverReported, 1);

    // Time passes on the monotonic clock: the fresh node turns stale at the next tick.
    f.clock.advanceForTesting(300 * 1000);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.tick();
    ASSERT_EQ(changed.count(), 1);
    EXPECT_EQ(changed.at(0).at(0).value<QModelIndex>().column(), NodeTableModel::LastReportColumn);
    EXPECT_EQ(text(model, u"fresh"_s, NodeTableModel::FreshnessColumn), u"Stale"_s);
}

TEST(NodeTableModel, UnknownWhenOurPollIsNotCurrentButValuesStay)
{
    Fixture f;
    NodeTableModel model(&f.clock);
    model.applySnapshot(snapshot({node(u"a"_s, 60, 42.0)}));
    model.setPollCurrent(false);
    EXPECT_EQ(text(model, u"a"_s, NodeTableModel::FreshnessColumn), u"Unknown"_s);
    EXPECT_EQ(text(model, u"a"_s, NodeTableModel::CpuColumn), u"42.0 %"_s);
    EXPECT_EQ(text(model, u"a"_s, NodeTableModel::LastReportColumn), u"1 min ago"_s);
    EXPECT_TRUE(model.index(0, NodeTableModel::CpuColumn).data(Qt::ForegroundRole).isValid());
    EXPECT_EQ(model.summary().unknown, 1);
}

TEST(NodeTableModel, SummaryCountsOnlyBoundNodesForFreshness)
{
    Fixture f;
    NodeTableModel model(&f.clock);
    Node dedicated = node(u"ded"_s, 900);
    dedicated.placement = u"dedicated"_s;
    dedicated.acceptsTenants = false;
    Node draining = node(u"drain"_s, {});
    draining.status = u"draining"_s;
    model.applySnapshot(snapshot({node(u"a"_s, 10), dedicated, draining}));
    const prego::FleetSummary s = model.summary();
    EXPECT_EQ(s.total, 3);
    EXPECT_EQ(s.bound, 1);
    EXPECT_EQ(s.fresh, 1);
    EXPECT_EQ(s.stale, 0);
    EXPECT_EQ(s.neverReported, 0);
}

TEST(NodeTableModel, SelectionSurvivesARefreshThatAddsRemovesAndChangesRows)
{
    Fixture f;
    NodeTableModel model(&f.clock);
    prego::NodeFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(NodeTableModel::CpuColumn, Qt::DescendingOrder);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QItemSelectionModel selection(&proxy);

    model.applySnapshot(snapshot({node(u"a"_s, 10, 10.0), node(u"b"_s, 10, 20.0),
                                  node(u"c"_s, 10, 30.0), node(u"d"_s, 10, 40.0)}));
    const auto rowOf = [&](const QString &id) {
        return proxy.mapFromSource(model.index(model.rowOf(id), 0));
    };
    selection.setCurrentIndex(rowOf(u"b"_s),
                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

    // a vanishes, b changes (and moves to the top by CPU), c changes, e is new.
    model.applySnapshot(snapshot({node(u"b"_s, 5, 95.0), node(u"c"_s, 5, 31.0),
                                  node(u"d"_s, 10, 40.0), node(u"e"_s, 1, 50.0)}));
    const QModelIndexList rows = selection.selectedRows();
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows.first().data(NodeTableModel::NodeIdRole).toString(), u"b"_s);
    EXPECT_EQ(selection.currentIndex().data(NodeTableModel::NodeIdRole).toString(), u"b"_s);
    EXPECT_EQ(rows.first().row(), 0); // sorted by raw CPU, descending

    // The selected node itself vanishes: nothing (wrong) is selected.
    model.applySnapshot(snapshot({node(u"c"_s, 5, 31.0), node(u"d"_s, 10, 40.0)}));
    EXPECT_TRUE(selection.selectedRows().isEmpty());
}

// The model sorts itself: after any sequence of snapshots (nodes added, removed, changed, ids
// arriving in any order) the rows are in the order of the column's raw value with ties by node
// id, reversed when descending, the proxy passes the model tester, and the selected node stays
// selected wherever it moves.
TEST(NodeTableModel, KeepsItsRowsSortedThroughRandomRefreshes)
{
    Fixture f;
    NodeTableModel model(&f.clock);
    prego::NodeFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QItemSelectionModel selection(&proxy);
    QRandomGenerator random(20261127);
    const QStringList regions{u"nbg1"_s, u"fsn1"_s, u"hel1"_s};

    const auto cpuOf = [](const Node &n) {
        return n.metrics ? *n.metrics->cpuPct : -1.0;
    };
    const auto expectSorted = [&](int column, Qt::SortOrder order) {
        QList<Node> expected = model.nodes();
        std::sort(expected.begin(), expected.end(), [&](const Node &a, const Node &b) {
            if (column == NodeTableModel::CpuColumn && cpuOf(a) != cpuOf(b))
                return cpuOf(a) < cpuOf(b);
            if (column == NodeTableModel::RegionColumn && a.region != b.region)
                return a.region < b.region;
            return a.nodeId < b.nodeId;
        });
        if (order == Qt::DescendingOrder)
            std::reverse(expected.begin(), expected.end());
        ASSERT_EQ(proxy.rowCount(), expected.size());
        for (int row = 0; row < expected.size(); ++row)
            ASSERT_EQ(proxy.index(row, 0).data(NodeTableModel::NodeIdRole).toString(),
                      expected.at(row).nodeId)
                << "row " << row << " sorted by column " << column;
    };

    for (int round = 0; round < 60; ++round) {
        const int column = round % 3 == 0 ? NodeTableModel::RegionColumn
                                          : (round % 3 == 1 ? NodeTableModel::CpuColumn
                                                            : NodeTableModel::NodeColumn);
        const Qt::SortOrder order = round % 2 ? Qt::DescendingOrder : Qt::AscendingOrder;
        proxy.sort(column, order);
        QList<Node> nodes;
        for (int i = 0; i < 40; ++i) {
            if (random.bounded(4) == 0)
                continue; // absent this round
            std::optional<qint64> age;
            if (random.bounded(6) != 0)
                age = random.bounded(600);
            nodes.append(node(u"n%1"_s.arg(random.bounded(40)), age, random.bounded(5) * 10.0,
                              regions.at(random.bounded(3))));
        }
        const QString selected =
            selection.currentIndex().data(NodeTableModel::NodeIdRole).toString();
        model.applySnapshot(snapshot(nodes));
        expectSorted(column, order);
        if (!selected.isEmpty() && model.rowOf(selected) >= 0) {
            EXPECT_EQ(selection.currentIndex().data(NodeTableModel::NodeIdRole).toString(),
                      selected);
        }
        if (proxy.rowCount() > 0)
            selection.setCurrentIndex(proxy.index(random.bounded(proxy.rowCount()), 0),
                                      QItemSelectionModel::ClearAndSelect |
                                          QItemSelectionModel::Rows);
    }
}

// Sorted by freshness, a node that turns stale as the clock moves goes up at the next tick.
TEST(NodeTableModel, ANodeTurningStaleMovesUpAtTheNextTick)
{
    Fixture f;
    NodeTableModel model(&f.clock);
    prego::NodeFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(NodeTableModel::FreshnessColumn, Qt::AscendingOrder);
    model.applySnapshot(
        snapshot({node(u"a-old"_s, 200), node(u"b-stale"_s, 400), node(u"c-young"_s, 10)}));
    const auto ids = [&] {
        QStringList out;
        for (int r = 0; r < proxy.rowCount(); ++r)
            out << proxy.index(r, 0).data(NodeTableModel::NodeIdRole).toString();
        return out;
    };
    EXPECT_EQ(ids(), (QStringList{u"b-stale"_s, u"a-old"_s, u"c-young"_s}));
    f.clock.advanceForTesting(150 * 1000); // a-old is now 350 s old: stale
    model.tick();
    EXPECT_EQ(ids(), (QStringList{u"a-old"_s, u"b-stale"_s, u"c-young"_s}));
}

// The decode thread's delta (SnapshotDelta) must give the model exactly what comparing every
// node on the UI thread gives: two models, one fed marked snapshots, one the same snapshots
// unmarked, through changes, repeated ids, and polls that add or drop nodes.
TEST(NodeTableModel, ADeltaFromTheDecodeThreadGivesWhatAFullCompareGives)
{
    Fixture f;
    NodeTableModel marked(&f.clock);
    NodeTableModel full(&f.clock);
    QAbstractItemModelTester tester(&marked, QAbstractItemModelTester::FailureReportingMode::Fatal);
    marked.sort(NodeTableModel::CpuColumn, Qt::DescendingOrder);
    full.sort(NodeTableModel::CpuColumn, Qt::DescendingOrder);
    QRandomGenerator random(20261127);
    QList<Node> fleet;
    for (int i = 0; i < 60; ++i)
        fleet.append(node(u"n%1"_s.arg(i, 2, 10, QChar(u'0')), 30, 10.0));
    fleet.append(fleet.at(7)); // a repeated id: the first counts
    std::optional<NodesSnapshot> previous;
    int deltas = 0;
    for (int round = 0; round < 80; ++round) {
        if (round % 10 == 9) {
            fleet.removeAt(random.bounded(int(fleet.size()))); // a node goes
            fleet.append(node(u"x%1"_s.arg(round), 5, 50.0));  // another comes
        }
        for (int k = 0; k < 8; ++k) { // some nodes push
            Node &n = fleet[random.bounded(int(fleet.size()))];
            n.metrics->cpuPct = random.bounded(100) * 1.0;
            n.metrics->updatedAtMs = ServerNow - random.bounded(400) * 1000;
        }
        NodesSnapshot s = snapshot(fleet);
        prego::SnapshotDelta::mark(previous ? &*previous : nullptr, s);
        deltas += s.sameIdsAsGeneration != 0 ? 1 : 0;
        marked.applySnapshot(s);
        full.applySnapshot(snapshot(fleet));
        previous = s;
        ASSERT_EQ(marked.rowCount(), full.rowCount()) << "round " << round;
        for (int row = 0; row < full.rowCount(); ++row)
            for (int column = 0; column < NodeTableModel::ColumnCount; ++column)
                ASSERT_EQ(marked.index(row, column).data(), full.index(row, column).data())
                    << "round " << round << " row " << row << " column " << column;
    }
    EXPECT_GE(deltas, 60) << "the rounds with the same ids should have come as deltas";
}

// The model trusts the delta: it does not compare the positions the decode thread called
// unchanged (that is the work it saves), and a snapshot it does not hold is compared in full.
TEST(NodeTableModel, OnlyTheChangedPositionsOfADeltaAreApplied)
{
    Fixture f;
    NodeTableModel model(&f.clock);
    NodesSnapshot first = snapshot({node(u"a"_s, 10, 1.0), node(u"b"_s, 10, 2.0)});
    prego::SnapshotDelta::mark(nullptr, first);
    model.applySnapshot(first);
    NodesSnapshot second = snapshot({node(u"a"_s, 5, 11.0), node(u"b"_s, 5, 12.0)});
    prego::SnapshotDelta::mark(&first, second);
    ASSERT_EQ(second.sameIdsAsGeneration, first.generation);
    ASSERT_EQ(second.changedPositions, (QList<int>{0, 1}));
    second.changedPositions = {1};
    model.applySnapshot(second);
    EXPECT_EQ(text(model, u"a"_s, NodeTableModel::CpuColumn), u"1.0 %"_s);
    EXPECT_EQ(text(model, u"b"_s, NodeTableModel::CpuColumn), u"12.0 %"_s);
    // Marked against a snapshot the model never held: compared in full.
    NodesSnapshot other = second;
    other.sameIdsAsGeneration = first.generation;
    other.generation = second.generation + 1000;
    model.applySnapshot(other);
    EXPECT_EQ(text(model, u"a"_s, NodeTableModel::CpuColumn), u"11.0 %"_s);
}

namespace {

prego::Silence silenceOn(QStringList nodes, std::optional<QString> region, qint64 startsAt,
                         qint64 endsAt)
{
    prego::Silence s;
    s.silenceId = u"s-1"_s;
    s.nodeIds = std::move(nodes);
    s.region = std::move(region);
    s.startsAtMs = startsAt;
    s.endsAtMs = endsAt;
    s.reason = u"kernel upgrade"_s;
    s.createdBy = u"alice"_s;
    return s;
}

prego::Alert alertOn(const QString &nodeId, prego::AlertRule rule, prego::AlertState state,
                     std::optional<double> value = std::nullopt)
{
    prego::Alert a;
    a.nodeId = nodeId;
    a.region = u"fsn1"_s;
    a.rule = rule;
    a.state = state;
    a.value = value;
    a.detail = rule == prego::AlertRule::Freshness ? u"stale"_s : QString();
    a.sinceMs = ServerNow - 600 * 1000;
    a.firingSinceMs = ServerNow - 60 * 1000;
    return a;
}

QVariant markData(const NodeTableModel &m, const QString &id, int role)
{
    return m.index(m.rowOf(id), NodeTableModel::FreshnessColumn).data(role);
}

} // namespace

// A node under a maintenance silence is marked beside its freshness, says who silenced it, until
// when and why, and the mark follows the silence's start and end with the clock.
TEST(NodeTableModel, ASilencedNodeIsMarkedAndItsTooltipSaysWhoUntilWhenAndWhy)
{
    Fixture f;
    NodeTableModel model(&f.clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.applySnapshot(
        snapshot({node(u"a"_s, 900), node(u"b"_s, 10), node(u"c"_s, 10, 10.0, u"nbg1"_s)}));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    constexpr qint64 Min = 60 * 1000;
    model.setSilences({silenceOn({u"a"_s}, std::nullopt, ServerNow - Min, ServerNow + 60 * Min),
                       silenceOn({}, u"nbg1"_s, ServerNow + 5 * Min, ServerNow + 65 * Min)},
                      ServerNow);
    ASSERT_EQ(changed.size(), 1) << "one repaint of every row";
    EXPECT_EQ(changed.first().at(0).value<QModelIndex>().row(), 0);
    EXPECT_EQ(changed.first().at(1).value<QModelIndex>().row(), 2);

    EXPECT_TRUE(markData(model, u"a"_s, NodeTableModel::SilencedRole).toBool());
    EXPECT_EQ(markData(model, u"a"_s, NodeTableModel::MarkTextRole).toString(), u"Silenced"_s);
    EXPECT_EQ(markData(model, u"a"_s, Qt::DisplayRole).toString(), u"Stale"_s); // still shown
    EXPECT_EQ(markData(model, u"a"_s, Qt::AccessibleTextRole).toString(), u"Stale, Silenced"_s);
    const QString until = prego::SilenceIndex::localTimeText(ServerNow + 60 * Min);
    const QString tip = markData(model, u"a"_s, Qt::ToolTipRole).toString();
    EXPECT_TRUE(tip.endsWith(u"\nSilenced by alice until %1: kernel upgrade"_s.arg(until)))
        << tip.toStdString();
    EXPECT_TRUE(model.index(model.rowOf(u"a"_s), NodeTableModel::NodeColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(u"Silenced by alice"_s));
    EXPECT_FALSE(markData(model, u"b"_s, NodeTableModel::SilencedRole).toBool());
    EXPECT_EQ(markData(model, u"b"_s, NodeTableModel::MarkTextRole).toString(), QString());
    // The region's silence has not begun yet.
    EXPECT_FALSE(markData(model, u"c"_s, NodeTableModel::SilencedRole).toBool());
    EXPECT_EQ(model.silenceAt(model.rowOf(u"c"_s)), nullptr);

    // The same list again: nothing to repaint.
    changed.clear();
    model.setSilences(model.marks().silences().silences(), ServerNow);
    EXPECT_EQ(changed.size(), 0);

    // Five minutes on, the region's silence starts; an hour on, a's has ended.
    f.clock.advanceForTesting(5 * Min);
    model.tick();
    EXPECT_TRUE(markData(model, u"c"_s, NodeTableModel::SilencedRole).toBool());
    f.clock.advanceForTesting(55 * Min);
    model.tick();
    EXPECT_FALSE(markData(model, u"a"_s, NodeTableModel::SilencedRole).toBool());
    EXPECT_TRUE(markData(model, u"c"_s, NodeTableModel::SilencedRole).toBool());
    EXPECT_EQ(markData(model, u"a"_s, Qt::AccessibleTextRole).toString(), u"Stale"_s);
    model.setSilences({}, ServerNow + 60 * Min);
    EXPECT_FALSE(markData(model, u"c"_s, NodeTableModel::SilencedRole).toBool());
}

// Alerts mark their node (the worst open one), quietly, only where no silence is in force; a
// poll's alerts repaint only the rows whose alerts changed.
TEST(NodeTableModel, ANodesWorstOpenAlertIsMarkedUnlessItIsSilenced)
{
    using prego::AlertRule;
    using prego::AlertState;
    Fixture f;
    NodeTableModel model(&f.clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QList<Node> nodes;
    for (int i = 0; i < 20; ++i)
        nodes.append(node(u"n%1"_s.arg(i, 2, 10, QChar(u'0')), 10));
    model.applySnapshot(snapshot(nodes));
    model.setSilences(
        {silenceOn({u"n00"_s}, std::nullopt, ServerNow - 1000, ServerNow + 3600 * 1000)},
        ServerNow);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const QList<prego::Alert> alerts{
        alertOn(u"n00"_s, AlertRule::Freshness, AlertState::Firing), // silenced
        alertOn(u"n05"_s, AlertRule::Disk, AlertState::Pending, 86.5),
        alertOn(u"n05"_s, AlertRule::Cpu, AlertState::Firing, 93.2),
        alertOn(u"n07"_s, AlertRule::Memory, AlertState::Pending, 91.0),
        alertOn(u"n09"_s, AlertRule::Cpu, AlertState::Unknown),
        alertOn(u"n11"_s, AlertRule::Cpu, AlertState::Resolved, 40.0), // not a mark
    };
    model.setAlerts(alerts);
    ASSERT_EQ(changed.size(), 4) << "the rows of n00, n05, n07 and n09";
    EXPECT_EQ(markData(model, u"n00"_s, NodeTableModel::MarkTextRole).toString(), u"Silenced"_s);
    EXPECT_EQ(markData(model, u"n00"_s, NodeTableModel::AlertStateRole).toInt(),
              int(AlertState::Firing)); // the raw fact stays for filters
    EXPECT_EQ(markData(model, u"n05"_s, NodeTableModel::MarkTextRole).toString(), u"Firing"_s);
    EXPECT_EQ(markData(model, u"n05"_s, NodeTableModel::MarkRole).toInt(),
              int(prego::NodeMarks::Mark::AlertFiring));
    EXPECT_EQ(markData(model, u"n07"_s, NodeTableModel::MarkTextRole).toString(), u"Pending"_s);
    EXPECT_EQ(markData(model, u"n09"_s, NodeTableModel::MarkTextRole).toString(),
              u"Alert unknown"_s);
    EXPECT_FALSE(markData(model, u"n11"_s, NodeTableModel::AlertStateRole).isValid());
    EXPECT_EQ(markData(model, u"n11"_s, NodeTableModel::MarkTextRole).toString(), QString());
    EXPECT_EQ(model.alertStateAt(model.rowOf(u"n05"_s)), AlertState::Firing);
    const QString since = prego::SilenceIndex::localTimeText(ServerNow - 60 * 1000);
    const QString tip = markData(model, u"n05"_s, Qt::ToolTipRole).toString();
    EXPECT_TRUE(tip.contains(u"\ndisk pending at 86.5 % since "_s)) << tip.toStdString();
    EXPECT_TRUE(tip.endsWith(u"\nCPU firing at 93.2 % since %1"_s.arg(since))) << tip.toStdString();

    // The next poll: the same alerts repaint nothing; one that resolves repaints its row only.
    changed.clear();
    model.setAlerts(alerts);
    EXPECT_EQ(changed.size(), 0);
    QList<prego::Alert> next = alerts;
    next[3].state = AlertState::Resolved;
    model.setAlerts(next);
    ASSERT_EQ(changed.size(), 1);
    EXPECT_EQ(changed.first().at(0).value<QModelIndex>().row(), model.rowOf(u"n07"_s));
    EXPECT_EQ(markData(model, u"n07"_s, NodeTableModel::MarkTextRole).toString(), QString());

    // Acknowledged: still marked, and the tooltip says who is on it.
    next[2].ack = prego::AlertAck{u"carol"_s, ServerNow, u"looking"_s};
    model.setAlerts(next);
    EXPECT_TRUE(markData(model, u"n05"_s, Qt::ToolTipRole)
                    .toString()
                    .endsWith(u"since %1, acknowledged by carol"_s.arg(since)));
    model.retranslate();
    model.applySnapshot(snapshot({}));
    model.setAlerts({});
    EXPECT_EQ(model.rowCount(), 0);
}
