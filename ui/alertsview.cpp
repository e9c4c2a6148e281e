#include "alertsview.h"

#include "ackdialog.h"
#include "alerthistorymodel.h"
#include "alertlistmodel.h"
#include "alertrulesdialog.h"
#include "emptystate.h"
#include "silencedialog.h"
#include "silencelistmodel.h"
#include "silencelistview.h"
#include "statuscolors.h"
#include "tablecolumns.h"
#include "tonedelegate.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace prego {

namespace {

QTableView *makeTable(const QString &name, QAbstractItemModel *model, QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setObjectName(name);
    table->setModel(model);
    table->setSortingEnabled(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setTabKeyNavigation(false); // Tab leaves the table; the arrows move in it
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setWordWrap(false);
    return table;
}

std::optional<StatusColors::Tone> alertTone(AlertState state)
{
    switch (state) {
    case AlertState::Firing:
        return StatusColors::Tone::Bad;
    case AlertState::Pending:
        return StatusColors::Tone::Warning;
    case AlertState::Unknown:
        return StatusColors::Tone::Info;
    case AlertState::Resolved:
        return StatusColors::Tone::Good;
    }
    return std::nullopt;
}

} // namespace

AlertsView::AlertsView(QWidget *parent)
    : QWidget(parent)
    , m_alerts(new AlertListModel(this))
    , m_history(new AlertHistoryModel(this))
    , m_alertProxy(new QSortFilterProxyModel(this))
    , m_historyProxy(new QSortFilterProxyModel(this))
    , m_tabs(new QTabWidget(this))
    , m_currentPage(new QWidget(m_tabs))
    , m_historyPage(new QWidget(m_tabs))
    , m_maintenance(new SilenceListView(m_tabs))
    , m_alertTable(makeTable(u"alertTable"_s, m_alertProxy, m_currentPage))
    , m_historyTable(makeTable(u"alertHistoryTable"_s, m_historyProxy, m_historyPage))
    , m_alertEmpty(new EmptyState(m_alertTable))
    , m_historyEmpty(new EmptyState(m_historyTable))
    , m_ack(new QPushButton(m_currentPage))
    , m_silence(new QPushButton(m_currentPage))
    , m_rulesButton(new QPushButton(m_currentPage))
{
    setObjectName(u"alertsView"_s);
    m_tabs->setObjectName(u"alertTabs"_s);
    m_ack->setObjectName(u"acknowledgeButton"_s);
    m_silence->setObjectName(u"silenceButton"_s);
    m_rulesButton->setObjectName(u"alertRulesButton"_s);

    // Sorted on raw values; equal ones keep the order they arrived in.
    m_alertProxy->setSourceModel(m_alerts);
    m_alertProxy->setSortRole(AlertListModel::RawValueRole);
    m_historyProxy->setSourceModel(m_history);
    m_historyProxy->setSortRole(AlertHistoryModel::RawValueRole);
    m_alertTable->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_historyTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_alertTable->sortByColumn(AlertListModel::StateColumn, Qt::AscendingOrder);
    m_historyTable->sortByColumn(AlertHistoryModel::TimeColumn, Qt::DescendingOrder);
    m_alertTable->setItemDelegateForColumn(
        AlertListModel::StateColumn,
        new ToneDelegate(
            [](const QModelIndex &i) {
                return alertTone(AlertState(i.data(AlertListModel::StateRole).toInt()));
            },
            m_alertTable));
    m_historyTable->setItemDelegateForColumn(
        AlertHistoryModel::TransitionColumn,
        new ToneDelegate(
            [](const QModelIndex &i) {
                return alertTone(AlertState(i.data(AlertHistoryModel::ToStateRole).toInt()));
            },
            m_historyTable));
    m_fitters = {new ColumnFitter(m_alertTable), new ColumnFitter(m_historyTable),
                 m_maintenance->columns()};

    connect(m_alertTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AlertsView::updateActions);
    // A refresh can acknowledge what is selected.
    connect(m_alerts, &QAbstractItemModel::dataChanged, this, &AlertsView::updateActions);
    connect(m_alertTable, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT nodeActivated(index.data(AlertListModel::NodeIdRole).toString());
    });
    connect(m_historyTable, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT nodeActivated(index.data(AlertHistoryModel::NodeIdRole).toString());
    });
    connect(m_ack, &QPushButton::clicked, this, &AlertsView::acknowledgeSelected);
    connect(m_silence, &QPushButton::clicked, this, &AlertsView::silenceSelected);
    connect(m_rulesButton, &QPushButton::clicked, this, &AlertsView::editRules);
    connect(m_maintenance, &SilenceListView::endRequested, this, &AlertsView::endSilenceRequested);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == int(Tab::History) && isVisible())
            Q_EMIT historyRequested();
    });

    auto *currentBar = new QHBoxLayout;
    currentBar->addWidget(m_ack);
    currentBar->addWidget(m_silence);
    currentBar->addStretch(1);
    currentBar->addWidget(m_rulesButton);
    auto *current = new QVBoxLayout(m_currentPage);
    current->addLayout(currentBar);
    current->addWidget(m_alertTable, 1);
    auto *history = new QVBoxLayout(m_historyPage);
    history->addWidget(m_historyTable, 1);
    m_tabs->addTab(m_currentPage, QString());
    m_tabs->addTab(m_historyPage, QString());
    m_tabs->addTab(m_maintenance, QString());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    // The table was made before the buttons: Tab reads the buttons, then the table.
    setTabOrder(m_ack, m_silence);
    setTabOrder(m_silence, m_rulesButton);
    setTabOrder(m_rulesButton, m_alertTable);

    retranslate();
}

QString AlertsView::emptyText(Tab tab) const
{
    switch (tab) {
    case Tab::Current:
        return m_alertEmpty->message();
    case Tab::History:
        return m_historyEmpty->message();
    case Tab::Maintenance:
        return m_maintenance->emptyText();
    }
    return {};
}

QString AlertsView::maintenanceNotice() const
{
    return m_maintenance->notice();
}

QTableView *AlertsView::silenceTable() const
{
    return m_maintenance->table();
}

SilenceListModel *AlertsView::silenceModel() const
{
    return m_maintenance->model();
}

QPushButton *AlertsView::endSilenceButton() const
{
    return m_maintenance->endButton();
}

void AlertsView::setKeepColumnWidths(const QStringList &tableNames)
{
    for (ColumnFitter *fitter : std::as_const(m_fitters))
        fitter->setKeepWidths(tableNames.contains(fitter->table()->objectName()));
}

QList<Alert> AlertsView::selectedAlerts() const
{
    QList<Alert> result;
    const QModelIndexList rows = m_alertTable->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        const int row = m_alertProxy->mapToSource(index).row();
        if (row >= 0 && row < m_alerts->alerts().size())
            result.append(m_alerts->alerts().at(row));
    }
    // In the table's order, whatever order the rows were selected in.
    std::sort(result.begin(), result.end(), [this](const Alert &a, const Alert &b) {
        return m_alertProxy->mapFromSource(m_alerts->index(m_alerts->rowOf(a.key()), 0)).row() <
               m_alertProxy->mapFromSource(m_alerts->index(m_alerts->rowOf(b.key()), 0)).row();
    });
    return result;
}

QStringList AlertsView::selectedUnacknowledgedKeys() const
{
    QStringList keys;
    for (const Alert &a : selectedAlerts()) {
        if (!a.ack)
            keys.append(a.key());
    }
    return keys;
}

QStringList AlertsView::selectedNodeIds() const
{
    QStringList ids;
    for (const Alert &a : selectedAlerts())
        ids.append(a.nodeId);
    ids.removeDuplicates();
    return ids;
}

QStringList AlertsView::regions() const
{
    QStringList result = m_knownRegions;
    for (const Alert &a : m_alerts->alerts())
        result.append(a.region);
    result.removeAll(QString());
    result.removeDuplicates();
    result.sort();
    return result;
}

void AlertsView::acknowledgeSelected()
{
    QList<Alert> alerts;
    for (const Alert &a : selectedAlerts()) {
        if (!a.ack)
            alerts.append(a);
    }
    if (alerts.isEmpty())
        return;
    if (m_ackDialog)
        m_ackDialog->close();
    auto *dialog = new AckDialog(alerts, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { Q_EMIT acknowledgeRequested(dialog->keys(), dialog->comment()); });
    m_ackDialog = dialog;
    dialog->open();
}

void AlertsView::silenceSelected()
{
    silenceNodes(selectedNodeIds());
}

void AlertsView::silenceNodes(const QStringList &nodeIds)
{
    if (!m_silencesAvailable || m_silencePending)
        return;
    if (m_silenceDialog)
        m_silenceDialog->close();
    auto *dialog = new SilenceDialog(nodeIds, regions(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setServerTimeOffset(m_offsetMs);
    connect(dialog, &SilenceDialog::silenceRequested, this, [this](const SilenceRequest &request) {
        m_silencePending = true;
        m_maintenance->clearFailure();
        updateActions();
        Q_EMIT silenceRequested(request);
    });
    m_silenceDialog = dialog;
    dialog->open();
}

void AlertsView::endSelectedSilence()
{
    m_maintenance->endSelected();
}

void AlertsView::editRules()
{
    if (m_rulesDialog)
        m_rulesDialog->close();
    auto *dialog = new AlertRulesDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setRules(m_rulesValue);
    dialog->setKnownTargets(m_knownNodeIds, regions());
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const AlertRules rules = dialog->rules();
        if (rules == m_rulesValue)
            return;
        setRules(rules);
        Q_EMIT rulesChanged(rules);
    });
    m_rulesDialog = dialog;
    dialog->open();
}

void AlertsView::showAlerts(const QList<Alert> &alerts, qint64 serverNowMs)
{
    m_alerts->setAlerts(alerts, serverNowMs);
    m_alertsShown = true;
    updateEmptyStates();
    updateActions();
    fitColumns();
}

void AlertsView::showHistory(const QList<AlertTransition> &transitions)
{
    m_history->setTransitions(transitions);
    m_historyShown = true;
    updateEmptyStates();
    fitColumns();
}

void AlertsView::showSilences(const QList<Silence> &silences, qint64 serverNowMs)
{
    m_maintenance->showSilences(silences, serverNowMs);
    m_alerts->setSilences(silences, serverNowMs);
}

void AlertsView::showSilencesError(const QString &error)
{
    m_maintenance->showListError(error);
}

void AlertsView::setSilencesAvailable(bool available, const QString &reason)
{
    m_silencesAvailable = available;
    m_unavailableReason = available ? QString() : reason;
    if (!available && m_silenceDialog && !m_silenceDialog->isWaiting())
        m_silenceDialog->close();
    m_maintenance->setAvailable(available, reason);
    updateActions();
}

void AlertsView::showActionResult(const QString &error)
{
    if (m_silencePending) {
        m_silencePending = false;
        if (m_silenceDialog && m_silenceDialog->isWaiting())
            m_silenceDialog->showResult(error);
        else if (!error.isEmpty())
            m_maintenance->showSilenceFailure(error);
    } else if (m_maintenance->isEndPending()) {
        m_maintenance->showEndResult(error);
    }
    updateActions();
}

void AlertsView::setRules(const AlertRules &rules)
{
    m_rulesValue = rules;
    m_alerts->setRules(rules);
}

void AlertsView::setKnownTargets(const QStringList &nodeIds, const QStringList &regions)
{
    m_knownNodeIds = nodeIds;
    m_knownRegions = regions;
}

void AlertsView::setServerTimeOffset(qint64 serverMinusLocalMs)
{
    m_offsetMs = serverMinusLocalMs;
    if (m_silenceDialog)
        m_silenceDialog->setServerTimeOffset(serverMinusLocalMs);
}

void AlertsView::clear()
{
    for (QDialog *dialog :
         std::initializer_list<QDialog *>{m_ackDialog, m_silenceDialog, m_rulesDialog}) {
        if (dialog)
            dialog->close();
    }
    m_alerts->setAlerts({}, 0);
    m_alerts->setSilences({}, 0);
    m_history->setTransitions({});
    m_maintenance->clear();
    m_alertsShown = m_historyShown = false;
    m_silencePending = false;
    updateEmptyStates();
    updateActions();
}

void AlertsView::updateActions()
{
    const QStringList unacknowledged = selectedUnacknowledgedKeys();
    m_ack->setEnabled(!unacknowledged.isEmpty());
    m_ack->setToolTip(unacknowledged.isEmpty()
                          ? tr("Select alerts that are not acknowledged yet.")
                          : tr("Acknowledge the selected alerts with a comment."));

    m_silence->setEnabled(m_silencesAvailable && !m_silencePending);
    if (!m_silencesAvailable)
        m_silence->setToolTip(m_unavailableReason);
    else if (selectedNodeIds().isEmpty())
        m_silence->setToolTip(tr("Silence a region. Select alerts to silence their nodes."));
    else
        m_silence->setToolTip(tr("Silence the selected alerts' nodes for a while."));
}

void AlertsView::updateEmptyStates()
{
    m_alertEmpty->setMessage(m_alertsShown && m_alerts->rowCount() == 0
                                 ? tr("No alerts firing or pending.")
                                 : QString());
    m_historyEmpty->setMessage(m_historyShown && m_history->rowCount() == 0
                                   ? tr("No alert changed state in the last 7 days.")
                                   : QString());
}

void AlertsView::fitColumns()
{
    for (ColumnFitter *fitter : std::as_const(m_fitters)) {
        if (fitter->table()->model()->rowCount() > 0)
            fitter->fit();
    }
}

void AlertsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_tabs->currentIndex() == int(Tab::History))
        Q_EMIT historyRequested();
}

void AlertsView::retranslate()
{
    m_tabs->setTabText(int(Tab::Current), tr("Current"));
    m_tabs->setTabText(int(Tab::History), tr("History (7 days)"));
    m_tabs->setTabText(int(Tab::Maintenance), tr("Maintenance"));
    m_ack->setText(tr("&Acknowledge…"));
    m_silence->setText(tr("&Silence…"));
    m_rulesButton->setText(tr("&Rules…"));
    m_alertTable->setAccessibleName(tr("Current alerts"));
    m_historyTable->setAccessibleName(tr("Alert history"));
    m_tabs->setAccessibleName(tr("Alerts"));
    m_alerts->retranslate();
    m_history->retranslate();
    updateActions();
    updateEmptyStates();
    fitColumns();
}

void AlertsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::PaletteChange)
        StatusColors::restyleErrorLabels(this);
    QWidget::changeEvent(event);
}

} // namespace prego
