// GET /internal/whoami: the first answer a new profile reads from a server it does not know yet.
#include "api/apicodec.h"
#include "fuzzcheck.h"

using namespace prego;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Decoded<WhoAmI> whoami = ApiCodec::decodeWhoAmI(fuzz::bytes(data, size));
    FUZZ_CHECK(whoami.value.has_value() == whoami.error.isEmpty());
    return 0;
}
