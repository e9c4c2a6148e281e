#pragma once

#include "historysample.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

namespace prego {

// The compact on-disk forms of the history (schema v3): one node's raw samples of one hour
// ("block") and one node's 5-minute roll-ups of one hour. Pure functions over bytes, no SQL:
// the decoders are what a fuzzer calls, and they never read out of bounds, never trust a count
// and return nullopt for anything they did not write.
//
// Values are exact, not quantized: the API sends 0..100 doubles with no stated precision, so a
// column is stored as decimal integers k (value = k / 10^s, the smallest s ≤ 9 for which that
// division gives back every value of the column bit for bit; delta + zigzag + varint), and as
// raw IEEE doubles only when no such s exists (more than 9 decimals, -0.0, NaN). Agents report
// one or two decimals, so a sample costs ~1 byte per metric instead of 8. Timestamps are
// delta-of-delta varints (regular pushes cost 1 byte, jittered ones 2–3).
class HistoryBlockCodec
{
public:
    static constexpr qint64 HourMs = 3600 * 1000;
    static constexpr qint64 SlotMs = 5 * 60 * 1000;
    static constexpr int SlotsPerHour = int(HourMs / SlotMs);
    // More than any node can push in an hour; bounds what a decoder allocates.
    static constexpr int MaxBlockSamples = 1 << 20;
    // A block holding a time beyond this (either side of the epoch) is refused as damaged.
    static constexpr qint64 MaxAbsTimeMs = qint64(1) << 53;

    // `samples`: one node's, sorted by updatedAtMs with no time twice (nodeId is not stored).
    static QByteArray encodeBlock(const QList<HistorySample> &samples);
    // The samples (nodeId empty), or nullopt when the bytes are damaged.
    static std::optional<QList<HistorySample>> decodeBlock(QByteArrayView bytes);

    // One node's roll-ups inside [hourStartMs, hourStartMs + 1 h), sorted by slot, as
    // rollUp() makes them (averages already rounded by roundAverage).
    static QByteArray encodeRollups(qint64 hourStartMs, const QList<HistoryRollup> &rollups);
    static std::optional<QList<HistoryRollup>> decodeRollups(QByteArrayView bytes,
                                                             qint64 hourStartMs);

    // One roll-up per 5-minute slot with pushes, from samples sorted by time (any span).
    static QList<HistoryRollup> rollUp(const QList<HistorySample> &sortedSamples);
    // Averages are derived, not ingested: kept to 1e-4 so that they encode as integers too.
    static double roundAverage(double mean);

    static qint64 floorDiv(qint64 a, qint64 b)
    {
        return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
    }
};

} // namespace prego
