#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace prego {

// One stored push: a node's metrics as of its updated_at (server time). Percentages are kept to
// 0.1 (stored as integer per-mille, which is what keeps a sample small on disk).
struct HistorySample
{
    QString nodeId;
    qint64 updatedAtMs = 0;
    std::optional<double> cpuPct;
    std::optional<double> memoryPct;
    std::optional<double> diskPct;
    std::optional<qint64> tenantCount;

    bool operator==(const HistorySample &) const = default;
};

// min / max / avg of one metric over one roll-up slot; empty when no push in the slot had it.
struct HistoryAggregate
{
    std::optional<double> min;
    std::optional<double> max;
    std::optional<double> avg;

    bool operator==(const HistoryAggregate &) const = default;
};

// One node's pushes in one 5-minute slot (slots aligned to multiples of 5 minutes since the epoch).
struct HistoryRollup
{
    qint64 slotStartMs = 0;
    int pushes = 0;
    qint64 firstMs = 0;
    qint64 lastMs = 0;
    HistoryAggregate cpu;
    HistoryAggregate memory;
    HistoryAggregate disk;
    HistoryAggregate tenants;

    bool operator==(const HistoryRollup &) const = default;
};

// What a chart needs for one node and one range, from raw samples or from roll-ups. Roll-ups
// give each slot's min at its first push and its max at its last push, so thinning still sees
// every slot's extremes.
struct HistorySeries
{
    bool fromRollups = false;
    QList<qint64> pushTimesMs; // for PushGaps (with roll-ups: each slot's first and last push)
    QList<HistorySample> samples;
};

} // namespace prego

Q_DECLARE_METATYPE(prego::HistorySample)
