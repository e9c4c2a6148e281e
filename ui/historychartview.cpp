#include "historychartview.h"

#include "domain/agetext.h"
#include "domain/seriesthinning.h"
#include "statuscolors.h"

#include <QDateTime>
#include <QEvent>
#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
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
    describeForAccessibility();
}

void HistoryChartView::describeForAccessibility()
{
    // The marks a mouse finds by hovering, for a screen reader (and the tests) in words.
    QStringList marks;
    for (const PlacedAnnotation &p : placedAnnotations())
        marks << ChartAnnotationLayer::summary(p.annotation);
    setAccessibleDescription(
        marks.isEmpty() ? QString() : tr("Marked on this chart: %1").arg(marks.join(u"; "_s)));
}

bool HistoryChartView::showsRule(Metric metric, AlertRule rule)
{
    switch (rule) {
    case AlertRule::Freshness:
        return true;
    case AlertRule::Cpu:
        return metric == Metric::Cpu;
    case AlertRule::Memory:
        return metric == Metric::Memory;
    case AlertRule::Disk:
        return metric == Metric::Disk;
    }
    return false;
}

void HistoryChartView::setAnnotations(const QList<ChartAnnotation> &annotations)
{
    QList<ChartAnnotation> mine;
    for (const ChartAnnotation &a : annotations) {
        if (a.kind != ChartAnnotation::Kind::Alert || (a.rule && showsRule(m_metric, *a.rule)))
            mine.append(a);
    }
    m_annotations.setAnnotations(std::move(mine));
    describeForAccessibility();
    update();
}

ChartFrame HistoryChartView::frame() const
{
    return {m_plot, m_fromMs, m_toMs, m_plot.top() - ChartAnnotationLayer::LaneHeight};
}

QRectF HistoryChartView::hoverArea() const
{
    return m_plot.adjusted(0, -ChartAnnotationLayer::LaneHeight, 0, 0);
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
    describeForAccessibility();
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
    // Room above the plot for half the top value label, and for the job flags.
    const double top = Margin + titleFm.height() + LabelGap +
                       std::max(fm.height() / 2.0, ChartAnnotationLayer::LaneHeight);
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
    // The tenant count holds until the next push: steps, not slopes.
    m_line.set(m_drawn, m_gaps,
               m_metric == Metric::Tenants ? ChartLine::Shape::Steps : ChartLine::Shape::Straight);
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

    // Silences behind the push gaps (flat, the gaps hatched), the line, then firing strips and
    // job markers in front of it.
    const ChartFrame chartFrame = frame();
    const QList<PlacedAnnotation> placed = m_annotations.place(chartFrame);
    for (const PlacedAnnotation &p : placed) {
        if (p.annotation.kind == ChartAnnotation::Kind::Silence)
            ChartAnnotationLayer::paintSilenceBand(painter, p.rect, pal);
    }
    for (const QRectF &r : gapRects())
        paintGapShade(painter, r, pal);
    const QColor lineColour = colorFor(m_metric, pal);
    m_line.paint(painter, m_plot, m_fromMs, m_toMs, m_yMax, lineColour);
    for (const PlacedAnnotation &p : placed) {
        if (p.annotation.kind == ChartAnnotation::Kind::Alert)
            ChartAnnotationLayer::paintFiringStrip(painter, p.rect, pal);
        else if (p.annotation.kind == ChartAnnotation::Kind::Job)
            ChartAnnotationLayer::paintJobMarker(painter, p.rect.center().x(), chartFrame.laneTop,
                                                 m_plot.bottom(), p.annotation.isOpen(), pal);
    }

    if (m_crosshair) {
        painter.setRenderHint(QPainter::Antialiasing);
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

void HistoryChartView::paintGapShade(QPainter &painter, const QRectF &rect, const QPalette &palette)
{
    // A shade and a hatch, so a gap does not rest on colour alone.
    const QColor text = palette.color(QPalette::Text);
    QColor shade = text;
    shade.setAlpha(40);
    QColor hatch = text;
    hatch.setAlpha(70);
    painter.fillRect(rect, shade);
    painter.fillRect(rect, QBrush(hatch, Qt::BDiagPattern));
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
    if (!hoverArea().contains(pos)) {
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
    // What is marked here: each with what, who and when, after a blank line.
    for (const ChartAnnotation &a : m_annotations.at(frame(), pos))
        lines << QString() << ChartAnnotationLayer::describe(a);
    m_hoverText = lines.join(u'\n');
    update();
}

bool HistoryChartView::event(QEvent *event)
{
    // A tooltip asked for without moving the mouse (a help key, a pause after a click).
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        hoverAt(help->pos());
        if (m_hoverText.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), m_hoverText, this);
        }
        return true;
    }
    return QWidget::event(event);
}

void HistoryChartView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        if (const auto job = m_annotations.jobAt(frame(), event->position())) {
            Q_EMIT jobActivated(job->jobId);
            event->accept();
            return;
        }
    }
    QWidget::mousePressEvent(event);
}

void HistoryChartView::mouseMoveEvent(QMouseEvent *event)
{
    const bool onJob = m_annotations.jobAt(frame(), event->position()).has_value();
    setCursor(onJob ? Qt::PointingHandCursor : Qt::ArrowCursor);
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
