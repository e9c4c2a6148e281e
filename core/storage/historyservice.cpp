#include "historyservice.h"

using namespace Qt::StringLiterals;

namespace prego {

HistoryService::HistoryService(const QString &path, HistoryWriterOptions options, QObject *parent)
    : QObject(parent)
    , m_path(path)
{
    m_writerThread.setObjectName(u"prego-history-writer"_s);
    m_readerThread.setObjectName(u"prego-history-reader"_s);

    auto *writer = new HistoryWriter(path, options);
    writer->moveToThread(&m_writerThread);
    connect(&m_writerThread, &QThread::finished, writer, &QObject::deleteLater);
    m_writer = writer;
    auto *reader = new HistoryReader(path);
    reader->moveToThread(&m_readerThread);
    connect(&m_readerThread, &QThread::finished, reader, &QObject::deleteLater);
    m_reader = reader;

    connect(writer, &HistoryWriter::opened, this, [this](const HistoryOpenResult &result) {
        m_openResult = result;
        if (!result.movedAsidePath.isEmpty() && m_reader)
            QMetaObject::invokeMethod(m_reader, &HistoryReader::close);
        if (!result.ok)
            Q_EMIT failed(result.error);
        Q_EMIT opened(result);
    });
    connect(writer, &HistoryWriter::ingested, this,
            [this](const HistoryIngestResult &result, qint64) { Q_EMIT samplesIngested(result); });
    connect(writer, &HistoryWriter::failed, this, &HistoryService::failed);
    connect(reader, &HistoryReader::lastSnapshotRead, this, &HistoryService::lastSnapshotRead);
    connect(reader, &HistoryReader::seriesRead, this, &HistoryService::seriesRead);
    connect(reader, &HistoryReader::heatmapRead, this, &HistoryService::heatmapRead);
    connect(reader, &HistoryReader::failed, this,
            [this](int, const QString &message) { Q_EMIT failed(message); });

    m_writerThread.start();
    m_readerThread.start();
    QMetaObject::invokeMethod(writer, &HistoryWriter::open);
}

HistoryService::~HistoryService()
{
    // Everything queued before this point is written: close() runs after the queued ingests.
    if (m_writer)
        QMetaObject::invokeMethod(m_writer, &HistoryWriter::close, Qt::BlockingQueuedConnection);
    if (m_reader)
        QMetaObject::invokeMethod(m_reader, &HistoryReader::close, Qt::BlockingQueuedConnection);
    m_writerThread.quit();
    m_readerThread.quit();
    m_writerThread.wait();
    m_readerThread.wait();
}

void HistoryService::ingest(const NodesSnapshot &snapshot)
{
    HistoryWriter *writer = m_writer;
    QMetaObject::invokeMethod(writer, [writer, snapshot] { writer->ingest(snapshot); });
}

void HistoryService::ingestSamples(const QList<HistorySample> &samples, qint64 nowMs)
{
    HistoryWriter *writer = m_writer;
    QMetaObject::invokeMethod(writer,
                              [writer, samples, nowMs] { writer->ingestSamples(samples, nowMs); });
}

int HistoryService::requestLastSnapshot()
{
    const int id = ++m_nextRequestId;
    HistoryReader *reader = m_reader;
    QMetaObject::invokeMethod(reader, [reader, id] { reader->requestLastSnapshot(id); });
    return id;
}

int HistoryService::requestSeries(const QString &nodeId, qint64 fromMs, qint64 toMs)
{
    const int id = ++m_nextRequestId;
    HistoryReader *reader = m_reader;
    QMetaObject::invokeMethod(reader, [reader, id, nodeId, fromMs, toMs] {
        reader->requestSeries(id, nodeId, fromMs, toMs);
    });
    return id;
}

int HistoryService::requestHeatmap(qint64 nowMs, qint64 staleAfterMs)
{
    const int id = ++m_nextRequestId;
    HistoryReader *reader = m_reader;
    QMetaObject::invokeMethod(reader, [reader, id, nowMs, staleAfterMs] {
        reader->requestHeatmap(id, nowMs, staleAfterMs);
    });
    return id;
}

} // namespace prego
