#include "fleetnotifier.h"

#include "domain/alertmarks.h"
#include "domain/freshness.h"

#include <QLocale>

#include <algorithm>
#include <chrono>

using namespace Qt::StringLiterals;

namespace prego {

namespace {
qint64 steadyNowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}
} // namespace

FleetNotifier::FleetNotifier(QObject *parent, Clock clock)
    : QObject(parent)
    , m_clock(clock ? std::move(clock) : Clock(steadyNowMs))
{
    m_stateText = stateText();
}

void FleetNotifier::reset()
{
    m_silences = {};
    m_haveSnapshot = false;
    m_offline = false;
    m_snapshotGeneration = 0;
    m_repeated.clear();
    m_notFresh.clear();
    m_haveAlerts = false;
    m_open.clear();
    m_acked.clear();
    m_lastSentMs.clear();
    m_held.clear();
    m_jobs.clear();
    recount();
}

void FleetNotifier::setSilences(QList<Silence> silences, qint64 serverNowMs)
{
    m_silences = SilenceIndex(std::move(silences), serverNowMs);
    recount();
}

void FleetNotifier::observeSnapshot(const NodesSnapshot &snapshot, qint64 serverNowMs,
                                    int staleAfterSeconds)
{
    m_silences.advanceTo(serverNowMs);
    const qsizetype count = snapshot.nodes.size();
    // The same ids at the same positions as the last snapshot (the decode thread's delta): the
    // repeated ones are where they were, and no id is hashed.
    const bool sameIds = m_haveSnapshot && snapshot.sameIdsAsGeneration != 0 &&
                         snapshot.sameIdsAsGeneration == m_snapshotGeneration &&
                         m_repeated.size() == count;
    if (!sameIds) {
        m_repeated = QList<bool>(count, false);
        QSet<QString> seen;
        seen.reserve(count);
        for (qsizetype i = 0; i < count; ++i) {
            const qsizetype known = seen.size();
            seen.insert(snapshot.nodes.at(i).nodeId);
            m_repeated[i] = seen.size() == known;
        }
    }
    m_notFresh.clear();
    for (qsizetype i = 0; i < count; ++i) {
        const Node &n = snapshot.nodes.at(i);
        if (m_repeated.at(i) || !FreshnessRule::isBound(n.placement, n.acceptsTenants, n.status))
            continue;
        if (FreshnessRule::classify(n.updatedAtMs(), serverNowMs, staleAfterSeconds, true) !=
            Freshness::Fresh)
            m_notFresh.append({n.nodeId, n.region});
    }
    m_snapshotGeneration = snapshot.generation;
    m_haveSnapshot = true;
    m_offline = false;
    recount();
}

int FleetNotifier::kindOf(AlertRule rule, bool resolved, const QString &detail)
{
    const bool neverReported =
        !resolved && rule == AlertRule::Freshness && detail == u"never_reported";
    return int(rule) * 4 + (resolved ? 2 : 0) + (neverReported ? 1 : 0);
}

void FleetNotifier::observeAlerts(const QList<AlertTransition> &transitions,
                                  const QList<Alert> &current, qint64 serverNowMs)
{
    m_silences.advanceTo(serverNowMs);
    // An acknowledged alert stays quiet until it resolves, and its resolution too: the
    // acknowledgements of the last evaluation count for an alert that has left the list since.
    QSet<QString> acked;
    m_open.clear();
    for (const Alert &a : current) {
        if (a.ack)
            acked.insert(a.key());
        if (a.state != AlertState::Resolved)
            m_open.append({a.nodeId, a.region, a.state});
    }
    const auto quiet = [&](const QString &nodeId, const QString &region, AlertRule rule) {
        const QString key = nodeId + u'/' + alertRuleKey(rule);
        return m_silences.find(nodeId, region) || acked.contains(key) || m_acked.contains(key);
    };
    const bool firstEvaluation = !m_haveAlerts;
    m_haveAlerts = true;

    QMap<int, QList<Item>> fresh;
    for (const AlertTransition &t : transitions) {
        // After the window: Pending → Firing, or an alert that fires at once (freshness). Not
        // Unknown → Firing (the node pushes again, still over: it was announced when it fired).
        const bool fired = t.to == AlertState::Firing && t.from != AlertState::Firing &&
                           t.from != AlertState::Unknown && !(firstEvaluation && !t.from);
        const bool resolved = t.to == AlertState::Resolved && t.from == AlertState::Firing;
        if ((!fired && !resolved) || quiet(t.nodeId, t.region, t.rule))
            continue;
        fresh[kindOf(t.rule, resolved, t.detail)].append(
            {t.nodeId, t.region, t.rule, t.value, t.detail});
    }
    m_acked = acked;

    QList<int> kinds = fresh.keys() + m_held.keys();
    std::sort(kinds.begin(), kinds.end());
    kinds.erase(std::unique(kinds.begin(), kinds.end()), kinds.end());
    const qint64 now = m_clock();
    for (const int kind : std::as_const(kinds)) {
        QList<Item> items = m_held.take(kind);
        // Held back and since silenced or acknowledged: quiet now.
        items.removeIf([&](const Item &i) { return quiet(i.nodeId, i.region, i.rule); });
        for (const Item &item : fresh.value(kind)) {
            // A node held back and announced again (it resolved and fired anew): once.
            items.removeIf([&](const Item &i) { return i.nodeId == item.nodeId; });
            items.append(item);
        }
        if (items.isEmpty())
            continue;
        const auto last = m_lastSentMs.constFind(kind);
        if (last != m_lastSentMs.cend() && now - *last < RateLimitMs) {
            m_held.insert(kind, items);
            continue;
        }
        m_lastSentMs.insert(kind, now);
        announce(kind, items);
    }
    recount();
}

int FleetNotifier::heldBackCount() const
{
    int count = 0;
    for (const QList<Item> &items : m_held)
        count += int(items.size());
    return count;
}

void FleetNotifier::announce(int kind, const QList<Item> &items)
{
    const bool resolved = (kind & 2) != 0;
    const Item &first = items.first();
    const AlertRule rule = first.rule;
    const int count = int(items.size());
    const auto thresholdOf = [&](const Item &i) {
        return m_rules.effective(i.rule, i.nodeId, i.region);
    };
    const auto percent = [](double v) {
        return QLocale().toString(v, 'f', 1);
    };

    QString title;
    QString body;
    if (count == 1) {
        const AlertThreshold t = thresholdOf(first);
        if (!resolved) {
            //: a notification's title: node, then what fired: "fsn1-shared-07: disk ≥ 85 %"
            title =
                tr("%1: %2").arg(first.nodeId, AlertMarks::conditionText(rule, t, first.detail));
            if (rule != AlertRule::Freshness)
                body = first.value ? tr("At %1 %, over the threshold for the whole window.")
                                         .arg(percent(*first.value))
                                   : tr("Over the threshold for the whole window.");
            else if (first.detail == u"never_reported")
                body = tr("It has never pushed any metrics.");
            else
                body = tr("No metrics for longer than the stale threshold.");
        } else if (rule == AlertRule::Freshness) {
            title = tr("Node %1 reports again").arg(first.nodeId);
            body = tr("Its metrics are fresh.");
        } else {
            //: a notification's title: node, then the rule: "fsn1-shared-07: disk back to normal"
            title = tr("%1: %2 back to normal").arg(first.nodeId, AlertMarks::ruleName(rule));
            body = tr("Below %1 % for the whole window.")
                       .arg(QLocale().toString(t.threshold - t.clearMargin));
        }
    } else {
        if (!resolved && rule == AlertRule::Freshness) {
            title = first.detail == u"never_reported"
                        ? tr("%n node(s) never reported", nullptr, count)
                        : tr("%n node(s) stale", nullptr, count);
        } else if (!resolved) {
            // The threshold is named when it is the same for every node (overrides may differ).
            const AlertThreshold t = thresholdOf(first);
            const bool same = std::all_of(items.cbegin(), items.cend(), [&](const Item &i) {
                return thresholdOf(i).threshold == t.threshold;
            });
            title =
                same
                    //: e.g. "CPU ≥ 90 % on 2 nodes"
                    ? tr("%1 on %n node(s)", nullptr, count).arg(AlertMarks::conditionText(rule, t))
                    //: e.g. "CPU over its threshold on 2 nodes"
                    : tr("%1 over its threshold on %n node(s)", nullptr, count)
                          .arg(AlertMarks::ruleName(rule));
        } else if (rule == AlertRule::Freshness) {
            title = tr("%n node(s) report again", nullptr, count);
        } else {
            //: e.g. "CPU back to normal on 2 nodes"
            title = tr("%1 back to normal on %n node(s)", nullptr, count)
                        .arg(AlertMarks::ruleName(rule));
        }
        QStringList names;
        for (int i = 0; i < count && i < MaxListedNodes; ++i) {
            const Item &item = items.at(i);
            names.append(!resolved && item.value
                             //: a node in a notification's list, with its value: "fsn1-a (93.2 %)"
                             ? tr("%1 (%2 %)").arg(item.nodeId, percent(*item.value))
                             : item.nodeId);
        }
        body = names.join(u", "_s);
        if (count > MaxListedNodes)
            //: the end of a notification's list of nodes: "a, b, c and 4 more"
            body = tr("%1 and %n more", nullptr, count - MaxListedNodes).arg(body);
    }
    notify(title, body, resolved ? Severity::Information : Severity::Warning);
}

void FleetNotifier::observePollFailed()
{
    m_offline = true;
    updateState();
}

void FleetNotifier::observeJobs(const QList<Job> &jobs)
{
    for (const Job &j : jobs) {
        const auto before = m_jobs.constFind(j.jobId);
        const bool seenRunning =
            before != m_jobs.cend() && *before != u"Completed" && *before != u"Failed";
        m_jobs.insert(j.jobId, j.status);
        if (!seenRunning || !j.isFinished())
            continue;
        if (j.status == u"Completed")
            notify(tr("Job for %1 completed").arg(j.tenantId),
                   tr("Job %1 finished without errors.").arg(j.jobId), Severity::Information);
        else
            notify(tr("Job for %1 failed").arg(j.tenantId),
                   j.error ? tr("Stage %1 failed: %2").arg(j.error->stage, j.error->message)
                           : tr("Job %1 failed.").arg(j.jobId),
                   Severity::Warning);
    }
}

void FleetNotifier::recount()
{
    // Proportional to the nodes not fresh and the open alerts, not to the fleet.
    const bool silences = !m_silences.isEmpty();
    m_notFreshCount = int(m_notFresh.size());
    if (silences) {
        m_notFreshCount = int(std::count_if(m_notFresh.cbegin(), m_notFresh.cend(), [&](auto &n) {
            return !m_silences.find(n.first, n.second);
        }));
    }
    m_firingCount = 0;
    m_pendingCount = 0;
    for (const Open &o : std::as_const(m_open)) {
        if (silences && m_silences.find(o.nodeId, o.region))
            continue;
        if (o.state == AlertState::Firing)
            ++m_firingCount;
        else
            ++m_pendingCount; // pending or unknown
    }
    updateState();
}

QString FleetNotifier::stateText() const
{
    switch (m_state) {
    case State::Unknown:
        return tr("Prego: no data yet");
    case State::AllFresh:
        if (m_notFresh.size() > m_notFreshCount)
            return tr("Prego: every bound node is fresh or silenced");
        return tr("Prego: every bound node is fresh");
    case State::SomeStale:
        return tr("Prego: %n bound node(s) not fresh", nullptr, m_notFreshCount);
    case State::Offline:
        return tr("Prego: control plane unreachable");
    case State::AlertsFiring:
        return tr("Prego: %n alert(s) firing", nullptr, m_firingCount);
    case State::AlertsPending:
        return tr("Prego: %n alert(s) pending or unknown", nullptr, m_pendingCount);
    }
    return {};
}

void FleetNotifier::updateState()
{
    State state = State::Unknown;
    if (m_offline)
        state = State::Offline;
    else if (!m_haveSnapshot)
        state = State::Unknown;
    else if (m_firingCount > 0)
        state = State::AlertsFiring;
    else if (m_notFreshCount > 0)
        state = State::SomeStale;
    else if (m_pendingCount > 0)
        state = State::AlertsPending;
    else
        state = State::AllFresh;
    const State before = m_state;
    m_state = state;
    const QString text = stateText();
    if (state == before && text == m_stateText)
        return;
    m_stateText = text;
    Q_EMIT stateChanged(state);
}

void FleetNotifier::notify(const QString &title, const QString &body, Severity severity)
{
    if (m_enabled)
        Q_EMIT notificationRequested(title, body, severity);
}

} // namespace prego
