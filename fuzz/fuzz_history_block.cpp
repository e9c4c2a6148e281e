// One node's hour of raw samples as stored in the history database (schema v3): read back for
// every chart and every compaction, from a file that may be damaged. Beyond "no crash, no UB,
// no allocation the bytes do not justify": what decodes re-encodes and decodes to the same
// samples, bit for bit.
#include "fuzzcheck.h"
#include "storage/historyblockcodec.h"

using namespace prego;

namespace {
bool sameSample(const HistorySample &a, const HistorySample &b)
{
    return a.nodeId == b.nodeId && a.updatedAtMs == b.updatedAtMs &&
           fuzz::sameBits(a.cpuPct, b.cpuPct) && fuzz::sameBits(a.memoryPct, b.memoryPct) &&
           fuzz::sameBits(a.diskPct, b.diskPct) && a.tenantCount == b.tenantCount;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const std::optional<QList<HistorySample>> samples = HistoryBlockCodec::decodeBlock(bytes);
    if (!samples)
        return 0;
    FUZZ_CHECK(!samples->isEmpty() && samples->size() <= HistoryBlockCodec::MaxBlockSamples);
    FUZZ_CHECK(samples->size() <= qsizetype(size));

    const QByteArray encoded = HistoryBlockCodec::encodeBlock(*samples);
    const std::optional<QList<HistorySample>> again = HistoryBlockCodec::decodeBlock(encoded);
    FUZZ_CHECK(again.has_value());
    FUZZ_CHECK(again->size() == samples->size());
    for (qsizetype i = 0; i < again->size(); ++i)
        FUZZ_CHECK(sameSample(again->at(i), samples->at(i)));

    // The roll-ups compaction derives from them (sorted input is rollUp's contract).
    bool sorted = true;
    for (qsizetype i = 1; i < samples->size(); ++i)
        sorted = sorted && samples->at(i - 1).updatedAtMs < samples->at(i).updatedAtMs;
    if (sorted) {
        const QList<HistoryRollup> rollups = HistoryBlockCodec::rollUp(*samples);
        int pushes = 0;
        for (const HistoryRollup &r : rollups)
            pushes += r.pushes;
        FUZZ_CHECK(pushes == samples->size());
    }
    return 0;
}
