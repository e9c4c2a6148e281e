// The console's alerting against the real reference control plane: the freshness rule fires for
// the demo's stale nodes, a silence set from the console reaches the control plane and comes back
// as a mark in the fleet table and a band in the node's charts, and an acknowledgement sticks.
#include "alertingsession.h"
#include "alertlistmodel.h"
#include "alertsview.h"
#include "api/controlplane.h"
#include "consolesession.h"
#include "dashboardview.h"
#include "domain/nodeannotations.h"
#include "mainwindow.h"
#include "nodedetailview.h"
#include "nodetablemodel.h"
#include "silencedialog.h"

#include <QAction>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QTest>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace prego;

namespace {

// The alert of `rule` on `node` as the console holds it now.
std::optional<Alert> alertOf(AlertingSession *alerting, const QString &node, AlertRule rule)
{
    for (const Alert &a : alerting->alerts()) {
        if (a.nodeId == node && a.rule == rule)
            return a;
    }
    return std::nullopt;
}

} // namespace

TEST(ConsoleAlerts, StaleNodesFireASilenceRoundTripsAndAnAcknowledgementSticks)
{
    test::ConsoleSession s;
    ASSERT_TRUE(s.open({u"--demo-fleet"_s, u"8"_s}, u"alerts"_s)) << s.sim.error().toStdString();
    AlertingSession *alerting = s.console->alerting();
    ASSERT_NE(alerting, nullptr);
    AlertsView *view = s.window()->alertsView();

    // The freshness rule: two nodes stopped pushing, one never did.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return std::count_if(
                       alerting->alerts().cbegin(), alerting->alerts().cend(), [](const Alert &a) {
                           return a.rule == AlertRule::Freshness && a.state == AlertState::Firing;
                       }) == 3;
        },
        15000));
    EXPECT_GE(view->alertModel()->rowCount(), 3);
    ASSERT_TRUE(QTest::qWaitFor([&] { return view->silencesAvailable(); }, 10000));

    // Silence a fresh node from the fleet table's row menu, through the page's dialog.
    const QString node = u"nbg1-shared-01"_s;
    const int row = s.window()->model()->rowOf(node);
    ASSERT_GE(row, 0);
    EXPECT_EQ(s.window()->model()->silenceAt(row), nullptr);
    QTableView *table = s.window()->dashboard()->table();
    s.window()->showView(MainWindow::View::Dashboard);
    const QModelIndex proxyIndex = table->model()->index(0, 0);
    table->selectionModel()->select(proxyIndex, QItemSelectionModel::ClearAndSelect |
                                                    QItemSelectionModel::Rows);
    QMenu *menu = s.window()->dashboard()->rowMenu(table->visualRect(proxyIndex).center());
    ASSERT_NE(menu, nullptr);
    auto *silence = menu->findChild<QAction *>(u"silenceNodesAction"_s);
    ASSERT_NE(silence, nullptr);
    EXPECT_TRUE(silence->isEnabled());
    delete menu;
    view->silenceNodes({node});
    SilenceDialog *dialog = view->silenceDialog();
    ASSERT_NE(dialog, nullptr);
    dialog->setEnd(SilenceDialog::End::FourHours);
    dialog->setReason(u"디스크 교체"_s);
    dialog->accept();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return s.window()->model()->silenceAt(s.window()->model()->rowOf(node)); }, 15000));
    const Silence *mark = s.window()->model()->silenceAt(s.window()->model()->rowOf(node));
    EXPECT_EQ(mark->createdBy, u"test-operator"_s);
    EXPECT_EQ(mark->reason, u"디스크 교체"_s);
    EXPECT_NEAR(double(mark->endsAtMs - mark->startsAtMs), 4 * 3600e3, 60e3);
    EXPECT_TRUE(view->silenceDialog() == nullptr || !view->silenceDialog()->isVisible());

    // The node's charts show the silence as a band, with who set it.
    s.window()->openNode(node);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const auto &marks = s.window()->nodeDetail()->annotations();
            return std::any_of(marks.cbegin(), marks.cend(), [](const ChartAnnotation &a) {
                return a.kind == ChartAnnotation::Kind::Silence && a.who == u"test-operator";
            });
        },
        10000));

    // Acknowledge a stale node's alert: kept with who and why, still firing.
    QString stale;
    for (const Alert &a : alerting->alerts()) {
        if (a.rule == AlertRule::Freshness && a.detail == u"stale")
            stale = a.nodeId;
    }
    ASSERT_FALSE(stale.isEmpty());
    const QString key = alertOf(alerting, stale, AlertRule::Freshness)->key();
    Q_EMIT view->acknowledgeRequested({key}, u"on it"_s);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const auto a = alertOf(alerting, stale, AlertRule::Freshness);
            return a && a->ack.has_value();
        },
        10000));
    const Alert acked = *alertOf(alerting, stale, AlertRule::Freshness);
    EXPECT_EQ(acked.ack->who, u"test-operator"_s);
    EXPECT_EQ(acked.ack->comment, u"on it"_s);
    EXPECT_EQ(acked.state, AlertState::Firing);
    EXPECT_TRUE(view->selectedUnacknowledgedKeys().isEmpty() ||
                !view->selectedUnacknowledgedKeys().contains(key));
}

TEST(ConsoleAlerts, WithoutSilencesTheActionIsDisabledWithTheReasonAndAlertsStillFire)
{
    test::ConsoleSession s;
    ASSERT_TRUE(s.open({u"--demo-fleet"_s, u"8"_s, u"--features"_s, u"none"_s}, u"nofeat"_s))
        << s.sim.error().toStdString();
    AlertingSession *alerting = s.console->alerting();
    ASSERT_TRUE(QTest::qWaitFor([&] { return alerting->alerts().size() >= 3; }, 15000));
    ControlPlane *api = s.console->controlPlane();
    ASSERT_TRUE(QTest::qWaitFor([&] { return api->identity().has_value(); }, 10000));
    AlertsView *view = s.window()->alertsView();
    const QString reason = ControlPlane::missingFeatureText(Feature::Silences);
    EXPECT_FALSE(view->silencesAvailable());
    EXPECT_FALSE(view->silenceButton()->isEnabled());
    EXPECT_EQ(view->silenceButton()->toolTip(), reason);

    QTableView *table = s.window()->dashboard()->table();
    const QModelIndex first = table->model()->index(0, 0);
    table->selectionModel()->select(first, QItemSelectionModel::ClearAndSelect |
                                               QItemSelectionModel::Rows);
    QMenu *menu = s.window()->dashboard()->rowMenu(table->visualRect(first).center());
    ASSERT_NE(menu, nullptr);
    auto *silence = menu->findChild<QAction *>(u"silenceNodesAction"_s);
    ASSERT_NE(silence, nullptr);
    EXPECT_FALSE(silence->isEnabled());
    EXPECT_EQ(silence->toolTip(), reason);
    delete menu;
    // Nothing is silenced, and nothing was asked of the control plane about it.
    for (int row = 0; row < s.window()->model()->rowCount(); ++row)
        EXPECT_EQ(s.window()->model()->silenceAt(row), nullptr);
}
