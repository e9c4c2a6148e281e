#include "tracetimeline.h"

#include "api/jobcodec.h"
#include "domain/jobtext.h"
#include "statuscolors.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace prego {

namespace {
constexpr int Padding = 8;
constexpr int StatusWidth = 90;
} // namespace

TraceTimeline::TraceTimeline(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"traceTimeline"_s);
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Minimum);
}

QColor TraceTimeline::colorOf(const QString &status, const QPalette &palette)
{
    const bool dark = StatusColors::isDark(palette);
    if (status == u"succeeded")
        return QColor(0x3b, 0xa5, 0x5c);
    if (status == u"running")
        return QColor(0x2f, 0x80, 0xed);
    if (status == u"failed")
        return QColor(0xd9, 0x3a, 0x2b);
    if (status == u"skipped")
        return dark ? QColor(0x80, 0x80, 0x80) : QColor(0xa0, 0xa0, 0xa0);
    // pending and unknown
    return dark ? QColor(0x5a, 0x5a, 0x5a) : QColor(0xd0, 0xd0, 0xd0);
}

QSize TraceTimeline::sizeHint() const
{
    return {720, AxisHeight + RowHeight * int(std::max<qsizetype>(1, m_job.stages.size())) + 4};
}

QSize TraceTimeline::minimumSizeHint() const
{
    return {360, sizeHint().height()};
}

void TraceTimeline::setJob(const Job &job, qint64 nowMs)
{
    m_job = job;
    m_nowMs = nowMs;
    updateWindow();
    updateGeometry();
    update();
}

void TraceTimeline::setNow(qint64 nowMs)
{
    m_nowMs = nowMs;
    updateWindow();
    update();
}

void TraceTimeline::updateWindow()
{
    std::optional<qint64> t0 = m_job.createdAtMs;
    qint64 t1 = 0;
    for (const JobStage &s : std::as_const(m_job.stages)) {
        if (s.startedAtMs)
            t0 = std::min(t0.value_or(*s.startedAtMs), *s.startedAtMs);
        const qint64 end = s.finishedAtMs ? *s.finishedAtMs
                           : s.status == u"running" && s.startedAtMs
                               ? std::max(m_nowMs, *s.startedAtMs)
                               : 0;
        t1 = std::max(t1, end);
    }
    if (m_job.finishedAtMs)
        t1 = std::max(t1, *m_job.finishedAtMs);
    m_t0 = t0.value_or(m_nowMs);
    // At least a second wide, so an instant job still has an axis.
    m_t1 = std::max(t1, m_t0 + 1000);
}

int TraceTimeline::labelWidth() const
{
    const QFontMetrics fm(font());
    int widest = 0;
    for (const JobStage &s : std::as_const(m_job.stages))
        widest = std::max(widest, fm.horizontalAdvance(s.name));
    return widest + 2 * Padding;
}

QRectF TraceTimeline::plotRect() const
{
    const int left = labelWidth() + StatusWidth;
    return QRectF(left, AxisHeight, std::max(10, width() - left - Padding),
                  RowHeight * double(m_job.stages.size()));
}

double TraceTimeline::xFor(qint64 ms) const
{
    const QRectF plot = plotRect();
    return plot.left() + plot.width() * double(ms - m_t0) / double(m_t1 - m_t0);
}

std::optional<QRectF> TraceTimeline::barRect(int i) const
{
    if (i < 0 || i >= m_job.stages.size())
        return std::nullopt;
    const JobStage &s = m_job.stages.at(i);
    if (!s.startedAtMs || s.status == u"skipped")
        return std::nullopt;
    const qint64 end = s.finishedAtMs.value_or(std::max(m_nowMs, *s.startedAtMs));
    const double x1 = xFor(*s.startedAtMs);
    // A stage that took no time still shows as a 2-pixel mark.
    const double x2 = std::max(xFor(end), x1 + 2);
    const double y = AxisHeight + i * RowHeight + 5;
    return QRectF(QPointF(x1, y), QPointF(x2, y + RowHeight - 10));
}

int TraceTimeline::stageAt(const QPoint &pos) const
{
    if (pos.y() < AxisHeight)
        return -1;
    const int i = (pos.y() - AxisHeight) / RowHeight;
    return i < m_job.stages.size() ? i : -1;
}

QString TraceTimeline::toolTipFor(int i) const
{
    if (i < 0 || i >= m_job.stages.size())
        return {};
    const JobStage &s = m_job.stages.at(i);
    const QLocale locale;
    const auto time = [&](std::optional<qint64> ms) -> QString {
        return ms ? locale.toString(QDateTime::fromMSecsSinceEpoch(*ms).time(), QLocale::LongFormat)
                  : u"–"_s;
    };
    QStringList lines;
    //: trace tooltip: stage name and its status, e.g. "pulumi_up: running"
    lines << tr("%1: %2").arg(s.name, JobText::stageStatus(s.status));
    if (s.startedAtMs)
        lines << tr("Started %1, finished %2").arg(time(s.startedAtMs), time(s.finishedAtMs));
    if (const auto d = s.durationMs())
        lines << tr("Took %1").arg(JobText::seconds(*d));
    if (s.skipReason)
        lines << tr("Skipped: %1").arg(*s.skipReason);
    if (s.detail && !s.detail->isEmpty())
        lines << *s.detail;
    return lines.join(u'\n');
}

void TraceTimeline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QFontMetrics fm(font());
    const QRectF plot = plotRect();

    // The axis: a tick every "nice" step of seconds, labelled as an offset from the start.
    static constexpr std::array<qint64, 12> Steps{1,  2,   5,   10,  15,   30,
                                                  60, 120, 300, 600, 1800, 3600};
    const double spanS = double(m_t1 - m_t0) / 1000.0;
    qint64 step = Steps.back();
    for (qint64 s : Steps) {
        if (plot.width() / (spanS / double(s)) >= 70) { // at least 70 px between labels
            step = s;
            break;
        }
    }
    p.setPen(pal.color(QPalette::Mid));
    for (qint64 s = 0; double(s) <= spanS; s += step) {
        const double x = xFor(m_t0 + s * 1000);
        p.drawLine(QPointF(x, AxisHeight - 4), QPointF(x, plot.bottom()));
        p.setPen(pal.color(QPalette::WindowText));
        //: offset on the trace's time axis, e.g. "+30 s"
        const QString label = tr("+%1 s").arg(s);
        if (x + fm.horizontalAdvance(label) <= width())
            p.drawText(QPointF(x + 2, AxisHeight - 7), label);
        p.setPen(pal.color(QPalette::Mid));
    }

    for (int i = 0; i < m_job.stages.size(); ++i) {
        const JobStage &s = m_job.stages.at(i);
        const double y = AxisHeight + i * RowHeight;
        const QRectF row(0, y, width(), RowHeight);
        if (i % 2)
            p.fillRect(row, pal.color(QPalette::AlternateBase));
        p.setPen(pal.color(QPalette::WindowText));
        p.drawText(QRectF(Padding, y, labelWidth() - Padding, RowHeight),
                   Qt::AlignVCenter | Qt::AlignLeft, s.name);
        p.drawText(QRectF(labelWidth(), y, StatusWidth - 4, RowHeight),
                   Qt::AlignVCenter | Qt::AlignLeft,
                   fm.elidedText(JobText::stageStatus(s.status), Qt::ElideRight, StatusWidth - 4));
        if (const auto bar = barRect(i)) {
            p.setPen(Qt::NoPen);
            const QColor fill = colorOf(s.status, pal);
            p.setBrush(fill);
            p.drawRoundedRect(*bar, 3, 3);
            if (const auto d = s.durationMs()) {
                const QString text = JobText::seconds(*d);
                if (fm.horizontalAdvance(text) + 8 < bar->width()) {
                    p.setPen(StatusColors::textOn(fill));
                    p.drawText(*bar, Qt::AlignCenter, text);
                }
            }
        } else if (s.status == u"skipped") {
            const QRectF area(plot.left(), y + 5, plot.width(), RowHeight - 10);
            p.fillRect(area, QBrush(colorOf(s.status, pal), Qt::BDiagPattern));
            p.setPen(pal.color(QPalette::WindowText));
            p.drawText(area.adjusted(6, 0, -6, 0), Qt::AlignVCenter | Qt::AlignLeft,
                       fm.elidedText(tr("skipped: %1").arg(s.skipReason.value_or(QString())),
                                     Qt::ElideRight, int(area.width()) - 12));
        }
    }
}

bool TraceTimeline::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipFor(stageAt(help->pos()));
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace prego
