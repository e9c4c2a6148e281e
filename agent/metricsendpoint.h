#pragma once

#include "result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QUrl>

#include <chrono>
#include <optional>

namespace prego::agent {

// The one place where a push request gets its URL, token, redirect policy, timeout and TLS
// rules, so no request can be sent without them.
class MetricsEndpoint
{
    Q_DECLARE_TR_FUNCTIONS(MetricsEndpoint)

public:
    // Loads the optional CA file (PEM) and checks TLS is available when the URL needs it.
    static Result<MetricsEndpoint> create(const QUrl &baseUrl, QByteArray token,
                                          const QString &caFile, std::chrono::seconds timeout);

    QNetworkRequest createRequest() const;
    QUrl url() const { return m_url; }
    std::chrono::seconds timeout() const { return m_timeout; }

    // Replaces the token wherever it occurs, for text that came back from the network.
    QByteArray redact(QByteArray text) const;

private:
    MetricsEndpoint() = default;

    QUrl m_url;
    QByteArray m_token;
    std::chrono::seconds m_timeout{15};
    std::optional<QSslConfiguration> m_ssl;
};

} // namespace prego::agent
