#pragma once

#include "ackdialog.h"
#include "alertrulesdialog.h"
#include "silencedialog.h"
#include "types/alert.h"
#include "types/silence.h"

#include <QPointer>
#include <QWidget>

class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace prego {

class AlertHistoryModel;
class AlertListModel;
class ColumnFitter;
class EmptyState;
class SilenceListModel;
class SilenceListView;

// The Alerts page: "Current" (firing, pending and unknown alerts, firing first), "History
// (7 days)" (changes of state) and "Maintenance" (the control plane's silences). It shows what it
// is given and says what the operator wants with signals: acknowledge selected alerts with a
// comment, silence the selected alerts' nodes or a region, end a silence early, change the
// rules. Without the control plane's silences capability "Silence…" and "End silence" are
// disabled with the reason, and the Maintenance tab says why; everything else works the same.
class AlertsView final : public QWidget
{
    Q_OBJECT
public:
    enum class Tab { Current, History, Maintenance };
    Q_ENUM(Tab)

    explicit AlertsView(QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    QTableView *alertTable() const { return m_alertTable; }
    QTableView *historyTable() const { return m_historyTable; }
    QTableView *silenceTable() const;
    AlertListModel *alertModel() const { return m_alerts; }
    AlertHistoryModel *historyModel() const { return m_history; }
    SilenceListModel *silenceModel() const;
    QPushButton *acknowledgeButton() const { return m_ack; }
    QPushButton *silenceButton() const { return m_silence; }
    QPushButton *endSilenceButton() const;
    QPushButton *rulesButton() const { return m_rulesButton; }
    // The sentence over an empty list, empty when none is shown.
    QString emptyText(Tab tab) const;
    // What the Maintenance tab says above its list (a listing or an action that failed).
    QString maintenanceNotice() const;
    const AlertRules &rules() const { return m_rulesValue; }
    bool silencesAvailable() const { return m_silencesAvailable; }
    // The keys of the selected alerts that are not acknowledged yet.
    QStringList selectedUnacknowledgedKeys() const;
    // The node ids of the selected alerts.
    QStringList selectedNodeIds() const;
    // The dialogs while they are open.
    AckDialog *ackDialog() const { return m_ackDialog; }
    SilenceDialog *silenceDialog() const { return m_silenceDialog; }
    AlertRulesDialog *rulesDialog() const { return m_rulesDialog; }
    // Keeps the column widths of these tables (object names) instead of fitting them to the rows:
    // MainWindow passes the tables whose widths it restored for the profile.
    void setKeepColumnWidths(const QStringList &tableNames);

    // The buttons' actions: each opens its dialog (window-modal) or asks.
    void acknowledgeSelected();
    void silenceSelected();
    // Opens the silence dialog for these nodes (the fleet table's "Silence…"); the request comes
    // back as silenceRequested() like one from this page.
    void silenceNodes(const QStringList &nodeIds);
    QString silencesUnavailableReason() const { return m_unavailableReason; }
    void endSelectedSilence();
    void editRules();

public Q_SLOTS:
    void showAlerts(const QList<prego::Alert> &alerts, qint64 serverNowMs);
    void showHistory(const QList<prego::AlertTransition> &transitions);
    void showSilences(const QList<prego::Silence> &silences, qint64 serverNowMs);
    // The silences could not be listed: the last ones stay, with the error above them.
    void showSilencesError(const QString &error);
    void setSilencesAvailable(bool available, const QString &reason);
    // The answer to the last silenceRequested or endSilenceRequested: empty on success.
    void showActionResult(const QString &error);
    void setRules(const prego::AlertRules &rules);
    // The fleet's node ids and regions, offered by the silence and override dialogs.
    void setKnownTargets(const QStringList &nodeIds, const QStringList &regions);
    // Server minus local time, in ms: silence ends are computed on the server's clock.
    void setServerTimeOffset(qint64 serverMinusLocalMs);
    // Forgets everything shown (another profile, or none).
    void clear();

Q_SIGNALS:
    // Intents.
    void acknowledgeRequested(const QStringList &alertKeys, const QString &comment);
    void silenceRequested(const prego::SilenceRequest &request);
    void endSilenceRequested(const QString &silenceId);
    void rulesChanged(const prego::AlertRules &rules);
    // The history tab was opened: transitions of the last 7 days are wanted (showHistory).
    void historyRequested();
    // A row was activated (Enter or double-click): the node's detail is wanted.
    void nodeActivated(const QString &nodeId);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateActions();
    void updateEmptyStates();
    QList<Alert> selectedAlerts() const;
    QStringList regions() const;
    void fitColumns();

    AlertListModel *m_alerts;
    AlertHistoryModel *m_history;
    QSortFilterProxyModel *m_alertProxy;
    QSortFilterProxyModel *m_historyProxy;

    QTabWidget *m_tabs;
    QWidget *m_currentPage;
    QWidget *m_historyPage;
    SilenceListView *m_maintenance;
    QTableView *m_alertTable;
    QTableView *m_historyTable;
    EmptyState *m_alertEmpty;
    EmptyState *m_historyEmpty;
    QList<ColumnFitter *> m_fitters;
    QPushButton *m_ack;
    QPushButton *m_silence;
    QPushButton *m_rulesButton;

    QPointer<AckDialog> m_ackDialog;
    QPointer<SilenceDialog> m_silenceDialog;
    QPointer<AlertRulesDialog> m_rulesDialog;

    AlertRules m_rulesValue;
    QStringList m_knownNodeIds;
    QStringList m_knownRegions;
    qint64 m_offsetMs = 0;
    bool m_alertsShown = false;
    bool m_historyShown = false;
    bool m_silencesShown = false;
    bool m_silencesAvailable = true;
    QString m_unavailableReason;
    QString m_silencesError;
    enum class Failed { Nothing, Silence, End }; // the last action the control plane refused
    Failed m_failed = Failed::Nothing;
    QString m_actionError;         // its answer
    bool m_silencePending = false; // a silenceRequested not answered yet
    QString m_endPending;          // the silence whose end was asked and not answered yet
};

} // namespace prego
