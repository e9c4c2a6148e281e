#pragma once

#include <QHash>
#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

namespace prego::sim {

class Fleet;
class SimClock;
class SimDatabase;

// Simulated metrics agents: each simulated node pushes every 30–60 s with believable walks,
// through the same Fleet::pushMetrics as POST /internal/server-metrics. Pushes due in one tick are
// written in one transaction so 10,000 nodes cost little.
class FleetSimulator final : public QObject
{
    Q_OBJECT
public:
    FleetSimulator(SimDatabase &db, Fleet &fleet, const SimClock &clock, quint64 seed,
                   QObject *parent = nullptr);

    void loadFromDatabase();
    // Registers the demo fleet on an empty registry: n shared nodes plus the globex trio.
    void createDemoFleet(int sharedNodes);
    // A node that just got an agent (provisioning): first push after firstPushDelayMs.
    void startAgent(const QString &nodeId, qint64 firstPushDelayMs);
    // Returns false when the node has no simulated agent.
    bool setPushing(const QString &nodeId, bool pushing);
    // Every simulated agent at once (a quiet fleet answers GET /internal/nodes with 304); agents
    // started again push at once, the others keep their schedule.
    void setAllPushing(bool pushing);
    qint64 pushesSimulated() const { return m_pushes; }

private:
    struct Agent
    {
        bool pushing = true;
        qint64 nextPushMs = 0;
        double cpuBase = 30, cpu = 30, memory = 50, disk = 40;
        qint64 tenants = 0;
    };
    Agent newAgent(const QString &nodeId);
    void tick();
    void push(const QString &nodeId, Agent &agent, qint64 atMs);
    qint64 nextInterval();

    SimDatabase &m_db;
    Fleet &m_fleet;
    const SimClock &m_clock;
    QRandomGenerator m_random;
    QHash<QString, Agent> m_agents;
    QTimer m_timer;
    qint64 m_pushes = 0;
};

} // namespace prego::sim
