// GET /internal/provision-jobs: a page of jobs with its cursor.
#include "api/jobcodec.h"
#include "fuzzcheck.h"

using namespace prego;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Decoded<JobsPage> page = JobCodec::decodeJobs(fuzz::bytes(data, size));
    FUZZ_CHECK(page.value.has_value() == page.error.isEmpty());
    return 0;
}
