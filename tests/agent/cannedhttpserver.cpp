#include "cannedhttpserver.h"

#include <QJsonDocument>
#include <QTcpSocket>

namespace prego::test {

using namespace Qt::StringLiterals;

QByteArray CannedHttpServer::Request::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

CannedHttpServer::CannedHttpServer(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
    connect(&m_server, &QTcpServer::newConnection, this, &CannedHttpServer::onNewConnection);
}

CannedHttpServer::~CannedHttpServer()
{
    // The sockets die with m_server, after m_buffers: their "disconnected" must not reach us.
    const QList<QTcpSocket *> sockets = m_server.findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets)
        socket->disconnect(this);
}

bool CannedHttpServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl CannedHttpServer::url() const
{
    return QUrl(u"http://127.0.0.1:"_s + QString::number(port()));
}

CannedHttpServer::Response CannedHttpServer::error(int status, const QString &code,
                                                   const QString &message,
                                                   const QJsonObject &fields)
{
    QJsonObject error{{u"code"_s, code}, {u"message"_s, message}};
    if (!fields.isEmpty())
        error.insert(u"fields"_s, fields);
    Response response;
    response.status = status;
    response.headers = {{"Content-Type", "application/json"}};
    response.body = QJsonDocument(QJsonObject{{u"error"_s, error}}).toJson(QJsonDocument::Compact);
    return response;
}

void CannedHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        ++m_connections;
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void CannedHttpServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;

    Request request;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    request.path = requestLine.value(1);
    qsizetype contentLength = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray key = line.left(colon).trimmed();
        const QByteArray value = line.mid(colon + 1).trimmed();
        request.headers.append({key, value});
        if (key.compare("Content-Length", Qt::CaseInsensitive) == 0)
            contentLength = value.toLongLong();
    }
    if (buffer.size() < headerEnd + 4 + contentLength)
        return; // wait for the rest of the body
    request.body = buffer.mid(headerEnd + 4, contentLength);
    request.receivedAtMs = m_clock.elapsed();
    buffer.clear();
    m_requests.append(request);
    answer(socket);
    Q_EMIT requestReceived();
}

void CannedHttpServer::answer(QTcpSocket *socket)
{
    const Response response = m_responses.isEmpty()     ? Response{}
                              : m_responses.size() == 1 ? m_responses.first()
                                                        : m_responses.takeFirst();
    if (response.hang)
        return;
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + " Scripted\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += "Connection: close\r\n";
    for (const auto &[key, value] : response.headers)
        out += key + ": " + value + "\r\n";
    out += "\r\n" + response.body;
    socket->write(out);
    socket->disconnectFromHost();
}

} // namespace prego::test
