#include "pushjob.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace prego::agent {

using namespace Qt::StringLiterals;

namespace {
// Error bodies are a few hundred bytes; the rest of a huge body is read and dropped.
constexpr qsizetype MaxResponseSize = 64 * 1024;
} // namespace

PushJob::PushJob(QNetworkAccessManager *network, MetricsEndpoint endpoint, QByteArray body,
                 QString nodeId, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_endpoint(std::move(endpoint))
    , m_body(std::move(body))
    , m_nodeId(std::move(nodeId))
{}

PushJob::~PushJob()
{
    abort();
}

void PushJob::start()
{
    if (!m_network) {
        m_done = true;
        Q_EMIT finished(PushResult::unavailable(tr("the network is no longer available")));
        return;
    }
    m_reply = m_network->post(m_endpoint.createRequest(), m_body);
    m_reply->setParent(this);
    connect(m_reply, &QNetworkReply::readyRead, this, &PushJob::readBody);
    connect(m_reply, &QNetworkReply::finished, this, &PushJob::onReplyFinished);
}

void PushJob::abort()
{
    m_done = true;
    if (!m_reply)
        return;
    QNetworkReply *reply = std::exchange(m_reply, nullptr);
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

void PushJob::readBody()
{
    if (!m_reply || !m_reply->isReadable())
        return;
    const QByteArray chunk = m_reply->readAll();
    if (m_response.size() < MaxResponseSize)
        m_response += chunk.left(MaxResponseSize - m_response.size());
}

void PushJob::onReplyFinished()
{
    if (m_done || !m_reply)
        return;
    readBody();
    QNetworkReply *reply = std::exchange(m_reply, nullptr);
    reply->deleteLater();
    m_done = true;

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    PushResult result;
    if (status != 0) {
        result = PushResult::fromHttp(status, m_endpoint.redact(m_response),
                                      reply->rawHeader("Retry-After"), reply->rawHeader("Date"),
                                      m_endpoint.redact(reply->rawHeader("Location")), m_nodeId,
                                      QDateTime::currentDateTimeUtc());
    } else {
        result = PushResult::fromNetworkError(reply->error(), reply->errorString(),
                                              m_endpoint.url(), m_endpoint.timeout());
    }
    Q_EMIT finished(result);
}

} // namespace prego::agent
