#pragma once

#include "types/apierror.h"
#include "types/silence.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace prego {

class ApiCall;
class ControlPlane;

// Keeps the control plane's silences (active, and ended in the last 7 days) while it offers them:
// every minute, and at once after this console set or ended one. Silences are shared by every
// operator, so another operator's silence shows up within a minute. Owned by the composition root;
// the tables, the heatmap, the notifier and the alerts page read its list.
class SilencesPoller final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SilencesPoller)

public:
    static constexpr int RefreshMs = 60000;

    explicit SilencesPoller(ControlPlane *controlPlane, QObject *parent = nullptr);

    // Starts (asks at once) when the control plane offers silences, else stops and forgets them;
    // call after whoami answered.
    void start();
    void stop();
    // Asks now (unless a call is already out).
    void refresh();

    const SilencesList &silences() const { return m_silences; }
    bool isAvailable() const { return m_available; }

Q_SIGNALS:
    void silencesUpdated(const prego::SilencesList &silences);
    // The list could not be read; the last good one stays.
    void silencesFailed(const QString &problem);

private:
    QPointer<ControlPlane> m_controlPlane;
    QPointer<ApiCall> m_call;
    QTimer m_timer;
    SilencesList m_silences;
    bool m_available = false;
};

} // namespace prego

Q_DECLARE_METATYPE(prego::SilencesList)
