#include "metricssample.h"

#include <QJsonValue>

#include <algorithm>
#include <cmath>

namespace prego::agent {

using namespace Qt::StringLiterals;

double MetricsSample::roundPercent(double percent)
{
    return std::round(std::clamp(percent, 0.0, 100.0) * 10.0) / 10.0;
}

QJsonObject MetricsSample::toJson() const
{
    const auto percent = [](const std::optional<double> &value) {
        return value ? QJsonValue(roundPercent(*value)) : QJsonValue(QJsonValue::Null);
    };
    return QJsonObject{
        {u"node_id"_s, nodeId},
        {u"cpu_pct"_s, percent(cpuPercent)},
        {u"memory_pct"_s, percent(memoryPercent)},
        {u"disk_pct"_s, percent(diskPercent)},
        {u"tenant_count"_s, tenantCount ? QJsonValue(*tenantCount) : QJsonValue(QJsonValue::Null)},
    };
}

} // namespace prego::agent
