#include "chartlegend.h"

#include "chartannotationlayer.h"
#include "domain/agetext.h"
#include "historychartview.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>

namespace prego {

namespace {
constexpr int SwatchWidth = 24;
constexpr int SwatchHeight = 14;
} // namespace

ChartLegend::ChartLegend(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (int e = 0; e < EntryCount; ++e) {
        m_swatches[e] = new QLabel(this);
        m_swatches[e]->setFixedSize(SwatchWidth, SwatchHeight);
        m_texts[e] = new QLabel(this);
        layout->addWidget(m_swatches[e]);
        layout->addWidget(m_texts[e]);
        layout->addSpacing(12);
    }
    layout->addStretch(1);
    repaintSwatches();
    retranslate();
}

void ChartLegend::setStaleAfterSeconds(int seconds)
{
    m_staleAfterSeconds = seconds;
    retranslate();
}

QString ChartLegend::entryText(Entry entry) const
{
    return entry >= 0 && entry < EntryCount ? m_texts[entry]->text() : QString();
}

void ChartLegend::retranslate()
{
    m_texts[GapEntry]->setText(
        tr("Hatched: no push for longer than %1").arg(AgeText::duration(m_staleAfterSeconds)));
    m_texts[SilenceEntry]->setText(tr("Flat band: silenced for maintenance"));
    m_texts[FiringEntry]->setText(tr("Strip along the top: alert firing"));
    m_texts[JobEntry]->setText(tr("Flag: provisioning job (click to open)"));
    setAccessibleName(tr("Chart legend"));
}

void ChartLegend::repaintSwatches()
{
    const QPalette pal = palette();
    const qreal ratio = devicePixelRatioF();
    for (int e = 0; e < EntryCount; ++e) {
        QPixmap pixmap(QSize(SwatchWidth, SwatchHeight) * ratio);
        pixmap.setDevicePixelRatio(ratio);
        pixmap.fill(pal.color(QPalette::Base));
        QPainter painter(&pixmap);
        const QRectF all(0, 0, SwatchWidth, SwatchHeight);
        switch (Entry(e)) {
        case GapEntry:
            HistoryChartView::paintGapShade(painter, all, pal);
            break;
        case SilenceEntry:
            ChartAnnotationLayer::paintSilenceBand(painter, all, pal);
            break;
        case FiringEntry:
            ChartAnnotationLayer::paintFiringStrip(
                painter, QRectF(0, 0, SwatchWidth, ChartAnnotationLayer::FiringHeight), pal);
            break;
        case JobEntry:
            ChartAnnotationLayer::paintJobMarker(painter, SwatchWidth / 2.0 - 3, 2, SwatchHeight,
                                                 false, pal);
            break;
        case EntryCount:
            break;
        }
        painter.setPen(pal.color(QPalette::Mid));
        painter.drawRect(all.adjusted(0, 0, -1, -1));
        painter.end();
        m_swatches[e]->setPixmap(pixmap);
    }
}

void ChartLegend::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::LanguageChange:
        retranslate();
        break;
    case QEvent::PaletteChange:
        repaintSwatches();
        break;
    default:
        break;
    }
    QWidget::changeEvent(event);
}

} // namespace prego
