#pragma once

#include "types/profile.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace prego {

class ApiCall;

// "Test connection" for a profile that is not saved yet: asks whoami with the address, CA file
// and token as typed, through the same rules (TLS, redirects, size cap) as every other call, and
// says in one translated line who the token is or why it could not ask.
class ConnectionCheck final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionCheck)

public:
    explicit ConnectionCheck(QNetworkAccessManager *nam, QObject *parent = nullptr);

    // Starts a check (ending one still running without an answer).
    void check(const Profile &profile, const QString &token);

Q_SIGNALS:
    void checked(bool ok, const QString &text);

private:
    QPointer<QNetworkAccessManager> m_nam;
    QPointer<ApiCall> m_call;
    QPointer<QObject> m_running; // the client and typed API of the running check
};

} // namespace prego
