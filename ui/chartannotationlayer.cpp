#include "chartannotationlayer.h"

#include "statuscolors.h"

#include <QDateTime>
#include <QLocale>
#include <QPainter>
#include <QPalette>
#include <QPolygonF>

#include <algorithm>
#include <cmath>

namespace prego {

namespace {
constexpr double MinBandWidth = 2; // a short silence on a 30-day chart stays visible
constexpr double FlagWidth = 7;

QString timeText(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
}

double xOf(const ChartFrame &f, qint64 ms)
{
    return f.plot.left() + double(ms - f.fromMs) * f.plot.width() / double(f.toMs - f.fromMs);
}

// Paint order: silences at the back, then firing strips, job markers in front.
int layer(ChartAnnotation::Kind kind)
{
    switch (kind) {
    case ChartAnnotation::Kind::Silence:
        return 0;
    case ChartAnnotation::Kind::Alert:
        return 1;
    case ChartAnnotation::Kind::Job:
        return 2;
    }
    return 2;
}
} // namespace

QList<PlacedAnnotation> ChartAnnotationLayer::place(const ChartFrame &frame) const
{
    QList<PlacedAnnotation> placed;
    const QRectF &plot = frame.plot;
    const auto inRange = [&](const ChartAnnotation &a) {
        if (a.kind == ChartAnnotation::Kind::Job)
            return a.fromMs >= frame.fromMs && a.fromMs <= frame.toMs;
        return a.toMs.value_or(frame.toMs) >= frame.fromMs && a.fromMs <= frame.toMs;
    };
    // A chart shows the firing periods of its metric's rule and of freshness: when both are
    // in range, freshness gets a second strip below, so overlapping periods both stay visible.
    const bool metricAlerts =
        std::any_of(m_annotations.cbegin(), m_annotations.cend(), [&](const ChartAnnotation &a) {
            return a.kind == ChartAnnotation::Kind::Alert && a.rule != AlertRule::Freshness &&
                   inRange(a);
        });
    for (const ChartAnnotation &a : m_annotations) {
        if (!inRange(a))
            continue;
        if (a.kind == ChartAnnotation::Kind::Job) {
            const double x = xOf(frame, a.fromMs);
            placed.append({a, QRectF(QPointF(x - JobHitHalfWidth, frame.laneTop),
                                     QPointF(x + JobHitHalfWidth, plot.bottom()))});
            continue;
        }
        const qint64 end = a.toMs.value_or(frame.toMs);
        double x1 = std::max(xOf(frame, a.fromMs), plot.left());
        double x2 = std::min(xOf(frame, end), plot.right());
        if (x2 - x1 < MinBandWidth) {
            const double mid = (x1 + x2) / 2;
            x1 = std::max(plot.left(), mid - MinBandWidth / 2);
            x2 = std::min(plot.right(), x1 + MinBandWidth);
        }
        if (a.kind == ChartAnnotation::Kind::Silence) {
            placed.append({a, QRectF(QPointF(x1, plot.top()), QPointF(x2, plot.bottom()))});
            continue;
        }
        const int row = metricAlerts && a.rule == AlertRule::Freshness ? 1 : 0;
        const double top = plot.top() + row * FiringHeight;
        placed.append({a, QRectF(QPointF(x1, top), QPointF(x2, top + FiringHeight))});
    }
    std::stable_sort(placed.begin(), placed.end(),
                     [](const PlacedAnnotation &a, const PlacedAnnotation &b) {
                         return layer(a.annotation.kind) < layer(b.annotation.kind);
                     });
    return placed;
}

QList<ChartAnnotation> ChartAnnotationLayer::at(const ChartFrame &frame, const QPointF &pos) const
{
    QList<ChartAnnotation> hits;
    if (pos.y() < frame.laneTop || pos.y() > frame.plot.bottom())
        return hits;
    if (const auto job = jobAt(frame, pos))
        hits.append(*job);
    for (const PlacedAnnotation &p : place(frame)) {
        // A band counts over its whole time, not only where it is painted (the firing strip is
        // a few pixels high).
        if (p.annotation.kind != ChartAnnotation::Kind::Job && pos.x() >= p.rect.left() &&
            pos.x() <= p.rect.right())
            hits.append(p.annotation);
    }
    return hits;
}

std::optional<ChartAnnotation> ChartAnnotationLayer::jobAt(const ChartFrame &frame,
                                                           const QPointF &pos) const
{
    std::optional<ChartAnnotation> nearest;
    double best = JobHitHalfWidth + 1;
    for (const PlacedAnnotation &p : place(frame)) {
        if (p.annotation.kind != ChartAnnotation::Kind::Job || !p.rect.contains(pos))
            continue;
        const double distance = std::abs(p.rect.center().x() - pos.x());
        if (distance < best) {
            best = distance;
            nearest = p.annotation;
        }
    }
    return nearest;
}

QString ChartAnnotationLayer::when(const ChartAnnotation &a)
{
    if (a.kind == ChartAnnotation::Kind::Job || (a.toMs && *a.toMs == a.fromMs))
        return timeText(a.fromMs);
    if (!a.toMs)
        //: an annotation still going, e.g. "since 2025-05-04 14:00"
        return tr("since %1").arg(timeText(a.fromMs));
    // A span within one day names the day once.
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(a.fromMs);
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(*a.toMs);
    const QString end = from.date() == to.date()
                            ? QLocale().toString(to.time(), QLocale::ShortFormat)
                            : timeText(*a.toMs);
    //: a time span, e.g. "5/4/25 14:00 – 16:00"
    return tr("%1 – %2").arg(timeText(a.fromMs), end);
}

QString ChartAnnotationLayer::summary(const ChartAnnotation &a)
{
    if (a.who.isEmpty())
        //: an annotation in one line: what, when
        return tr("%1 (%2)").arg(a.title, when(a));
    //: an annotation in one line: what, when, who
    return tr("%1 (%2, by %3)").arg(a.title, when(a), a.who);
}

QString ChartAnnotationLayer::describe(const ChartAnnotation &a)
{
    QStringList lines{a.title};
    switch (a.kind) {
    case ChartAnnotation::Kind::Job:
        lines << tr("Job %1").arg(a.jobId);
        if (!a.who.isEmpty())
            lines << tr("Requested by %1").arg(a.who);
        lines << timeText(a.fromMs) << tr("Click the marker to open the job.");
        break;
    case ChartAnnotation::Kind::Silence:
        if (!a.who.isEmpty())
            lines << tr("Set by %1").arg(a.who);
        lines << (a.toMs ? tr("From %1 until %2").arg(timeText(a.fromMs), timeText(*a.toMs))
                         : tr("Since %1").arg(timeText(a.fromMs)));
        break;
    case ChartAnnotation::Kind::Alert:
        lines << (a.toMs ? tr("Fired from %1 until %2").arg(timeText(a.fromMs), timeText(*a.toMs))
                         : tr("Firing since %1").arg(timeText(a.fromMs)));
        break;
    }
    return lines.join(u'\n');
}

QColor ChartAnnotationLayer::silenceColor(const QPalette &palette)
{
    QColor c = StatusColors::text(StatusColors::Tone::Warning, palette);
    c.setAlpha(StatusColors::isDark(palette) ? 60 : 45);
    return c;
}

QColor ChartAnnotationLayer::firingColor(const QPalette &palette)
{
    return StatusColors::text(StatusColors::Tone::Bad, palette);
}

QColor ChartAnnotationLayer::jobColor(const QPalette &palette)
{
    return StatusColors::text(StatusColors::Tone::Info, palette);
}

void ChartAnnotationLayer::paintSilenceBand(QPainter &painter, const QRectF &rect,
                                            const QPalette &palette)
{
    painter.fillRect(rect, silenceColor(palette));
}

void ChartAnnotationLayer::paintFiringStrip(QPainter &painter, const QRectF &rect,
                                            const QPalette &palette)
{
    painter.fillRect(rect, firingColor(palette));
}

void ChartAnnotationLayer::paintJobMarker(QPainter &painter, double x, double top, double bottom,
                                          bool open, const QPalette &palette)
{
    const QColor color = jobColor(palette);
    painter.save();
    const double px = std::round(x) + 0.5;
    QPen pen(color, 1);
    pen.setCosmetic(true);
    if (open)
        pen.setStyle(Qt::DashLine);
    painter.setPen(pen);
    painter.drawLine(QPointF(px, top), QPointF(px, bottom));
    // A pennant on the pole's top.
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    const double h = LaneHeight - 1;
    const QPolygonF flag{QPointF(px, top), QPointF(px + FlagWidth, top + h / 2),
                         QPointF(px, top + h)};
    painter.drawPolygon(flag);
    painter.restore();
}

} // namespace prego
