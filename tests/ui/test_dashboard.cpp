#include "api/apiclient.h"
#include "api/fleetpoller.h"
#include "dashboardview.h"
#include "domain/serverclock.h"
#include "freshnessdelegate.h"
#include "httptestclient.h"
#include "i18n/translations.h"
#include "mainwindow.h"
#include "nodefilterproxy.h"
#include "nodetablemodel.h"
#include "simprocess.h"
#include "testnodes.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using prego::NodeTableModel;

namespace {

// What the console's composition root does: the window shows what the poller reports.
void showPolls(prego::MainWindow &window, prego::FleetPoller &poller, const prego::Profile &profile)
{
    window.showProfile(profile);
    QObject::connect(&poller, &prego::FleetPoller::snapshotReceived, &window,
                     &prego::MainWindow::showSnapshot);
    QObject::connect(&poller, &prego::FleetPoller::notModified, &window,
                     &prego::MainWindow::showNotModified);
    QObject::connect(&poller, &prego::FleetPoller::pollFailed, &window,
                     &prego::MainWindow::showPollFailed);
    QObject::connect(&window, &prego::MainWindow::refreshRequested, &poller,
                     &prego::FleetPoller::pollNow);
}

struct DemoDashboard
{
    prego::test::SimProcess sim;
    QNetworkAccessManager nam;
    prego::ServerClock clock;
    std::unique_ptr<prego::ApiClient> client;
    std::unique_ptr<prego::ControlPlane> controlPlane;
    std::unique_ptr<prego::FleetPoller> poller;
    std::unique_ptr<prego::MainWindow> window;

    bool open(const QStringList &simArgs)
    {
        if (!sim.start(simArgs))
            return false;
        prego::Profile profile;
        profile.name = u"sim"_s;
        profile.baseUrl = sim.baseUrl();
        profile.pollIntervalSeconds = 5;
        client = std::make_unique<prego::ApiClient>(&nam, profile);
        client->setToken(sim.tokenFor(u"operator"_s));
        controlPlane = std::make_unique<prego::ControlPlane>(client.get());
        poller = std::make_unique<prego::FleetPoller>(controlPlane.get(), &clock);
        window = std::make_unique<prego::MainWindow>(&clock);
        showPolls(*window, *poller, profile);
        window->show();
        QSignalSpy shown(window.get(), &prego::MainWindow::snapshotShown);
        poller->start();
        return shown.wait(15000);
    }

    QString summary(const QString &name) const
    {
        auto *label = window->findChild<QLabel *>(name);
        return label ? label->text() : u"<missing>"_s;
    }

    // How many rows of the table the operator sees show this freshness text.
    int rowsShowing(const QString &freshness) const
    {
        const QAbstractItemModel *m = window->dashboard()->table()->model();
        int count = 0;
        for (int r = 0; r < m->rowCount(); ++r)
            count += m->index(r, NodeTableModel::FreshnessColumn).data().toString() == freshness;
        return count;
    }
};

} // namespace

TEST(Dashboard, ShowsStaleAndNeverReportedNodesOfTheDemoFleet)
{
    DemoDashboard d;
    ASSERT_TRUE(d.open({u"--demo-fleet"_s, u"12"_s})) << d.sim.error().toStdString();
    // 12 shared nodes plus globex's three dedicated servers.
    EXPECT_EQ(d.window->dashboard()->table()->model()->rowCount(), 15);
    EXPECT_EQ(d.summary(u"summaryTotal"_s), u"15"_s);
    EXPECT_EQ(d.summary(u"summaryStale"_s), u"2"_s);
    EXPECT_EQ(d.summary(u"summaryNeverReported"_s), u"1"_s);
    EXPECT_EQ(d.rowsShowing(u"Stale"_s), 2);
    EXPECT_EQ(d.rowsShowing(u"Never reported"_s), 1);
    EXPECT_EQ(d.rowsShowing(u"Unknown"_s), 0);
    // The stale ones say how long ago in words.
    const QAbstractItemModel *m = d.window->dashboard()->table()->model();
    for (int r = 0; r < m->rowCount(); ++r) {
        if (m->index(r, NodeTableModel::FreshnessColumn).data().toString() == u"Stale") {
            EXPECT_TRUE(m->index(r, NodeTableModel::LastReportColumn)
                            .data()
                            .toString()
                            .endsWith(u" min ago"_s));
        }
    }
}

// Beside a node's freshness: a "Silenced" badge for a node under a maintenance silence (even a
// stale one), its worst alert for a node not silenced, nothing for the others.
TEST(Dashboard, MarksSilencedAndAlertingNodesBesideTheirFreshness)
{
    constexpr qint64 Now = 1'800'000'000'000;
    const prego::test::AgedNodes node{Now};
    prego::ServerClock clock([] { return Now; });
    clock.sync(Now);
    NodeTableModel model(&clock);
    prego::DashboardView view(&model, &clock);
    view.resize(1400, 500);
    view.show();
    prego::NodesSnapshot snapshot;
    snapshot.serverTimeMs = Now;
    snapshot.nodes = {node(u"a-silenced"_s, 900), node(u"b-firing"_s, 10), node(u"c-plain"_s, 10)};
    model.applySnapshot(snapshot);
    prego::Silence silence;
    silence.silenceId = u"s-1"_s;
    silence.nodeIds = {u"a-silenced"_s};
    silence.startsAtMs = Now - 60'000;
    silence.endsAtMs = Now + 3'600'000;
    silence.reason = u"kernel upgrade"_s;
    silence.createdBy = u"alice"_s;
    model.setSilences({silence}, Now);
    prego::Alert firing;
    firing.nodeId = u"b-firing"_s;
    firing.region = u"fsn1"_s;
    firing.rule = prego::AlertRule::Cpu;
    firing.state = prego::AlertState::Firing;
    firing.value = 95.0;
    model.setAlerts({firing});
    QTableView *table = view.table();
    table->clearSelection();
    QApplication::processEvents();

    const QImage image = table->viewport()->grab().toImage();
    const auto cellOf = [&](const QString &id) {
        const QAbstractItemModel *proxy = table->model();
        for (int r = 0; r < proxy->rowCount(); ++r) {
            if (proxy->index(r, 0).data(NodeTableModel::NodeIdRole).toString() == id)
                return table->visualRect(proxy->index(r, NodeTableModel::FreshnessColumn));
        }
        return QRect();
    };
    // Pixels of about this colour in the cell.
    const auto count = [&](const QRect &cell, const QColor &color) {
        int n = 0;
        for (int y = cell.top(); y <= cell.bottom(); ++y) {
            for (int x = cell.left(); x <= cell.right() && x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                n += std::abs(c.red() - color.red()) + std::abs(c.green() - color.green()) +
                                 std::abs(c.blue() - color.blue()) <
                             30
                         ? 1
                         : 0;
            }
        }
        return n;
    };
    const QPalette pal = table->palette();
    const QColor silenced =
        prego::FreshnessDelegate::markColor(int(prego::NodeMarks::Mark::Silenced), pal);
    const QColor alert =
        prego::FreshnessDelegate::markColor(int(prego::NodeMarks::Mark::AlertFiring), pal);
    const QRect a = cellOf(u"a-silenced"_s);
    const QRect b = cellOf(u"b-firing"_s);
    const QRect c = cellOf(u"c-plain"_s);
    ASSERT_TRUE(a.isValid() && b.isValid() && c.isValid());
    EXPECT_GE(count(a, silenced), 20) << "the silenced badge";
    EXPECT_EQ(count(a, alert), 0);
    EXPECT_GE(count(b, alert), 20) << "the alert's badge";
    EXPECT_EQ(count(b, silenced), 0);
    EXPECT_EQ(count(c, silenced) + count(c, alert), 0);
    // The badge sits at the cell's right end, clear of the freshness text on the left.
    const QRect badge =
        prego::FreshnessDelegate::badgeRect(a, u"Silenced"_s, QFontMetrics(table->font()));
    EXPECT_GT(badge.left(), a.left() + a.width() / 2);
}

// An empty table says why it is empty, over the table, in the operator's language; a loading one
// says nothing.
TEST(Dashboard, AnEmptyFleetAndAFilterThatHidesEveryNodeSaySo)
{
    {
        prego::ServerClock clock;
        prego::MainWindow window(&clock);
        window.show();
        EXPECT_EQ(window.dashboard()->emptyText(), QString()); // no snapshot yet
    }
    DemoDashboard empty;
    ASSERT_TRUE(empty.open({})) << empty.sim.error().toStdString();
    ASSERT_EQ(empty.window->dashboard()->table()->model()->rowCount(), 0);
    const QString none = u"The control plane lists no nodes yet. A tenant provisioned on a new "
                         "shared node or on a dedicated stack registers its servers here."_s;
    EXPECT_EQ(empty.window->dashboard()->emptyText(), none);
    auto *label = empty.window->findChild<QLabel *>(u"nodeTableEmpty"_s);
    ASSERT_NE(label, nullptr);
    EXPECT_TRUE(label->isVisible());
    const QRect viewport = empty.window->dashboard()->table()->viewport()->geometry();
    EXPECT_TRUE(viewport.contains(label->geometry())) << "over the rows, not over the header";
    prego::Translations::install(QLocale(QLocale::Korean, QLocale::SouthKorea));
    QCoreApplication::processEvents();
    EXPECT_EQ(empty.window->dashboard()->emptyText(),
              u"제어 플레인에 등록된 노드가 아직 없습니다. 새 공유 노드나 전용 스택에 "
              "테넌트를 프로비저닝하면 그 서버가 여기에 등록됩니다."_s);
    prego::Translations::install(QLocale(QLocale::English, QLocale::UnitedStates));
    QCoreApplication::processEvents();

    DemoDashboard d;
    ASSERT_TRUE(d.open({u"--demo-fleet"_s, u"12"_s})) << d.sim.error().toStdString();
    EXPECT_EQ(d.window->dashboard()->emptyText(), QString());
    d.window->dashboard()->filterEdit()->setText(u"no-such-node"_s);
    EXPECT_EQ(d.window->dashboard()->table()->model()->rowCount(), 0);
    EXPECT_EQ(d.window->dashboard()->emptyText(), u"No node matches the filters."_s);
    d.window->dashboard()->filterEdit()->clear();
    EXPECT_EQ(d.window->dashboard()->table()->model()->rowCount(), 15);
    EXPECT_EQ(d.window->dashboard()->emptyText(), QString());
}

TEST(Dashboard, KeepsSelectionAcrossRefreshAndLabelsAStoppedNodeStale)
{
    DemoDashboard d;
    ASSERT_TRUE(d.open({u"--demo-fleet"_s, u"40"_s, u"--enable-sim-admin"_s}))
        << d.sim.error().toStdString();
    QTableView *table = d.window->dashboard()->table();
    QScrollBar *scroll = table->verticalScrollBar();
    // The view lays itself out on the next event-loop turns.
    ASSERT_TRUE(QTest::qWaitFor([&] { return scroll->maximum() > 0; }, 5000));
    scroll->setValue(scroll->maximum() / 2);
    const int scrolledTo = scroll->value();
    auto *model = d.window->model();
    const QModelIndex source = model->index(model->rowOf(u"fsn1-shared-01"_s), 0);
    ASSERT_TRUE(source.isValid());
    const QModelIndex row = d.window->dashboard()->proxy()->mapFromSource(source);
    table->selectionModel()->setCurrentIndex(row, QItemSelectionModel::ClearAndSelect |
                                                      QItemSelectionModel::Rows);

    prego::test::HttpTestClient admin(d.sim.baseUrl());
    admin.setToken(d.sim.tokenFor(u"operator"_s));
    const auto r =
        admin.post(u"/sim/nodes/fsn1-shared-01"_s,
                   QJsonObject{{u"pushing"_s, false}, {u"last_push_age_seconds"_s, 600}});
    ASSERT_EQ(r.status, 204);
    QSignalSpy shown(d.window.get(), &prego::MainWindow::snapshotShown);
    d.poller->pollNow();
    ASSERT_TRUE(shown.wait(10000));
    const QModelIndexList selected = table->selectionModel()->selectedRows();
    ASSERT_EQ(selected.size(), 1);
    EXPECT_EQ(selected.first().data(NodeTableModel::NodeIdRole).toString(), u"fsn1-shared-01"_s);
    EXPECT_EQ(selected.first()
                  .sibling(selected.first().row(), NodeTableModel::FreshnessColumn)
                  .data()
                  .toString(),
              u"Stale"_s);
    EXPECT_EQ(d.window->dashboard()->currentNodeId(), u"fsn1-shared-01"_s);
    EXPECT_EQ(scroll->value(), scrolledTo);
}

TEST(Dashboard, WarnsAboutClockSkewAndStillLabelsNodesRight)
{
    DemoDashboard d;
    ASSERT_TRUE(d.open({u"--demo-fleet"_s, u"6"_s, u"--enable-sim-admin"_s}))
        << d.sim.error().toStdString();
    auto *skew = d.window->findChild<QLabel *>(u"skewWarning"_s);
    ASSERT_NE(skew, nullptr);
    EXPECT_FALSE(skew->isVisible());
    prego::test::HttpTestClient admin(d.sim.baseUrl());
    admin.setToken(d.sim.tokenFor(u"operator"_s));
    ASSERT_EQ(admin.post(u"/sim/clock"_s, QJsonObject{{u"offset_seconds"_s, 3600}}).status, 204);
    QSignalSpy shown(d.window.get(), &prego::MainWindow::snapshotShown);
    d.poller->pollNow();
    ASSERT_TRUE(shown.wait(10000));
    d.window->tick();
    EXPECT_TRUE(skew->isVisible());
    EXPECT_TRUE(skew->text().contains(u"behind"_s)) << skew->text().toStdString();
}

TEST(Dashboard, ShowsOfflineBannerWithDataAsOfWhenTheControlPlaneGoes)
{
    DemoDashboard d;
    ASSERT_TRUE(d.open({u"--demo-fleet"_s, u"4"_s})) << d.sim.error().toStdString();
    d.sim.stop();
    QSignalSpy failed(d.poller.get(), &prego::FleetPoller::pollFailed);
    d.poller->pollNow();
    ASSERT_TRUE(failed.wait(10000));
    auto *banner = d.window->findChild<QWidget *>(u"offlineBanner"_s);
    ASSERT_NE(banner, nullptr);
    EXPECT_TRUE(banner->isVisible());
    const auto labels = banner->findChildren<QLabel *>();
    ASSERT_FALSE(labels.isEmpty());
    EXPECT_TRUE(labels.first()->text().contains(u"data as of"_s))
        << labels.first()->text().toStdString();
    // Our data is not current: every node is unknown, values still shown.
    EXPECT_EQ(d.rowsShowing(u"Unknown"_s), d.window->model()->rowCount());
}

namespace {

// Opens the dashboard with a token the sim refuses (401) or whose role may not list nodes (403),
// and returns the banner's text and whether it offers to enter a token.
std::pair<QString, bool> bannerFor(const QString &token)
{
    prego::test::SimProcess sim;
    if (!sim.start({u"--demo-fleet"_s, u"4"_s}))
        return {sim.error(), false};
    QNetworkAccessManager nam;
    prego::ServerClock clock;
    prego::Profile profile;
    profile.name = u"sim"_s;
    profile.baseUrl = sim.baseUrl();
    prego::ApiClient client(&nam, profile);
    client.setToken(token.isEmpty() ? sim.tokenFor(u"agent"_s) : token);
    prego::ControlPlane controlPlane(&client);
    prego::FleetPoller poller(&controlPlane, &clock);
    prego::MainWindow window(&clock);
    showPolls(window, poller, profile);
    window.show();
    QSignalSpy failed(&poller, &prego::FleetPoller::pollFailed);
    poller.start();
    if (!failed.wait(10000))
        return {u"no failure"_s, false};
    auto *banner = window.findChild<QWidget *>(u"offlineBanner"_s);
    if (!banner || !banner->isVisible())
        return {u"no banner"_s, false};
    const auto buttons = banner->findChildren<QPushButton *>();
    return {banner->findChildren<QLabel *>().first()->text(),
            !buttons.isEmpty() && buttons.first()->isVisible()};
}

} // namespace

TEST(Dashboard, RefusedTokenShowsBannerAndOffersATokenPrompt)
{
    const auto [text, offersToken] = bannerFor(u"not-a-valid-token-0123456789"_s);
    EXPECT_TRUE(text.contains(u"did not accept this profile's token"_s)) << text.toStdString();
    EXPECT_TRUE(offersToken);
}

TEST(Dashboard, ForbiddenRoleIsExplained)
{
    const auto [text, offersToken] = bannerFor({}); // an agent token may not list nodes
    EXPECT_TRUE(text.contains(u"role may not list the nodes"_s)) << text.toStdString();
    EXPECT_FALSE(offersToken);
}

TEST(Dashboard, SwitchesLanguageAtRunTime)
{
    prego::ServerClock clock;
    prego::MainWindow window(&clock);
    window.show();
    const QAbstractItemModel *m = window.dashboard()->table()->model();
    EXPECT_EQ(m->headerData(NodeTableModel::LastReportColumn, Qt::Horizontal).toString(),
              u"Last report"_s);
    prego::Translations::install(QLocale(QLocale::Korean, QLocale::SouthKorea));
    QCoreApplication::processEvents();
    EXPECT_EQ(m->headerData(NodeTableModel::LastReportColumn, Qt::Horizontal).toString(),
              u"마지막 보고"_s);
    EXPECT_EQ(window.dashboard()->filterEdit()->placeholderText(),
              u"노드, 호스트, 리전, 테넌트로 필터…"_s);
    prego::Translations::install(QLocale(QLocale::English, QLocale::UnitedStates));
    QCoreApplication::processEvents();
    EXPECT_EQ(window.dashboard()->filterEdit()->placeholderText(),
              u"Filter by node, host, region or tenant…"_s);
}
