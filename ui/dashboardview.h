#pragma once

#include "types/apierror.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QMenu;
class QLineEdit;
class QPushButton;
class QTableView;

namespace prego {

class EmptyState;
class NodeFilterProxy;
class NodeTableModel;
class ServerClock;

// The fleet dashboard: summary strip, offline / authorization banner, clock-skew warning,
// filters and the node table. Selection and scroll position survive refreshes.
class DashboardView final : public QWidget
{
    Q_OBJECT
public:
    DashboardView(NodeTableModel *model, const ServerClock *clock, QWidget *parent = nullptr);

    NodeTableModel *model() const { return m_model; }
    NodeFilterProxy *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    // The sentence over an empty table ("No node matches the filters."), empty when none is shown.
    QString emptyText() const;

    // The table shows a stored snapshot (server time of its data) while the first poll is out.
    void showStoredData(qint64 dataServerTimeMs);
    // The last poll succeeded (snapshot or 304): hide the problem banner.
    void showConnected();
    // The last poll failed: banner with "as of" (server time of the data shown) and the reason.
    void showPollFailed(const ApiError &error, std::optional<qint64> dataServerTimeMs);
    // Once a second: banner ages, skew warning, summary.
    void refreshStatus();
    // A problem with the local files (history moved aside, disk full, folder read-only): shown
    // until the operator dismisses it or hideStorageNotice() is called, unlike the status bar.
    void showStorageNotice(const QString &text);
    void hideStorageNotice();
    QString storageNotice() const;
    QString currentNodeId() const { return m_currentNodeId; }
    // The column widths came from the profile's stored layout: do not fit them to the data.
    void setKeepColumnWidths(bool keep) { m_keepColumnWidths = keep; }
    // Whether the row menu's "Silence…" can be used; when not, it is disabled with the reason.
    void setSilenceAvailable(bool available, const QString &reason);
    // The row menu (right click or the Menu key) for the rows at `position` / selected; a test
    // triggers its actions directly.
    QMenu *rowMenu(const QPoint &position);

Q_SIGNALS:
    void tokenPromptRequested();
    // Double-click or Enter on a row.
    void nodeActivated(const QString &nodeId);
    // The row menu's "Silence…": these nodes (the selected rows, or the one clicked).
    void silenceRequested(const QStringList &nodeIds);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Counter
    {
        QLabel *value = nullptr;
        QLabel *caption = nullptr;
        QLabel *icon = nullptr;
    };

    QWidget *makeCounter(Counter *counter, const QString &objectName, int freshness);
    void retranslate();
    // Banner and icon colours for the current palette (light or dark).
    void updateColors();
    QString asOfText(qint64 serverTimeMs) const;
    void updateSummary();
    void updateFilterChoices();
    void updateBanner();
    void updateSkew();
    void rememberCurrent();
    QStringList nodeIdsAt(const QPoint &position) const;
    void restoreCurrent();
    void applyFreshnessFilter();

    NodeTableModel *m_model;
    const ServerClock *m_clock;
    NodeFilterProxy *m_proxy;
    Counter m_total, m_bound, m_fresh, m_stale, m_never, m_unknown;
    QLabel *m_banner;
    QPushButton *m_tokenButton;
    QWidget *m_bannerBox;
    QLabel *m_skew;
    QWidget *m_storageBox;
    QLabel *m_storage;
    QPushButton *m_storageDismiss;
    QLineEdit *m_filter;
    QComboBox *m_region;
    QComboBox *m_placement;
    QComboBox *m_freshness;
    QLabel *m_shown;
    QTableView *m_table;
    EmptyState *m_empty = nullptr;
    QString m_currentNodeId;
    std::optional<ApiError> m_error;
    std::optional<qint64> m_dataServerTimeMs;
    bool m_storedData = false;
    bool m_keepColumnWidths = false;
    bool m_silenceAvailable = false;
    QString m_silenceUnavailableReason;
};

} // namespace prego
