// Light and dark palettes: the colours the console paints itself read well on both, follow a
// palette change at run time, and the tray icon is drawn sharp at 200 %.
#include "appearance.h"
#include "dashboardview.h"
#include "domain/serverclock.h"
#include "fleettrayicon.h"
#include "freshnessdelegate.h"
#include "heatmapgrid.h"
#include "historychartview.h"
#include "nodetablemodel.h"
#include "statuscolors.h"
#include "tracetimeline.h"
#include "types/apierror.h"

#include <QApplication>
#include <QFrame>
#include <QImage>
#include <QLabel>
#include <QTest>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using prego::StatusColors;

namespace {

struct PaletteGuard
{
    ~PaletteGuard() { prego::Appearance::apply(u"system"_s); }
};

// Text and icons need 4.5:1 (WCAG AA for text); state icons and thin lines 3:1.
void expectReadable(const QPalette &pal, const char *name)
{
    const QColor base = pal.color(QPalette::Base);
    const QColor window = pal.color(QPalette::Window);
    for (const prego::Freshness f : {prego::Freshness::Fresh, prego::Freshness::Stale,
                                     prego::Freshness::NeverReported, prego::Freshness::Unknown}) {
        const QColor c = prego::FreshnessDelegate::colorFor(f, pal);
        EXPECT_GE(StatusColors::contrast(c, base), 3.0) << name << " freshness " << int(f);
        EXPECT_GE(StatusColors::contrast(c, window), 3.0) << name << " freshness " << int(f);
    }
    for (const auto tone :
         {StatusColors::Tone::Good, StatusColors::Tone::Warning, StatusColors::Tone::Bad,
          StatusColors::Tone::Neutral, StatusColors::Tone::Info}) {
        const QColor c = StatusColors::text(tone, pal);
        EXPECT_GE(StatusColors::contrast(c, base), 4.5) << name << " tone " << int(tone);
        EXPECT_GE(StatusColors::contrast(c, window), 4.5) << name << " tone " << int(tone);
    }
    for (const auto &banner : {StatusColors::problemBanner(pal), StatusColors::warningBanner(pal)})
        EXPECT_GE(StatusColors::contrast(banner.text, banner.background), 7.0) << name;
    // Durations are written on the trace's bars.
    for (const QString &status : {u"succeeded"_s, u"running"_s, u"failed"_s, u"skipped"_s}) {
        const QColor bar = prego::TraceTimeline::colorOf(status, pal);
        EXPECT_GE(StatusColors::contrast(StatusColors::textOn(bar), bar), 4.5)
            << name << " " << status.toStdString();
    }
    // "No data" cells stand apart from the grid's background.
    EXPECT_GE(
        StatusColors::contrast(prego::HeatmapGrid::colorOf(prego::HeatCell::NoData, pal), base),
        1.4)
        << name;
}

} // namespace

TEST(Palette, CustomColoursReadWellOnLightAndDarkPalettes)
{
    PaletteGuard guard;
    ASSERT_TRUE(prego::Appearance::apply(u"light"_s));
    EXPECT_FALSE(StatusColors::isDark(QApplication::palette()));
    expectReadable(QApplication::palette(), "light");
    ASSERT_TRUE(prego::Appearance::apply(u"dark"_s));
    EXPECT_TRUE(StatusColors::isDark(QApplication::palette()));
    expectReadable(QApplication::palette(), "dark");
    // A dark desktop theme with a darker base than Fusion's.
    QPalette deep = prego::Appearance::darkPalette();
    deep.setColor(QPalette::Base, QColor(0x12, 0x12, 0x12));
    deep.setColor(QPalette::Window, QColor(0x1e, 0x1e, 0x1e));
    expectReadable(deep, "deep dark");
}

TEST(Palette, ViewsFollowAPaletteChangeAtRunTime)
{
    PaletteGuard guard;
    prego::Appearance::apply(u"light"_s);
    prego::ServerClock clock;
    prego::NodeTableModel model(&clock);
    prego::DashboardView dashboard(&model, &clock);
    dashboard.resize(900, 500);
    dashboard.show();
    prego::ApiError offline;
    offline.kind = prego::ApiError::Kind::Network;
    dashboard.showPollFailed(offline, std::nullopt);
    auto *banner = dashboard.findChild<QFrame *>(u"offlineBanner"_s);
    ASSERT_NE(banner, nullptr);
    const auto bannerColor = [&] {
        return banner->grab().toImage().pixelColor(banner->width() / 2, 3);
    };
    EXPECT_EQ(bannerColor(), StatusColors::problemBanner(QApplication::palette()).background);
    prego::HistoryChartView chart(prego::HistoryChartView::Metric::Cpu);
    const QColor lightLine = chart.lineColor();

    prego::Appearance::apply(u"dark"_s);
    QApplication::processEvents();
    const QPalette dark = QApplication::palette();
    EXPECT_EQ(bannerColor(), StatusColors::problemBanner(dark).background);
    EXPECT_NE(chart.lineColor(), lightLine);
    EXPECT_GE(StatusColors::contrast(chart.lineColor(), dark.color(QPalette::Base)), 3.0);
    chart.resize(400, 240);
    EXPECT_EQ(chart.grab().toImage().pixelColor(2, 2), dark.color(QPalette::Base));
    // The freshness icons in the summary strip are drawn again in the dark variant.
    auto *fresh = dashboard.findChild<QLabel *>(u"summaryFresh"_s);
    ASSERT_NE(fresh, nullptr);
    const QList<QLabel *> icons = fresh->parentWidget()->findChildren<QLabel *>();
    const QImage icon = icons.first()->pixmap().toImage();
    const QColor drawn = icon.pixelColor(icon.width() / 2, icon.height() / 2);
    EXPECT_EQ(drawn.rgb(), prego::FreshnessDelegate::colorFor(prego::Freshness::Fresh, dark).rgb());
}

TEST(Tray, IconsShowEachStateAndAreDrawnAtTwiceTheResolution)
{
    using State = prego::FleetNotifier::State;
    QList<QRgb> fills;
    QList<QList<bool>> marks;
    for (const State state : {State::Unknown, State::AllFresh, State::SomeStale, State::Offline,
                              State::AlertsFiring, State::AlertsPending}) {
        const QIcon icon = prego::FleetTrayIcon::iconFor(state);
        const QPixmap one = icon.pixmap(QSize(22, 22), 1.0);
        const QPixmap two = icon.pixmap(QSize(22, 22), 2.0);
        EXPECT_EQ(one.size(), QSize(22, 22));
        EXPECT_EQ(two.size(), QSize(44, 44));
        EXPECT_EQ(two.devicePixelRatio(), 2.0);
        const QImage image = two.toImage();
        // The dot's fill, away from the mark (left of centre, a little below).
        fills.append(image.pixelColor(10, 28).rgb());
        // The mark: which pixels of the dot's inner square are (nearly) white.
        QList<bool> mark;
        for (int y = 12; y < 32; ++y) {
            for (int x = 12; x < 32; ++x) {
                const QColor c = image.pixelColor(x, y);
                mark.append(c.red() > 230 && c.green() > 230 && c.blue() > 230);
            }
        }
        EXPECT_GT(mark.count(true), 8) << "no mark in state " << int(state);
        marks.append(mark);
        // Sharp, not a scaled 22 px picture: across the ring's outer edge, the colour goes from
        // transparent to opaque within two device pixels.
        int partial = 0;
        for (int x = 0; x < 22; ++x) {
            const int alpha = image.pixelColor(x, 22).alpha();
            if (alpha > 0 && alpha < 255)
                ++partial;
        }
        EXPECT_LE(partial, 2) << int(state);
    }
    // Every state has its own colour and its own mark: never colour alone.
    QList<QRgb> distinct = fills;
    std::sort(distinct.begin(), distinct.end());
    EXPECT_EQ(std::unique(distinct.begin(), distinct.end()), distinct.end());
    for (int a = 0; a < marks.size(); ++a)
        for (int b = a + 1; b < marks.size(); ++b)
            EXPECT_NE(marks.at(a), marks.at(b)) << a << " and " << b << " have the same mark";
}
