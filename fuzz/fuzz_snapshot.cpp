// The stored snapshot (history database, read at every start-up before the first poll): a blob
// that a crash, a full disk, another program or another version may have left damaged. Beyond
// "no crash, no UB, no huge allocation": what decodes re-encodes to a blob that decodes to the
// same snapshot.
#include "fuzznode.h"
#include "storage/snapshotcodec.h"

using namespace prego;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::optional<NodesSnapshot> decoded = SnapshotCodec::decode(fuzz::bytes(data, size));
    if (!decoded)
        return 0;
    const std::optional<NodesSnapshot> again =
        SnapshotCodec::decode(SnapshotCodec::encode(*decoded));
    FUZZ_CHECK(again.has_value());
    FUZZ_CHECK(again->serverTimeMs == decoded->serverTimeMs);
    FUZZ_CHECK(again->nodes.size() == decoded->nodes.size());
    for (qsizetype i = 0; i < again->nodes.size(); ++i)
        FUZZ_CHECK(fuzz::sameNode(again->nodes[i], decoded->nodes[i]));
    return 0;
}
