#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace prego {

class ColumnFitter;
class EmptyState;
class JobListModel;
struct JobListing;

// View → Jobs (Ctrl+4): the control plane's jobs merged with local ones it has not confirmed
// yet (a JobsPoller's listings), filtered by status, path and text. While shown it asks for
// listings (watchedChanged), which keep coming every few seconds while any job is active.
class JobListView final : public QWidget
{
    Q_OBJECT
public:
    explicit JobListView(QWidget *parent = nullptr);

    // Shows one listing (rows, or the last ones and why they could not be refreshed).
    void showListing(const JobListing &listing);
    // Forgets the rows (another profile, or none).
    void clear();
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
    // The view was shown (true) or hidden (false): listings are wanted while it is shown.
    void watchedChanged(bool watched);
    // The list shows an answer of the control plane (or the last rows after a failure).
    void refreshed();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applyFilters();
    void retranslate();
    // Fits the columns to the rows shown until the operator sizes a column by hand.
    void fitColumns();

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
    ColumnFitter *m_columns = nullptr;
};

} // namespace prego
