// GET /internal/nodes/{id}: one node object from the control plane.
#include "api/apicodec.h"
#include "fuzzcheck.h"

using namespace prego;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Decoded<Node> node = ApiCodec::decodeNode(fuzz::bytes(data, size));
    FUZZ_CHECK(node.value.has_value() == node.error.isEmpty());
    return 0;
}
