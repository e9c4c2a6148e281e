// One node's hour of 5-minute roll-ups as stored in the history database. Input: 8 bytes of the
// hour's start (any value: the reader passes the row's key), then the blob. What decodes lies in
// that hour, sorted by slot, and re-encodes to the same roll-ups.
#include "fuzzcheck.h"
#include "storage/historyblockcodec.h"

using namespace prego;

namespace {
bool sameAggregate(const HistoryAggregate &a, const HistoryAggregate &b)
{
    return fuzz::sameBits(a.min, b.min) && fuzz::sameBits(a.max, b.max) &&
           fuzz::sameBits(a.avg, b.avg);
}

bool sameRollup(const HistoryRollup &a, const HistoryRollup &b)
{
    return a.slotStartMs == b.slotStartMs && a.pushes == b.pushes && a.firstMs == b.firstMs &&
           a.lastMs == b.lastMs && sameAggregate(a.cpu, b.cpu) &&
           sameAggregate(a.memory, b.memory) && sameAggregate(a.disk, b.disk) &&
           sameAggregate(a.tenants, b.tenants);
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray input = fuzz::bytes(data, size);
    // Hours as the store keys them: multiples of an hour, years 1970..9999.
    const qint64 hour = qint64(quint64(fuzz::takeInt64(&input)) % 70'000'000ULL);
    const qint64 hourStartMs = hour * HistoryBlockCodec::HourMs;

    const std::optional<QList<HistoryRollup>> rollups =
        HistoryBlockCodec::decodeRollups(input, hourStartMs);
    if (!rollups)
        return 0;
    FUZZ_CHECK(rollups->size() <= HistoryBlockCodec::SlotsPerHour);
    for (qsizetype i = 0; i < rollups->size(); ++i) {
        const HistoryRollup &r = rollups->at(i);
        FUZZ_CHECK(r.slotStartMs >= hourStartMs &&
                   r.slotStartMs < hourStartMs + HistoryBlockCodec::HourMs);
        FUZZ_CHECK(i == 0 || rollups->at(i - 1).slotStartMs < r.slotStartMs);
    }
    const QByteArray encoded = HistoryBlockCodec::encodeRollups(hourStartMs, *rollups);
    const std::optional<QList<HistoryRollup>> again =
        HistoryBlockCodec::decodeRollups(encoded, hourStartMs);
    FUZZ_CHECK(again.has_value());
    FUZZ_CHECK(again->size() == rollups->size());
    for (qsizetype i = 0; i < again->size(); ++i)
        FUZZ_CHECK(sameRollup(again->at(i), rollups->at(i)));
    return 0;
}
