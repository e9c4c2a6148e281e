#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace prego::agent {

// One push's worth of metrics; anything unknown stays nullopt and is sent as JSON null.
struct MetricsSample
{
    QString nodeId;
    std::optional<double> cpuPercent;
    std::optional<double> memoryPercent;
    std::optional<double> diskPercent;
    std::optional<qint64> tenantCount;

    // {"node_id","cpu_pct","memory_pct","disk_pct","tenant_count"}; percentages are clamped to
    // 0..100 (the server refuses anything else) and rounded to one decimal.
    QJsonObject toJson() const;

    static double roundPercent(double percent);
};

} // namespace prego::agent
