// The whole console through an outage of its control plane: a scripted server that stops
// listening and comes back on the same port. "Minutes" are compressed: a 1 s poll interval and a
// 4 s backoff cap instead of 15 s and 5 min; the rules under test scale with them.
#include "api/fleetpoller.h"
#include "consoleapp.h"
#include "dashboardview.h"
#include "mainwindow.h"
#include "nodetablemodel.h"
#include "scriptedhttpserver.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using prego::test::ScriptedHttpServer;

namespace {
QByteArray fleetAt(qint64 ms)
{
    const QByteArray time =
        QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1();
    QByteArray nodes;
    for (int i = 1; i <= 3; ++i) {
        const QByteArray id = "fsn1-shared-0" + QByteArray::number(i);
        if (i > 1)
            nodes += ',';
        nodes += R"({"node_id":")" + id + R"(","hostname":")" + id +
                 R"(.example.net","ipv4":"203.0.113.)" + QByteArray::number(i) +
                 R"(","region":"fsn1","placement":"shared","role":"shared","tenant_id":null,)"
                 R"("stack":"fsn1","accepts_tenants":true,"status":"active",)"
                 R"("created_at":"2026-10-01T08:00:00Z","metrics":{"cpu_pct":30,)"
                 R"("memory_pct":40,"disk_pct":50,"tenant_count":3,"updated_at":")" +
                 time + R"("}})";
    }
    return QByteArray(R"({"server_time":")") + time + R"(","nodes":[)" + nodes + "]}";
}
} // namespace

TEST(ConsoleOutage, OfflineBannerKeepsTheDataWithItsAgeAndRecoversWithinOneInterval)
{
    ScriptedHttpServer server([](const ScriptedHttpServer::Request &r) {
        if (r.path.startsWith("/internal/nodes"))
            return ScriptedHttpServer::response(200, fleetAt(QDateTime::currentMSecsSinceEpoch()));
        return ScriptedHttpServer::response(404,
                                            R"({"error":{"code":"not_found","message":"no"}})");
    });
    QTemporaryDir home;
    qputenv("XDG_DATA_HOME", QFile::encodeName(home.filePath(u"data"_s)));
    QSettings settings(home.filePath(u"console.conf"_s), QSettings::IniFormat);
    QNetworkAccessManager nam;
    prego::ConsoleApp console(settings, nullptr, &nam);
    prego::Profile profile;
    profile.name = u"outage"_s;
    profile.baseUrl = server.url();
    profile.pollIntervalSeconds = 1;
    QSignalSpy shown(console.window(), &prego::MainWindow::snapshotShown);
    console.window()->show();
    console.connectWith(profile, u"outage-token-1234567890"_s, console.sessionStore());
    ASSERT_TRUE(shown.wait(15000));
    prego::FleetPoller *poller = console.poller();
    poller->setBackoffCapMs(4000);
    auto *banner = console.window()->findChild<QWidget *>(u"offlineBanner"_s);
    ASSERT_NE(banner, nullptr);
    const auto bannerText = [&] {
        return banner->findChildren<QLabel *>().first()->text();
    };
    EXPECT_FALSE(banner->isVisible());
    const int rows = console.window()->model()->rowCount();
    ASSERT_EQ(rows, 3);

    // Down: the banner says so, with when the data is from and how old it is; the rows stay.
    server.stop();
    QSignalSpy failed(poller, &prego::FleetPoller::pollFailed);
    QSignalSpy started(poller, &prego::FleetPoller::pollStarted);
    QElapsedTimer down;
    down.start();
    ASSERT_TRUE(failed.wait(10000));
    QApplication::processEvents();
    EXPECT_TRUE(banner->isVisible());
    EXPECT_TRUE(bannerText().startsWith(u"Control plane unreachable — data as of "_s))
        << bannerText().toStdString();
    // The age grows while it stays down ("just now" turns into seconds after 5 s).
    EXPECT_TRUE(QTest::qWaitFor([&] { return bannerText().contains(u" s ago"_s); }, 10000))
        << bannerText().toStdString();
    EXPECT_TRUE(bannerText().startsWith(u"Control plane unreachable — data as of "_s));
    EXPECT_EQ(console.window()->model()->rowCount(), rows);
    const QAbstractItemModel *m = console.window()->dashboard()->table()->model();
    EXPECT_EQ(m->index(0, prego::NodeTableModel::FreshnessColumn).data().toString(), u"Unknown"_s);
    // No storm: at most one try per interval while it was down (each a refused connection).
    EXPECT_LE(started.size(), down.elapsed() / 1000 + 1);
    EXPECT_GE(started.size(), 2);

    // Back: the next poll (at most one interval away) brings the data and clears the banner.
    ASSERT_TRUE(server.restart());
    QElapsedTimer back;
    back.start();
    ASSERT_TRUE(shown.wait(10000));
    EXPECT_LT(back.elapsed(), 1000 + 1000); // one poll interval + 1 s margin
    QApplication::processEvents();
    EXPECT_FALSE(banner->isVisible()) << bannerText().toStdString();
    EXPECT_EQ(m->index(0, prego::NodeTableModel::FreshnessColumn).data().toString(), u"Fresh"_s);
}
