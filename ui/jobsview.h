#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace prego {

class ApiCall;
class ApiClient;
class ColumnFitter;
class EmptyState;
class JobListModel;
class JobOutbox;
class ProvisionSubmitter;
struct ApiResponse;

// View → Jobs (Ctrl+3): the control plane's jobs merged with local ones it has not confirmed
// yet, filtered by status, path and text, refreshed every few seconds while any job is active
// (and slowly otherwise) as long as the view is shown.
class JobsView final : public QWidget
{
    Q_OBJECT
public:
    static constexpr int ActiveRefreshMs = 2000;
    static constexpr int IdleRefreshMs = 30000;

    explicit JobsView(QWidget *parent = nullptr);

    // Where the jobs come from; any may be null (no profile yet).
    void attach(ApiClient *client, JobOutbox *outbox, ProvisionSubmitter *submitter);
    void refresh();
    // Whether the columns keep widths restored for the profile (or sized by the operator) instead
    // of fitting the rows; MainWindow sets it after restoring the profile's view state.
    void setKeepColumnWidths(bool keep);

    JobListModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QComboBox *statusFilter() const { return m_status; }
    QString problemText() const;
    // The sentence over an empty list ("No provisioning jobs yet…"), empty when none is shown.
    QString emptyText() const;

Q_SIGNALS:
    void jobActivated(const QString &jobId);
    void newProvisioningRequested();
    // The list shows an answer of the control plane (or the local rows alone after a failure).
    void refreshed();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void onAnswer(const ApiResponse &response);
    void applyFilters();
    void retranslate();
    void scheduleNext();
    // Fits the columns to the rows shown until the operator sizes a column by hand.
    void fitColumns();

    QPointer<ApiClient> m_client;
    JobOutbox *m_outbox = nullptr;
    QPointer<ProvisionSubmitter> m_submitter;
    QPointer<ApiCall> m_call;
    JobListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLineEdit *m_filter;
    QComboBox *m_status;
    QComboBox *m_path;
    QLabel *m_problem;
    QLabel *m_shown;
    EmptyState *m_empty = nullptr;
    bool m_answered = false; // the list shows a control plane's answer (or the failure of one)
    QPushButton *m_new;
    QTimer m_timer;
    ColumnFitter *m_columns = nullptr;
};

} // namespace prego
