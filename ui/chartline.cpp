#include "chartline.h"

#include <QPaintDevice>
#include <QPaintEngine>
#include <QPainter>

namespace prego {

namespace {
// From this device pixel ratio on, the line is drawn as wide as the ratio (see paint()).
constexpr qreal HighDpiRatio = 1.5;
constexpr double DotRadius = 2;
} // namespace

void ChartLine::set(const QList<QPointF> &points, const QList<TimeSpan> &gaps, Shape shape)
{
    m_runs = PushGaps::splitAtGaps(points, gaps);
    if (shape != Shape::Steps)
        return;
    for (QList<QPointF> &run : m_runs) {
        QList<QPointF> steps;
        steps.reserve(run.size() * 2);
        for (qsizetype i = 0; i < run.size(); ++i) {
            // The count holds until the next sample: across at the old value, then up or down.
            if (i > 0 && run.at(i).y() != run.at(i - 1).y())
                steps.append(QPointF(run.at(i).x(), run.at(i - 1).y()));
            steps.append(run.at(i));
        }
        run = std::move(steps);
    }
}

void ChartLine::paint(QPainter &painter, const QRectF &plot, qint64 fromMs, qint64 toMs,
                      double yMax, const QColor &color)
{
    if (m_runs.isEmpty())
        return;
    // One logical pixel wide. A cosmetic one-pixel pen on a polyline takes the raster engine's
    // direct line drawer. On a high-DPI device one device pixel is too thin to read, and a wider
    // pen on a polyline is stroked with its joins into a path: ~100 times slower (230 ms for
    // 2,400 points at 200 %). There the points are drawn as separate segments with a cosmetic pen
    // as wide as the device pixel ratio (2.7 ms instead of 1.4 ms).
    const double sx = plot.width() / double(toMs - fromMs);
    const double sy = plot.height() / yMax;
    const double x0 = plot.left() - double(fromMs) * sx;
    // The device painted on (a grab or a print can differ from the widget's screen).
    const qreal ratio = painter.paintEngine()->paintDevice()->devicePixelRatio();
    const bool highDpi = ratio >= HighDpiRatio;
    QPen pen(color, highDpi ? ratio : 1);
    pen.setCosmetic(true);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setClipRect(plot.adjusted(-1, -1, 1, 1));
    for (const QList<QPointF> &run : std::as_const(m_runs)) {
        m_polyline.resize(run.size());
        QPointF *out = m_polyline.data();
        for (const QPointF &p : run)
            *out++ = QPointF(x0 + p.x() * sx, plot.bottom() - p.y() * sy);
        if (m_polyline.size() == 1) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(color);
            painter.drawEllipse(m_polyline.first(), DotRadius, DotRadius);
            continue;
        }
        painter.setPen(pen);
        if (!highDpi) {
            painter.drawPolyline(m_polyline.constData(), int(m_polyline.size()));
        } else {
            m_segments.resize(m_polyline.size() - 1);
            for (qsizetype i = 1; i < m_polyline.size(); ++i)
                m_segments[i - 1] = QLineF(m_polyline[i - 1], m_polyline[i]);
            painter.drawLines(m_segments.constData(), int(m_segments.size()));
        }
    }
    painter.restore();
}

} // namespace prego
