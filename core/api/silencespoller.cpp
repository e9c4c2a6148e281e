#include "silencespoller.h"

#include "apicall.h"
#include "controlplane.h"

namespace prego {

SilencesPoller::SilencesPoller(ControlPlane *controlPlane, QObject *parent)
    : QObject(parent)
    , m_controlPlane(controlPlane)
{
    m_timer.setInterval(RefreshMs);
    connect(&m_timer, &QTimer::timeout, this, &SilencesPoller::refresh);
}

void SilencesPoller::start()
{
    m_available = m_controlPlane && m_controlPlane->offers(Feature::Silences);
    if (!m_available) {
        stop();
        return;
    }
    m_timer.start();
    refresh();
}

void SilencesPoller::stop()
{
    m_timer.stop();
    if (m_call)
        m_call->abort();
    const bool had = !m_silences.silences.isEmpty();
    m_silences = {};
    if (had)
        Q_EMIT silencesUpdated(m_silences);
}

void SilencesPoller::refresh()
{
    if (!m_available || !m_controlPlane || m_call)
        return;
    m_call = m_controlPlane->silences(false, this, [this](ApiResult<SilencesList> r) {
        m_call = nullptr;
        if (!r.ok()) {
            if (r.error->kind != ApiError::Kind::Cancelled)
                Q_EMIT silencesFailed(
                    tr("The silences could not be listed: %1").arg(r.error->message()));
            return;
        }
        m_silences = std::move(*r.value);
        Q_EMIT silencesUpdated(m_silences);
    });
}

} // namespace prego
