#include "historychartview.h"

#include "domain/agetext.h"
#include "domain/seriesthinning.h"
#include "statuscolors.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLineSeries>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace prego {

namespace {
constexpr qint64 DayMs = 24LL * 3600 * 1000;

// Lighter lines on a dark palette, where the light ones sink into the background.
QColor colorFor(HistoryChartView::Metric metric, const QPalette &palette)
{
    const bool dark = StatusColors::isDark(palette);
    switch (metric) {
    case HistoryChartView::Metric::Cpu:
        return dark ? QColor(0x6b, 0xae, 0xd6) : QColor(0x1f, 0x77, 0xb4);
    case HistoryChartView::Metric::Memory:
        return dark ? QColor(0x74, 0xc4, 0x76) : QColor(0x2c, 0xa0, 0x2c);
    case HistoryChartView::Metric::Disk:
        return dark ? QColor(0xb3, 0x9d, 0xdb) : QColor(0x94, 0x67, 0xbd);
    case HistoryChartView::Metric::Tenants:
        return dark ? QColor(0xef, 0x9a, 0x9a) : QColor(0xd6, 0x27, 0x28);
    }
    return palette.color(QPalette::Text);
}
} // namespace

HistoryChartView::HistoryChartView(Metric metric, QWidget *parent)
    // The chart goes to the constructor: QChartView(parent) makes a default chart of its own,
    // which setChart() would release without deleting (LeakSanitizer found four per node detail).
    : QChartView(new QChart, parent)
    , m_metric(metric)
    , m_series(new QLineSeries)
    , m_xAxis(new QDateTimeAxis)
    , m_yAxis(new QValueAxis)
{
    QChart *chart = this->chart();
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->hide();
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundRoundness(0);
    QFont titleFont = chart->titleFont();
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    chart->addSeries(m_series);
    m_xAxis->setTickCount(7);
    chart->addAxis(m_xAxis, Qt::AlignBottom);
    chart->addAxis(m_yAxis, Qt::AlignLeft);
    m_series->attachAxis(m_xAxis);
    m_series->attachAxis(m_yAxis);
    setRenderHint(QPainter::Antialiasing);
    setMouseTracking(true);
    setMinimumSize(320, 180);
    applyPalette();
    connect(chart, &QChart::plotAreaChanged, this, [this] {
        if (plotWidthPx() != m_thinnedForWidth)
            rethin();
    });
    retranslate();
}

QString HistoryChartView::title() const
{
    switch (m_metric) {
    case Metric::Cpu:
        return tr("CPU");
    case Metric::Memory:
        return tr("Memory");
    case Metric::Disk:
        return tr("Disk");
    case Metric::Tenants:
        return tr("Tenants");
    }
    return {};
}

QString HistoryChartView::formatValue(Metric metric, double value)
{
    if (metric == Metric::Tenants)
        return QLocale().toString(qint64(std::llround(value)));
    //: a percentage value, e.g. "43.2 %"
    return tr("%1 %").arg(QLocale().toString(value, 'f', 1));
}

void HistoryChartView::retranslate()
{
    chart()->setTitle(title());
    updateAxes();
}

void HistoryChartView::applyPalette()
{
    // The chart's own light theme would stay white on a dark palette: take the widget's colours.
    const QPalette pal = palette();
    QChart *c = chart();
    c->setBackgroundBrush(pal.color(QPalette::Base));
    c->setTitleBrush(pal.color(QPalette::Text));
    QColor grid = pal.color(QPalette::Text);
    grid.setAlpha(40);
    for (QAbstractAxis *axis :
         {static_cast<QAbstractAxis *>(m_xAxis), static_cast<QAbstractAxis *>(m_yAxis)}) {
        axis->setLabelsBrush(pal.color(QPalette::Text));
        axis->setLinePenColor(pal.color(QPalette::Mid));
        axis->setGridLineColor(grid);
    }
    QPen pen(colorFor(m_metric, pal));
    pen.setWidthF(1.5);
    m_series->setPen(pen);
}

QColor HistoryChartView::lineColor() const
{
    return m_series->pen().color();
}

void HistoryChartView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::LocaleChange)
        retranslate();
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QChartView::changeEvent(event);
}

void HistoryChartView::setData(qint64 fromMs, qint64 toMs, QList<QPointF> points,
                               QList<TimeSpan> gaps)
{
    m_fromMs = fromMs;
    m_toMs = std::max(toMs, fromMs + 1);
    m_points = std::move(points);
    m_gaps = std::move(gaps);
    m_crosshair.reset();
    m_crosshairPoint.reset();
    m_hoverText.clear();
    updateAxes();
    rethin();
    viewport()->update();
}

void HistoryChartView::clear(qint64 fromMs, qint64 toMs)
{
    setData(fromMs, toMs, {}, {});
}

void HistoryChartView::updateAxes()
{
    if (m_toMs > m_fromMs) {
        m_xAxis->setRange(QDateTime::fromMSecsSinceEpoch(m_fromMs),
                          QDateTime::fromMSecsSinceEpoch(m_toMs));
    }
    // Short ranges by the clock; longer ones by month and day (the order both languages read).
    m_xAxis->setFormat(m_toMs - m_fromMs <= DayMs ? u"HH:mm"_s : u"MM-dd"_s);
    if (m_metric == Metric::Tenants) {
        double top = 0;
        for (const QPointF &p : std::as_const(m_points))
            top = std::max(top, p.y());
        // Whole numbers of tenants with a little headroom above the highest.
        const double max = std::max(4.0, std::ceil(top * 1.25));
        m_yAxis->setRange(0, max);
        m_yAxis->setLabelFormat(u"%d"_s);
        m_yAxis->setTickType(QValueAxis::TicksDynamic);
        m_yAxis->setTickAnchor(0);
        m_yAxis->setTickInterval(std::max(1.0, std::ceil(max / 4)));
    } else {
        m_yAxis->setRange(0, 100);
        m_yAxis->setLabelFormat(u"%d%%"_s);
        m_yAxis->setTickCount(5);
    }
}

int HistoryChartView::plotWidthPx() const
{
    return int(chart()->plotArea().width());
}

void HistoryChartView::rethin()
{
    int width = plotWidthPx();
    if (width <= 0)
        width = std::max(100, this->width() - 60); // not laid out yet: a close guess
    m_thinnedForWidth = plotWidthPx();
    m_series->replace(
        SeriesThinning::thin(m_points, double(m_fromMs), double(m_toMs), std::max(1, width)));
}

QRectF HistoryChartView::plotRectInViewport() const
{
    return mapFromScene(chart()->mapToScene(chart()->plotArea())).boundingRect();
}

QList<QRectF> HistoryChartView::gapRects() const
{
    QList<QRectF> rects;
    const QRectF plot = chart()->plotArea();
    for (const TimeSpan &gap : m_gaps) {
        const double x1 = chart()->mapToPosition(QPointF(double(gap.startMs), 0), m_series).x();
        const double x2 = chart()->mapToPosition(QPointF(double(gap.endMs), 0), m_series).x();
        QRectF r(QPointF(std::max(x1, plot.left()), plot.top()),
                 QPointF(std::min(x2, plot.right()), plot.bottom()));
        if (r.width() <= 0)
            continue;
        rects.append(mapFromScene(chart()->mapToScene(r)).boundingRect());
    }
    return rects;
}

void HistoryChartView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QChartView::drawForeground(painter, rect);
    painter->save();
    // The painter is in scene coordinates here.
    const QPalette pal = palette();
    QColor shade = pal.color(QPalette::Text);
    shade.setAlpha(40);
    QColor hatch = pal.color(QPalette::Text);
    hatch.setAlpha(70);
    for (const QRectF &r : gapRects()) {
        const QRectF scene = mapToScene(r.toAlignedRect()).boundingRect();
        painter->fillRect(scene, shade);
        painter->fillRect(scene, QBrush(hatch, Qt::BDiagPattern));
    }
    if (m_crosshair) {
        const QRectF plot = mapToScene(plotRectInViewport().toAlignedRect()).boundingRect();
        const QPointF at = mapToScene(m_crosshair->toPoint());
        QPen pen(pal.color(QPalette::Text));
        pen.setStyle(Qt::DashLine);
        painter->setPen(pen);
        painter->drawLine(QPointF(at.x(), plot.top()), QPointF(at.x(), plot.bottom()));
        if (m_crosshairPoint) {
            painter->setBrush(colorFor(m_metric, pal));
            painter->drawEllipse(mapToScene(m_crosshairPoint->toPoint()), 4, 4);
        }
    }
    painter->restore();
}

QString HistoryChartView::gapText(const TimeSpan &gap) const
{
    const QLocale locale;
    return tr("No pushes for %1 (%2 – %3)")
        .arg(AgeText::duration((gap.endMs - gap.startMs) / 1000),
             locale.toString(QDateTime::fromMSecsSinceEpoch(gap.startMs), QLocale::ShortFormat),
             locale.toString(QDateTime::fromMSecsSinceEpoch(gap.endMs), QLocale::ShortFormat));
}

void HistoryChartView::hoverAt(const QPointF &viewportPos)
{
    const QRectF plotInView = plotRectInViewport();
    if (!plotInView.contains(viewportPos)) {
        m_crosshair.reset();
        m_crosshairPoint.reset();
        m_hoverText.clear();
        viewport()->update();
        return;
    }
    m_crosshair = viewportPos;
    const QPointF chartPos = chart()->mapFromScene(mapToScene(viewportPos.toPoint()));
    const double x = chart()->mapToValue(chartPos, m_series).x();
    QStringList lines;
    m_crosshairPoint.reset();
    if (!m_points.isEmpty()) {
        auto it = std::lower_bound(m_points.cbegin(), m_points.cend(), x,
                                   [](const QPointF &p, double v) { return p.x() < v; });
        if (it == m_points.cend() || (it != m_points.cbegin() && x - (it - 1)->x() < it->x() - x))
            --it;
        const QPointF nearest = *it;
        lines << tr("%1: %2").arg(title(), formatValue(m_metric, nearest.y()))
              << QLocale().toString(QDateTime::fromMSecsSinceEpoch(qint64(nearest.x())),
                                    QLocale::LongFormat);
        m_crosshairPoint =
            mapFromScene(chart()->mapToScene(chart()->mapToPosition(nearest, m_series)));
    } else {
        lines << tr("No samples in this range");
    }
    for (const TimeSpan &gap : std::as_const(m_gaps)) {
        if (x >= double(gap.startMs) && x < double(gap.endMs))
            lines << gapText(gap);
    }
    m_hoverText = lines.join(u'\n');
    viewport()->update();
}

void HistoryChartView::mouseMoveEvent(QMouseEvent *event)
{
    hoverAt(event->position());
    if (m_hoverText.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), m_hoverText, this);
    QChartView::mouseMoveEvent(event);
}

void HistoryChartView::leaveEvent(QEvent *event)
{
    m_crosshair.reset();
    m_crosshairPoint.reset();
    m_hoverText.clear();
    viewport()->update();
    QChartView::leaveEvent(event);
}

void HistoryChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    if (plotWidthPx() != m_thinnedForWidth)
        rethin();
}

} // namespace prego
