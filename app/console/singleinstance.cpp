#include "singleinstance.h"

#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace prego {

namespace {
constexpr qint64 MaxMessageBytes = 64 * 1024;
}

QString SingleInstance::defaultKey()
{
    return u"prego-console-%1"_s.arg(::getuid());
}

SingleInstance::SingleInstance(QString key, QObject *parent)
    : QObject(parent)
    , m_key(std::move(key))
{}

SingleInstance::~SingleInstance() = default;

bool SingleInstance::sendToRunning(const QJsonObject &message, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(m_key);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    socket.write(QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n');
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    // The running one answers "ok" once it has the message.
    return socket.waitForReadyRead(timeoutMs) && socket.readLine().startsWith("ok");
}

bool SingleInstance::listen()
{
    m_server = new QLocalServer(this);
    // Only this user may connect.
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_key)) {
        QLocalServer::removeServer(m_key); // left by a crashed instance
        if (!m_server->listen(m_key))
            return false;
    }
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
                if (socket->bytesAvailable() > MaxMessageBytes) {
                    socket->abort();
                    return;
                }
                if (!socket->canReadLine())
                    return;
                const QJsonDocument doc = QJsonDocument::fromJson(socket->readLine());
                socket->write("ok\n");
                socket->flush();
                if (doc.isObject())
                    Q_EMIT messageReceived(doc.object());
            });
        }
    });
    return true;
}

} // namespace prego
