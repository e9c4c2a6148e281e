// The contract's error body ({"error":{"code","message","fields"}}) of any failed call: read from
// every 4xx/5xx answer, whatever sent it (a proxy, a captive portal, a hostile server). Its parts
// end up in a translated sentence, so message() is built too, and the lengths stay capped.
#include "api/apicodec.h"
#include "fuzzcheck.h"

using namespace prego;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ApiError error;
    error.kind = ApiError::Kind::Http;
    error.httpStatus = 422;
    ApiCodec::decodeErrorBody(fuzz::bytes(data, size), &error);
    FUZZ_CHECK(error.code.size() <= 100);
    FUZZ_CHECK(error.serverMessage.size() <= 1000);
    const QString shown = error.message();
    (void)error.explanationForCode();
    FUZZ_CHECK(!shown.isEmpty());
    return 0;
}
