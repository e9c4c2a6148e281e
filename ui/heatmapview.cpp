#include "heatmapview.h"

#include "heatmapgrid.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace prego {

namespace {
constexpr std::array<HeatCell, 5> LegendStates{HeatCell::OnTime, HeatCell::Late, HeatCell::NoPush,
                                               HeatCell::Pending, HeatCell::NoData};
} // namespace

HeatmapView::HeatmapView(QWidget *parent)
    : QWidget(parent)
    , m_grid(new HeatmapGrid(this))
    , m_explanation(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_silencedSwatch(new QLabel(this))
    , m_silencedText(new QLabel(this))
{
    setObjectName(u"heatmapView"_s);
    m_explanation->setWordWrap(true);
    m_summary->setObjectName(u"heatmapSummary"_s);
    auto *legend = new QHBoxLayout;
    for (size_t i = 0; i < LegendStates.size(); ++i) {
        auto *swatch = new QLabel(this);
        swatch->setFixedSize(14, 14);
        swatch->setAutoFillBackground(true);
        m_swatches[i] = swatch;
        m_legendText[i] = new QLabel(this);
        legend->addWidget(swatch);
        legend->addWidget(m_legendText[i]);
        legend->addSpacing(12);
    }
    // Hatching over any colour: drawn, not a fill (updateSwatches).
    m_silencedSwatch->setObjectName(u"heatmapSilencedSwatch"_s);
    m_silencedSwatch->setFixedSize(14, 14);
    legend->addWidget(m_silencedSwatch);
    legend->addWidget(m_silencedText);
    legend->addStretch(1);
    legend->addWidget(m_summary);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_explanation);
    layout->addLayout(legend);
    layout->addWidget(m_grid, 1);
    connect(m_grid, &HeatmapGrid::nodeActivated, this, &HeatmapView::nodeActivated);
    updateSwatches();
    retranslate();
}

void HeatmapView::setHeatmap(const Heatmap &heatmap)
{
    m_hasHeatmap = true;
    m_unavailable.clear();
    m_grid->setHeatmap(heatmap);
    retranslate();
}

void HeatmapView::setSilences(const QList<Silence> &silences)
{
    m_grid->setSilences(silences);
}

void HeatmapView::setRegionLookup(std::function<QString(const QString &nodeId)> regionOf)
{
    m_grid->setRegionLookup(std::move(regionOf));
}

void HeatmapView::setUnavailable(const QString &reason)
{
    m_unavailable = reason;
    retranslate();
}

QString HeatmapView::summaryText() const
{
    return m_summary->text();
}

void HeatmapView::retranslate()
{
    m_explanation->setText(
        tr("Pushes of every node over the last 24 hours, one column per 5 minutes, the nodes "
           "with the most missed slots first. Hover a cell for its time; click a row to open "
           "the node."));
    for (size_t i = 0; i < LegendStates.size(); ++i)
        m_legendText[i]->setText(HeatmapGrid::stateName(LegendStates[i]));
    //: heatmap legend: hatched slots were under a maintenance silence
    m_silencedText->setText(tr("silenced"));
    m_grid->setAccessibleName(tr("Fleet freshness heatmap"));
    if (!m_unavailable.isEmpty()) {
        m_summary->setText(m_unavailable);
        return;
    }
    if (!m_hasHeatmap) {
        m_summary->setText(tr("Reading the local history…"));
        return;
    }
    const Heatmap &h = m_grid->heatmap();
    int withGaps = 0;
    for (const HeatmapRow &row : h.rows) {
        if (row.noPush > 0)
            ++withGaps;
    }
    if (h.rows.isEmpty()) {
        m_summary->setText(tr("No history yet: the heatmap fills as the console sees pushes."));
        return;
    }
    //: e.g. "40 nodes · 3 missed at least one slot"
    m_summary->setText(tr("%1 · %2").arg(tr("%n node(s)", nullptr, int(h.rows.size())),
                                         tr("%n missed at least one slot", nullptr, withGaps)));
}

void HeatmapView::updateSwatches()
{
    for (size_t i = 0; i < LegendStates.size(); ++i) {
        QPalette pal = m_swatches[i]->palette();
        pal.setColor(QPalette::Window, HeatmapGrid::colorOf(LegendStates[i], palette()));
        m_swatches[i]->setPalette(pal);
    }
    const qreal ratio = devicePixelRatioF();
    QPixmap hatched(QSize(14, 14) * ratio);
    hatched.setDevicePixelRatio(ratio);
    const QColor under = HeatmapGrid::colorOf(HeatCell::NoData, palette());
    hatched.fill(under);
    QPainter p(&hatched);
    HeatmapGrid::paintHatch(&p, QRect(0, 0, 14, 14), under);
    p.end();
    m_silencedSwatch->setPixmap(hatched);
}

void HeatmapView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::PaletteChange)
        updateSwatches(); // the grid paints with the palette it has
    QWidget::changeEvent(event);
}

} // namespace prego
