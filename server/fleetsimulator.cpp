#include "fleetsimulator.h"

#include "fleet.h"
#include "provisionvalidator.h"
#include "simclock.h"
#include "simdatabase.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace prego::sim {

namespace {
double clampPct(double v)
{
    return std::round(std::clamp(v, 0.0, 100.0) * 10.0) / 10.0;
}
} // namespace

FleetSimulator::FleetSimulator(SimDatabase &db, Fleet &fleet, const SimClock &clock, quint64 seed,
                               QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_fleet(fleet)
    , m_clock(clock)
    , m_random(quint32(seed ^ (seed >> 32)))
{
    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, &FleetSimulator::tick);
    m_timer.start();
}

qint64 FleetSimulator::nextInterval()
{
    return 30000 + qint64(m_random.bounded(30001));
}

FleetSimulator::Agent FleetSimulator::newAgent(const QString &nodeId)
{
    Agent a;
    a.cpuBase = 8 + m_random.bounded(55.0);
    a.cpu = a.cpuBase;
    a.memory = 25 + m_random.bounded(55.0);
    a.disk = 15 + m_random.bounded(60.0);
    a.tenants = m_random.bounded(35);
    // Resume the walk where the node's last push left it.
    if (const NodeRecord *n = m_fleet.node(nodeId); n && n->metrics) {
        a.cpu = n->metrics->cpuPct.value_or(a.cpu);
        a.memory = n->metrics->memoryPct.value_or(a.memory);
        a.disk = n->metrics->diskPct.value_or(a.disk);
        a.tenants = n->metrics->tenantCount.value_or(a.tenants);
    }
    return a;
}

void FleetSimulator::loadFromDatabase()
{
    const qint64 now = m_clock.nowMs();
    const QHash<QString, bool> agents = m_db.loadSimAgents();
    for (auto it = agents.cbegin(); it != agents.cend(); ++it) {
        if (!m_fleet.node(it.key()))
            continue;
        Agent a = newAgent(it.key());
        a.pushing = it.value();
        a.nextPushMs = now + m_random.bounded(5000);
        m_agents.insert(it.key(), a);
    }
}

void FleetSimulator::createDemoFleet(int sharedNodes)
{
    const qint64 now = m_clock.nowMs();
    const QStringList &regions = ProvisionValidator::regions();
    QHash<QString, int> perRegion;
    QStringList ids;
    m_db.beginBatch();
    for (int i = 0; i < sharedNodes; ++i) {
        const QString region = regions.at(i % regions.size());
        const int number = ++perRegion[region];
        NodeRecord n;
        n.nodeId = u"%1-shared-%2"_s.arg(region).arg(number, 2, 10, QLatin1Char('0'));
        n.hostname = n.nodeId + u".nodes.prego.example"_s;
        n.ipv4 = u"198.%1.%2.%3"_s.arg(18 + (i >> 16) % 2).arg((i >> 8) & 0xff).arg(i & 0xff);
        n.region = region;
        n.placement = u"shared"_s;
        n.role = u"shared"_s;
        n.stack = region;
        n.acceptsTenants = true;
        n.status = (sharedNodes >= 8 && i == sharedNodes / 2) ? u"draining"_s : u"active"_s;
        m_fleet.registerNode(n, now - 86400000LL * (30 + m_random.bounded(60)));
        ids.append(n.nodeId);
    }
    const QStringList roles{u"app"_s, u"db"_s, u"redis"_s};
    for (int r = 0; r < roles.size(); ++r) {
        NodeRecord n;
        n.nodeId = u"ded-globex-%1"_s.arg(roles.at(r));
        n.hostname = n.nodeId + u".nodes.prego.example"_s;
        n.ipv4 = u"198.19.255.%1"_s.arg(10 + r);
        n.region = u"fsn1"_s;
        n.placement = u"dedicated"_s;
        n.role = roles.at(r);
        n.tenantId = u"globex"_s;
        n.stack = u"dedicated-globex"_s;
        n.acceptsTenants = false;
        m_fleet.registerNode(n, now - 86400000LL * 12);
        ids.append(n.nodeId);
    }

    // With four or more shared nodes: the last two went silent 7 and 19 minutes ago and one more
    // has never pushed, so stale and never-reported states show from the first look.
    QSet<QString> silent, neverPushed;
    if (sharedNodes >= 4) {
        silent = {ids.at(sharedNodes - 1), ids.at(sharedNodes - 2)};
        neverPushed = {ids.at(sharedNodes - 3)};
    }
    int silentIndex = 0;
    for (const QString &id : std::as_const(ids)) {
        Agent a = newAgent(id);
        // With six or more: the first node's disk is nearly full and the second runs hot, so the
        // console's disk and CPU alerts have something to fire on.
        if (sharedNodes >= 6 && id == ids.at(0))
            a.disk = 87.5;
        if (sharedNodes >= 6 && id == ids.at(1))
            a.cpu = a.cpuBase = 97;
        if (neverPushed.contains(id)) {
            a.pushing = false;
        } else if (silent.contains(id)) {
            a.pushing = false;
            push(id, a, now - (silentIndex++ == 0 ? 19 : 7) * 60000);
        } else {
            // The last push happened some time within the last interval.
            const qint64 last = now - m_random.bounded(30000);
            push(id, a, last);
            a.nextPushMs = last + nextInterval();
        }
        m_agents.insert(id, a);
        m_db.saveSimAgent(id, a.pushing);
    }
    m_db.commitBatch();
}

void FleetSimulator::startAgent(const QString &nodeId, qint64 firstPushDelayMs)
{
    Agent a = newAgent(nodeId);
    a.tenants = 0;
    a.nextPushMs = m_clock.nowMs() + firstPushDelayMs;
    m_agents.insert(nodeId, a);
    m_db.saveSimAgent(nodeId, true);
}

bool FleetSimulator::setPushing(const QString &nodeId, bool pushing)
{
    auto it = m_agents.find(nodeId);
    if (it == m_agents.end())
        return false;
    it->pushing = pushing;
    if (pushing)
        it->nextPushMs = m_clock.nowMs();
    m_db.saveSimAgent(nodeId, pushing);
    return true;
}

void FleetSimulator::setAllPushing(bool pushing)
{
    // Only the agents whose state changes: a pushing agent keeps its own schedule (resetting
    // every one to "now" would make the whole fleet push at once and then fall silent for 30 s).
    for (auto it = m_agents.begin(); it != m_agents.end(); ++it) {
        if (it->pushing != pushing)
            setPushing(it.key(), pushing);
    }
}

void FleetSimulator::push(const QString &nodeId, Agent &a, qint64 atMs)
{
    // CPU reverts to the node's own level with noise and rare bursts; memory drifts; disk creeps
    // up.
    a.cpu += (a.cpuBase - a.cpu) * 0.3 + (m_random.generateDouble() - 0.5) * 12.0;
    if (m_random.bounded(100) < 3)
        a.cpu = 85 + m_random.bounded(15.0);
    a.memory += (m_random.generateDouble() - 0.5) * 3.0;
    a.disk += m_random.generateDouble() * 0.05;
    if (m_random.bounded(100) < 2)
        a.tenants = std::max<qint64>(0, a.tenants + (m_random.bounded(2) ? 1 : -1));
    Metrics m;
    m.cpuPct = clampPct(a.cpu);
    m.memoryPct = clampPct(a.memory);
    m.diskPct = clampPct(a.disk);
    m.tenantCount = a.tenants;
    m.updatedAtMs = atMs;
    m_fleet.pushMetrics(nodeId, m);
    ++m_pushes;
}

void FleetSimulator::tick()
{
    const qint64 now = m_clock.nowMs();
    bool batchOpen = false;
    for (auto it = m_agents.begin(); it != m_agents.end(); ++it) {
        Agent &a = *it;
        if (!a.pushing || a.nextPushMs > now)
            continue;
        if (!batchOpen) {
            m_db.beginBatch();
            batchOpen = true;
        }
        push(it.key(), a, now);
        a.nextPushMs = now + nextInterval();
    }
    if (batchOpen)
        m_db.commitBatch();
}

} // namespace prego::sim
