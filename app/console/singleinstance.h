#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>

class QLocalServer;

namespace prego {

// One console per user: the first start listens on a local socket named for the user; a second
// start hands its request (raise the window, open a node or a job) to the first and exits.
class SingleInstance final : public QObject
{
    Q_OBJECT
public:
    // The socket name for this user.
    static QString defaultKey();

    explicit SingleInstance(QString key, QObject *parent = nullptr);
    ~SingleInstance() override;

    // True when a running instance took the message: this process should exit.
    bool sendToRunning(const QJsonObject &message, int timeoutMs = 2000);
    // Becomes the running instance (a socket left by a crashed one is removed first).
    bool listen();

Q_SIGNALS:
    void messageReceived(const QJsonObject &message);

private:
    QString m_key;
    QLocalServer *m_server = nullptr;
};

} // namespace prego
