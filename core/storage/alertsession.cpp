#include "alertsession.h"

#include "domain/alertrulescodec.h"

#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace prego {

namespace {
// Bounds what waits in memory for a disk that keeps failing, and the in-memory history.
constexpr qsizetype MaxKeptTransitions = 50000;

void trimOldest(QList<AlertTransition> &list, qint64 nowMs)
{
    const qint64 keepFrom = nowMs - AlertStore::HistoryRetentionMs;
    const auto old = std::find_if(list.begin(), list.end(), [keepFrom](const AlertTransition &t) {
        return t.atMs >= keepFrom;
    });
    list.erase(list.begin(), old);
    if (list.size() > MaxKeptTransitions)
        list.remove(0, list.size() - MaxKeptTransitions);
}
} // namespace

AlertSession::AlertSession(const QString &path)
    : m_store(std::make_unique<AlertStore>(path))
{}

AlertSession::~AlertSession() = default;

QString AlertSession::open()
{
    if (m_store->filePath().isEmpty())
        return {};
    if (const QString error = m_store->open(); !error.isEmpty())
        return error;
    QStringList problems;
    const AlertStore::StoredRules rules = m_store->loadRules();
    m_engine.setRules(rules.rules);
    if (!rules.error.isEmpty())
        problems << rules.error;
    const AlertStore::StoredTracks tracks = m_store->loadTracks();
    m_engine.restore(tracks.tracks);
    if (!tracks.error.isEmpty())
        problems << tracks.error;
    return problems.join(u'\n');
}

bool AlertSession::reloadIfChangedElsewhere()
{
    if (!isPersistent() || !m_unsavedTracks.isEmpty() || !m_unsavedTransitions.isEmpty() ||
        !m_store->changedElsewhere())
        return false;
    bool rulesChanged = false;
    const AlertStore::StoredRules rules = m_store->loadRules();
    if (rules.error.isEmpty() && rules.rules != m_engine.rules()) {
        m_engine.setRules(rules.rules);
        rulesChanged = true;
    }
    const AlertStore::StoredTracks tracks = m_store->loadTracks();
    if (tracks.error.isEmpty())
        m_engine.restore(tracks.tracks);
    return rulesChanged;
}

AlertSession::Observed AlertSession::observe(const NodesSnapshot &snapshot, int staleAfterSeconds)
{
    Observed out;
    out.rulesReloaded = reloadIfChangedElsewhere();
    AlertEvaluation evaluation = m_engine.evaluate(snapshot, staleAfterSeconds);
    out.transitions = evaluation.transitions;
    out.changed = !evaluation.isEmpty() || out.rulesReloaded;
    if (!isPersistent()) {
        remember(evaluation.transitions, snapshot.serverTimeMs);
        return out;
    }
    for (AlertTrack &t : evaluation.changed)
        m_unsavedTracks.insert(t.alert.key(), std::move(t));
    m_unsavedTransitions += evaluation.transitions;
    out.error = flush(snapshot.serverTimeMs);
    return out;
}

QString AlertSession::flush(qint64 nowMs)
{
    if (m_unsavedTracks.isEmpty() && m_unsavedTransitions.isEmpty())
        return {};
    AlertEvaluation pending;
    pending.changed = m_unsavedTracks.values();
    pending.transitions = m_unsavedTransitions;
    const QString error = m_store->save(pending, nowMs);
    if (error.isEmpty()) {
        m_unsavedTracks.clear();
        m_unsavedTransitions.clear();
    } else {
        trimOldest(m_unsavedTransitions, nowMs);
    }
    return error;
}

void AlertSession::remember(const QList<AlertTransition> &transitions, qint64 nowMs)
{
    for (const AlertTransition &t : transitions) {
        if (AlertStore::isKeptInHistory(t))
            m_memoryHistory.append(t);
    }
    trimOldest(m_memoryHistory, nowMs);
}

QString AlertSession::acknowledge(const QString &key, const AlertAck &ack)
{
    reloadIfChangedElsewhere();
    if (!m_engine.acknowledge(key, ack))
        return tr("There is no pending, firing or unknown alert %1 to acknowledge; it may have "
                  "resolved meanwhile.")
            .arg(key);
    if (!isPersistent())
        return {};
    const AlertTrack track = *m_engine.track(key);
    if (const auto it = m_unsavedTracks.find(key); it != m_unsavedTracks.end())
        *it = track; // a waiting write would otherwise put the alert back without its ack
    return m_store->saveTrack(track);
}

QString AlertSession::setRules(const AlertRules &rules, qint64 savedAtMs)
{
    if (const QString problem = AlertRulesCodec::validate(rules); !problem.isEmpty())
        return problem;
    if (isPersistent()) {
        if (const QString error = m_store->saveRules(rules, savedAtMs); !error.isEmpty())
            return error;
    }
    m_engine.setRules(rules);
    return {};
}

QList<AlertTransition> AlertSession::history(qint64 sinceMs, int limit) const
{
    if (isPersistent())
        return m_store->history(sinceMs, limit);
    QList<AlertTransition> out;
    for (auto it = m_memoryHistory.crbegin(); it != m_memoryHistory.crend(); ++it) {
        if (out.size() >= limit)
            break;
        if (it->atMs >= sinceMs)
            out.append(*it);
    }
    std::stable_sort(
        out.begin(), out.end(),
        [](const AlertTransition &a, const AlertTransition &b) { return a.atMs > b.atMs; });
    return out;
}

AlertSession::OneShot AlertSession::evaluateOnce(const QString &path, const NodesSnapshot &snapshot,
                                                 int staleAfterSeconds)
{
    OneShot out;
    AlertSession session(path);
    const QString problem = session.open();
    if (!session.isPersistent()) {
        out.error = problem;
        return out;
    }
    out.warning = problem;
    const Observed observed = session.observe(snapshot, staleAfterSeconds);
    out.error = observed.error;
    out.transitions = observed.transitions;
    out.current = session.current();
    out.rules = session.rules();
    return out;
}

} // namespace prego
