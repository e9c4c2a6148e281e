#include "heatmapgrid.h"

#include "statuscolors.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace prego {

namespace {
constexpr int LabelPadding = 8;
constexpr int MinLabelWidth = 120;
constexpr int MaxLabelWidth = 260;
} // namespace

HeatmapGrid::HeatmapGrid(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setObjectName(u"heatmapGrid"_s);
    setMouseTracking(true);
    viewport()->setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    verticalScrollBar()->setSingleStep(RowHeight);
}

QColor HeatmapGrid::colorOf(HeatCell state, const QPalette &palette)
{
    const bool dark = StatusColors::isDark(palette);
    switch (state) {
    case HeatCell::OnTime:
        return QColor(0x3b, 0xa5, 0x5c);
    case HeatCell::Late:
        return QColor(0xf0, 0xa2, 0x02);
    case HeatCell::NoPush:
        return QColor(0xd9, 0x3a, 0x2b);
    case HeatCell::Pending:
        return dark ? QColor(0x3d, 0x6a, 0x94) : QColor(0x9e, 0xc5, 0xe8);
    case HeatCell::NoData:
        return dark ? QColor(0x4a, 0x4a, 0x4a) : QColor(0xd8, 0xd8, 0xd8);
    }
    return Qt::gray;
}

QString HeatmapGrid::stateName(HeatCell state)
{
    switch (state) {
    case HeatCell::OnTime:
        return tr("pushed on time");
    case HeatCell::Late:
        return tr("pushed late");
    case HeatCell::NoPush:
        return tr("no push");
    case HeatCell::Pending:
        return tr("slot in progress");
    case HeatCell::NoData:
        return tr("no history yet");
    }
    return {};
}

void HeatmapGrid::paintHatch(QPainter *painter, const QRect &rect, const QColor &under)
{
    // Lines in the colour that reads on the cell, half strong: the state's colour stays visible.
    QColor lines = StatusColors::textOn(under);
    lines.setAlpha(150);
    painter->fillRect(rect, QBrush(lines, Qt::BDiagPattern));
}

void HeatmapGrid::setSilences(const QList<Silence> &silences)
{
    m_silences = SilenceIndex(silences, m_heatmap.firstSlotStartMs);
    updateSilencedSlots();
    viewport()->update();
}

void HeatmapGrid::setRegionLookup(RegionLookup regionOf)
{
    m_regionOf = std::move(regionOf);
    updateSilencedSlots();
    viewport()->update();
}

void HeatmapGrid::updateSilencedSlots()
{
    m_silenced.clear();
    if (m_silences.silences().isEmpty())
        return;
    // Two hash finds per row (node id, region), then a column range per silence found.
    const qint64 from = m_heatmap.firstSlotStartMs;
    const qint64 to = from + FreshnessHeatmap::SlotCount * FreshnessHeatmap::SlotMs;
    const bool regions = m_silences.hasRegionSilences() && m_regionOf;
    const auto floorDiv = [](qint64 a, qint64 b) {
        return a >= 0 ? a / b : -((-a + b - 1) / b);
    };
    m_silenced.resize(m_heatmap.rows.size());
    for (qsizetype r = 0; r < m_heatmap.rows.size(); ++r) {
        const QString &id = m_heatmap.rows.at(r).nodeId;
        for (const Silence *s :
             m_silences.overlapping(id, regions ? m_regionOf(id) : QString(), from, to)) {
            const qint64 first = floorDiv(s->startsAtMs - from, FreshnessHeatmap::SlotMs);
            const qint64 last = floorDiv(s->effectiveEndMs() - from + FreshnessHeatmap::SlotMs - 1,
                                         FreshnessHeatmap::SlotMs) -
                                1;
            m_silenced[r].append({int(std::max<qint64>(0, first)),
                                  int(std::min<qint64>(FreshnessHeatmap::SlotCount - 1, last)), s});
        }
    }
}

const Silence *HeatmapGrid::silenceAt(int row, int column) const
{
    if (row < 0 || row >= m_silenced.size())
        return nullptr;
    const Silence *found = nullptr;
    for (const SilencedSlots &slots : m_silenced.at(row)) {
        if (column >= slots.first && column <= slots.last &&
            (!found || slots.silence->effectiveEndMs() > found->effectiveEndMs()))
            found = slots.silence; // of two, the one that lasts longer says more
    }
    return found;
}

void HeatmapGrid::setHeatmap(const Heatmap &heatmap)
{
    const QString current = m_currentRow >= 0 && m_currentRow < m_heatmap.rows.size()
                                ? m_heatmap.rows.at(m_currentRow).nodeId
                                : QString();
    m_heatmap = heatmap;
    m_currentRow = -1;
    int widest = 0;
    const QFontMetrics fm(font());
    for (qsizetype i = 0; i < m_heatmap.rows.size(); ++i) {
        const HeatmapRow &row = m_heatmap.rows.at(i);
        if (row.nodeId == current)
            m_currentRow = int(i);
        // Measuring 10,000 names costs more than the paint: a long id is elided anyway.
        if (i < 2000)
            widest = std::max(widest, fm.horizontalAdvance(row.nodeId));
    }
    m_labelWidth = std::clamp(widest + 2 * LabelPadding, MinLabelWidth, MaxLabelWidth);
    updateSilencedSlots();
    updateScrollBars();
    viewport()->update();
}

int HeatmapGrid::labelWidth() const
{
    return m_labelWidth > 0 ? m_labelWidth : MinLabelWidth;
}

double HeatmapGrid::cellWidth() const
{
    return std::max(1.0, double(viewport()->width() - labelWidth()) / FreshnessHeatmap::SlotCount);
}

void HeatmapGrid::updateScrollBars()
{
    const int content = int(m_heatmap.rows.size()) * RowHeight + HeaderHeight;
    verticalScrollBar()->setPageStep(viewport()->height());
    verticalScrollBar()->setRange(0, std::max(0, content - viewport()->height()));
}

void HeatmapGrid::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

QRect HeatmapGrid::cellRect(int row, int column) const
{
    const int y = HeaderHeight + row * RowHeight - verticalScrollBar()->value();
    if (column < 0)
        return QRect(0, y, labelWidth(), RowHeight);
    const double w = cellWidth();
    const int x1 = labelWidth() + int(std::floor(column * w));
    const int x2 = labelWidth() + int(std::floor((column + 1) * w));
    return QRect(x1, y, std::max(1, x2 - x1), RowHeight);
}

std::optional<HeatmapGrid::Cell> HeatmapGrid::cellAt(const QPoint &pos) const
{
    if (pos.y() < HeaderHeight)
        return std::nullopt;
    const int row = (pos.y() - HeaderHeight + verticalScrollBar()->value()) / RowHeight;
    if (row < 0 || row >= m_heatmap.rows.size())
        return std::nullopt;
    if (pos.x() < labelWidth())
        return Cell{row, -1};
    const int column = int((pos.x() - labelWidth()) / cellWidth());
    if (column >= FreshnessHeatmap::SlotCount)
        return std::nullopt;
    return Cell{row, column};
}

QString HeatmapGrid::toolTipFor(const Cell &cell) const
{
    if (cell.row < 0 || cell.row >= m_heatmap.rows.size())
        return {};
    const HeatmapRow &row = m_heatmap.rows.at(cell.row);
    if (cell.column < 0 || cell.column >= row.cells.size()) {
        return tr("%1: %n slot(s) without a push in 24 h", nullptr, row.noPush).arg(row.nodeId) +
               u'\n' + tr("%n late push(es)", nullptr, row.late);
    }
    const QLocale locale;
    const qint64 start = m_heatmap.firstSlotStartMs + cell.column * FreshnessHeatmap::SlotMs;
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(start);
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(start + FreshnessHeatmap::SlotMs);
    //: heatmap tooltip: node, slot start – end, state; e.g. "node-7 · 14:05 – 14:10: no push"
    const QString slot = tr("%1 · %2 – %3: %4")
                             .arg(row.nodeId, locale.toString(from, QLocale::ShortFormat),
                                  locale.toString(to.time(), QLocale::ShortFormat),
                                  stateName(row.cells.at(cell.column)));
    if (const Silence *silence = silenceAt(cell.row, cell.column))
        return slot + u'\n' + SilenceIndex::describe(*silence);
    return slot;
}

void HeatmapGrid::paintEvent(QPaintEvent *event)
{
    QPainter p(viewport());
    const QPalette pal = palette();
    p.fillRect(event->rect(), pal.color(QPalette::Base));
    const int scroll = verticalScrollBar()->value();
    const int first = std::max(0, (event->rect().top() - HeaderHeight + scroll) / RowHeight);
    const int last = std::min(int(m_heatmap.rows.size()) - 1,
                              (event->rect().bottom() - HeaderHeight + scroll) / RowHeight);
    const QFontMetrics fm(font());
    for (int r = first; r <= last; ++r) {
        const HeatmapRow &row = m_heatmap.rows.at(r);
        const QRect label = cellRect(r, -1);
        if (label.bottom() < HeaderHeight)
            continue;
        if (r == m_currentRow)
            p.fillRect(QRect(0, label.top(), viewport()->width(), RowHeight),
                       pal.color(QPalette::Highlight));
        p.setPen(pal.color(r == m_currentRow ? QPalette::HighlightedText : QPalette::Text));
        p.drawText(label.adjusted(LabelPadding, 0, -LabelPadding, 0),
                   Qt::AlignVCenter | Qt::AlignLeft,
                   fm.elidedText(row.nodeId, Qt::ElideMiddle, label.width() - 2 * LabelPadding));
        for (int c = 0; c < row.cells.size(); ++c) {
            // One pixel of air between rows keeps 10,000 of them readable.
            p.fillRect(cellRect(r, c).adjusted(0, 1, 0, -1), colorOf(row.cells.at(c), pal));
        }
        if (r < m_silenced.size()) {
            for (const SilencedSlots &slots : m_silenced.at(r)) {
                for (int c = slots.first; c <= slots.last && c < row.cells.size(); ++c)
                    paintHatch(&p, cellRect(r, c).adjusted(0, 1, 0, -1),
                               colorOf(row.cells.at(c), pal));
            }
        }
    }
    // The time axis on top: a tick and label every three hours, in local time.
    p.fillRect(QRect(0, 0, viewport()->width(), HeaderHeight), pal.color(QPalette::Window));
    p.setPen(pal.color(QPalette::WindowText));
    const QLocale locale;
    for (int c = 0; c < FreshnessHeatmap::SlotCount; ++c) {
        const qint64 start = m_heatmap.firstSlotStartMs + c * FreshnessHeatmap::SlotMs;
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(start);
        if (t.time().minute() != 0 || t.time().hour() % 3 != 0)
            continue;
        const int x = cellRect(0, c).left();
        p.drawLine(x, HeaderHeight - 5, x, HeaderHeight);
        const QString label = locale.toString(t.time(), u"HH:mm"_s);
        if (x + 2 + fm.horizontalAdvance(label) <= viewport()->width()) // never a clipped label
            p.drawText(QRect(x + 2, 0, 80, HeaderHeight - 4), Qt::AlignLeft | Qt::AlignVCenter,
                       label);
    }
}

bool HeatmapGrid::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const auto cell = cellAt(help->pos());
        if (cell)
            QToolTip::showText(help->globalPos(), toolTipFor(*cell), viewport());
        else
            QToolTip::hideText();
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void HeatmapGrid::mouseMoveEvent(QMouseEvent *event)
{
    const auto cell = cellAt(event->position().toPoint());
    viewport()->setCursor(cell ? Qt::PointingHandCursor : Qt::ArrowCursor);
    QAbstractScrollArea::mouseMoveEvent(event);
}

void HeatmapGrid::mousePressEvent(QMouseEvent *event)
{
    const auto cell = cellAt(event->position().toPoint());
    if (cell && event->button() == Qt::LeftButton) {
        setCurrentRow(cell->row);
        Q_EMIT nodeActivated(m_heatmap.rows.at(cell->row).nodeId);
        return;
    }
    QAbstractScrollArea::mousePressEvent(event);
}

void HeatmapGrid::setCurrentRow(int row)
{
    if (m_heatmap.rows.isEmpty())
        return;
    m_currentRow = std::clamp(row, 0, int(m_heatmap.rows.size()) - 1);
    // Keep the current row in view.
    const int top = m_currentRow * RowHeight;
    const int visible = viewport()->height() - HeaderHeight;
    QScrollBar *bar = verticalScrollBar();
    if (top < bar->value())
        bar->setValue(top);
    else if (top + RowHeight > bar->value() + visible)
        bar->setValue(top + RowHeight - visible);
    viewport()->update();
}

void HeatmapGrid::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Down:
        setCurrentRow(m_currentRow + 1);
        return;
    case Qt::Key_Up:
        setCurrentRow(std::max(0, m_currentRow - 1));
        return;
    case Qt::Key_PageDown:
        setCurrentRow(m_currentRow + viewport()->height() / RowHeight);
        return;
    case Qt::Key_PageUp:
        setCurrentRow(m_currentRow - viewport()->height() / RowHeight);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_currentRow >= 0 && m_currentRow < m_heatmap.rows.size())
            Q_EMIT nodeActivated(m_heatmap.rows.at(m_currentRow).nodeId);
        return;
    default:
        QAbstractScrollArea::keyPressEvent(event);
    }
}

} // namespace prego
