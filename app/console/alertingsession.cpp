#include "alertingsession.h"

#include "alertsview.h"
#include "api/controlplane.h"
#include "api/silencespoller.h"
#include "dashboardview.h"
#include "domain/nodeannotations.h"
#include "domain/serverclock.h"
#include "fleetnotifier.h"
#include "heatmapview.h"
#include "mainwindow.h"
#include "nodedetailview.h"
#include "nodetablemodel.h"
#include "storage/alertmonitor.h"

#include <QDateTime>
#include <QSet>
#include <QStatusBar>

#include <memory>

namespace prego {

namespace {
constexpr qint64 HistoryMs = 7LL * 24 * 3600 * 1000;
constexpr int StatusMs = 15000;
} // namespace

AlertingSession::AlertingSession(const Profile &profile, ControlPlane *controlPlane,
                                 ServerClock *clock, const QString &alertsFile, MainWindow *window,
                                 QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_controlPlane(controlPlane)
    , m_clock(clock)
    , m_window(window)
    , m_monitor(new AlertMonitor(this))
    , m_silences(new SilencesPoller(controlPlane, this))
{
    AlertsView *view = m_window->alertsView();
    view->clear();
    m_window->notifier()->reset();
    m_window->model()->setSilences({}, 0);
    m_window->model()->setAlerts({});
    m_window->heatmapView()->setSilences({});
    view->setServerTimeOffset(m_clock->skewMs());

    connect(m_monitor, &AlertMonitor::alertsUpdated, this, &AlertingSession::onAlerts);
    connect(m_monitor, &AlertMonitor::rulesLoaded, this, [this](const AlertRules &rules) {
        m_window->alertsView()->setRules(rules);
        m_window->notifier()->setAlertRules(rules);
    });
    connect(m_monitor, &AlertMonitor::historyLoaded, this,
            [this](const QList<AlertTransition> &history) {
                m_history = history;
                m_window->alertsView()->showHistory(history);
                showAnnotations();
            });
    connect(m_monitor, &AlertMonitor::opened, this, [this](const QString &error) {
        if (!error.isEmpty())
            m_window->statusBar()->showMessage(error, StatusMs);
        m_monitor->requestHistory(QDateTime::currentMSecsSinceEpoch() + m_clock->skewMs() -
                                  HistoryMs);
    });
    connect(m_monitor, &AlertMonitor::failed, this, [this](const QString &message) {
        m_window->statusBar()->showMessage(message, StatusMs);
    });
    m_monitor->open(alertsFile);

    connect(m_silences, &SilencesPoller::silencesUpdated, this, &AlertingSession::onSilences);
    connect(m_silences, &SilencesPoller::silencesFailed, view, &AlertsView::showSilencesError);
    if (m_controlPlane) {
        connect(m_controlPlane, &ControlPlane::identityChanged, this, &AlertingSession::onIdentity);
        onIdentity();
    }

    connect(view, &AlertsView::acknowledgeRequested, this, &AlertingSession::acknowledge);
    connect(view, &AlertsView::silenceRequested, this, &AlertingSession::createSilence);
    connect(view, &AlertsView::endSilenceRequested, this, &AlertingSession::endSilence);
    connect(view, &AlertsView::rulesChanged, m_monitor, &AlertMonitor::setRules);
    connect(view, &AlertsView::historyRequested, this,
            [this] { m_monitor->requestHistory(serverNowMs() - HistoryMs); });
    connect(m_window, &MainWindow::nodeOpened, this, &AlertingSession::annotate);
    // The annotations' titles are made in the language of the moment: made again after a switch.
    connect(m_window, &MainWindow::languageChosen, this, &AlertingSession::showAnnotations,
            Qt::QueuedConnection);
}

AlertingSession::~AlertingSession() = default;

const SilencesList &AlertingSession::silences() const
{
    return m_silences->silences();
}

qint64 AlertingSession::serverNowMs() const
{
    return QDateTime::currentMSecsSinceEpoch() + m_clock->skewMs();
}

void AlertingSession::onIdentity()
{
    const bool offered = m_controlPlane && m_controlPlane->offers(Feature::Silences);
    const QString reason =
        offered ? QString() : ControlPlane::missingFeatureText(Feature::Silences);
    m_window->alertsView()->setSilencesAvailable(offered, reason);
    m_window->dashboard()->setSilenceAvailable(offered, reason);
    m_silences->start();
}

void AlertingSession::observe(const NodesSnapshot &snapshot)
{
    m_lastServerTimeMs = snapshot.serverTimeMs;
    m_monitor->observe(std::make_shared<const NodesSnapshot>(snapshot),
                       m_profile.staleAfterSeconds);
    // The silence dialog offers the fleet's regions; worked out again only when the fleet changed.
    if (snapshot.nodes.size() != m_knownNodeCount || snapshot.sameIdsAsGeneration == 0) {
        m_knownNodeCount = int(snapshot.nodes.size());
        QStringList ids;
        QSet<QString> regions;
        ids.reserve(snapshot.nodes.size());
        for (const Node &n : snapshot.nodes) {
            ids.append(n.nodeId);
            regions.insert(n.region);
        }
        QStringList sortedRegions(regions.cbegin(), regions.cend());
        sortedRegions.sort();
        m_window->alertsView()->setKnownTargets(ids, sortedRegions);
    }
    m_window->alertsView()->setServerTimeOffset(m_clock->skewMs());
}

void AlertingSession::replayPast(const QList<NodesSnapshot> &past)
{
    QList<std::shared_ptr<const NodesSnapshot>> snapshots;
    snapshots.reserve(past.size());
    for (const NodesSnapshot &s : past)
        snapshots.append(std::make_shared<const NodesSnapshot>(s));
    m_monitor->replay(snapshots, m_profile.staleAfterSeconds);
}

void AlertingSession::onAlerts(const QList<Alert> &current,
                               const QList<AlertTransition> &transitions)
{
    m_alerts = current;
    const qint64 now = m_lastServerTimeMs ? m_lastServerTimeMs : serverNowMs();
    m_window->alertsView()->showAlerts(current, now);
    m_window->model()->setAlerts(current);
    m_window->notifier()->observeAlerts(transitions, current, now);
    if (!transitions.isEmpty())
        m_monitor->requestHistory(now - HistoryMs);
    Q_EMIT alertsShown();
}

void AlertingSession::onSilences(const SilencesList &silences)
{
    m_window->alertsView()->showSilences(silences.silences, silences.serverTimeMs);
    m_window->model()->setSilences(silences.silences, silences.serverTimeMs);
    m_window->heatmapView()->setSilences(silences.silences);
    m_window->notifier()->setSilences(silences.silences, silences.serverTimeMs);
    showAnnotations();
}

void AlertingSession::acknowledge(const QStringList &keys, const QString &comment)
{
    // Who: the token's name, as the control plane knows this operator (and as silences say).
    const QString who = m_controlPlane && m_controlPlane->identity()
                            ? m_controlPlane->identity()->tokenName
                            : m_profile.name;
    const AlertAck ack{who, serverNowMs(), comment};
    for (const QString &key : keys)
        m_monitor->acknowledge(key, ack);
}

void AlertingSession::createSilence(const SilenceRequest &request)
{
    if (!m_controlPlane)
        return;
    m_controlPlane->createSilence(request, this, [this](const ApiResult<Silence> &r) {
        m_window->alertsView()->showActionResult(r.ok() ? QString() : r.error->message());
        if (r.ok())
            m_silences->refresh();
    });
}

void AlertingSession::endSilence(const QString &silenceId)
{
    if (!m_controlPlane)
        return;
    m_controlPlane->endSilence(silenceId, this, [this](const ApiResult<Silence> &r) {
        m_window->alertsView()->showActionResult(r.ok() ? QString() : r.error->message());
        if (r.ok())
            m_silences->refresh();
    });
}

void AlertingSession::annotate(const QString &nodeId)
{
    m_annotatedNode = nodeId;
    m_annotatedJobs.clear();
    showAnnotations();
    if (!m_controlPlane)
        return;
    // The jobs that touched the node: the list endpoint's node filter, newest 200.
    JobsQuery query;
    query.nodeId = nodeId;
    m_controlPlane->jobs(query, this, [this, nodeId](const ApiResult<JobsPage> &r) {
        if (!r.ok() || nodeId != m_annotatedNode)
            return;
        m_annotatedJobs = r.value->jobs;
        showAnnotations();
    });
}

void AlertingSession::showAnnotations()
{
    NodeDetailView *detail = m_window->nodeDetail();
    if (!detail || m_annotatedNode.isEmpty() || detail->nodeId() != m_annotatedNode)
        return;
    const int row = m_window->model()->rowOf(m_annotatedNode);
    const QString region = row < 0 ? QString() : m_window->model()->nodeAt(row).region;
    QList<AlertTransition> transitions;
    for (const AlertTransition &t : std::as_const(m_history)) {
        if (t.nodeId == m_annotatedNode)
            transitions.append(t);
    }
    detail->setAnnotations(NodeAnnotations::build(m_annotatedNode, region, m_annotatedJobs,
                                                  m_silences->silences().silences, transitions));
}

} // namespace prego
