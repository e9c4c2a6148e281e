#include "historyfeed.h"

#include "dashboardview.h"
#include "heatmapview.h"
#include "storage/historyservice.h"

#include <QStatusBar>

namespace prego {

HistoryFeed::HistoryFeed(DashboardView *dashboard, HeatmapView *heatmap, QStatusBar *statusBar,
                         QObject *parent)
    : QObject(parent)
    , m_dashboard(dashboard)
    , m_heatmap(heatmap)
    , m_statusBar(statusBar)
{}

void HistoryFeed::setHistory(HistoryService *history)
{
    if (m_history)
        disconnect(m_history, nullptr, this, nullptr);
    m_history = history;
    m_snapshotRequest = 0;
    m_heatmapRequest = 0;
    m_storageNoticeIsRecovery = false;
    m_dashboard->hideStorageNotice();
    if (!history) {
        m_heatmap->setUnavailable(tr("No local history for this profile."));
        return;
    }
    connect(history, &HistoryService::lastSnapshotRead, this,
            [this](int requestId, const std::optional<StoredSnapshot> &stored) {
                if (requestId != m_snapshotRequest)
                    return;
                m_snapshotRequest = 0;
                if (stored)
                    Q_EMIT storedSnapshotRead(*stored);
            });
    connect(history, &HistoryService::heatmapRead, this,
            [this](int requestId, const Heatmap &heatmap) {
                if (requestId != m_heatmapRequest)
                    return;
                m_heatmapRequest = 0;
                m_heatmap->setHeatmap(heatmap);
                Q_EMIT heatmapShown();
            });
    // Problems with the local files stay on screen until dismissed (a status-bar message is gone
    // before an operator who was away from the desk looks); a write that succeeds again takes
    // away a write failure, never the notice that a damaged file was moved aside.
    connect(history, &HistoryService::failed, this, [this](const QString &message) {
        const QString text = tr("Local history: %1").arg(message);
        m_statusBar->showMessage(text, 15000);
        if (!recoveryNoticeShown())
            m_dashboard->showStorageNotice(text);
    });
    connect(history, &HistoryService::samplesIngested, this,
            [this](const HistoryIngestResult &result) {
                if (result.error.isEmpty() && !recoveryNoticeShown())
                    m_dashboard->hideStorageNotice();
            });
    connect(history, &HistoryService::opened, this, [this](const HistoryOpenResult &result) {
        if (!result.ok) {
            m_heatmap->setUnavailable(result.error);
            m_dashboard->showStorageNotice(tr("Local history: %1").arg(result.error));
        } else if (!result.recoveryNotice.isEmpty()) {
            m_statusBar->showMessage(result.recoveryNotice, 30000);
            m_storageNoticeIsRecovery = true;
            m_dashboard->showStorageNotice(result.recoveryNotice);
        }
    });
    m_snapshotRequest = history->requestLastSnapshot();
}

HistoryService *HistoryFeed::history() const
{
    return m_history;
}

void HistoryFeed::requestHeatmap(qint64 nowMs, qint64 staleAfterMs)
{
    if (!m_history || m_heatmapRequest != 0)
        return;
    m_heatmapRequest = m_history->requestHeatmap(nowMs, staleAfterMs);
}

bool HistoryFeed::recoveryNoticeShown() const
{
    return m_storageNoticeIsRecovery && !m_dashboard->storageNotice().isEmpty();
}

} // namespace prego
