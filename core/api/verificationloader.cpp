#include "verificationloader.h"

#include "controlplane.h"

#include <QDateTime>

namespace prego {

VerificationLoader::VerificationLoader(ControlPlane *controlPlane, int staleAfterSeconds,
                                       QObject *parent)
    : QObject(parent)
    , m_controlPlane(controlPlane)
{
    m_input.staleAfterSeconds = staleAfterSeconds;
    m_input.serverNowMs = QDateTime::currentMSecsSinceEpoch(); // until the server says
}

void VerificationLoader::start()
{
    if (!m_controlPlane) {
        ApiError e;
        e.kind = ApiError::Kind::Config;
        m_input.nodesError = e;
        m_input.jobsError = e;
        Q_EMIT finished(m_input);
        deleteLater();
        return;
    }
    m_controlPlane->nodes(this, [this](ApiResult<NodesSnapshot> r) {
        if (r.value) {
            m_input.serverNowMs = r.value->serverTimeMs;
            m_input.nodes = std::move(*r.value);
        } else {
            m_input.nodesError = r.error;
        }
        loadJobs();
    });
}

void VerificationLoader::loadJobs()
{
    if (!m_controlPlane) {
        Q_EMIT finished(m_input);
        deleteLater();
        return;
    }
    m_controlPlane->jobs({}, this, [this](ApiResult<JobsPage> r) {
        if (r.value) {
            m_input.jobs = r.value->jobs;
            if (!m_input.nodes)
                m_input.serverNowMs = r.value->serverTimeMs;
        } else {
            m_input.jobsError = r.error;
        }
        loadSilences();
    });
}

void VerificationLoader::loadSilences()
{
    if (!m_controlPlane || !m_controlPlane->offers(Feature::Silences)) {
        Q_EMIT finished(m_input);
        deleteLater();
        return;
    }
    // Without the list, M1 excuses no one: a silenced node that does not push then fails the
    // check, which says more than a check that passes on a guess.
    m_controlPlane->silences(true, this, [this](ApiResult<SilencesList> r) {
        if (r.value)
            m_input.silences = r.value->silences;
        Q_EMIT finished(m_input);
        deleteLater();
    });
}

} // namespace prego
