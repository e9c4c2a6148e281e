#pragma once

#include "apicall.h"
#include "types/profile.h"

#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QUrlQuery>

class QNetworkAccessManager;

namespace prego {

// The one place where requests to a control plane are made: base URL, bearer token, redirect
// policy, transfer timeout, size cap and TLS rules (Nextcloud's createRequest pattern). The
// QNetworkAccessManager is created at the composition root and injected.
class ApiClient final : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultTimeoutMs = 15000;
    // A 100,000-node GET /internal/nodes is ~38 MB: the cap leaves room for that fleet three
    // times over and still stops an endless body.
    static constexpr qint64 DefaultMaxBodyBytes = 128LL * 1024 * 1024;
    // The whole call may take this long even while bytes keep coming (the transfer timeout only
    // ends a silent one): the 38 MB fleet at 2 Mbit/s fits, a server trickling forever does not.
    static constexpr int DefaultTotalTimeoutMs = 180000;

    ApiClient(QNetworkAccessManager *nam, Profile profile, QObject *parent = nullptr);

    const Profile &profile() const { return m_profile; }
    // The token lives in memory here only (read from the SecretStore by the caller).
    void setToken(const QString &token) { m_token = token; }
    bool hasToken() const { return !m_token.isEmpty(); }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; } // idle: no byte for this long ends a call
    void setTotalTimeoutMs(int ms) { m_totalTimeoutMs = ms; }
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }

    // A translated reason when the profile cannot be used at all (config error), else empty.
    QString configurationProblem() const;

    ApiCall *get(const QString &path, const QUrlQuery &query = {},
                 const QByteArray &ifNoneMatch = {});
    ApiCall *post(const QString &path, const QByteArray &jsonBody,
                  const QByteArray &idempotencyKey = {});
    // DELETE (ends a silence). Like POST, it never follows a redirect.
    ApiCall *remove(const QString &path);

    QUrl urlFor(const QString &path, const QUrlQuery &query = {}) const;

private:
    QNetworkRequest createRequest(const QUrl &url) const;
    ApiCall *failedCall(const QString &problem);
    ApiCall::Rules rules(bool followSameOrigin) const;

    QPointer<QNetworkAccessManager> m_nam;
    Profile m_profile;
    QString m_token;
    int m_timeoutMs = DefaultTimeoutMs;
    int m_totalTimeoutMs = DefaultTotalTimeoutMs;
    qint64 m_maxBodyBytes = DefaultMaxBodyBytes;
    QSslConfiguration m_ssl;
    QString m_caProblem;
};

} // namespace prego
