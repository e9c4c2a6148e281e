#include "scriptedhttpserver.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <chrono>

namespace prego::test {

QByteArray ScriptedHttpServer::Request::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

ScriptedHttpServer::ScriptedHttpServer(Handler handler, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
{
    m_server.listen(QHostAddress::LocalHost, 0);
    m_port = m_server.serverPort();
    connect(&m_server, &QTcpServer::newConnection, this, &ScriptedHttpServer::onNewConnection);
}

qint64 ScriptedHttpServer::nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

QUrl ScriptedHttpServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

void ScriptedHttpServer::stop()
{
    m_server.close();
    const QList<QTcpSocket *> sockets = m_buffers.keys();
    m_buffers.clear();
    for (QTcpSocket *socket : sockets) {
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
}

bool ScriptedHttpServer::restart()
{
    // Qt sets SO_REUSEADDR on listening sockets on Unix, so the port is free again at once.
    return m_server.listen(QHostAddress::LocalHost, m_port);
}

QByteArray ScriptedHttpServer::response(int status, const QByteArray &body,
                                        const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + " Scripted\r\n";
    bool hasType = false;
    for (const auto &[k, v] : headers) {
        out += k + ": " + v + "\r\n";
        hasType |= k.compare("Content-Type", Qt::CaseInsensitive) == 0;
    }
    if (!hasType)
        out += "Content-Type: application/json\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    return out;
}

void ScriptedHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        ++m_connections;
        socket->setParent(this);
        m_buffers.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void ScriptedHttpServer::startStream(QTcpSocket *socket, const Stream &stream)
{
    socket->write(stream.head);
    auto left = std::make_shared<qint64>(stream.maxChunkBytes);
    QPointer<QTcpSocket> guard(socket);
    // One chunk, unless the budget is spent; false when nothing more will be written.
    auto writeChunk = [this, guard, left, chunk = stream.chunk]() {
        if (!guard || guard->state() != QAbstractSocket::ConnectedState || chunk.isEmpty())
            return false;
        if (*left == 0)
            return false;
        const QByteArray part = *left < 0 ? chunk : chunk.left(qsizetype(*left));
        if (*left > 0)
            *left -= part.size();
        guard->write(part);
        m_streamedBytes += part.size();
        return true;
    };
    if (stream.intervalMs > 0) {
        auto *timer = new QTimer(socket);
        connect(timer, &QTimer::timeout, socket, [timer, writeChunk] {
            if (!writeChunk())
                timer->stop();
        });
        timer->start(stream.intervalMs);
        return;
    }
    // As fast as the client reads: refill whenever the socket's own buffer has drained.
    connect(socket, &QTcpSocket::bytesWritten, socket, [socket, writeChunk] {
        if (socket->bytesToWrite() < 256 * 1024)
            writeChunk();
    });
    writeChunk();
}

void ScriptedHttpServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    for (;;) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        Request request;
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        request.method = first.value(0);
        request.path = first.value(1);
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray key = lines[i].left(colon).trimmed();
            const QByteArray value = lines[i].mid(colon + 1).trimmed();
            request.headers.append({key, value});
            if (key.compare("Content-Length", Qt::CaseInsensitive) == 0)
                length = value.toLongLong();
        }
        if (buffer.size() < end + 4 + length)
            return;
        request.body = buffer.mid(end + 4, length);
        request.atMs = nowMs();
        buffer.remove(0, end + 4 + length);
        m_requests.append(request);
        if (m_streamHandler) {
            if (const std::optional<Stream> stream = m_streamHandler(request)) {
                startStream(socket, *stream);
                return;
            }
        }
        const QByteArray answer = m_handler(request);
        if (!answer.isEmpty())
            socket->write(answer);
    }
}

} // namespace prego::test
