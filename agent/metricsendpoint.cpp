#include "metricsendpoint.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslSocket>

namespace prego::agent {

using namespace Qt::StringLiterals;

Result<MetricsEndpoint> MetricsEndpoint::create(const QUrl &baseUrl, QByteArray token,
                                                const QString &caFile, std::chrono::seconds timeout)
{
    using R = Result<MetricsEndpoint>;
    MetricsEndpoint endpoint;
    endpoint.m_url = baseUrl;
    QString path = baseUrl.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    endpoint.m_url.setPath(path + u"/internal/server-metrics"_s);
    endpoint.m_token = std::move(token);
    endpoint.m_timeout = timeout;

    QList<QSslCertificate> extraCas;
    if (!caFile.isEmpty()) {
        QFile file(caFile);
        if (!file.open(QIODevice::ReadOnly)) {
            return R::failure(tr("cannot read the CA file %1: %2").arg(caFile, file.errorString()));
        }
        extraCas = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
        if (extraCas.isEmpty())
            return R::failure(tr("the CA file %1 contains no PEM certificate").arg(caFile));
    }

    if (endpoint.m_url.scheme() == "https"_L1) {
        if (!QSslSocket::supportsSsl()) {
            return R::failure(
                tr("TLS is not available on this system (no usable TLS backend was found), so "
                   "the https URL cannot be used"));
        }
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        // The system CAs stay trusted; --ca-file adds to them, for a private CA.
        if (!extraCas.isEmpty())
            ssl.addCaCertificates(extraCas);
        ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
        endpoint.m_ssl = ssl;
    }
    return R::success(std::move(endpoint));
}

QNetworkRequest MetricsEndpoint::createRequest() const
{
    QNetworkRequest request(m_url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QString(u"prego-metrics-agent/"_s + QStringLiteral(PREGO_AGENT_VERSION)));
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("Authorization", "Bearer " + m_token);
    // A redirect would carry the Authorization header to wherever it points; never follow one.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setTransferTimeout(int(std::chrono::milliseconds(m_timeout).count()));
    if (m_ssl)
        request.setSslConfiguration(*m_ssl);
    return request;
}

QByteArray MetricsEndpoint::redact(QByteArray text) const
{
    if (!m_token.isEmpty())
        text.replace(m_token, "[redacted]");
    return text;
}

} // namespace prego::agent
