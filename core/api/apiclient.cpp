#include "apiclient.h"

#include <QCoreApplication>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>

using namespace Qt::StringLiterals;

namespace prego {

ApiClient::ApiClient(QNetworkAccessManager *nam, Profile profile, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_profile(std::move(profile))
    , m_ssl(QSslConfiguration::defaultConfiguration())
{
    // Only the profile's own CA is added; the system store stays, verification stays on.
    if (!m_profile.caFile.isEmpty()) {
        QFile file(m_profile.caFile);
        const QList<QSslCertificate> certs = file.open(QIODevice::ReadOnly)
                                                 ? QSslCertificate::fromData(file.readAll())
                                                 : QList<QSslCertificate>();
        if (certs.isEmpty())
            m_caProblem =
                QCoreApplication::translate(
                    "prego::ApiClient", "The CA certificate file %1 of profile %2 cannot be used.")
                    .arg(m_profile.caFile, m_profile.name);
        else
            m_ssl.addCaCertificates(certs);
    }
    m_ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
}

QString ApiClient::configurationProblem() const
{
    if (!Profile::isAllowedScheme(m_profile.baseUrl))
        return QCoreApplication::translate(
                   "prego::ApiClient",
                   "Profile %1 uses http for a remote host; only https is allowed there.")
            .arg(m_profile.name);
    return m_caProblem;
}

QUrl ApiClient::urlFor(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_profile.baseUrl;
    QString base = url.path();
    if (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + path);
    url.setQuery(query);
    return url;
}

QNetworkRequest ApiClient::createRequest(const QUrl &url) const
{
    QNetworkRequest request(url);
    // Redirects are verified one by one in ApiCall (same origin, GET only): Qt's default policy
    // would carry the Authorization header to any origin.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setTransferTimeout(m_timeoutMs);
    request.setSslConfiguration(m_ssl);
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("prego-console/0.1"));
    if (!m_token.isEmpty() && ApiCall::sameOrigin(url, m_profile.baseUrl))
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    return request;
}

ApiCall::Rules ApiClient::rules(bool followSameOrigin) const
{
    ApiCall::Rules r;
    r.origin = m_profile.baseUrl;
    r.followSameOrigin = followSameOrigin;
    r.maxBodyBytes = m_maxBodyBytes;
    r.totalTimeoutMs = m_totalTimeoutMs;
    return r;
}

ApiCall *ApiClient::failedCall(const QString &problem)
{
    ApiError e;
    e.kind = ApiError::Kind::Config;
    e.url = m_profile.baseUrl;
    e.detail = problem;
    return ApiCall::failed(e, this);
}

ApiCall *ApiClient::get(const QString &path, const QUrlQuery &query, const QByteArray &ifNoneMatch)
{
    if (const QString problem = configurationProblem(); !problem.isEmpty() || !m_nam)
        return failedCall(problem);
    QNetworkRequest request = createRequest(urlFor(path, query));
    if (!ifNoneMatch.isEmpty())
        request.setRawHeader("If-None-Match", ifNoneMatch);
    QNetworkReply *reply = m_nam->get(request);
    return new ApiCall(reply, rules(true), this);
}

ApiCall *ApiClient::post(const QString &path, const QByteArray &jsonBody,
                         const QByteArray &idempotencyKey)
{
    if (const QString problem = configurationProblem(); !problem.isEmpty() || !m_nam)
        return failedCall(problem);
    QNetworkRequest request = createRequest(urlFor(path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!idempotencyKey.isEmpty())
        request.setRawHeader("Idempotency-Key", idempotencyKey);
    QNetworkReply *reply = m_nam->post(request, jsonBody);
    return new ApiCall(reply, rules(false), this);
}

ApiCall *ApiClient::remove(const QString &path)
{
    if (const QString problem = configurationProblem(); !problem.isEmpty() || !m_nam)
        return failedCall(problem);
    QNetworkReply *reply = m_nam->deleteResource(createRequest(urlFor(path)));
    return new ApiCall(reply, rules(false), this);
}

} // namespace prego
