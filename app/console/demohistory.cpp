#include "demohistory.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

namespace prego::DemoHistory {

namespace {
constexpr qint64 MinuteMs = 60 * 1000;
constexpr qint64 HourMs = 60 * MinuteMs;
constexpr qint64 DayMs = 24 * HourMs;

double daily(qint64 ms)
{
    return std::sin(2 * std::numbers::pi * double(ms % DayMs) / double(DayMs));
}

struct Outage
{
    qint64 startMs;
    qint64 endMs;
};
} // namespace

QList<HistorySample> pastDay(const NodesSnapshot &snapshot)
{
    QList<HistorySample> out;
    const qint64 start = snapshot.serverTimeMs - DayMs;
    for (const Node &node : snapshot.nodes) {
        if (!node.metrics)
            continue; // never reported: no past either
        const NodeMetrics &now = *node.metrics;
        const size_t seed = qHash(node.nodeId, 20261127);
        std::mt19937 rng{quint32(seed)};
        std::normal_distribution<double> noise(0.0, 1.0);
        std::uniform_int_distribution<qint64> jitter(-3000, 3000);

        // Every fifth node had an outage of 25–90 minutes; every eleventh a second, longer one;
        // every third pushes late now and then (7-minute gaps).
        QList<Outage> outages;
        const auto outage = [&](qint64 minMinutes, qint64 maxMinutes) {
            std::uniform_int_distribution<qint64> at(start + HourMs, now.updatedAtMs - 2 * HourMs);
            std::uniform_int_distribution<qint64> len(minMinutes, maxMinutes);
            const qint64 s = at(rng);
            outages.append({s, s + len(rng) * MinuteMs});
        };
        if (now.updatedAtMs - start > 4 * HourMs) {
            if (seed % 5 == 0)
                outage(25, 90);
            if (seed % 11 == 0)
                outage(120, 200);
        }
        const bool latePusher = seed % 3 == 0;

        double cpu = now.cpuPct.value_or(30);
        double cpuNoise = 0;
        double spike = 0;
        double mem = now.memoryPct.value_or(50);
        double disk = now.diskPct.value_or(40);
        const qint64 tenants = now.tenantCount.value_or(0);
        const qint64 tenantStepMs = start + qint64(rng() % quint32(DayMs / MinuteMs)) * MinuteMs;
        // Walk backwards from the current values, so the past ends exactly where the fleet is.
        for (qint64 t = now.updatedAtMs; t >= start;) {
            bool down = false;
            for (const Outage &o : std::as_const(outages))
                down = down || (t >= o.startMs && t < o.endMs);
            if (!down) {
                HistorySample s;
                s.nodeId = node.nodeId;
                s.updatedAtMs = t;
                if (now.cpuPct)
                    s.cpuPct = std::round(std::clamp(cpu, 0.0, 100.0) * 10) / 10;
                if (now.memoryPct)
                    s.memoryPct = std::round(std::clamp(mem, 0.0, 100.0) * 10) / 10;
                if (now.diskPct)
                    s.diskPct = std::round(std::clamp(disk, 0.0, 100.0) * 10) / 10;
                if (now.tenantCount)
                    s.tenantCount = tenants > 0 && t < tenantStepMs ? tenants - 1 : tenants;
                out.append(s);
            }
            const qint64 step = latePusher && rng() % 300 == 0 ? 7 * MinuteMs : MinuteMs;
            const qint64 previous = t;
            t -= step + jitter(rng);
            // A busy day: CPU follows the clock around the current value with some noise and the
            // odd spike that fades; memory drifts; disk only ever grew, so going back it shrinks.
            cpuNoise = 0.9 * cpuNoise + 2.5 * noise(rng);
            if (rng() % 500 == 0)
                spike = 40;
            spike *= 0.85;
            cpu = now.cpuPct.value_or(30) + 15 * (daily(t) - daily(now.updatedAtMs)) + cpuNoise +
                  spike;
            mem += 0.4 * noise(rng) + (now.memoryPct.value_or(50) - mem) * 0.01;
            disk -= double(previous - t) / double(HourMs) * 0.05;
        }
    }
    std::sort(out.begin(), out.end(), [](const HistorySample &a, const HistorySample &b) {
        return a.updatedAtMs < b.updatedAtMs;
    });
    return out;
}

QList<NodesSnapshot> asSnapshots(const NodesSnapshot &now, const QList<HistorySample> &past)
{
    constexpr qint64 StepMs = 60 * 1000;
    QList<HistorySample> samples = past;
    std::sort(samples.begin(), samples.end(), [](const HistorySample &a, const HistorySample &b) {
        return a.updatedAtMs < b.updatedAtMs;
    });
    QList<NodesSnapshot> out;
    if (samples.isEmpty())
        return out;
    // Every node as now, without metrics until its first push of the past.
    NodesSnapshot current;
    QHash<QString, qsizetype> position;
    for (const Node &n : now.nodes) {
        position.insert(n.nodeId, current.nodes.size());
        Node copy = n;
        copy.metrics.reset();
        current.nodes.append(copy);
    }
    qsizetype next = 0;
    for (qint64 t = samples.first().updatedAtMs + StepMs; t < now.serverTimeMs; t += StepMs) {
        for (; next < samples.size() && samples.at(next).updatedAtMs <= t; ++next) {
            const HistorySample &s = samples.at(next);
            const auto at = position.constFind(s.nodeId);
            if (at == position.cend())
                continue;
            current.nodes[*at].metrics =
                NodeMetrics{s.cpuPct, s.memoryPct, s.diskPct, s.tenantCount, s.updatedAtMs};
        }
        current.serverTimeMs = t;
        out.append(current);
    }
    return out;
}

} // namespace prego::DemoHistory
