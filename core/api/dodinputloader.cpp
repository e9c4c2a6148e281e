#include "dodinputloader.h"

#include "apicall.h"
#include "apiclient.h"
#include "apicodec.h"
#include "jobcodec.h"

#include <QDateTime>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace prego {

DodInputLoader::DodInputLoader(ApiClient *client, int staleAfterSeconds, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_input.staleAfterSeconds = staleAfterSeconds;
    m_input.serverNowMs = QDateTime::currentMSecsSinceEpoch(); // until the server says
}

void DodInputLoader::start()
{
    if (!m_client) {
        ApiError e;
        e.kind = ApiError::Kind::Config;
        m_input.nodesError = e;
        m_input.jobsError = e;
        Q_EMIT finished(m_input);
        deleteLater();
        return;
    }
    ApiCall *call = m_client->get(u"/internal/nodes"_s);
    connect(call, &ApiCall::finished, this, &DodInputLoader::onNodes);
}

void DodInputLoader::onNodes(const ApiResponse &response)
{
    if (!response.ok()) {
        m_input.nodesError = response.error;
    } else if (auto decoded = ApiCodec::decodeNodes(response.body); decoded.value) {
        m_input.serverNowMs = decoded.value->serverTimeMs;
        m_input.nodes = std::move(*decoded.value);
    } else {
        ApiError e;
        e.kind = ApiError::Kind::Decode;
        e.detail = decoded.error;
        m_input.nodesError = e;
    }
    if (!m_client) {
        Q_EMIT finished(m_input);
        deleteLater();
        return;
    }
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, u"200"_s);
    ApiCall *call = m_client->get(u"/internal/provision-jobs"_s, query);
    connect(call, &ApiCall::finished, this, &DodInputLoader::onJobs);
}

void DodInputLoader::onJobs(const ApiResponse &response)
{
    if (!response.ok()) {
        m_input.jobsError = response.error;
    } else if (auto decoded = JobCodec::decodeJobs(response.body); decoded.value) {
        m_input.jobs = decoded.value->jobs;
        if (!m_input.nodes)
            m_input.serverNowMs = decoded.value->serverTimeMs;
    } else {
        ApiError e;
        e.kind = ApiError::Kind::Decode;
        e.detail = decoded.error;
        m_input.jobsError = e;
    }
    Q_EMIT finished(m_input);
    deleteLater();
}

} // namespace prego
