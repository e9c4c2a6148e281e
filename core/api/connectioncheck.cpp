#include "connectioncheck.h"

#include "controlplane.h"

#include <QNetworkAccessManager>

namespace prego {

ConnectionCheck::ConnectionCheck(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
{}

void ConnectionCheck::check(const Profile &profile, const QString &token)
{
    if (m_running)
        m_running->deleteLater(); // its answer is no longer wanted
    if (const QString problem = profile.validate(); !problem.isEmpty()) {
        Q_EMIT checked(false, problem);
        return;
    }
    auto *holder = new QObject(this);
    m_running = holder;
    auto *client = new ApiClient(m_nam, profile, holder);
    client->setToken(token);
    auto *controlPlane = new ControlPlane(client, holder);
    m_call = controlPlane->whoami(holder, [this, holder](ApiResult<WhoAmI> r) {
        holder->deleteLater();
        if (!r.ok()) {
            Q_EMIT checked(false, r.error->message());
            return;
        }
        Q_EMIT checked(true, tr("Token %1, role %2").arg(r.value->tokenName, r.value->role));
    });
}

} // namespace prego
