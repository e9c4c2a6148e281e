#pragma once

#include "testnodes.h"
#include "types/alert.h"
#include "types/node.h"

#include <QList>
#include <QString>

#include <algorithm>
#include <optional>

namespace prego::test {

inline constexpr qint64 Second = 1000;
inline constexpr qint64 Minute = 60 * Second;
inline constexpr qint64 AlertT0 = 1'764'000'000'000; // a server time, ms
inline constexpr int StaleSeconds = 300;

// A fleet whose nodes push when a test says so; poll() is the control plane's answer at a server
// time. Nodes are bound (shared, active, accepting tenants) unless a test changes them.
class AlertFleet
{
public:
    Node &add(const QString &id, const QString &region = QStringLiteral("fsn1"))
    {
        m_nodes.append(node(id, std::nullopt, std::nullopt, region));
        return m_nodes.last();
    }
    Node &at(const QString &id)
    {
        return *std::find_if(m_nodes.begin(), m_nodes.end(),
                             [&](const Node &n) { return n.nodeId == id; });
    }
    void push(const QString &id, qint64 atMs, std::optional<double> cpu,
              std::optional<double> memory = 50.0, std::optional<double> disk = 40.0)
    {
        at(id).metrics = NodeMetrics{cpu, memory, disk, 3, atMs};
    }
    void remove(const QString &id)
    {
        m_nodes.removeIf([&](const Node &n) { return n.nodeId == id; });
    }
    NodesSnapshot poll(qint64 serverTimeMs) const
    {
        NodesSnapshot s;
        s.serverTimeMs = serverTimeMs;
        s.nodes = m_nodes;
        return s;
    }

private:
    QList<Node> m_nodes;
};

// (from, to) of the transitions of one rule, in order: what a test reads most easily.
inline QList<std::pair<std::optional<AlertState>, AlertState>>
steps(const QList<AlertTransition> &transitions, AlertRule rule)
{
    QList<std::pair<std::optional<AlertState>, AlertState>> out;
    for (const AlertTransition &t : transitions) {
        if (t.rule == rule)
            out.append({t.from, t.to});
    }
    return out;
}

inline int count(const QList<AlertTransition> &transitions, AlertState to)
{
    return int(std::count_if(transitions.begin(), transitions.end(),
                             [to](const AlertTransition &t) { return t.to == to; }));
}

} // namespace prego::test
