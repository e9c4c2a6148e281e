// Issue 4 on screen: node detail charts (thinning, gap shading, hover), the heatmap grid, the
// views in the main window, and the stored snapshot shown at start when the control plane is gone.
#include "consoleapp.h"
#include "dashboardview.h"
#include "domain/serverclock.h"
#include "heatmapgrid.h"
#include "heatmapview.h"
#include "historychartview.h"
#include "mainwindow.h"
#include "nodedetailfixture.h"
#include "nodetablemodel.h"
#include "simprocess.h"
#include "storage/historyservice.h"
#include "storage/historystore.h"
#include "storage/profilestore.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace prego::test;
using prego::HistoryChartView;
using prego::NodeDetailView;

TEST(NodeDetail, ChartsAreThinnedToThePlotWidthAndKeepThePeak)
{
    Detail d;
    ASSERT_TRUE(d.open());
    QApplication::processEvents();
    HistoryChartView *cpu = d.view->chart(HistoryChartView::Metric::Cpu);
    const qsizetype stored = sixHours().size();
    EXPECT_EQ(cpu->allPoints().size(), stored);
    const int width = cpu->plotWidthPx();
    ASSERT_GT(width, 100);
    const QList<QPointF> drawn = cpu->drawnPoints();
    // 24 h at this width: far fewer points than samples, never more than four per pixel column.
    EXPECT_LT(drawn.size(), stored);
    EXPECT_LE(drawn.size(), 4 * width);
    EXPECT_TRUE(std::any_of(drawn.cbegin(), drawn.cend(), [](const QPointF &p) {
        return qint64(p.x()) == SpikeAt && p.y() == 99.0;
    })) << "the 99 % spike was thinned away";
    EXPECT_TRUE(d.view->sourceText().contains(u"%1 pushes"_s.arg(stored)))
        << d.view->sourceText().toStdString();
    // The header shows the node's current values.
    EXPECT_EQ(d.view->fieldText(2), u"fsn1"_s);
}

TEST(NodeDetail, TheLineIsPaintedUpToTheSpikeAndNowhereElseAtThatHeight)
{
    Detail d;
    ASSERT_TRUE(d.open());
    QApplication::processEvents();
    HistoryChartView *cpu = d.view->chart(HistoryChartView::Metric::Cpu);
    const QImage image = cpu->grab().toImage();
    const QRectF plot = cpu->plotRect();
    const double from = double(Now - 24 * Hour);
    const double span = double(24 * Hour);
    const int spikeX = int(plot.left() + plot.width() * (double(SpikeAt) - from) / span);
    // 60 %: above every other value (20-26 %), below the 99 % spike, off the 25 % grid lines.
    const int y60 = int(plot.bottom() - plot.height() * 0.60);
    const int yTop = int(plot.bottom() - plot.height() * 0.99);
    const QColor line = cpu->lineColor();
    const auto isLine = [&](int x, int y) {
        // The line's hue, at least half its saturation (antialiasing blends a one-pixel line over
        // two columns); the grid, the axes and the gap hatch are grey.
        const QColor c = image.pixelColor(x, y);
        return c.hsvSaturation() >= line.hsvSaturation() / 2 &&
               std::abs(c.hsvHue() - line.hsvHue()) < 20;
    };
    const auto lineNear = [&](int x0, int x1, int y0, int y1) {
        for (int x = x0; x <= x1; ++x)
            for (int y = y0; y <= y1; ++y)
                if (isLine(x, y))
                    return true;
        return false;
    };
    EXPECT_TRUE(lineNear(spikeX - 2, spikeX + 2, y60 - 1, y60 + 1))
        << "the line does not rise to the spike at x " << spikeX;
    EXPECT_TRUE(lineNear(spikeX - 2, spikeX + 2, yTop - 2, yTop + 2))
        << "the spike's top at 99 % is not painted";
    // Everywhere else on the plot nothing reaches 60 %.
    EXPECT_FALSE(lineNear(int(plot.left()) + 2, spikeX - 6, y60 - 1, y60 + 1));
    EXPECT_FALSE(lineNear(spikeX + 6, int(plot.right()) - 2, y60 - 1, y60 + 1));
}

namespace {

// How wide the line is, in device pixels, where it crosses column x of an image: the sum over the
// rows around y of how far each pixel is from the background towards the line's colour
// (antialiasing spreads a line over two rows, each partly covered).
double lineWidthAt(const QImage &image, int x, int y, const QColor &line)
{
    const QColor background = image.pixelColor(x, y - 12);
    const auto distance = [](const QColor &a, const QColor &b) {
        return std::max({std::abs(a.red() - b.red()), std::abs(a.green() - b.green()),
                         std::abs(a.blue() - b.blue())});
    };
    const double full = distance(line, background);
    double width = 0;
    for (int row = y - 6; row <= y + 6; ++row)
        width += std::min(1.0, distance(image.pixelColor(x, row), background) / full);
    return width;
}

} // namespace

// At 200 % one device pixel is half a logical one: the line is drawn as wide as the device pixel
// ratio there, so it reads as it does at 100 %.
TEST(HistoryChart, TheLineIsOneLogicalPixelWideAtAnyDevicePixelRatio)
{
    HistoryChartView chart(HistoryChartView::Metric::Cpu);
    chart.resize(600, 300);
    QList<QPointF> flat;
    for (qint64 t = Now - Hour; t <= Now; t += Min)
        flat.append(QPointF(double(t), 40.0)); // off the 25 % grid lines
    chart.setData(Now - Hour, Now, flat, {});
    for (const qreal ratio : {1.0, 2.0}) {
        QImage image(chart.size() * ratio, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(ratio);
        image.fill(Qt::transparent);
        chart.render(&image);
        const QRectF plot = chart.plotRect();
        const int y = int((plot.bottom() - plot.height() * 0.40) * ratio);
        // Three columns between the time grid lines.
        for (const double share : {0.1, 0.3, 0.7}) {
            const int x = int((plot.left() + plot.width() * share + 3) * ratio);
            const double width = lineWidthAt(image, x, y, chart.lineColor());
            EXPECT_NEAR(width, ratio, 0.35) << "at ratio " << ratio << ", column share " << share;
        }
    }
}

TEST(NodeDetail, ShadesTheKnownGapWhereItIs)
{
    Detail d;
    ASSERT_TRUE(d.open());
    QApplication::processEvents();
    for (auto metric : {HistoryChartView::Metric::Cpu, HistoryChartView::Metric::Tenants}) {
        HistoryChartView *chart = d.view->chart(metric);
        // The last push before the gap to the first after it, nothing before the first push.
        ASSERT_EQ(chart->gaps().size(), 1);
        EXPECT_EQ(chart->gaps().first(), (prego::TimeSpan{GapFrom - Min, GapTo}));
        const QList<QRectF> rects = chart->gapRects();
        ASSERT_EQ(rects.size(), 1);
        // Where on the plot: the gap's share of the 24 h window, to the pixel.
        const QRectF plot = chart->plotRect();
        const double from = double(Now - 24 * Hour);
        const double span = double(24 * Hour);
        EXPECT_NEAR(rects.first().left(),
                    plot.left() + plot.width() * (double(GapFrom - Min) - from) / span, 1.5);
        EXPECT_NEAR(rects.first().right(),
                    plot.left() + plot.width() * (double(GapTo) - from) / span, 1.5);
        EXPECT_NEAR(rects.first().top(), plot.top(), 1.0);
        EXPECT_NEAR(rects.first().bottom(), plot.bottom(), 1.0);
    }
}

TEST(NodeDetail, HoverShowsValueTimeAndTheGap)
{
    Detail d;
    ASSERT_TRUE(d.open());
    QApplication::processEvents();
    HistoryChartView *cpu = d.view->chart(HistoryChartView::Metric::Cpu);
    const QRectF gap = cpu->gapRects().first();
    cpu->hoverAt(gap.center());
    EXPECT_TRUE(cpu->crosshair().has_value());
    EXPECT_TRUE(cpu->hoverText().startsWith(u"CPU: "_s)) << cpu->hoverText().toStdString();
    EXPECT_TRUE(cpu->hoverText().contains(u"No pushes for 41 min"_s))
        << cpu->hoverText().toStdString();
    // Outside the plot: no crosshair, no text.
    cpu->hoverAt(QPointF(1, 1));
    EXPECT_FALSE(cpu->crosshair().has_value());
    EXPECT_TRUE(cpu->hoverText().isEmpty());
}

TEST(NodeDetail, RangeSwitchAsksAgainAndShowsOnlyThatRange)
{
    Detail d;
    ASSERT_TRUE(d.open());
    ASSERT_TRUE(d.switchTo(NodeDetailView::Range::Hour));
    HistoryChartView *cpu = d.view->chart(HistoryChartView::Metric::Cpu);
    // The last hour (its first minute's push falls out as the clock moves on by milliseconds);
    // the push before it, asked for the gap rule, is not drawn.
    EXPECT_GE(cpu->allPoints().size(), 60);
    EXPECT_LE(cpu->allPoints().size(), 61);
    EXPECT_TRUE(cpu->gaps().isEmpty());
    EXPECT_TRUE(d.view->rangeButton(NodeDetailView::Range::Hour)->isChecked());
    // 30 days reads the roll-ups: each 5-minute slot's lowest and highest value.
    ASSERT_TRUE(d.switchTo(NodeDetailView::Range::Month));
    EXPECT_TRUE(d.view->sourceText().contains(u"roll-ups"_s)) << d.view->sourceText().toStdString();
    const QList<QPointF> month = cpu->allPoints();
    EXPECT_TRUE(
        std::any_of(month.cbegin(), month.cend(), [](const QPointF &p) { return p.y() == 99.0; }));
    EXPECT_LT(month.size(), sixHours().size());
}

TEST(NodeDetail, ANodeWithoutHistorySaysSo)
{
    Detail d;
    ASSERT_TRUE(d.open());
    QSignalSpy shown(d.view.get(), &NodeDetailView::historyShown);
    d.view->showNode(node(u"n2"_s, Now, 5.0));
    ASSERT_TRUE(shown.wait(10000));
    EXPECT_TRUE(d.view->chart(HistoryChartView::Metric::Cpu)->allPoints().isEmpty());
    EXPECT_TRUE(d.view->sourceText().startsWith(u"No history for this node"_s))
        << d.view->sourceText().toStdString();
}

namespace {

prego::Heatmap knownHeatmap()
{
    // Two nodes: "late-one" missed two slots, "steady" none (worst first, as build() sorts).
    QList<qint64> steady, late;
    const qint64 from = prego::FreshnessHeatmap::firstSlotStart(Now) - 5 * Min;
    for (qint64 t = from; t <= Now; t += Min) {
        steady.append(t);
        if (t < Now - 2 * Hour || t >= Now - 2 * Hour + 10 * Min)
            late.append(t);
    }
    QHash<QString, QList<prego::PushSlot>> slots;
    slots.insert(u"steady"_s, prego::FreshnessHeatmap::slotsFromPushes(steady));
    slots.insert(u"late-one"_s, prego::FreshnessHeatmap::slotsFromPushes(late));
    return prego::FreshnessHeatmap::build(slots, Now, 5 * Min);
}

} // namespace

TEST(HeatmapGrid, CellsMapToRowsAndSlotsAndAClickOpensTheNode)
{
    prego::HeatmapView view;
    view.resize(1200, 400);
    view.show();
    const prego::Heatmap heatmap = knownHeatmap();
    view.setHeatmap(heatmap);
    QApplication::processEvents();
    prego::HeatmapGrid *grid = view.grid();
    ASSERT_EQ(grid->heatmap().rows.size(), 2);
    EXPECT_EQ(grid->heatmap().rows.first().nodeId, u"late-one"_s);
    EXPECT_TRUE(view.summaryText().contains(u"2 nodes"_s)) << view.summaryText().toStdString();
    EXPECT_TRUE(view.summaryText().contains(u"1 missed at least one slot"_s));

    // The column of the missing slots: 2 h before the last slot.
    const int missing = int((Now - 2 * Hour - heatmap.firstSlotStartMs) / (5 * Min));
    ASSERT_EQ(heatmap.rows.first().cells.at(missing), prego::HeatCell::NoPush);
    const QRect cell = grid->cellRect(0, missing);
    const auto hit = grid->cellAt(cell.center());
    ASSERT_TRUE(hit.has_value());
    EXPECT_EQ(hit->row, 0);
    EXPECT_EQ(hit->column, missing);
    EXPECT_TRUE(grid->toolTipFor(*hit).startsWith(u"late-one · "_s));
    EXPECT_TRUE(grid->toolTipFor(*hit).endsWith(u": no push"_s))
        << grid->toolTipFor(*hit).toStdString();
    EXPECT_TRUE(grid->toolTipFor({1, missing}).endsWith(u": pushed on time"_s));
    // The painted color is the state's.
    const QImage image = grid->viewport()->grab().toImage();
    EXPECT_EQ(image.pixelColor(cell.center()),
              prego::HeatmapGrid::colorOf(prego::HeatCell::NoPush, grid->palette()));

    QSignalSpy opened(&view, &prego::HeatmapView::nodeActivated);
    QTest::mouseClick(grid->viewport(), Qt::LeftButton, {}, grid->cellRect(1, 10).center());
    ASSERT_EQ(opened.size(), 1);
    EXPECT_EQ(opened.first().first().toString(), u"steady"_s);
    // Keyboard: up, then Enter, opens the row above.
    QTest::keyClick(grid, Qt::Key_Up);
    QTest::keyClick(grid, Qt::Key_Return);
    ASSERT_EQ(opened.size(), 2);
    EXPECT_EQ(opened.last().first().toString(), u"late-one"_s);
}

namespace {

prego::Silence silenceOf(QStringList nodes, std::optional<QString> region, qint64 startsAt,
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

// The colours painted inside a cell (without the row's one pixel of air).
QSet<QRgb> colorsIn(const QImage &image, const QRect &cell)
{
    QSet<QRgb> colors;
    for (int y = cell.top() + 1; y < cell.bottom(); ++y)
        for (int x = cell.left(); x <= cell.right(); ++x)
            colors.insert(image.pixel(x, y));
    return colors;
}

} // namespace

// Slots under a maintenance silence are hatched over their state's colour (from the silence's
// start to its end, or to when it was ended early; a region's silence over its nodes), the
// legend names the hatching, and the tooltip says who silenced the node, until when and why.
TEST(HeatmapGrid, SilencedSlotsAreHatchedAndSaySoOnHover)
{
    prego::HeatmapView view;
    view.resize(1200, 400);
    view.show();
    const prego::Heatmap heatmap = knownHeatmap();
    view.setHeatmap(heatmap);
    const auto column = [&](qint64 t) {
        return int((t - heatmap.firstSlotStartMs) / (5 * Min));
    };
    const prego::Silence maintenance =
        silenceOf({u"late-one"_s}, std::nullopt, Now - 2 * Hour - 30 * Min, Now - Hour);
    prego::Silence rack = silenceOf({}, u"nbg1"_s, Now - 6 * Hour, Now + Hour);
    rack.endedAtMs = Now - 5 * Hour; // ended early
    rack.createdBy = u"bob"_s;
    view.setRegionLookup([](const QString &id) { return id == u"steady" ? u"nbg1"_s : u"fsn1"_s; });
    view.setSilences({maintenance, rack});
    QApplication::processEvents();
    prego::HeatmapGrid *grid = view.grid();
    const QImage image = grid->viewport()->grab().toImage();
    const QPalette pal = grid->palette();
    const QRgb onTime = prego::HeatmapGrid::colorOf(prego::HeatCell::OnTime, pal).rgb();
    const QRgb noPush = prego::HeatmapGrid::colorOf(prego::HeatCell::NoPush, pal).rgb();

    // late-one (row 0): pushed on time outside the silence (one colour) and inside it (the same
    // colour crossed by hatching); its missed slots are hatched too.
    const int before = column(Now - 4 * Hour);
    const int inside = column(Now - 2 * Hour - 20 * Min);
    const int missed = column(Now - 2 * Hour);
    ASSERT_EQ(heatmap.rows.at(0).cells.at(before), prego::HeatCell::OnTime);
    ASSERT_EQ(heatmap.rows.at(0).cells.at(inside), prego::HeatCell::OnTime);
    ASSERT_EQ(heatmap.rows.at(0).cells.at(missed), prego::HeatCell::NoPush);
    EXPECT_EQ(colorsIn(image, grid->cellRect(0, before)), QSet<QRgb>{onTime});
    const QSet<QRgb> hatched = colorsIn(image, grid->cellRect(0, inside));
    EXPECT_TRUE(hatched.contains(onTime)) << "the state's colour stays visible";
    EXPECT_GE(hatched.size(), 2) << "hatching crosses the cell";
    const QSet<QRgb> missedColors = colorsIn(image, grid->cellRect(0, missed));
    EXPECT_TRUE(missedColors.contains(noPush));
    EXPECT_GE(missedColors.size(), 2);
    // After the silence's end: plain again.
    EXPECT_EQ(colorsIn(image, grid->cellRect(0, column(Now - 30 * Min))), QSet<QRgb>{onTime});

    // steady (row 1) in nbg1: hatched while the region's silence was in force, not after it was
    // ended early.
    EXPECT_GE(colorsIn(image, grid->cellRect(1, column(Now - 5 * Hour - 30 * Min))).size(), 2);
    EXPECT_EQ(colorsIn(image, grid->cellRect(1, column(Now - 4 * Hour))), QSet<QRgb>{onTime});

    const QString until = prego::SilenceIndex::localTimeText(Now - Hour);
    const QString tip = grid->toolTipFor({0, missed});
    EXPECT_TRUE(tip.endsWith(u": no push\nSilenced by alice until %1: kernel upgrade"_s.arg(until)))
        << tip.toStdString();
    EXPECT_FALSE(grid->toolTipFor({0, before}).contains(u"Silenced"_s));
    EXPECT_TRUE(grid->toolTipFor({1, column(Now - 5 * Hour - 30 * Min)})
                    .contains(u"Silenced by bob until %1"_s.arg(
                        prego::SilenceIndex::localTimeText(Now - 5 * Hour))));

    // The legend names the hatching, with a hatched swatch.
    const auto *swatch = view.findChild<QLabel *>(u"heatmapSilencedSwatch"_s);
    ASSERT_NE(swatch, nullptr);
    const QImage swatchImage = swatch->pixmap().toImage();
    QSet<QRgb> swatchColors;
    for (int y = 0; y < swatchImage.height(); ++y)
        for (int x = 0; x < swatchImage.width(); ++x)
            swatchColors.insert(swatchImage.pixel(x, y));
    EXPECT_GE(swatchColors.size(), 2);
    bool named = false;
    for (const QLabel *label : view.findChildren<QLabel *>())
        named = named || label->text() == u"silenced"_s;
    EXPECT_TRUE(named);

    // Without a way to know regions, a region's silence hatches nothing; a new heatmap keeps the
    // node's own.
    view.setRegionLookup({});
    view.setHeatmap(heatmap);
    EXPECT_EQ(grid->silenceAt(1, column(Now - 5 * Hour - 30 * Min)), nullptr);
    ASSERT_NE(grid->silenceAt(0, missed), nullptr);
    EXPECT_EQ(grid->silenceAt(0, missed)->silenceId, u"s-1"_s);
}

namespace {

// A console against the simulator with a profile of its own data directory. The signal waits in
// these tests end as soon as the signal comes; their generous limits are for a loaded machine.
struct Session
{
    QTemporaryDir home;
    std::unique_ptr<QSettings> settings;
    QNetworkAccessManager nam;

    Session()
    {
        qputenv("XDG_DATA_HOME", QFile::encodeName(home.filePath(u"data"_s)));
        settings =
            std::make_unique<QSettings>(home.filePath(u"console.conf"_s), QSettings::IniFormat);
    }
};

} // namespace

TEST(ConsoleHistory, DoubleClickOpensTheNodeAndCtrl2ShowsTheHeatmap)
{
    prego::test::SimProcess sim;
    ASSERT_TRUE(sim.start({u"--demo-fleet"_s, u"4"_s})) << sim.error().toStdString();
    Session s;
    prego::ConsoleApp console(*s.settings, nullptr, &s.nam);
    prego::Profile profile;
    profile.name = u"views"_s;
    profile.baseUrl = sim.baseUrl();
    QSignalSpy shown(console.window(), &prego::MainWindow::snapshotShown);
    console.window()->show();
    console.connectWith(profile, sim.tokenFor(u"viewer"_s), console.sessionStore());
    // The history service exists once connectWith returns; spied on before the event loop runs,
    // so the first poll's ingest cannot be missed on a slow machine.
    ASSERT_NE(console.history(), nullptr);
    QSignalSpy stored(console.history(), &prego::HistoryService::samplesIngested);
    ASSERT_TRUE(shown.wait(15000));
    EXPECT_TRUE(console.history()->path().startsWith(s.home.path()));

    // Wait until the first poll's samples are stored, then open a node from the table.
    ASSERT_TRUE(stored.size() > 0 || stored.wait(30000));
    QTableView *table = console.window()->dashboard()->table();
    const QModelIndex first = table->model()->index(0, 0);
    const QString id = first.data(prego::NodeTableModel::NodeIdRole).toString();
    ASSERT_FALSE(id.isEmpty());
    const QRect rect = table->visualRect(first);
    ASSERT_TRUE(QTest::qWaitForWindowActive(console.window()));
    QSignalSpy doubleClicked(table, &QAbstractItemView::doubleClicked);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    EXPECT_EQ(doubleClicked.size(), 1);
    NodeDetailView *detail = console.window()->nodeDetail();
    ASSERT_NE(detail, nullptr);
    EXPECT_TRUE(detail->isVisible());
    EXPECT_EQ(detail->nodeId(), id);
    if (detail->isWaitingForHistory()) {
        QSignalSpy drawn(detail, &NodeDetailView::historyShown);
        ASSERT_TRUE(drawn.wait(30000));
    }
    // A node that has pushed has its one stored sample on the chart.
    const int row = console.window()->model()->rowOf(id);
    if (console.window()->model()->nodeAt(row).metrics) {
        EXPECT_EQ(detail->chart(HistoryChartView::Metric::Cpu)->allPoints().size(), 1);
    }

    // Closed again: back in the main window, where the view shortcuts live.
    detail->close();
    console.window()->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(console.window()));
    QSignalSpy heatmap(console.window(), &prego::MainWindow::heatmapShown);
    QTest::keyClick(console.window(), Qt::Key_2, Qt::ControlModifier);
    EXPECT_EQ(console.window()->currentView(), prego::MainWindow::View::Heatmap);
    ASSERT_TRUE(heatmap.size() > 0 || heatmap.wait(30000));
    EXPECT_EQ(console.window()->currentView(), prego::MainWindow::View::Heatmap);
    int pushed = 0;
    for (const prego::Node &n : console.window()->model()->nodes())
        pushed += n.metrics.has_value();
    EXPECT_EQ(console.window()->heatmapView()->grid()->heatmap().rows.size(), pushed);
    QTest::keyClick(console.window(), Qt::Key_1, Qt::ControlModifier);
    EXPECT_EQ(console.window()->currentView(), prego::MainWindow::View::Dashboard);
}

TEST(ConsoleHistory, RestartedAgainstAnUnreachableControlPlaneShowsTheStoredSnapshot)
{
    prego::test::SimProcess sim;
    ASSERT_TRUE(sim.start({u"--demo-fleet"_s, u"4"_s})) << sim.error().toStdString();
    Session s;
    prego::Profile profile;
    profile.name = u"offline"_s;
    profile.baseUrl = sim.baseUrl();
    profile.pollIntervalSeconds = 5;
    const QString token = sim.tokenFor(u"viewer"_s);
    int nodes = 0;
    {
        prego::ConsoleApp console(*s.settings, nullptr, &s.nam);
        QSignalSpy shown(console.window(), &prego::MainWindow::snapshotShown);
        console.connectWith(profile, token, console.sessionStore());
        ASSERT_NE(console.history(), nullptr);
        QSignalSpy stored(console.history(), &prego::HistoryService::samplesIngested);
        ASSERT_TRUE(shown.wait(15000));
        ASSERT_TRUE(stored.size() > 0 || stored.wait(30000));
        nodes = console.window()->model()->rowCount();
        ASSERT_GT(nodes, 0);
    }
    sim.stop();

    prego::ConsoleApp console(*s.settings, nullptr, &s.nam);
    console.window()->show();
    QSignalSpy storedShown(console.window(), &prego::MainWindow::storedSnapshotShown);
    console.connectWith(profile, token, console.sessionStore());
    ASSERT_TRUE(storedShown.wait(30000));
    EXPECT_EQ(console.window()->model()->rowCount(), nodes);
    // Our data is not current: every node's freshness is unknown until a poll answers.
    const QAbstractItemModel *m = console.window()->dashboard()->table()->model();
    for (int r = 0; r < m->rowCount(); ++r)
        EXPECT_EQ(m->index(r, prego::NodeTableModel::FreshnessColumn).data().toString(),
                  u"Unknown"_s);
    auto *banner = console.window()->findChild<QWidget *>(u"offlineBanner"_s);
    ASSERT_NE(banner, nullptr);
    const auto bannerText = [&] {
        return banner->findChildren<QLabel *>().first()->text();
    };
    // Either the "stored" note or, once the first poll has failed, the offline banner; both say
    // when the data is from and how old it is.
    QSignalSpy pollFailed(console.poller(), &prego::FleetPoller::pollFailed);
    ASSERT_TRUE(pollFailed.size() > 0 || pollFailed.wait(15000));
    QApplication::processEvents();
    EXPECT_TRUE(banner->isVisible());
    EXPECT_TRUE(bannerText().startsWith(u"Control plane unreachable — data as of "_s))
        << bannerText().toStdString();
    EXPECT_TRUE(bannerText().contains(u"just now"_s) || bannerText().contains(u" s ago"_s))
        << bannerText().toStdString();
    EXPECT_EQ(console.window()->model()->rowCount(), nodes);
}

// Issue 9: a damaged history file at start is moved aside, and the operator is told where, in a
// notice that stays on the dashboard until dismissed (not only a status-bar message that is gone
// after 30 s); the console goes on with a new history.
TEST(ConsoleHistory, ADamagedHistoryFileIsMovedAsideAndTheNoticeStaysOnScreen)
{
    prego::test::SimProcess sim;
    ASSERT_TRUE(sim.start({u"--demo-fleet"_s, u"4"_s})) << sim.error().toStdString();
    Session s;
    prego::Profile profile;
    profile.name = u"damaged"_s;
    profile.baseUrl = sim.baseUrl();
    profile.pollIntervalSeconds = prego::Profile::MinPollIntervalSeconds;
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    ASSERT_TRUE(dataDir.startsWith(s.home.path())) << dataDir.toStdString();
    const QString path = prego::HistoryStore::pathFor(dataDir, profile.name);
    ASSERT_TRUE(QDir().mkpath(dataDir));
    {
        QFile garbage(path);
        ASSERT_TRUE(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray(64 * 1024, '\x5a'));
    }

    prego::ConsoleApp console(*s.settings, nullptr, &s.nam);
    console.window()->show();
    QSignalSpy shown(console.window(), &prego::MainWindow::snapshotShown);
    console.connectWith(profile, sim.tokenFor(u"viewer"_s), console.sessionStore());
    ASSERT_NE(console.history(), nullptr);
    QSignalSpy stored(console.history(), &prego::HistoryService::samplesIngested);
    ASSERT_TRUE(shown.wait(15000));
    ASSERT_TRUE(stored.size() > 0 || stored.wait(30000));
    QApplication::processEvents();

    const std::optional<prego::HistoryOpenResult> &opened = console.history()->openResult();
    ASSERT_TRUE(opened.has_value());
    ASSERT_FALSE(opened->movedAsidePath.isEmpty());
    EXPECT_EQ(QFileInfo(opened->movedAsidePath).size(), 64 * 1024) << "the damaged file was lost";
    auto *notice = console.window()->findChild<QWidget *>(u"storageNotice"_s);
    ASSERT_NE(notice, nullptr);
    EXPECT_TRUE(notice->isVisible());
    const QString text = console.window()->dashboard()->storageNotice();
    EXPECT_TRUE(text.contains(opened->movedAsidePath)) << text.toStdString();
    EXPECT_TRUE(text.contains(u"damaged"_s)) << text.toStdString();
    // A successful write afterwards does not take it away; Dismiss does.
    stored.clear();
    console.history()->ingest(prego::test::fleet(3, prego::test::T0 + 1000, prego::test::T0));
    ASSERT_TRUE(stored.wait(15000));
    EXPECT_TRUE(stored.first().first().value<prego::HistoryIngestResult>().error.isEmpty());
    QApplication::processEvents();
    EXPECT_TRUE(notice->isVisible());
    for (QAbstractButton *button : notice->findChildren<QAbstractButton *>()) {
        if (button->text() == u"Dismiss"_s)
            button->click();
    }
    EXPECT_FALSE(notice->isVisible());
    EXPECT_TRUE(QFile::exists(path)) << "no new history file";
}
