#include "alertengine.h"

#include "freshness.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace prego {

namespace {

constexpr std::size_t index(AlertRule rule)
{
    return std::size_t(rule);
}

std::optional<double> metricValue(const NodeMetrics &m, AlertRule rule)
{
    switch (rule) {
    case AlertRule::Cpu:
        return m.cpuPct;
    case AlertRule::Memory:
        return m.memoryPct;
    case AlertRule::Disk:
        return m.diskPct;
    case AlertRule::Freshness:
        break;
    }
    return std::nullopt;
}

qint64 windowMs(const AlertThreshold &s)
{
    return qint64(s.windowSeconds) * 1000;
}

const QString DetailStale = u"stale"_s;
const QString DetailNeverReported = u"never_reported"_s;
const QString DetailRemoved = u"removed"_s;
const QString DetailDisabled = u"disabled"_s;
const QString DetailUnbound = u"unbound"_s;

} // namespace

void AlertEngine::setRules(const AlertRules &rules)
{
    m_rules = rules;
    m_defaults = {rules.freshness, rules.cpu, rules.memory, rules.disk};
    m_regionSettings.clear();
    for (auto it = rules.regionOverrides.begin(); it != rules.regionOverrides.end(); ++it) {
        Settings s = m_defaults;
        for (auto o = it->begin(); o != it->end(); ++o)
            s[index(o.key())] = o.value().appliedTo(s[index(o.key())]);
        m_regionSettings.insert(it.key(), s);
    }
    m_nodeOverrides.clear();
    for (auto it = rules.nodeOverrides.begin(); it != rules.nodeOverrides.end(); ++it)
        m_nodeOverrides.insert(it.key(), it.value());
}

AlertEngine::Settings AlertEngine::settingsFor(const QString &nodeId, const QString &region) const
{
    Settings s = m_defaults;
    if (!m_regionSettings.isEmpty()) {
        if (const auto it = m_regionSettings.constFind(region); it != m_regionSettings.cend())
            s = *it;
    }
    if (!m_nodeOverrides.isEmpty()) {
        if (const auto it = m_nodeOverrides.constFind(nodeId); it != m_nodeOverrides.cend()) {
            for (auto o = it->begin(); o != it->end(); ++o)
                s[index(o.key())] = o.value().appliedTo(s[index(o.key())]);
        }
    }
    return s;
}

AlertThreshold AlertEngine::effective(AlertRule rule, const QString &nodeId,
                                      const QString &region) const
{
    return settingsFor(nodeId, region)[index(rule)];
}

AlertEngine::NodeTracks &AlertEngine::tracksOf(const QString &nodeId)
{
    NodeTracks &tracks = m_nodes[nodeId];
    tracks.seenInRound = m_round;
    return tracks;
}

AlertEvaluation AlertEngine::evaluate(const NodesSnapshot &snapshot, int staleAfterSeconds)
{
    AlertEvaluation out;
    const Round round{&out, snapshot.serverTimeMs, qint64(staleAfterSeconds) * 1000};
    ++m_round;
    m_dirty.clear();

    qsizetype seen = 0;
    for (const Node &node : snapshot.nodes) {
        NodeTracks *tracks = nullptr;
        // Most polls of a healthy fleet have no track at all: no hashing then.
        if (!m_nodes.isEmpty()) {
            if (const auto it = m_nodes.find(node.nodeId); it != m_nodes.end()) {
                tracks = &*it;
                if (tracks->seenInRound != m_round) {
                    tracks->seenInRound = m_round;
                    ++seen;
                }
            }
        }
        const qsizetype before = m_nodes.size();
        evaluateNode(node, tracks, round);
        seen += m_nodes.size() - before; // tracks begun this round were seen too
    }

    if (seen < m_nodes.size()) {
        for (auto it = m_nodes.begin(); it != m_nodes.end(); ++it) {
            if (it->seenInRound == m_round)
                continue;
            for (std::optional<Slot> &slot : it->slots) {
                if (slot)
                    resolve(*slot, snapshot.serverTimeMs, round, DetailRemoved);
            }
        }
    }

    // Collect what changed, then drop what ended.
    for (const auto &[nodeId, rule] : std::as_const(m_dirty)) {
        const auto it = m_nodes.find(nodeId);
        if (it == m_nodes.end())
            continue;
        std::optional<Slot> &slot = it->slots[index(rule)];
        if (!slot)
            continue;
        slot->dirty = false;
        out.changed.append(slot->track);
        if (slot->track.alert.state == AlertState::Resolved) {
            slot.reset();
            --m_trackCount;
            if (std::none_of(it->slots.begin(), it->slots.end(),
                             [](const std::optional<Slot> &s) { return s.has_value(); }))
                m_nodes.erase(it);
        }
    }
    m_dirty.clear();
    return out;
}

void AlertEngine::evaluateNode(const Node &node, NodeTracks *tracks, const Round &round)
{
    const Freshness freshness = FreshnessRule::classify(node.updatedAtMs(), round.serverNowMs,
                                                        int(round.staleMs / 1000), true);
    const bool fresh = freshness == Freshness::Fresh;
    // A node with nothing to remember and no fresh value can only start a freshness alert.
    if (!tracks && !fresh && !m_defaults[index(AlertRule::Freshness)].enabled &&
        m_nodeOverrides.isEmpty() && m_regionSettings.isEmpty())
        return;

    const Settings settings = settingsFor(node.nodeId, node.region);
    evaluateFreshness(node, tracks, freshness, settings[index(AlertRule::Freshness)], round);
    for (AlertRule rule : {AlertRule::Cpu, AlertRule::Memory, AlertRule::Disk})
        evaluateMetric(node, tracks, rule, fresh, settings[index(rule)], round);
}

void AlertEngine::evaluateFreshness(const Node &node, NodeTracks *&tracks, Freshness freshness,
                                    const AlertThreshold &settings, const Round &round)
{
    const bool late = freshness == Freshness::Stale || freshness == Freshness::NeverReported;
    const QString &detail = freshness == Freshness::Stale ? DetailStale : DetailNeverReported;
    std::optional<Slot> *slot = tracks ? &tracks->slots[index(AlertRule::Freshness)] : nullptr;
    if (slot && *slot) {
        Alert &a = (*slot)->track.alert;
        if (!settings.enabled) {
            resolve(**slot, round.serverNowMs, round, DetailDisabled);
        } else if (!FreshnessRule::isBound(node.placement, node.acceptsTenants, node.status)) {
            resolve(**slot, round.serverNowMs, round, DetailUnbound);
        } else if (!late) {
            // Only a push newer than the one that went stale resolves it (a replayed older
            // snapshot, or a longer stale threshold alone, does not).
            const qint64 pushed = *node.updatedAtMs();
            if (a.detail != DetailStale || pushed > a.sinceMs - round.staleMs)
                resolve(**slot, std::max(pushed, a.sinceMs), round);
        } else if (a.detail != detail) {
            a.detail = detail;
            markDirty(**slot);
        }
        return;
    }
    if (!late || !settings.enabled ||
        !FreshnessRule::isBound(node.placement, node.acceptsTenants, node.status))
        return;
    // The stale threshold is this rule's window: it fires the moment the node became stale.
    const qint64 since =
        freshness == Freshness::Stale ? *node.updatedAtMs() + round.staleMs : round.serverNowMs;
    if (!tracks)
        tracks = &tracksOf(node.nodeId);
    Slot &s = begin(*tracks, node, AlertRule::Freshness, AlertState::Firing, since, std::nullopt,
                    detail, round);
    s.track.alert.firingSinceMs = since;
}

void AlertEngine::evaluateMetric(const Node &node, NodeTracks *&tracks, AlertRule rule, bool fresh,
                                 const AlertThreshold &settings, const Round &round)
{
    std::optional<Slot> *slot = tracks ? &tracks->slots[index(rule)] : nullptr;
    if (slot && !*slot)
        slot = nullptr;
    if (!settings.enabled) {
        if (slot)
            resolve(**slot, round.serverNowMs, round, DetailDisabled);
        return;
    }
    if (!fresh) {
        // Silent: we cannot tell, so a pending or firing alert is unknown, never resolved. It
        // became so when the node turned stale.
        if (slot && (*slot)->track.alert.state != AlertState::Unknown) {
            const std::optional<qint64> updatedAt = node.updatedAtMs();
            moveTo(**slot, AlertState::Unknown,
                   updatedAt ? *updatedAt + round.staleMs : round.serverNowMs, round);
        }
        return;
    }
    const std::optional<double> value = metricValue(*node.metrics, rule);
    if (!value) // no reading of this metric in the push: nothing to learn from it
        return;
    const qint64 at = node.metrics->updatedAtMs;
    if (!slot) {
        if (*value < settings.threshold)
            return;
        if (!tracks)
            tracks = &tracksOf(node.nodeId);
        Slot &s = begin(*tracks, node, rule, AlertState::Pending, at, value, {}, round);
        if (windowMs(settings) == 0) {
            s.track.alert.firingSinceMs = at;
            moveTo(s, AlertState::Firing, at, round);
        }
        return;
    }
    Slot &s = **slot;
    // Only a newer sample counts: an older one can only be a replayed snapshot (the stored one
    // the console opens with), and the one an unknown alert last saw says nothing new.
    if (at <= s.track.lastSampleMs)
        return;
    if (s.track.alert.state == AlertState::Unknown)
        returnFromUnknown(s, *value, at, settings, round);
    else
        stepMetric(s, *value, at, settings, round);
}

void AlertEngine::stepMetric(Slot &slot, double value, qint64 at, const AlertThreshold &settings,
                             const Round &round)
{
    AlertTrack &t = slot.track;
    const bool gap = at - t.lastSampleMs > round.staleMs;
    t.lastSampleMs = at;
    t.alert.value = value;
    markDirty(slot);

    if (t.alert.state == AlertState::Pending) {
        if (value < settings.threshold) {
            resolve(slot, at, round);
            return;
        }
        if (gap) // the window must be covered by pushes: start again from this one
            t.alert.sinceMs = at;
        if (at - t.alert.sinceMs >= windowMs(settings)) {
            t.alert.firingSinceMs = at;
            moveTo(slot, AlertState::Firing, at, round);
        }
        return;
    }
    // Firing: clears only after a whole window below threshold − margin.
    if (value >= settings.threshold - settings.clearMargin) {
        t.clearingSinceMs.reset();
        return;
    }
    if (!t.clearingSinceMs || gap)
        t.clearingSinceMs = at;
    if (at - *t.clearingSinceMs >= windowMs(settings))
        resolve(slot, at, round);
}

void AlertEngine::returnFromUnknown(Slot &slot, double value, qint64 at,
                                    const AlertThreshold &settings, const Round &round)
{
    AlertTrack &t = slot.track;
    t.lastSampleMs = at;
    t.alert.value = value;
    t.clearingSinceMs.reset();
    markDirty(slot);
    if (t.alert.firingSinceMs) {
        moveTo(slot, AlertState::Firing, at, round);
        if (value < settings.threshold - settings.clearMargin) {
            t.clearingSinceMs = at;
            if (windowMs(settings) == 0)
                resolve(slot, at, round);
        }
        return;
    }
    if (value < settings.threshold) {
        resolve(slot, at, round);
        return;
    }
    t.alert.sinceMs = at;
    moveTo(slot, AlertState::Pending, at, round);
    if (windowMs(settings) == 0) {
        t.alert.firingSinceMs = at;
        moveTo(slot, AlertState::Firing, at, round);
    }
}

AlertEngine::Slot &AlertEngine::begin(NodeTracks &tracks, const Node &node, AlertRule rule,
                                      AlertState state, qint64 sinceMs, std::optional<double> value,
                                      const QString &detail, const Round &round)
{
    std::optional<Slot> &slot = tracks.slots[index(rule)];
    slot = Slot{AlertTrack{}, false}; // not emplace(): clang cannot default-construct a nested
                                      // struct with member initializers here
    ++m_trackCount;
    Alert &a = slot->track.alert;
    a.nodeId = node.nodeId;
    a.region = node.region;
    a.rule = rule;
    a.state = state;
    a.sinceMs = sinceMs;
    a.value = value;
    a.detail = detail;
    slot->track.lastSampleMs = node.updatedAtMs().value_or(0);
    round.out->transitions.append(
        {a.nodeId, a.region, rule, std::nullopt, state, sinceMs, a.value, a.detail});
    markDirty(*slot);
    return *slot;
}

void AlertEngine::moveTo(Slot &slot, AlertState state, qint64 atMs, const Round &round)
{
    Alert &a = slot.track.alert;
    if (a.state == state)
        return;
    round.out->transitions.append(
        {a.nodeId, a.region, a.rule, a.state, state, atMs, a.value, a.detail});
    a.state = state;
    markDirty(slot);
}

void AlertEngine::resolve(Slot &slot, qint64 atMs, const Round &round, const QString &detail)
{
    Alert &a = slot.track.alert;
    if (a.state == AlertState::Resolved)
        return;
    if (!detail.isEmpty())
        a.detail = detail;
    a.resolvedAtMs = atMs;
    a.ack.reset(); // an acknowledgement lasts until the alert resolves
    moveTo(slot, AlertState::Resolved, atMs, round);
}

void AlertEngine::markDirty(Slot &slot)
{
    if (slot.dirty)
        return;
    slot.dirty = true;
    m_dirty.append({slot.track.alert.nodeId, slot.track.alert.rule});
}

bool AlertEngine::acknowledge(const QString &key, const AlertAck &ack)
{
    const auto parts = parseKey(key);
    if (!parts)
        return false;
    const auto it = m_nodes.find(parts->first);
    if (it == m_nodes.end())
        return false;
    std::optional<Slot> &slot = it->slots[index(parts->second)];
    if (!slot || slot->track.alert.state == AlertState::Resolved)
        return false;
    slot->track.alert.ack = ack;
    return true;
}

QList<Alert> AlertEngine::current() const
{
    QList<Alert> out;
    out.reserve(m_trackCount);
    for (const NodeTracks &tracks : m_nodes) {
        for (const std::optional<Slot> &slot : tracks.slots) {
            if (slot && slot->track.alert.state != AlertState::Resolved)
                out.append(slot->track.alert);
        }
    }
    return out;
}

std::optional<AlertTrack> AlertEngine::track(const QString &key) const
{
    const auto parts = parseKey(key);
    if (!parts)
        return std::nullopt;
    const auto it = m_nodes.constFind(parts->first);
    if (it == m_nodes.cend() || !it->slots[index(parts->second)])
        return std::nullopt;
    return it->slots[index(parts->second)]->track;
}

std::optional<Alert> AlertEngine::alert(const QString &key) const
{
    const std::optional<AlertTrack> t = track(key);
    return t ? std::optional<Alert>(t->alert) : std::nullopt;
}

QList<AlertTrack> AlertEngine::tracks() const
{
    QList<AlertTrack> out;
    out.reserve(m_trackCount);
    for (const NodeTracks &tracks : m_nodes) {
        for (const std::optional<Slot> &slot : tracks.slots) {
            if (slot)
                out.append(slot->track);
        }
    }
    return out;
}

void AlertEngine::restore(const QList<AlertTrack> &tracks)
{
    m_nodes.clear();
    m_trackCount = 0;
    for (const AlertTrack &t : tracks) {
        if (t.alert.state == AlertState::Resolved)
            continue;
        std::optional<Slot> &slot = m_nodes[t.alert.nodeId].slots[index(t.alert.rule)];
        if (!slot)
            ++m_trackCount;
        slot = Slot{t, false};
    }
}

std::optional<std::pair<QString, AlertRule>> AlertEngine::parseKey(const QString &key)
{
    const qsizetype slash = key.lastIndexOf(u'/');
    if (slash <= 0)
        return std::nullopt;
    const std::optional<AlertRule> rule = alertRuleFromKey(key.mid(slash + 1));
    if (!rule)
        return std::nullopt;
    return std::pair{key.left(slash), *rule};
}

} // namespace prego
