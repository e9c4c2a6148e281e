#include "alerthistorymodel.h"
#include "alertlistmodel.h"
#include "domain/alerttext.h"
#include "silencelistmodel.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using prego::Alert;
using prego::AlertHistoryModel;
using prego::AlertListModel;
using prego::AlertRule;
using prego::AlertState;
using prego::SilenceListModel;

namespace {

constexpr qint64 Now = 1'800'000'000'000; // server time of the listings
constexpr qint64 Minute = 60'000;
constexpr qint64 Hour = 60 * Minute;

Alert alert(const QString &node, AlertRule rule, AlertState state, std::optional<double> value,
            qint64 sinceMs)
{
    Alert a;
    a.nodeId = node;
    a.region = node.left(4);
    a.rule = rule;
    a.state = state;
    a.value = value;
    a.sinceMs = sinceMs;
    if (state == AlertState::Firing)
        a.firingSinceMs = sinceMs + 10 * Minute;
    return a;
}

prego::Silence silence(const QString &id, qint64 starts, qint64 ends)
{
    prego::Silence s;
    s.silenceId = id;
    s.nodeIds = {u"fsn1-a"_s};
    s.startsAtMs = starts;
    s.endsAtMs = ends;
    s.reason = u"kernel upgrade"_s;
    s.createdBy = u"bob-laptop"_s;
    s.createdAtMs = starts;
    return s;
}

QString cell(const QAbstractItemModel &m, int row, int column, int role = Qt::DisplayRole)
{
    return m.index(row, column).data(role).toString();
}

} // namespace

TEST(AlertListModel, ShowsCurrentAlertsWithEffectiveRulesAcksAndSilences)
{
    AlertListModel model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::Fatal};
    Alert cpu = alert(u"fsn1-a"_s, AlertRule::Cpu, AlertState::Firing, 93.4, Now - 12 * Minute);
    Alert disk = alert(u"nbg1-b"_s, AlertRule::Disk, AlertState::Pending, 86, Now - 2 * Minute);
    Alert stale = alert(u"hel1-c"_s, AlertRule::Freshness, AlertState::Firing, {}, Now - Hour);
    stale.detail = u"never_reported"_s;
    Alert gone = alert(u"fsn1-a"_s, AlertRule::Memory, AlertState::Resolved, 40, Now - Hour);
    disk.ack = prego::AlertAck{u"alice"_s, Now - Minute, u"replacing the disk\nback by 15:00"_s};
    model.setAlerts({cpu, disk, stale, gone}, Now);

    ASSERT_EQ(model.rowCount(), 3) << "resolved alerts are history, not current";
    EXPECT_EQ(model.headerData(AlertListModel::RuleColumn, Qt::Horizontal).toString(), u"Rule"_s);
    const int c = model.rowOf(cpu.key());
    EXPECT_EQ(cell(model, c, AlertListModel::NodeColumn), u"fsn1-a"_s);
    EXPECT_EQ(cell(model, c, AlertListModel::RegionColumn), u"fsn1"_s);
    EXPECT_EQ(cell(model, c, AlertListModel::RuleColumn), u"CPU ≥ 90 % for 10 min"_s);
    EXPECT_EQ(cell(model, c, AlertListModel::StateColumn), u"Firing"_s);
    EXPECT_EQ(cell(model, c, AlertListModel::ValueColumn), u"93.4 %"_s);
    EXPECT_EQ(cell(model, c, AlertListModel::SinceColumn), u"12 min ago"_s);
    EXPECT_EQ(cell(model, c, AlertListModel::AcknowledgedColumn), QString());
    EXPECT_EQ(model.index(c, 0).data(AlertListModel::StateRole).toInt(), int(AlertState::Firing));
    const int d = model.rowOf(disk.key());
    EXPECT_EQ(cell(model, d, AlertListModel::RuleColumn), u"Disk ≥ 85 % for 5 min"_s);
    EXPECT_EQ(cell(model, d, AlertListModel::StateColumn), u"Pending"_s);
    EXPECT_EQ(cell(model, d, AlertListModel::AcknowledgedColumn),
              u"alice · replacing the disk back by 15:00"_s);
    EXPECT_TRUE(cell(model, d, AlertListModel::AcknowledgedColumn, Qt::ToolTipRole)
                    .endsWith(u": replacing the disk\nback by 15:00"_s));
    const int s = model.rowOf(stale.key());
    EXPECT_EQ(cell(model, s, AlertListModel::RuleColumn), u"Stale or never reported"_s);
    EXPECT_EQ(cell(model, s, AlertListModel::ValueColumn), u"Never reported"_s);

    // The node's override wins over its region's, which wins over the defaults.
    prego::AlertRules rules;
    rules.regionOverrides[u"fsn1"_s][AlertRule::Cpu].threshold = 80;
    rules.nodeOverrides[u"fsn1-a"_s][AlertRule::Cpu].windowSeconds = 1200;
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setRules(rules);
    EXPECT_EQ(changed.size(), 1);
    EXPECT_EQ(cell(model, c, AlertListModel::RuleColumn), u"CPU ≥ 80 % for 20 min"_s);

    // An active silence of the node's region marks it; who, until when and why in the tooltip.
    prego::Silence region = silence(u"s1"_s, Now - Hour, Now + 3 * Hour);
    region.nodeIds.clear();
    region.region = u"fsn1"_s;
    prego::Silence over = silence(u"s2"_s, Now - 3 * Hour, Now - Hour); // expired
    over.nodeIds = {u"nbg1-b"_s};
    model.setSilences({region, over}, Now);
    EXPECT_EQ(cell(model, c, AlertListModel::SilencedColumn), u"Silenced"_s);
    EXPECT_EQ(cell(model, c, AlertListModel::SilencedColumn, Qt::ToolTipRole),
              u"Silenced by bob-laptop until %1: kernel upgrade"_s.arg(
                  prego::AlertText::localDateTime(Now + 3 * Hour)));
    EXPECT_TRUE(model.index(c, 0).data(AlertListModel::SilencedRole).toBool());
    EXPECT_EQ(cell(model, d, AlertListModel::SilencedColumn), QString());
}

TEST(AlertListModel, UpdatesByDifferenceSoSelectionSurvives)
{
    AlertListModel model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::Fatal};
    const Alert a = alert(u"fsn1-a"_s, AlertRule::Cpu, AlertState::Pending, 91, Now - Minute);
    const Alert b = alert(u"fsn1-b"_s, AlertRule::Disk, AlertState::Firing, 90, Now - Hour);
    const Alert c = alert(u"fsn1-c"_s, AlertRule::Memory, AlertState::Pending, 92, Now - Minute);
    model.setAlerts({a, b, c}, Now);
    const QPersistentModelIndex kept = model.index(model.rowOf(c.key()), 0);

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    Alert firing = c;
    firing.state = AlertState::Firing;
    const Alert d = alert(u"hel1-d"_s, AlertRule::Cpu, AlertState::Pending, 95, Now);
    model.setAlerts({d, firing, b}, Now + Minute);
    EXPECT_EQ(reset.size(), 0);
    EXPECT_EQ(removed.size(), 1);
    EXPECT_EQ(inserted.size(), 1);
    ASSERT_EQ(model.rowCount(), 3);
    ASSERT_TRUE(kept.isValid());
    EXPECT_EQ(kept.data(AlertListModel::KeyRole).toString(), c.key());
    EXPECT_EQ(QModelIndex(kept).siblingAtColumn(AlertListModel::StateColumn).data().toString(),
              u"Firing"_s);
    EXPECT_EQ(model.rowOf(a.key()), -1);
    EXPECT_GE(model.rowOf(d.key()), 0);

    // Sorted on the raw state through a proxy: firing first.
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(AlertListModel::RawValueRole);
    proxy.sort(AlertListModel::StateColumn);
    EXPECT_EQ(proxy.index(0, AlertListModel::StateColumn).data().toString(), u"Firing"_s);
    EXPECT_EQ(proxy.index(1, AlertListModel::StateColumn).data().toString(), u"Firing"_s);
    EXPECT_EQ(proxy.index(2, AlertListModel::NodeColumn).data().toString(), u"hel1-d"_s);

    model.setAlerts({}, Now + 2 * Minute);
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_FALSE(kept.isValid());
}

TEST(AlertHistoryModel, ListsTransitionsNewestFirst)
{
    AlertHistoryModel model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::Fatal};
    prego::AlertTransition began;
    began.nodeId = u"fsn1-a"_s;
    began.region = u"fsn1"_s;
    began.rule = AlertRule::Cpu;
    began.to = AlertState::Pending;
    began.atMs = Now - 20 * Minute;
    began.value = 91.5;
    prego::AlertTransition fired = began;
    fired.from = AlertState::Pending;
    fired.to = AlertState::Firing;
    fired.atMs = Now - 10 * Minute;
    fired.value = 95;
    prego::AlertTransition silent = fired;
    silent.from = AlertState::Firing;
    silent.to = AlertState::Unknown;
    silent.atMs = Now - Minute;
    silent.value.reset();
    silent.detail = u"stale"_s;
    model.setTransitions({began, silent, fired});

    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.headerData(AlertHistoryModel::TransitionColumn, Qt::Horizontal).toString(),
              u"Change"_s);
    EXPECT_EQ(cell(model, 0, AlertHistoryModel::TransitionColumn), u"Firing → Unknown"_s);
    EXPECT_EQ(cell(model, 0, AlertHistoryModel::ValueColumn), u"Stale"_s);
    EXPECT_EQ(cell(model, 1, AlertHistoryModel::TransitionColumn), u"Pending → Firing"_s);
    EXPECT_EQ(cell(model, 1, AlertHistoryModel::ValueColumn), u"95 %"_s);
    EXPECT_EQ(cell(model, 2, AlertHistoryModel::TransitionColumn), u"New → Pending"_s);
    EXPECT_EQ(cell(model, 2, AlertHistoryModel::ValueColumn), u"91.5 %"_s);
    EXPECT_EQ(cell(model, 2, AlertHistoryModel::RuleColumn), u"CPU"_s);
    EXPECT_EQ(cell(model, 2, AlertHistoryModel::TimeColumn),
              prego::AlertText::localDateTime(Now - 20 * Minute));
    EXPECT_EQ(model.index(2, AlertHistoryModel::TimeColumn).data(AlertHistoryModel::RawValueRole),
              QVariant(Now - 20 * Minute));
    model.setTransitions({});
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(SilenceListModel, ShowsTargetsWhoAndStateAtTheServersTime)
{
    SilenceListModel model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::Fatal};
    prego::Silence active = silence(u"s-active"_s, Now - Hour, Now + Hour);
    active.nodeIds = {u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s};
    prego::Silence scheduled = silence(u"s-later"_s, Now + Hour, Now + 2 * Hour);
    scheduled.nodeIds.clear();
    scheduled.region = u"fsn1"_s;
    prego::Silence ended = silence(u"s-ended"_s, Now - 2 * Hour, Now + Hour);
    ended.endedAtMs = Now - Hour;
    const prego::Silence expired = silence(u"s-expired"_s, Now - 3 * Hour, Now - 2 * Hour);
    model.setSilences({active, scheduled, ended, expired}, Now);

    ASSERT_EQ(model.rowCount(), 4);
    const auto row = [&](const QString &id) {
        return model.rowOf(id);
    };
    EXPECT_EQ(cell(model, row(u"s-active"_s), SilenceListModel::TargetColumn),
              u"a, b, c and 2 more"_s);
    EXPECT_EQ(cell(model, row(u"s-active"_s), SilenceListModel::TargetColumn, Qt::ToolTipRole),
              u"a, b, c, d, e"_s);
    EXPECT_EQ(cell(model, row(u"s-active"_s), SilenceListModel::StateColumn), u"Active"_s);
    EXPECT_EQ(cell(model, row(u"s-active"_s), SilenceListModel::CreatedByColumn), u"bob-laptop"_s);
    EXPECT_EQ(cell(model, row(u"s-active"_s), SilenceListModel::ReasonColumn), u"kernel upgrade"_s);
    EXPECT_EQ(cell(model, row(u"s-active"_s), SilenceListModel::UntilColumn),
              prego::AlertText::localDateTime(Now + Hour));
    EXPECT_EQ(cell(model, row(u"s-later"_s), SilenceListModel::TargetColumn), u"Region fsn1"_s);
    EXPECT_EQ(cell(model, row(u"s-later"_s), SilenceListModel::StateColumn), u"Scheduled"_s);
    EXPECT_EQ(cell(model, row(u"s-ended"_s), SilenceListModel::StateColumn), u"Ended early"_s);
    EXPECT_EQ(cell(model, row(u"s-ended"_s), SilenceListModel::StateColumn, Qt::ToolTipRole),
              u"Ended early at %1"_s.arg(prego::AlertText::localDateTime(Now - Hour)));
    EXPECT_EQ(cell(model, row(u"s-expired"_s), SilenceListModel::StateColumn), u"Expired"_s);
    EXPECT_TRUE(model.index(row(u"s-active"_s), 0).data(SilenceListModel::EndableRole).toBool());
    EXPECT_TRUE(model.index(row(u"s-later"_s), 0).data(SilenceListModel::EndableRole).toBool());
    EXPECT_FALSE(model.index(row(u"s-ended"_s), 0).data(SilenceListModel::EndableRole).toBool());

    // Two hours later, by difference: the active one expired in place, the ended one is gone.
    const QPersistentModelIndex kept = model.index(row(u"s-active"_s), 0);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setSilences({active, scheduled, expired}, Now + 2 * Hour);
    EXPECT_EQ(reset.size(), 0);
    ASSERT_TRUE(kept.isValid());
    EXPECT_EQ(QModelIndex(kept).siblingAtColumn(SilenceListModel::StateColumn).data().toString(),
              u"Expired"_s);
    EXPECT_EQ(model.rowOf(u"s-ended"_s), -1);
    EXPECT_EQ(model.rowCount(), 3);
}
