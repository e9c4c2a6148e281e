// HistoryBlockCodec: exact round trips, and damaged bytes refused without reading out of bounds
// (the ASan build runs these).
#include "storage/historyblockcodec.h"

#include <QRandomGenerator>

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <limits>

using namespace prego;
using namespace Qt::StringLiterals;

namespace {
constexpr qint64 Hour = HistoryBlockCodec::HourMs;
constexpr qint64 H0 = 1'764'000'000'000; // an hour boundary

bool sameBits(const std::optional<double> &a, const std::optional<double> &b)
{
    return a.has_value() == b.has_value() &&
           (!a || std::bit_cast<quint64>(*a) == std::bit_cast<quint64>(*b));
}

void expectExact(const QList<HistorySample> &in, const QList<HistorySample> &out)
{
    ASSERT_EQ(in.size(), out.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        EXPECT_EQ(in.at(i).updatedAtMs, out.at(i).updatedAtMs) << i;
        EXPECT_TRUE(sameBits(in.at(i).cpuPct, out.at(i).cpuPct)) << i;
        EXPECT_TRUE(sameBits(in.at(i).memoryPct, out.at(i).memoryPct)) << i;
        EXPECT_TRUE(sameBits(in.at(i).diskPct, out.at(i).diskPct)) << i;
        EXPECT_EQ(in.at(i).tenantCount, out.at(i).tenantCount) << i;
    }
}

// An hour of one node: irregular push times, values with 0–2 decimals, some nulls.
QList<HistorySample> typicalHour()
{
    QList<HistorySample> out;
    qint64 t = H0 + 1234;
    for (int i = 0; i < 60; ++i) {
        HistorySample s;
        s.updatedAtMs = t;
        s.cpuPct = (i * 37 % 1000) / 10.0;
        s.memoryPct = i % 7 == 3 ? std::nullopt : std::optional<double>((i * 131 % 10000) / 100.0);
        s.diskPct = 48.0 + i / 60.0 * 0 + (i > 30 ? 0.5 : 0.0);
        s.tenantCount = i % 11 == 0 ? std::nullopt : std::optional<qint64>(i / 5);
        out.append(s);
        t += 60000 + (i % 5) * 173 - 300; // jitter
    }
    return out;
}
} // namespace

TEST(HistoryBlockCodec, TypicalHourRoundTripsExactlyAndSmall)
{
    const QList<HistorySample> in = typicalHour();
    const QByteArray bytes = HistoryBlockCodec::encodeBlock(in);
    const auto out = HistoryBlockCodec::decodeBlock(bytes);
    ASSERT_TRUE(out.has_value());
    expectExact(in, *out);
    // The point of the format: a handful of bytes per sample, not ~40.
    EXPECT_LT(bytes.size(), 60 * 9) << bytes.size();
}

TEST(HistoryBlockCodec, AnyDoubleRoundTripsBitForBit)
{
    const QList<double> odd{100.0 / 3.0,
                            0.1 + 0.2,
                            -0.0,
                            std::numeric_limits<double>::denorm_min(),
                            std::numeric_limits<double>::quiet_NaN(),
                            std::numeric_limits<double>::infinity(),
                            99.999999999999,
                            1e300};
    QList<HistorySample> in;
    for (qsizetype i = 0; i < odd.size(); ++i)
        in.append({QString(), H0 + i * 17, odd.at(i), 12.5,
                   i % 2 ? std::nullopt : std::optional<double>(odd.at(i)),
                   std::numeric_limits<qint64>::max() / (1LL << 12) - i});
    in.append({QString(), H0 + 10 * Hour, std::nullopt, std::nullopt, std::nullopt, -3});
    const auto out = HistoryBlockCodec::decodeBlock(HistoryBlockCodec::encodeBlock(in));
    ASSERT_TRUE(out.has_value());
    expectExact(in, *out);
}

TEST(HistoryBlockCodec, AllNullColumnsAndASingleSample)
{
    const QList<HistorySample> one{
        {QString(), -5, std::nullopt, std::nullopt, std::nullopt, std::nullopt}};
    const auto out = HistoryBlockCodec::decodeBlock(HistoryBlockCodec::encodeBlock(one));
    ASSERT_TRUE(out.has_value());
    expectExact(one, *out);
}

TEST(HistoryBlockCodec, RollUpsRoundTripWithNullsAndGaps)
{
    QList<HistorySample> samples = typicalHour();
    samples.remove(10, 15); // two whole slots without pushes
    for (HistorySample &s : samples)
        s.updatedAtMs = std::min(s.updatedAtMs, H0 + Hour - 1);
    samples.resize(
        std::unique(samples.begin(), samples.end(),
                    [](const auto &a, const auto &b) { return a.updatedAtMs == b.updatedAtMs; }) -
        samples.begin());
    samples[3].cpuPct = 100.0 / 3.0; // one slot's cpu column falls back to raw doubles
    const QList<HistoryRollup> rollups = HistoryBlockCodec::rollUp(samples);
    ASSERT_LT(rollups.size(), 12);
    ASSERT_GT(rollups.size(), 5);
    const auto out =
        HistoryBlockCodec::decodeRollups(HistoryBlockCodec::encodeRollups(H0, rollups), H0);
    ASSERT_TRUE(out.has_value());
    EXPECT_EQ(*out, rollups);
    EXPECT_EQ(rollups.first().cpu.max, 100.0 / 3.0);
}

TEST(HistoryBlockCodec, EveryTruncationAndBitFlipIsRefusedOrDecodedWithinBounds)
{
    const QByteArray block = HistoryBlockCodec::encodeBlock(typicalHour());
    const QByteArray rollups =
        HistoryBlockCodec::encodeRollups(H0, HistoryBlockCodec::rollUp(typicalHour()));
    for (qsizetype n = 0; n < block.size(); ++n)
        EXPECT_FALSE(HistoryBlockCodec::decodeBlock(QByteArrayView(block).first(n))) << n;
    for (qsizetype n = 0; n < rollups.size(); ++n)
        EXPECT_FALSE(HistoryBlockCodec::decodeRollups(QByteArrayView(rollups).first(n), H0)) << n;
    EXPECT_FALSE(HistoryBlockCodec::decodeBlock(QByteArray(block + '\0'))); // trailing bytes
    EXPECT_FALSE(HistoryBlockCodec::decodeRollups(QByteArray(rollups + '\0'), H0));

    // Flipped bits: either refused or some samples, never a crash or an out-of-bounds read
    // (what the sanitizer build checks); a decoded block is still strictly time-ordered.
    QRandomGenerator rng(8);
    for (int round = 0; round < 20000; ++round) {
        QByteArray b = round % 2 ? block : rollups;
        const int flips = 1 + int(rng.bounded(4));
        for (int f = 0; f < flips; ++f)
            b[rng.bounded(int(b.size()))] ^= char(1 << rng.bounded(8));
        if (round % 2) {
            if (const auto out = HistoryBlockCodec::decodeBlock(b)) {
                for (qsizetype i = 1; i < out->size(); ++i)
                    ASSERT_LT(out->at(i - 1).updatedAtMs, out->at(i).updatedAtMs);
            }
        } else if (const auto out = HistoryBlockCodec::decodeRollups(b, H0)) {
            for (const HistoryRollup &r : *out)
                ASSERT_TRUE(r.firstMs >= r.slotStartMs && r.lastMs < r.slotStartMs + 300000);
        }
    }
}

TEST(HistoryBlockCodec, HostileHeadersAreRefused)
{
    // A count far beyond the bytes present, an unknown version, a 65-bit varint.
    EXPECT_FALSE(HistoryBlockCodec::decodeBlock(QByteArray::fromHex("01ffffffff0f00")));
    EXPECT_FALSE(HistoryBlockCodec::decodeBlock(QByteArray::fromHex("020100000000")));
    EXPECT_FALSE(HistoryBlockCodec::decodeBlock(QByteArray::fromHex("0101ffffffffffffffffff7f")));
    EXPECT_FALSE(HistoryBlockCodec::decodeBlock({}));
    EXPECT_FALSE(HistoryBlockCodec::decodeRollups(QByteArray::fromHex("01ffff"), H0));
    EXPECT_FALSE(HistoryBlockCodec::decodeRollups(QByteArray::fromHex("010000"), H0));
}

// Found by fuzz/fuzz_history_block: a tenant-count column stored as raw doubles may hold a whole
// number no qint64 can (1e300, infinity); converting it was undefined behaviour and gave a
// garbage count. Such a block is damaged and refused.
TEST(HistoryBlockCodec, ATenantCountNoInt64HoldsIsRefused)
{
    HistorySample s;
    s.updatedAtMs = H0;
    s.tenantCount = 7;
    const QByteArray valid = HistoryBlockCodec::encodeBlock({s});
    ASSERT_TRUE(HistoryBlockCodec::decodeBlock(valid).has_value());
    // The tenant column is last: replace it by a raw-double column (mode 2) holding `value`.
    const auto withTenantColumn = [&](double value) {
        QByteArray b = HistoryBlockCodec::encodeBlock({HistorySample{{}, H0, {}, {}, {}, {}}});
        b.chop(1); // the None column
        b.append(char(2));
        const auto bits = std::bit_cast<quint64>(value);
        for (int i = 0; i < 8; ++i)
            b.append(char((bits >> (8 * i)) & 0xff));
        return b;
    };
    const auto small = HistoryBlockCodec::decodeBlock(withTenantColumn(12.0));
    ASSERT_TRUE(small.has_value());
    EXPECT_EQ(small->first().tenantCount, 12);
    EXPECT_FALSE(HistoryBlockCodec::decodeBlock(withTenantColumn(1e300)));
    EXPECT_FALSE(HistoryBlockCodec::decodeBlock(withTenantColumn(-1e19)));
    EXPECT_FALSE(HistoryBlockCodec::decodeBlock(withTenantColumn(9223372036854775808.0)));
    EXPECT_FALSE(
        HistoryBlockCodec::decodeBlock(withTenantColumn(std::numeric_limits<double>::infinity())));
}

// Found by fuzz_history_block in CI: a damaged block whose first time is near the lowest qint64
// decoded, and rolling it up overflowed the 5-minute slot arithmetic (undefined behaviour).
TEST(HistoryBlockCodec, ATimeFarBeyondAnyCalendarIsRefused)
{
    EXPECT_FALSE(HistoryBlockCodec::decodeBlock(QByteArray::fromBase64("AQH///////////8BAAAAAQAY"))
                     .has_value());
    const QList<HistorySample> far{
        {QString(), HistoryBlockCodec::MaxAbsTimeMs + 1, 1.0, 2.0, 3.0, 4}};
    EXPECT_FALSE(HistoryBlockCodec::decodeBlock(HistoryBlockCodec::encodeBlock(far)).has_value());
    const QList<HistorySample> edge{{QString(), HistoryBlockCodec::MaxAbsTimeMs, 1.0, 2.0, 3.0, 4}};
    const auto out = HistoryBlockCodec::decodeBlock(HistoryBlockCodec::encodeBlock(edge));
    ASSERT_TRUE(out.has_value());
    EXPECT_EQ(HistoryBlockCodec::rollUp(*out).size(), 1);
}
