#pragma once

#include <QCoreApplication>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QUrl>

#include <optional>

namespace prego {

// Everything that can go wrong with a call to the control plane, as a value. message() is the
// one place that turns it into a translated sentence saying what happened and what to do.
struct ApiError
{
    Q_DECLARE_TR_FUNCTIONS(prego::ApiError)

public:
    enum class Kind {
        Network,   // could not connect, DNS, connection reset
        Timeout,   // no progress within the transfer timeout
        Tls,       // certificate not trusted or handshake failed
        Redirect,  // a redirect we refuse to follow (other origin, or any for POST)
        TooLarge,  // body over the size cap
        Http,      // an HTTP error status
        Decode,    // the body is not what the contract says
        Cancelled, // aborted by us (shutdown, superseded)
        Config,    // the profile cannot be used (e.g. http to a remote host, no token)
    };

    Kind kind = Kind::Network;
    int httpStatus = 0;
    QString code;          // the contract's error.code when the server sent one
    QString serverMessage; // the contract's error.message (English)
    QMap<QString, QString> fields;
    QString detail; // technical detail: Qt's error text, certificate details, …
    QUrl url;
    std::optional<int> retryAfterSeconds;
    // Nothing answered at the address (connection refused, host not found): no request reached a
    // server, so trying again costs it nothing.
    bool noServer = false;

    QString message() const;            // translated, for people
    QString explanationForCode() const; // translated explanation of a contract error code
    bool isRetryable() const;           // worth retrying with backoff
};

} // namespace prego

Q_DECLARE_METATYPE(prego::ApiError)
