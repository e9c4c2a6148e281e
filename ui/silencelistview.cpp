#include "silencelistview.h"

#include "emptystate.h"
#include "silencelistmodel.h"
#include "statuscolors.h"
#include "tablecolumns.h"
#include "tonedelegate.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace prego {

SilenceListView::SilenceListView(QWidget *parent)
    : QWidget(parent)
    , m_model(new SilenceListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_empty(nullptr)
    , m_columns(nullptr)
    , m_end(new QPushButton(this))
    , m_notice(new QLabel(this))
{
    setObjectName(u"silenceListView"_s);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SilenceListModel::RawValueRole);
    m_table->setObjectName(u"silenceTable"_s);
    m_empty = new EmptyState(m_table);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(SilenceListModel::StateColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; the arrows move in it
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_table->setItemDelegateForColumn(
        SilenceListModel::StateColumn,
        new ToneDelegate(
            [](const QModelIndex &i) {
                const auto s = SilenceListModel::State(i.data(SilenceListModel::StateRole).toInt());
                return s == SilenceListModel::State::Active ? StatusColors::Tone::Info
                                                            : StatusColors::Tone::Neutral;
            },
            m_table));
    m_columns = new ColumnFitter(m_table);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SilenceListView::updateState);
    // A refresh can end what is selected.
    connect(m_model, &QAbstractItemModel::dataChanged, this, &SilenceListView::updateState);
    m_end->setObjectName(u"endSilenceButton"_s);
    connect(m_end, &QPushButton::clicked, this, &SilenceListView::endSelected);
    m_notice->setObjectName(u"maintenanceNotice"_s);
    m_notice->setWordWrap(true);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    StatusColors::markErrorLabel(m_notice);
    m_notice->hide();

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_end);
    bar->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_notice);
    layout->addWidget(m_table, 1);
    setTabOrder(m_end, m_table);
    retranslate();
}

QString SilenceListView::emptyText() const
{
    return m_empty->message();
}

QString SilenceListView::notice() const
{
    return m_notice->isVisibleTo(this) ? m_notice->text() : QString();
}

void SilenceListView::showSilences(const QList<Silence> &silences, qint64 serverNowMs)
{
    m_model->setSilences(silences, serverNowMs);
    m_shown = true;
    m_listError.clear();
    updateState();
    if (m_model->rowCount() > 0)
        m_columns->fit();
}

void SilenceListView::showListError(const QString &error)
{
    m_listError = error;
    updateState();
}

void SilenceListView::setAvailable(bool available, const QString &reason)
{
    m_available = available;
    m_unavailableReason = available ? QString() : reason;
    updateState();
}

void SilenceListView::endSelected()
{
    if (!m_available || isEndPending())
        return;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty() || !rows.first().data(SilenceListModel::EndableRole).toBool())
        return;
    m_endPending = rows.first().data(SilenceListModel::SilenceIdRole).toString();
    m_failed = Failed::Nothing;
    updateState();
    Q_EMIT endRequested(m_endPending);
}

void SilenceListView::showEndResult(const QString &error)
{
    m_endPending.clear();
    if (!error.isEmpty()) {
        m_failed = Failed::End;
        m_failure = error;
    }
    updateState();
}

void SilenceListView::showSilenceFailure(const QString &error)
{
    m_failed = Failed::Silence;
    m_failure = error;
    updateState();
}

void SilenceListView::clearFailure()
{
    m_failed = Failed::Nothing;
    updateState();
}

void SilenceListView::clear()
{
    m_model->setSilences({}, 0);
    m_shown = false;
    m_listError.clear();
    m_failed = Failed::Nothing;
    m_endPending.clear();
    updateState();
}

void SilenceListView::updateState()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const bool endable =
        !rows.isEmpty() && rows.first().data(SilenceListModel::EndableRole).toBool();
    m_end->setEnabled(m_available && endable && !isEndPending());
    if (!m_available)
        m_end->setToolTip(m_unavailableReason);
    else if (isEndPending())
        m_end->setToolTip(tr("Waiting for the control plane…"));
    else if (!endable)
        m_end->setToolTip(tr("Select an active or scheduled silence."));
    else
        m_end->setToolTip(tr("End the selected silence now, for every operator."));

    QString notice = m_listError;
    if (m_failed == Failed::Silence) {
        //: %1: the control plane's answer
        notice = tr("The silence could not be set: %1").arg(m_failure);
    } else if (m_failed == Failed::End) {
        //: %1: the control plane's answer
        notice = tr("The silence could not be ended: %1").arg(m_failure);
    }
    m_notice->setText(notice);
    m_notice->setVisible(!notice.isEmpty());

    QString empty;
    if (!m_available) {
        empty = m_unavailableReason.isEmpty()
                    ? tr("This control plane does not offer maintenance silences.")
                    : m_unavailableReason;
    } else if (m_shown && m_model->rowCount() == 0 && m_listError.isEmpty()) {
        empty = tr("No maintenance silences in the last 7 days. Select alerts and choose "
                   "“Silence…” to add one.");
    }
    m_empty->setMessage(empty);
}

void SilenceListView::retranslate()
{
    m_end->setText(tr("&End silence"));
    m_table->setAccessibleName(tr("Maintenance silences"));
    m_model->retranslate();
    updateState();
    if (m_model->rowCount() > 0)
        m_columns->fit();
}

void SilenceListView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::PaletteChange)
        StatusColors::restyleErrorLabels(this);
    QWidget::changeEvent(event);
}

} // namespace prego
