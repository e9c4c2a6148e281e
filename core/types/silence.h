#pragma once

#include "types/node.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace prego {

// A maintenance silence (control-plane-api.md, Silences): "these nodes are under maintenance or
// expected offline until a given time", shared by every operator of the control plane. A silenced
// node is still monitored and shown; it never notifies and Definition-of-Done check M1 excuses it.
struct Silence
{
    QString silenceId;
    QStringList nodeIds;           // empty when the silence names a region
    std::optional<QString> region; // set when it names a region instead of nodes
    qint64 startsAtMs = 0;
    qint64 endsAtMs = 0;
    std::optional<qint64> endedAtMs; // ended early (DELETE)
    QString reason;
    QString createdBy; // the token name that set it
    qint64 createdAtMs = 0;

    // In force at `nowMs` (server time): started, not yet at its end, not ended early.
    bool isActiveAt(qint64 nowMs) const
    {
        return !endedAtMs && startsAtMs <= nowMs && nowMs < endsAtMs;
    }
    // When it stopped or will stop being in force.
    qint64 effectiveEndMs() const { return endedAtMs ? *endedAtMs : endsAtMs; }
    bool covers(const QString &nodeId, const QString &nodeRegion) const
    {
        return region ? *region == nodeRegion : nodeIds.contains(nodeId);
    }

    bool operator==(const Silence &) const = default;
};

// GET /internal/silences: active silences and those that ended in the last 7 days.
struct SilencesList
{
    qint64 serverTimeMs = 0;
    QList<Silence> silences;
};

// The body of POST /internal/silences. Exactly one of nodeIds (1–500 known ids) and region;
// endsAt after now and at most 7 days ahead; reason 1–500 characters.
struct SilenceRequest
{
    static constexpr int MaxReasonLength = 500;
    static constexpr int MaxNodes = 500;
    static constexpr qint64 MaxDurationMs = 7LL * 24 * 3600 * 1000;

    QString silenceId; // a client UUID: sending it again is idempotent
    QStringList nodeIds;
    std::optional<QString> region;
    qint64 endsAtMs = 0;
    QString reason;

    bool operator==(const SilenceRequest &) const = default;
};

} // namespace prego
