// Issue 20 on the node detail charts: the line broken at push gaps, the tenant count as steps, and
// the annotations (jobs, silences, firing periods): where they are drawn, what hovering says,
// what a click opens, and that a range switch keeps them.
#include "chartannotationlayer.h"
#include "charteventlist.h"
#include "chartlegend.h"
#include "domain/nodeannotations.h"
#include "historychartview.h"
#include "nodedetailfixture.h"

#include <QApplication>
#include <QDateTime>
#include <QHelpEvent>
#include <QImage>
#include <QLocale>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;
using namespace prego::test;
using prego::ChartAnnotation;
using prego::HistoryChartView;
using prego::NodeDetailView;
using Metric = HistoryChartView::Metric;

namespace {

// The node's story: a tenant placed 4 h ago by alice, a maintenance silence 10 h to 8 h ago by
// bob, CPU firing from 70 to 50 min ago, memory firing for the last 30 min, and the freshness
// alert firing through the push gap.
constexpr qint64 JobAt = Now - 4 * Hour;
constexpr qint64 SilenceFrom = Now - 10 * Hour;
constexpr qint64 SilenceTo = Now - 8 * Hour;
constexpr qint64 CpuFrom = Now - 70 * Min;
constexpr qint64 CpuTo = Now - 50 * Min;
constexpr qint64 MemoryFrom = Now - 30 * Min;

QList<ChartAnnotation> story()
{
    prego::Job job;
    job.jobId = u"job-acme"_s;
    job.tenantId = u"acme"_s;
    job.path = u"shared-existing"_s;
    job.status = u"Completed"_s;
    job.targetServerId = u"n1"_s;
    job.finishedAtMs = JobAt;
    job.audit = {{JobAt - Min, u"alice-laptop"_s, u"job.created"_s, {}}};
    prego::Silence silence;
    silence.silenceId = u"s1"_s;
    silence.nodeIds = {u"n1"_s};
    silence.startsAtMs = SilenceFrom;
    silence.endsAtMs = SilenceTo;
    silence.reason = u"kernel upgrade"_s;
    silence.createdBy = u"bob-desk"_s;
    using S = prego::AlertState;
    using R = prego::AlertRule;
    const auto t = [](R rule, S to, qint64 at, std::optional<double> value = {}) {
        prego::AlertTransition tr;
        tr.nodeId = u"n1"_s;
        tr.rule = rule;
        tr.to = to;
        tr.atMs = at;
        tr.value = value;
        tr.detail = rule == R::Freshness ? u"stale"_s : QString();
        return tr;
    };
    return prego::NodeAnnotations::build(
        u"n1"_s, u"fsn1"_s, {job}, {silence},
        {t(R::Cpu, S::Firing, CpuFrom, 93.5), t(R::Cpu, S::Resolved, CpuTo),
         t(R::Memory, S::Firing, MemoryFrom, 95.0), t(R::Freshness, S::Firing, GapFrom + 4 * Min),
         t(R::Freshness, S::Resolved, GapTo)});
}

double xAt(const HistoryChartView *chart, qint64 ms)
{
    const prego::ChartFrame f = chart->frame();
    return f.plot.left() + f.plot.width() * double(ms - f.fromMs) / double(f.toMs - f.fromMs);
}

// A pixel of the chart's line: its hue and at least half its saturation (antialiasing spreads a
// one-pixel line over two columns). The grid, the axes and the gap hatch are grey.
bool isLine(const QImage &image, int x, int y, const QColor &line)
{
    const QColor c = image.pixelColor(x, y);
    return c.hsvSaturation() >= line.hsvSaturation() / 2 &&
           std::abs(c.hsvHue() - line.hsvHue()) < 20;
}

QList<prego::PlacedAnnotation> placedOf(const HistoryChartView *chart, ChartAnnotation::Kind kind)
{
    QList<prego::PlacedAnnotation> out;
    for (const prego::PlacedAnnotation &p : chart->placedAnnotations()) {
        if (p.annotation.kind == kind)
            out.append(p);
    }
    return out;
}

QString shortTime(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
}

} // namespace

TEST(HistoryChart, TheLineStopsAtAPushGapAndGoesOnAfterIt)
{
    Detail d;
    ASSERT_TRUE(d.open());
    QApplication::processEvents();
    HistoryChartView *cpu = d.view->chart(Metric::Cpu);
    const QList<QList<QPointF>> runs = cpu->lineRuns();
    ASSERT_EQ(runs.size(), 2);
    EXPECT_EQ(qint64(runs.at(0).last().x()), GapFrom - Min); // the last push before the gap
    EXPECT_EQ(qint64(runs.at(1).first().x()), GapTo);        // the first after it
    // On screen: not one pixel of the line inside the hatched gap, at any height.
    const QImage image = cpu->grab().toImage();
    const QRectF gap = cpu->gapRects().first();
    ASSERT_GT(gap.width(), 8);
    const QRectF plot = cpu->plotRect();
    for (int x = int(gap.left()) + 3; x <= int(gap.right()) - 3; ++x) {
        for (int y = int(plot.top()) + 1; y < int(plot.bottom()); ++y)
            ASSERT_FALSE(isLine(image, x, y, cpu->lineColor()))
                << "the line crosses the gap at " << x << "," << y;
    }
    // …and the line is there right before and after it.
    const auto lineInColumn = [&](int x) {
        for (int y = int(plot.top()) + 1; y < int(plot.bottom()); ++y) {
            if (isLine(image, x, y, cpu->lineColor()))
                return true;
        }
        return false;
    };
    EXPECT_TRUE(lineInColumn(int(gap.left()) - 3));
    EXPECT_TRUE(lineInColumn(int(gap.right()) + 3));
}

TEST(HistoryChart, TheTenantCountHoldsUntilTheNextSampleAndThenSteps)
{
    HistoryChartView chart(Metric::Tenants);
    chart.resize(600, 300);
    chart.setData(Now - Hour, Now,
                  {QPointF(double(Now - 60 * Min), 2), QPointF(double(Now - 40 * Min), 2),
                   QPointF(double(Now - 20 * Min), 6), QPointF(double(Now), 6)},
                  {});
    ASSERT_EQ(chart.lineRuns().size(), 1);
    const QList<QPointF> run = chart.lineRuns().first();
    EXPECT_TRUE(run.contains(QPointF(double(Now - 20 * Min), 2))) << "no corner before the rise";
    for (qsizetype i = 1; i < run.size(); ++i) {
        const bool flat = run.at(i).y() == run.at(i - 1).y();
        const bool upright = run.at(i).x() == run.at(i - 1).x();
        EXPECT_TRUE(flat || upright) << "a slope between vertices " << i - 1 << " and " << i;
    }
    // Painted: half-way from 2 (40 min ago) to 6 (20 min ago) the line is still at 2, not at 4.
    ASSERT_EQ(chart.valueAxisMax(), 8);
    const QImage image = chart.grab().toImage();
    const QRectF plot = chart.plotRect();
    const auto yOf = [&](double v) {
        return plot.bottom() - plot.height() * v / 8;
    };
    const auto lineNear = [&](double x, double y) {
        for (int dx = -1; dx <= 1; ++dx)
            for (int dy = -1; dy <= 1; ++dy)
                if (isLine(image, int(x) + dx, int(y) + dy, chart.lineColor()))
                    return true;
        return false;
    };
    const double half = xAt(&chart, Now - 30 * Min);
    EXPECT_TRUE(lineNear(half, yOf(2)));
    EXPECT_FALSE(lineNear(half, yOf(4)));
    EXPECT_FALSE(lineNear(half, yOf(5)));
    // The rise is upright, at the new sample's time: across the row at 5, one line's worth of
    // colour around that x (antialiasing may split it over two columns, each too pale alone).
    const int riseX = int(xAt(&chart, Now - 20 * Min));
    const int y5 = int(yOf(5));
    const QColor background = image.pixelColor(riseX - 20, y5);
    const auto distance = [](const QColor &a, const QColor &b) {
        return std::max({std::abs(a.red() - b.red()), std::abs(a.green() - b.green()),
                         std::abs(a.blue() - b.blue())});
    };
    double cover = 0;
    for (int x = riseX - 3; x <= riseX + 3; ++x)
        cover += std::min(1.0, distance(image.pixelColor(x, y5), background) /
                                   double(distance(chart.lineColor(), background)));
    EXPECT_NEAR(cover, 1.0, 0.35);
    EXPECT_FALSE(lineNear(riseX - 20, y5)); // and nowhere before it at that height
}

TEST(NodeDetail, AnnotationsAreDrawnAtTheirTimesOnTheChartsTheyBelongTo)
{
    Detail d;
    ASSERT_TRUE(d.open());
    d.view->setAnnotations(story());
    QApplication::processEvents();
    HistoryChartView *cpu = d.view->chart(Metric::Cpu);
    ASSERT_EQ(cpu->frame().toMs - cpu->frame().fromMs, 24 * Hour);
    const QRectF plot = cpu->plotRect();
    using Kind = ChartAnnotation::Kind;

    const auto jobs = placedOf(cpu, Kind::Job);
    ASSERT_EQ(jobs.size(), 1);
    EXPECT_NEAR(jobs.first().rect.center().x(), xAt(cpu, JobAt), 0.5);
    const auto silences = placedOf(cpu, Kind::Silence);
    ASSERT_EQ(silences.size(), 1);
    EXPECT_NEAR(silences.first().rect.left(), xAt(cpu, SilenceFrom), 0.5);
    EXPECT_NEAR(silences.first().rect.right(), xAt(cpu, SilenceTo), 0.5);
    EXPECT_EQ(silences.first().rect.top(), plot.top());
    EXPECT_EQ(silences.first().rect.bottom(), plot.bottom());
    // CPU's own firing period in the top strip, freshness in a second one under it.
    const auto firing = placedOf(cpu, Kind::Alert);
    ASSERT_EQ(firing.size(), 2);
    for (const prego::PlacedAnnotation &p : firing) {
        EXPECT_EQ(p.rect.height(), prego::ChartAnnotationLayer::FiringHeight);
        if (p.annotation.rule == prego::AlertRule::Cpu) {
            EXPECT_EQ(p.rect.top(), plot.top());
            EXPECT_NEAR(p.rect.left(), xAt(cpu, CpuFrom), 0.5);
            EXPECT_NEAR(p.rect.right(), xAt(cpu, CpuTo), 0.5);
        } else {
            EXPECT_EQ(p.annotation.rule, prego::AlertRule::Freshness);
            EXPECT_EQ(p.rect.top(), plot.top() + prego::ChartAnnotationLayer::FiringHeight);
        }
    }
    // Memory's chart has memory's open period (to the right edge) and no CPU one; the tenant
    // chart only the freshness period, in the top strip.
    HistoryChartView *memory = d.view->chart(Metric::Memory);
    for (const prego::PlacedAnnotation &p : placedOf(memory, Kind::Alert)) {
        EXPECT_NE(p.annotation.rule, prego::AlertRule::Cpu);
        if (p.annotation.rule == prego::AlertRule::Memory) {
            EXPECT_EQ(p.rect.right(), memory->plotRect().right());
        }
    }
    HistoryChartView *tenants = d.view->chart(Metric::Tenants);
    const auto tenantAlerts = placedOf(tenants, Kind::Alert);
    ASSERT_EQ(tenantAlerts.size(), 1);
    EXPECT_EQ(tenantAlerts.first().annotation.rule, prego::AlertRule::Freshness);
    EXPECT_EQ(tenantAlerts.first().rect.top(), tenants->plotRect().top());
    EXPECT_EQ(placedOf(tenants, Kind::Job).size(), 1);

    // Pixels: the job's pole and its flag above the plot in the job colour; the silence a flat
    // tint (one colour over a block), the push gap hatched (more than one).
    const QImage image = cpu->grab().toImage();
    const QColor jobColor = prego::ChartAnnotationLayer::jobColor(cpu->palette());
    const int jobX = int(std::round(xAt(cpu, JobAt)));
    EXPECT_EQ(image.pixelColor(jobX, int(plot.top() + plot.height() * 0.6)), jobColor);
    EXPECT_EQ(image.pixelColor(jobX + 2, int(cpu->frame().laneTop) + 4), jobColor);
    const auto coloursIn = [&](QPointF centre) {
        QSet<QRgb> colours;
        for (int x = int(centre.x()) - 5; x <= int(centre.x()) + 5; ++x)
            for (int y = int(centre.y()) - 5; y <= int(centre.y()) + 5; ++y)
                colours.insert(image.pixel(x, y));
        return colours;
    };
    const double y80 = plot.top() + plot.height() * 0.2; // above every value, off the grid
    const QSet<QRgb> silenceColours = coloursIn({xAt(cpu, (SilenceFrom + SilenceTo) / 2), y80});
    ASSERT_EQ(silenceColours.size(), 1);
    EXPECT_NE(QColor(*silenceColours.begin()), cpu->palette().color(QPalette::Base));
    EXPECT_GT(coloursIn({cpu->gapRects().first().center().x(), y80}).size(), 1);
    // Listed for the keyboard and for screen readers.
    EXPECT_TRUE(cpu->accessibleDescription().contains(u"Tenant acme placed"_s))
        << cpu->accessibleDescription().toStdString();
    EXPECT_TRUE(d.view->legend()->entryText(prego::ChartLegend::GapEntry).contains(u"5 min"_s));
}

TEST(NodeDetail, HoveringAMarkOrBandSaysWhatWhoAndUntilWhen)
{
    Detail d;
    ASSERT_TRUE(d.open());
    d.view->setAnnotations(story());
    QApplication::processEvents();
    HistoryChartView *cpu = d.view->chart(Metric::Cpu);
    const QRectF plot = cpu->plotRect();
    const double midY = plot.top() + plot.height() * 0.6;

    // The job's marker, asked as Qt asks for a tooltip.
    const QPoint onJob(int(std::round(xAt(cpu, JobAt))) + 1, int(midY));
    QHelpEvent help(QEvent::ToolTip, onJob, cpu->mapToGlobal(onJob));
    QApplication::sendEvent(cpu, &help);
    ASSERT_TRUE(QToolTip::isVisible());
    const QString jobTip = QToolTip::text();
    EXPECT_TRUE(jobTip.startsWith(u"CPU: "_s)) << jobTip.toStdString();
    for (const QString &expected :
         {u"Tenant acme placed"_s, u"Job job-acme"_s, u"Requested by alice-laptop"_s,
          shortTime(JobAt), u"Click the marker to open the job."_s})
        EXPECT_TRUE(jobTip.contains(expected)) << jobTip.toStdString();
    EXPECT_FALSE(jobTip.contains(u"Silenced"_s));

    // Anywhere over the silence: why, who and until when.
    cpu->hoverAt(QPointF(xAt(cpu, (SilenceFrom + SilenceTo) / 2), midY));
    const QString silenceTip = cpu->hoverText();
    EXPECT_TRUE(silenceTip.contains(u"Silenced: kernel upgrade"_s)) << silenceTip.toStdString();
    EXPECT_TRUE(silenceTip.contains(u"Set by bob-desk"_s));
    EXPECT_TRUE(silenceTip.contains(
        u"From %1 until %2"_s.arg(shortTime(SilenceFrom), shortTime(SilenceTo))))
        << silenceTip.toStdString();
    EXPECT_FALSE(silenceTip.contains(u"acme"_s));

    // Over the CPU firing period: what fired, from when to when.
    cpu->hoverAt(QPointF(xAt(cpu, (CpuFrom + CpuTo) / 2), plot.top() + 2));
    EXPECT_TRUE(cpu->hoverText().contains(u"CPU alert firing at 93.5 %"_s))
        << cpu->hoverText().toStdString();
    EXPECT_TRUE(cpu->hoverText().contains(
        u"Fired from %1 until %2"_s.arg(shortTime(CpuFrom), shortTime(CpuTo))));
    // A time with nothing marked says only the value and time.
    cpu->hoverAt(QPointF(xAt(cpu, Now - 5 * Hour), midY));
    EXPECT_EQ(cpu->hoverText().count(u'\n'), 1) << cpu->hoverText().toStdString();
}

TEST(NodeDetail, ClickingAJobMarkerOrEnterOnItsRowOpensTheJob)
{
    Detail d;
    ASSERT_TRUE(d.open());
    d.view->setAnnotations(story());
    QApplication::processEvents();
    QSignalSpy opened(d.view.get(), &NodeDetailView::jobActivated);
    HistoryChartView *memory = d.view->chart(Metric::Memory);
    const QRectF plot = memory->plotRect();
    const int x = int(std::round(xAt(memory, JobAt)));
    // A few pixels beside the pole still hit it; farther off is the chart.
    QTest::mouseClick(memory, Qt::LeftButton, {}, QPoint(x + 3, int(plot.center().y())));
    ASSERT_EQ(opened.size(), 1);
    EXPECT_EQ(opened.first().first().toString(), u"job-acme"_s);
    QTest::mouseClick(memory, Qt::LeftButton, {}, QPoint(x + 15, int(plot.center().y())));
    EXPECT_EQ(opened.size(), 1);
    // The flag above the plot of another chart.
    HistoryChartView *tenants = d.view->chart(Metric::Tenants);
    QTest::mouseClick(
        tenants, Qt::LeftButton, {},
        QPoint(int(std::round(xAt(tenants, JobAt))) + 2, int(tenants->frame().laneTop) + 3));
    ASSERT_EQ(opened.size(), 2);

    // The keyboard: the list under the charts, Enter on the job's row.
    prego::ChartEventList *list = d.view->annotationList();
    ASSERT_TRUE(list->isVisible());
    QTreeWidgetItem *jobRow = nullptr;
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = list->topLevelItem(i);
        if (item->text(prego::ChartEventList::WhatColumn) == u"Tenant acme placed"_s)
            jobRow = item;
    }
    ASSERT_NE(jobRow, nullptr);
    EXPECT_EQ(jobRow->text(prego::ChartEventList::WhoColumn), u"alice-laptop"_s);
    list->setFocus();
    list->setCurrentItem(jobRow);
    QTest::keyClick(list, Qt::Key_Return);
    ASSERT_EQ(opened.size(), 3);
    EXPECT_EQ(opened.last().first().toString(), u"job-acme"_s);
    // Enter on a silence's row opens nothing.
    list->setCurrentItem(list->topLevelItem(0));
    ASSERT_TRUE(list->topLevelItem(0)->text(1).startsWith(u"Silenced"_s));
    QTest::keyClick(list, Qt::Key_Return);
    EXPECT_EQ(opened.size(), 3);
}

TEST(NodeDetail, ARangeSwitchKeepsTheAnnotationsAndPlacesThemForTheNewRange)
{
    Detail d;
    ASSERT_TRUE(d.open());
    const QList<ChartAnnotation> annotations = story();
    d.view->setAnnotations(annotations);
    ASSERT_TRUE(d.switchTo(NodeDetailView::Range::Hour));
    EXPECT_EQ(d.view->annotations(), annotations);
    HistoryChartView *cpu = d.view->chart(Metric::Cpu);
    using Kind = ChartAnnotation::Kind;
    // The last hour: the job (4 h ago) and the silence are off the chart and off the list; the
    // CPU period that began 70 min ago starts at the left edge.
    EXPECT_TRUE(placedOf(cpu, Kind::Job).isEmpty());
    EXPECT_TRUE(placedOf(cpu, Kind::Silence).isEmpty());
    const auto firing = placedOf(cpu, Kind::Alert);
    ASSERT_EQ(firing.size(), 1);
    EXPECT_EQ(firing.first().rect.left(), cpu->plotRect().left());
    EXPECT_NEAR(firing.first().rect.right(), xAt(cpu, CpuTo), 0.5);
    EXPECT_EQ(d.view->annotationList()->topLevelItemCount(), 2); // CPU and memory
    // Back to 24 h: everything again, where it was.
    ASSERT_TRUE(d.switchTo(NodeDetailView::Range::Day));
    ASSERT_EQ(placedOf(cpu, Kind::Job).size(), 1);
    EXPECT_NEAR(placedOf(cpu, Kind::Job).first().rect.center().x(), xAt(cpu, JobAt), 0.5);
    EXPECT_EQ(d.view->annotationList()->topLevelItemCount(), annotations.size());

    // Another node: the previous node's annotations go.
    QSignalSpy shown(d.view.get(), &NodeDetailView::historyShown);
    d.view->showNode(node(u"n2"_s, Now, 5.0));
    ASSERT_TRUE(shown.wait(10000));
    EXPECT_TRUE(d.view->annotations().isEmpty());
    EXPECT_TRUE(cpu->placedAnnotations().isEmpty());
    EXPECT_FALSE(d.view->annotationList()->isVisible());
}
