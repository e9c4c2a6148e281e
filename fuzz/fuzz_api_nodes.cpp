// GET /internal/nodes, the console's hottest decoder: a hostile or broken control plane (or
// anything on the path to it) chooses these bytes. Two properties beyond "no crash, no UB":
// the fast JsonReader path and the QJsonDocument reference agree exactly (accept/reject, error
// wording, server time, every node field, every warning), as tests/core/test_apicodec.cpp does
// for its hand-written cases.
#include "api/apicodec.h"
#include "fuzznode.h"

using namespace prego;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = fuzz::bytes(data, size);
    const Decoded<NodesSnapshot> fast = ApiCodec::decodeNodes(body);
    const Decoded<NodesSnapshot> reference = ApiCodec::decodeNodesWithQJsonDocument(body);

    FUZZ_CHECK(fast.value.has_value() == reference.value.has_value());
    FUZZ_CHECK(fast.error == reference.error);
    FUZZ_CHECK(fast.value.has_value() == fast.error.isEmpty());
    if (!fast.value)
        return 0;
    FUZZ_CHECK(fast.value->serverTimeMs == reference.value->serverTimeMs);
    FUZZ_CHECK(fast.value->warnings == reference.value->warnings);
    FUZZ_CHECK(fast.value->nodes.size() == reference.value->nodes.size());
    for (qsizetype i = 0; i < fast.value->nodes.size(); ++i)
        FUZZ_CHECK(fuzz::sameNode(fast.value->nodes[i], reference.value->nodes[i]));
    return 0;
}
