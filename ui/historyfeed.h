#pragma once

#include "storage/historyreader.h"

#include <QObject>
#include <QPointer>

class QStatusBar;

namespace prego {

class DashboardView;
class HeatmapView;
class HistoryService;

// The main window's side of the profile's local history: asks it for the stored snapshot and for
// the heatmap (one question of each at a time; answers to an earlier history's questions are
// dropped), shows the heatmap, and keeps problems with the local files on the dashboard until
// dismissed.
class HistoryFeed final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryFeed)
public:
    HistoryFeed(DashboardView *dashboard, HeatmapView *heatmap, QStatusBar *statusBar,
                QObject *parent = nullptr);

    // The history of the profile shown (null: none, or it failed to open). Asks it for the stored
    // snapshot at once.
    void setHistory(HistoryService *history);
    HistoryService *history() const;
    // Asks for the heatmap of the 24 h ending at nowMs, unless a question is still open (the next
    // snapshot asks again).
    void requestHeatmap(qint64 nowMs, qint64 staleAfterMs);

Q_SIGNALS:
    // The snapshot the history kept from the last poll of an earlier run.
    void storedSnapshotRead(const prego::StoredSnapshot &stored);
    // The heatmap shows a fresh answer from the history.
    void heatmapShown();

private:
    bool recoveryNoticeShown() const;

    DashboardView *m_dashboard;
    HeatmapView *m_heatmap;
    QStatusBar *m_statusBar;
    QPointer<HistoryService> m_history;
    int m_snapshotRequest = 0;
    int m_heatmapRequest = 0;
    bool m_storageNoticeIsRecovery = false; // the notice says a damaged history was moved aside
};

} // namespace prego
