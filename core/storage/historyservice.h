#pragma once

#include "historyreader.h"
#include "historywriter.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <optional>

namespace prego {

// The console's local history for one profile: a HistoryWriter and a HistoryReader, each on its
// own worker thread with its own Qt Sql connection, behind one UI-thread object. Every method is
// called on the owner's thread and returns at once; answers come back as signals carrying the
// request id that asked. The UI thread never runs SQL.
//
// The reader starts at once (the stored snapshot is wanted before the writer's integrity check
// of a large file finishes); when the writer had to move a damaged file aside, the reader is
// closed so that its next request opens the new file.
class HistoryService final : public QObject
{
    Q_OBJECT
public:
    explicit HistoryService(const QString &path, HistoryWriterOptions options = {},
                            QObject *parent = nullptr);
    // Lets the writer finish what it was given (one transaction at most), then stops both threads.
    ~HistoryService() override;

    QString path() const { return m_path; }
    // What opening found, once the writer has opened (nullopt before).
    const std::optional<HistoryOpenResult> &openResult() const { return m_openResult; }

    void ingest(const NodesSnapshot &snapshot);
    // Samples from elsewhere than a poll (the demo's simulated past), then a roll-up at nowMs.
    void ingestSamples(const QList<HistorySample> &samples, qint64 nowMs);

    int requestLastSnapshot();
    int requestSeries(const QString &nodeId, qint64 fromMs, qint64 toMs);
    int requestHeatmap(qint64 nowMs, qint64 staleAfterMs);

Q_SIGNALS:
    void opened(const prego::HistoryOpenResult &result);
    void samplesIngested(const prego::HistoryIngestResult &result);
    void lastSnapshotRead(int requestId, const std::optional<prego::StoredSnapshot> &snapshot);
    void seriesRead(int requestId, const QString &nodeId, const prego::HistorySeries &series);
    void heatmapRead(int requestId, const prego::Heatmap &heatmap);
    // A translated message: the history could not be opened, written or read. The console keeps
    // running without it.
    void failed(const QString &message);

private:
    QString m_path;
    QThread m_writerThread;
    QThread m_readerThread;
    QPointer<HistoryWriter> m_writer;
    QPointer<HistoryReader> m_reader;
    std::optional<HistoryOpenResult> m_openResult;
    int m_nextRequestId = 0;
};

} // namespace prego
