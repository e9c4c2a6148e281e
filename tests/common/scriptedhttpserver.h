#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QTcpServer>
#include <QUrl>

#include <functional>
#include <optional>

class QTcpSocket;

namespace prego::test {

// A tiny HTTP/1.1 server on 127.0.0.1 for hostile answers the reference control plane never
// gives: garbage JSON, redirects to other origins, stalls, trickles, endless bodies, and an outage
// (stop() and restart() on the same port). Each request is recorded (headers included, with the
// time it arrived) so tests can prove what arrived where and when.
class ScriptedHttpServer final : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        qint64 atMs = 0; // steady clock (ScriptedHttpServer::nowMs()) when it was complete
        QByteArray header(const QByteArray &name) const;
    };
    // Returns the raw bytes to send (status line, headers, body). Empty = send nothing and keep
    // the connection open (a stall).
    using Handler = std::function<QByteArray(const Request &)>;

    // An answer that never ends on its own: `head` first, then `chunk` again and again, every
    // `intervalMs` (0: as fast as the client reads), until `maxChunkBytes` were sent (then the
    // connection stays open, silent) or the client goes away.
    struct Stream
    {
        QByteArray head;
        QByteArray chunk;
        int intervalMs = 0;
        qint64 maxChunkBytes = -1; // -1: endless
    };
    using StreamHandler = std::function<std::optional<Stream>(const Request &)>;

    explicit ScriptedHttpServer(Handler handler, QObject *parent = nullptr);
    // Asked first for every request; when it returns a stream, the Handler is not asked.
    void setStreamHandler(StreamHandler handler) { m_streamHandler = std::move(handler); }

    QUrl url() const;
    quint16 port() const { return m_port; }
    const QList<Request> &requests() const { return m_requests; }
    int connections() const { return m_connections; }
    qint64 streamedBytes() const { return m_streamedBytes; } // chunk bytes written, all streams
    int openSockets() const { return int(m_buffers.size()); }

    // The outage: stop listening and drop every connection; restart() listens on the same port.
    void stop();
    bool restart();

    static qint64 nowMs();
    static QByteArray response(int status, const QByteArray &body,
                               const QList<QPair<QByteArray, QByteArray>> &headers = {});

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void startStream(QTcpSocket *socket, const Stream &stream);

    QTcpServer m_server;
    quint16 m_port = 0;
    Handler m_handler;
    StreamHandler m_streamHandler;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<Request> m_requests;
    int m_connections = 0;
    qint64 m_streamedBytes = 0;
};

} // namespace prego::test
