#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QTcpServer>
#include <QUrl>

#include <functional>

namespace prego::test {

// A tiny HTTP/1.1 server on 127.0.0.1 for hostile answers the reference control plane never
// gives: garbage JSON, redirects to other origins, stalls, endless bodies. Each request is
// recorded (headers included) so tests can prove what arrived where.
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
        QByteArray header(const QByteArray &name) const;
    };
    // Returns the raw bytes to send (status line, headers, body). Empty = send nothing and keep
    // the connection open (a stall).
    using Handler = std::function<QByteArray(const Request &)>;

    explicit ScriptedHttpServer(Handler handler, QObject *parent = nullptr);
    QUrl url() const;
    const QList<Request> &requests() const { return m_requests; }

    static QByteArray response(int status, const QByteArray &body,
                               const QList<QPair<QByteArray, QByteArray>> &headers = {});

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);

    QTcpServer m_server;
    Handler m_handler;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<Request> m_requests;
};

} // namespace prego::test
