#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace prego::test {

// A tiny HTTP/1.1 server on 127.0.0.1 that answers with canned responses, in order, and records
// what it received. For the hostile or odd answers the reference control plane does not give
// (redirects, scripted 503s, silence).
class CannedHttpServer final : public QObject
{
    Q_OBJECT

public:
    struct Response
    {
        int status = 204;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        bool hang = false; // read the request, never answer

        void addHeader(const QByteArray &name, const QByteArray &value)
        {
            headers.append(qMakePair(name, value));
        }
    };
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        qint64 receivedAtMs = 0; // since the server was created

        QByteArray header(const QByteArray &name) const;
    };

    explicit CannedHttpServer(QObject *parent = nullptr);
    ~CannedHttpServer() override;

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    QUrl url() const;

    // Answered in order; once the queue is down to one response, that one repeats.
    void enqueue(const Response &response) { m_responses.append(response); }
    static Response error(int status, const QString &code, const QString &message,
                          const QJsonObject &fields = {});

    const QList<Request> &requests() const { return m_requests; }
    int connectionCount() const { return m_connections; }

Q_SIGNALS:
    void requestReceived();

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void answer(QTcpSocket *socket);

    QTcpServer m_server;
    QList<Response> m_responses;
    QList<Request> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QElapsedTimer m_clock;
    int m_connections = 0;
};

} // namespace prego::test
