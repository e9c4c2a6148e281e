#pragma once

#include "domain/freshnessheatmap.h"
#include "historystore.h"

#include <QObject>

#include <memory>
#include <optional>

namespace prego {

// Answers the console's history questions on a worker thread with its own connection, so charts
// and the heatmap never run SQL on the UI thread. Same threading rules as HistoryWriter: create it
// without a parent, move it to its QThread, call its slots through queued connections (or
// QMetaObject::invokeMethod), and receive answers through its signals. Every request carries the
// caller's id back, so a view can drop answers to questions it no longer asks.
//
// Start it after HistoryWriter::opened: the writer is the one that checks, repairs and migrates
// the file; the reader only reads.
class HistoryReader final : public QObject
{
    Q_OBJECT
public:
    explicit HistoryReader(const QString &path, QObject *parent = nullptr);
    ~HistoryReader() override;

public Q_SLOTS:
    void requestLastSnapshot(int requestId);
    // Raw samples up to 24 h, roll-ups beyond (see HistoryStore::series).
    void requestSeries(int requestId, const QString &nodeId, qint64 fromMs, qint64 toMs);
    // The fleet heatmap for the 24 h ending at nowMs (server time).
    void requestHeatmap(int requestId, qint64 nowMs, qint64 staleAfterMs);
    void close();

Q_SIGNALS:
    void lastSnapshotRead(int requestId, const std::optional<prego::StoredSnapshot> &snapshot);
    void seriesRead(int requestId, const QString &nodeId, const prego::HistorySeries &series);
    void heatmapRead(int requestId, const prego::Heatmap &heatmap);
    void failed(int requestId, const QString &message);

private:
    bool ensureOpen(int requestId);

    QString m_path;
    std::unique_ptr<HistoryStore> m_store;
};

} // namespace prego

Q_DECLARE_METATYPE(prego::HistorySeries)
Q_DECLARE_METATYPE(prego::Heatmap)
Q_DECLARE_METATYPE(std::optional<prego::StoredSnapshot>)
