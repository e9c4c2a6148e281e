#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QNetworkReply>
#include <QString>
#include <QUrl>

#include <chrono>
#include <optional>

namespace prego::agent {

// The outcome of one push attempt, with the translated text an operator reads in the log.
class PushResult
{
    Q_DECLARE_TR_FUNCTIONS(PushResult)

public:
    enum class Kind {
        Pushed,           // 2xx
        TokenRejected,    // 401
        NodeForbidden,    // 403
        NodeNotFound,     // 404
        ValidationFailed, // 422
        Redirected,       // 3xx, deliberately not followed
        Refused,          // any other 4xx
        Unavailable,      // network error, timeout, 429, 5xx: worth retrying
        TlsFailed,        // the server's certificate is not trusted: retrying cannot help
    };

    Kind kind = Kind::Pushed;
    int httpStatus = 0; // 0 when no HTTP answer arrived
    QString message;    // translated; never contains the token
    std::optional<std::chrono::milliseconds> retryAfter;

    bool ok() const { return kind == Kind::Pushed; }
    bool retryable() const { return kind == Kind::Unavailable; }
    int exitCode() const;

    // The one mapping from an HTTP answer to a result. `body` is the (redacted) error body.
    static PushResult fromHttp(int status, const QByteArray &body, const QByteArray &retryAfter,
                               const QByteArray &date, const QByteArray &location,
                               const QString &nodeId, const QDateTime &now);
    // The one mapping from a transport failure to a result.
    static PushResult fromNetworkError(QNetworkReply::NetworkError error,
                                       const QString &errorString, const QUrl &url,
                                       std::chrono::seconds timeout);
    static PushResult unavailable(QString message);

private:
    static QString serverMessage(const QByteArray &body);
};

} // namespace prego::agent
