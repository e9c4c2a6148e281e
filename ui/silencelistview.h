#pragma once

#include "types/silence.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace prego {

class ColumnFitter;
class EmptyState;
class SilenceListModel;

// The Alerts page's "Maintenance" tab: the control plane's silences (active, scheduled, and
// those ended in the last 7 days) and "End silence" for the selected one. Above the list it says
// what failed: listing them, ending one, or setting one after its dialog was closed. Without the
// capability the list says why and "End silence" is disabled with the reason.
class SilenceListView final : public QWidget
{
    Q_OBJECT
public:
    explicit SilenceListView(QWidget *parent = nullptr);

    SilenceListModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QPushButton *endButton() const { return m_end; }
    ColumnFitter *columns() const { return m_columns; }
    QString emptyText() const;
    QString notice() const;

    void showSilences(const QList<Silence> &silences, qint64 serverNowMs);
    void showListError(const QString &error);
    void setAvailable(bool available, const QString &reason);
    // Asks to end the selected silence (endRequested) unless an answer is awaited.
    void endSelected();
    bool isEndPending() const { return !m_endPending.isEmpty(); }
    // The answer to endRequested: empty on success.
    void showEndResult(const QString &error);
    // A silence the control plane refused after its dialog was closed.
    void showSilenceFailure(const QString &error);
    // A new request was sent: the last failure is no longer the news.
    void clearFailure();
    void clear();

Q_SIGNALS:
    void endRequested(const QString &silenceId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateState();

    SilenceListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    EmptyState *m_empty;
    ColumnFitter *m_columns;
    QPushButton *m_end;
    QLabel *m_notice;

    bool m_shown = false; // a listing arrived
    bool m_available = true;
    QString m_unavailableReason;
    QString m_listError;
    enum class Failed { Nothing, Silence, End }; // the last action the control plane refused
    Failed m_failed = Failed::Nothing;
    QString m_failure;    // its answer
    QString m_endPending; // the silence whose end was asked and not answered yet
};

} // namespace prego
