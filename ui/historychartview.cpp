#include "historychartview.h"

#include "domain/agetext.h"
#include "domain/seriesthinning.h"
#include "statuscolors.h"

#include <QDateTime>
#include <QEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPaintEngine>
#include <QPaintEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace prego {

namespace {
constexpr qint64 DayMs = 24LL * 3600 * 1000;
constexpr int TimeTicks = 7; // labels at both ends and five between
constexpr int Margin = 4;    // around everything
constexpr int LabelGap = 4;  // between a label and the plot
// From this device pixel ratio on, the line is drawn as wide as the ratio (see paintEvent).
constexpr qreal HighDpiRatio = 1.5;

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
    : QWidget(parent)
    , m_metric(metric)
{
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent); // paintEvent fills every pixel
    setBackgroundRole(QPalette::Base);
    retranslate();
}

QSize HistoryChartView::minimumSizeHint() const
{
    return {320, 180};
}

QSize HistoryChartView::sizeHint() const
{
    return {480, 260};
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
    setAccessibleName(title());
    updateAxes();
    relayout();
}

QColor HistoryChartView::lineColor() const
{
    return colorFor(m_metric, palette());
}

void HistoryChartView::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::LanguageChange:
    case QEvent::LocaleChange:
        retranslate();
        break;
    case QEvent::FontChange:
    case QEvent::StyleChange:
        relayout();
        break;
    case QEvent::PaletteChange:
        update();
        break;
    default:
        break;
    }
    QWidget::changeEvent(event);
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
    layoutPlot();
    rethin();
}

void HistoryChartView::clear(qint64 fromMs, qint64 toMs)
{
    setData(fromMs, toMs, {}, {});
}

void HistoryChartView::updateAxes()
{
    // Values: percentages on a fixed 0-100 scale; tenants in whole numbers with a little
    // headroom above the highest.
    m_yTicks.clear();
    m_yLabels.clear();
    const QLocale locale;
    if (m_metric == Metric::Tenants) {
        double top = 0;
        for (const QPointF &p : std::as_const(m_points))
            top = std::max(top, p.y());
        // Four whole-number steps to the first multiple at or above a quarter more than the
        // highest count, so the top line is labelled too.
        const double step = std::max(1.0, std::ceil(std::max(4.0, std::ceil(top * 1.25)) / 4));
        m_yMax = step * 4;
        for (double v = 0; v <= m_yMax + 1e-9; v += step) {
            m_yTicks.append(v);
            m_yLabels.append(locale.toString(qint64(v)));
        }
    } else {
        m_yMax = 100;
        for (int v = 0; v <= 100; v += 25) {
            m_yTicks.append(v);
            //: a value axis label, e.g. "25%"
            m_yLabels.append(tr("%1%").arg(locale.toString(v)));
        }
    }
    // Time: short ranges by the clock; longer ones by month and day (the order both languages
    // read), in local time.
    const QString format = m_toMs - m_fromMs <= DayMs ? u"HH:mm"_s : u"MM-dd"_s;
    m_xLabels.clear();
    for (int i = 0; i < TimeTicks; ++i) {
        const qint64 t = m_fromMs + (m_toMs - m_fromMs) * i / (TimeTicks - 1);
        m_xLabels.append(QDateTime::fromMSecsSinceEpoch(t).toString(format));
    }
}

void HistoryChartView::layoutPlot()
{
    const QFontMetrics fm = fontMetrics();
    QFont titleFont = font();
    titleFont.setBold(true);
    const QFontMetrics titleFm(titleFont);
    int yLabelWidth = 0;
    for (const QString &label : std::as_const(m_yLabels))
        yLabelWidth = std::max(yLabelWidth, fm.horizontalAdvance(label));
    // The first and last time labels are centred on the plot's edges: leave room for half.
    const int firstHalf = m_xLabels.isEmpty() ? 0 : fm.horizontalAdvance(m_xLabels.first()) / 2;
    const int lastHalf = m_xLabels.isEmpty() ? 0 : fm.horizontalAdvance(m_xLabels.last()) / 2;
    const double left = Margin + std::max(yLabelWidth + LabelGap, firstHalf);
    const double top = Margin + titleFm.height() + LabelGap + fm.height() / 2.0;
    const double right = width() - Margin - lastHalf;
    const double bottom = height() - Margin - fm.height() - LabelGap;
    m_plot = QRectF(QPointF(left, top), QPointF(std::max(left, right), std::max(top, bottom)));
}

void HistoryChartView::relayout()
{
    layoutPlot();
    if (plotWidthPx() != m_thinnedForWidth)
        rethin();
    update();
}

int HistoryChartView::plotWidthPx() const
{
    return int(m_plot.width());
}

void HistoryChartView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void HistoryChartView::rethin()
{
    m_thinnedForWidth = plotWidthPx();
    m_drawn = SeriesThinning::thin(m_points, double(m_fromMs), double(m_toMs),
                                   std::max(1, m_thinnedForWidth));
    update();
}

double HistoryChartView::xToPixel(double x) const
{
    return m_plot.left() + (x - double(m_fromMs)) * m_plot.width() / double(m_toMs - m_fromMs);
}

double HistoryChartView::yToPixel(double y) const
{
    return m_plot.bottom() - y * m_plot.height() / m_yMax;
}

QList<QRectF> HistoryChartView::gapRects() const
{
    QList<QRectF> rects;
    for (const TimeSpan &gap : m_gaps) {
        const double x1 = std::max(xToPixel(double(gap.startMs)), m_plot.left());
        const double x2 = std::min(xToPixel(double(gap.endMs)), m_plot.right());
        if (x2 > x1)
            rects.append(QRectF(QPointF(x1, m_plot.top()), QPointF(x2, m_plot.bottom())));
    }
    return rects;
}

void HistoryChartView::paintEvent(QPaintEvent *event)
{
    QPainter painter(this);
    const QPalette pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::Base));
    const QColor text = pal.color(QPalette::Text);
    const QFontMetrics fm = fontMetrics();

    // Title, centred above the plot.
    QFont titleFont = font();
    titleFont.setBold(true);
    painter.setFont(titleFont);
    painter.setPen(text);
    const QFontMetrics titleFm(titleFont);
    const QString heading = title();
    painter.drawText(
        QPointF((width() - titleFm.horizontalAdvance(heading)) / 2.0, Margin + titleFm.ascent()),
        heading);
    painter.setFont(font());

    // Grid and labels. Lines on pixel centres, without antialiasing: crisp at any size.
    QColor grid = text;
    grid.setAlpha(40);
    const double ascentHalf = fm.ascent() / 2.0 - fm.descent() / 2.0;
    for (qsizetype i = 0; i < m_yTicks.size(); ++i) {
        const double y = std::round(yToPixel(m_yTicks.at(i))) + 0.5;
        painter.setPen(grid);
        painter.drawLine(QPointF(m_plot.left(), y), QPointF(m_plot.right(), y));
        painter.setPen(text);
        const QString &label = m_yLabels.at(i);
        painter.drawText(
            QPointF(m_plot.left() - LabelGap - fm.horizontalAdvance(label), y + ascentHalf), label);
    }
    for (int i = 0; i < m_xLabels.size(); ++i) {
        const double x =
            std::round(m_plot.left() + m_plot.width() * i / (m_xLabels.size() - 1)) + 0.5;
        painter.setPen(grid);
        painter.drawLine(QPointF(x, m_plot.top()), QPointF(x, m_plot.bottom()));
        painter.setPen(text);
        const QString &label = m_xLabels.at(i);
        painter.drawText(QPointF(x - fm.horizontalAdvance(label) / 2.0,
                                 m_plot.bottom() + LabelGap + fm.ascent()),
                         label);
    }
    painter.setPen(pal.color(QPalette::Mid));
    const double axisX = std::round(m_plot.left()) + 0.5;
    const double axisY = std::round(m_plot.bottom()) + 0.5;
    painter.drawLine(QPointF(axisX, m_plot.top()), QPointF(axisX, axisY));
    painter.drawLine(QPointF(axisX, axisY), QPointF(m_plot.right(), axisY));

    // Push gaps: a shade and a hatch, so they do not rest on colour alone.
    QColor shade = text;
    shade.setAlpha(40);
    QColor hatch = text;
    hatch.setAlpha(70);
    for (const QRectF &r : gapRects()) {
        painter.fillRect(r, shade);
        painter.fillRect(r, QBrush(hatch, Qt::BDiagPattern));
    }

    // The line: through the thinned points (at most four per pixel column), one logical pixel
    // wide. A cosmetic one-pixel pen as one polyline takes the raster engine's direct line
    // drawer. On a high-DPI device one device pixel is too thin to read, and a wider pen on a
    // polyline is stroked with its joins into a path: ~100 times slower (230 ms for 2,400
    // points at 200 %). There the points are drawn as separate segments with a cosmetic pen as
    // wide as the device pixel ratio (2.7 ms instead of 1.4 ms).
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor lineColour = colorFor(m_metric, pal);
    if (!m_drawn.isEmpty()) {
        m_polyline.resize(m_drawn.size());
        QPointF *out = m_polyline.data();
        const double sx = m_plot.width() / double(m_toMs - m_fromMs);
        const double sy = m_plot.height() / m_yMax;
        const double x0 = m_plot.left() - double(m_fromMs) * sx;
        for (const QPointF &p : std::as_const(m_drawn))
            *out++ = QPointF(x0 + p.x() * sx, m_plot.bottom() - p.y() * sy);
        // The device painted on (a grab or a print can differ from the widget's screen).
        const qreal ratio = painter.paintEngine()->paintDevice()->devicePixelRatio();
        QPen pen(lineColour, ratio >= HighDpiRatio ? ratio : 1);
        pen.setCosmetic(true);
        painter.setPen(pen);
        painter.setClipRect(m_plot.adjusted(-1, -1, 1, 1));
        if (ratio < HighDpiRatio || m_polyline.size() < 2) {
            painter.drawPolyline(m_polyline.constData(), int(m_polyline.size()));
        } else {
            m_segments.resize(m_polyline.size() - 1);
            for (qsizetype i = 1; i < m_polyline.size(); ++i)
                m_segments[i - 1] = QLineF(m_polyline[i - 1], m_polyline[i]);
            painter.drawLines(m_segments.constData(), int(m_segments.size()));
        }
        painter.setClipping(false);
    }

    if (m_crosshair) {
        QPen pen(text);
        pen.setStyle(Qt::DashLine);
        painter.setPen(pen);
        painter.drawLine(QPointF(m_crosshair->x(), m_plot.top()),
                         QPointF(m_crosshair->x(), m_plot.bottom()));
        if (m_crosshairPoint) {
            painter.setBrush(lineColour);
            painter.drawEllipse(*m_crosshairPoint, 4, 4);
        }
    }
}

QString HistoryChartView::gapText(const TimeSpan &gap) const
{
    const QLocale locale;
    return tr("No pushes for %1 (%2 – %3)")
        .arg(AgeText::duration((gap.endMs - gap.startMs) / 1000),
             locale.toString(QDateTime::fromMSecsSinceEpoch(gap.startMs), QLocale::ShortFormat),
             locale.toString(QDateTime::fromMSecsSinceEpoch(gap.endMs), QLocale::ShortFormat));
}

void HistoryChartView::hoverAt(const QPointF &pos)
{
    if (!m_plot.contains(pos)) {
        m_crosshair.reset();
        m_crosshairPoint.reset();
        m_hoverText.clear();
        update();
        return;
    }
    m_crosshair = pos;
    const double x =
        double(m_fromMs) + (pos.x() - m_plot.left()) * double(m_toMs - m_fromMs) / m_plot.width();
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
        m_crosshairPoint = QPointF(xToPixel(nearest.x()), yToPixel(nearest.y()));
    } else {
        lines << tr("No samples in this range");
    }
    for (const TimeSpan &gap : std::as_const(m_gaps)) {
        if (x >= double(gap.startMs) && x < double(gap.endMs))
            lines << gapText(gap);
    }
    m_hoverText = lines.join(u'\n');
    update();
}

void HistoryChartView::mouseMoveEvent(QMouseEvent *event)
{
    hoverAt(event->position());
    if (m_hoverText.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), m_hoverText, this);
    QWidget::mouseMoveEvent(event);
}

void HistoryChartView::leaveEvent(QEvent *event)
{
    m_crosshair.reset();
    m_crosshairPoint.reset();
    m_hoverText.clear();
    update();
    QWidget::leaveEvent(event);
}

} // namespace prego
