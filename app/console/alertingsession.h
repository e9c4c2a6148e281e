#pragma once

#include "types/alert.h"
#include "types/job.h"
#include "types/node.h"
#include "types/profile.h"
#include "types/silence.h"

#include <QObject>
#include <QPointer>

namespace prego {

class AlertMonitor;
class ControlPlane;
class MainWindow;
class ServerClock;
class SilencesPoller;

// What the console does about alerts and maintenance for one profile: the alert rules evaluated
// off the UI thread on every poll (AlertMonitor), the control plane's silences (SilencesPoller),
// and the answers to the Alerts page's intents (acknowledge, silence, end a silence, rules). It
// hands the results to the views that mark them (fleet table, heatmap, tray and notifications,
// node detail annotations). Made when a profile is connected, deleted when another one is.
class AlertingSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertingSession)

public:
    // `alertsFile` empty: alerts are evaluated in memory only (no writable data directory).
    AlertingSession(const Profile &profile, ControlPlane *controlPlane, ServerClock *clock,
                    const QString &alertsFile, MainWindow *window, QObject *parent = nullptr);
    ~AlertingSession() override;

    // One poll's snapshot: evaluated on the monitor's thread.
    void observe(const NodesSnapshot &snapshot);
    // The demo's simulated past: evaluated before the first live poll, so the alerts page and the
    // charts have a history; it never notifies.
    void replayPast(const QList<NodesSnapshot> &past);

    const QList<Alert> &alerts() const { return m_alerts; }
    const SilencesList &silences() const;

Q_SIGNALS:
    // An evaluation (or an acknowledgement) changed what the Alerts page shows.
    void alertsShown();

private:
    void onIdentity();
    void onAlerts(const QList<Alert> &current, const QList<AlertTransition> &transitions);
    void onSilences(const SilencesList &silences);
    void acknowledge(const QStringList &keys, const QString &comment);
    void createSilence(const SilenceRequest &request);
    void endSilence(const QString &silenceId);
    // The node detail window's jobs, silences and firing periods for `nodeId`.
    void annotate(const QString &nodeId);
    void showAnnotations();
    qint64 serverNowMs() const;

    Profile m_profile;
    QPointer<ControlPlane> m_controlPlane;
    ServerClock *m_clock;
    MainWindow *m_window;
    AlertMonitor *m_monitor;
    SilencesPoller *m_silences;
    QList<Alert> m_alerts;
    QList<AlertTransition> m_history; // the last 7 days, newest first
    qint64 m_lastServerTimeMs = 0;
    int m_knownNodeCount = -1;
    QString m_annotatedNode;
    QList<Job> m_annotatedJobs;
};

} // namespace prego
