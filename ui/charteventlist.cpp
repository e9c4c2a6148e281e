#include "charteventlist.h"

#include "chartannotationlayer.h"

#include <QEvent>
#include <QHeaderView>

#include <algorithm>

namespace prego {

namespace {
constexpr int VisibleRows = 4; // more scroll: the charts keep their room
} // namespace

ChartEventList::ChartEventList(QWidget *parent)
    : QTreeWidget(parent)
{
    setColumnCount(ColumnCount);
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(WhenColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(WhatColumn, QHeaderView::Stretch);
    header()->setSectionResizeMode(WhoColumn, QHeaderView::ResizeToContents);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString jobId = item->data(WhatColumn, JobIdRole).toString();
        if (!jobId.isEmpty())
            Q_EMIT jobActivated(jobId);
    });
    retranslate();
}

QSize ChartEventList::sizeHint() const
{
    const int rows = std::clamp(topLevelItemCount(), 1, VisibleRows);
    const int row = sizeHintForRow(0) > 0 ? sizeHintForRow(0) : fontMetrics().height() + 4;
    return {QTreeWidget::sizeHint().width(),
            header()->sizeHint().height() + rows * row + 2 * frameWidth()};
}

void ChartEventList::setAnnotations(const QList<ChartAnnotation> &annotations, qint64 fromMs,
                                    qint64 toMs)
{
    m_annotations = annotations;
    m_fromMs = fromMs;
    m_toMs = toMs;
    rebuild();
}

void ChartEventList::rebuild()
{
    clear();
    for (const ChartAnnotation &a : std::as_const(m_annotations)) {
        if (a.fromMs > m_toMs || a.toMs.value_or(m_toMs) < m_fromMs)
            continue; // not on the charts
        auto *item = new QTreeWidgetItem(this);
        item->setText(WhenColumn, ChartAnnotationLayer::when(a));
        item->setText(WhatColumn, a.title);
        item->setText(WhoColumn, a.who);
        item->setToolTip(WhatColumn, ChartAnnotationLayer::describe(a));
        if (a.kind == ChartAnnotation::Kind::Job)
            item->setData(WhatColumn, JobIdRole, a.jobId);
    }
    updateGeometry();
}

void ChartEventList::retranslate()
{
    setHeaderLabels({tr("When"), tr("What"), tr("Who")});
    setAccessibleName(tr("Marked on the charts"));
    setAccessibleDescription(tr("Press Enter on a provisioning job to open it."));
    rebuild(); // times in the new locale
}

void ChartEventList::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QTreeWidget::changeEvent(event);
}

} // namespace prego
