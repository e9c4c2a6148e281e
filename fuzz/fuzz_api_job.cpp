// GET /internal/provision-jobs/{id} and the answer of POST /internal/provision-tenant: a job with
// its stages, error, servers and audit.
#include "api/jobcodec.h"
#include "domain/jobtext.h"
#include "fuzzcheck.h"

using namespace prego;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Decoded<Job> job = JobCodec::decodeJob(fuzz::bytes(data, size));
    FUZZ_CHECK(job.value.has_value() == job.error.isEmpty());
    if (!job.value)
        return 0;
    // What the job window shows of it: the texts must cope with whatever the server sent.
    (void)job.value->currentStage();
    (void)JobText::jobStatus(job.value->status);
    FUZZ_CHECK(!JobText::describe(*job.value).isEmpty());
    for (const JobStage &stage : job.value->stages) {
        (void)stage.durationMs();
        (void)JobText::stageStatus(stage.status);
        (void)JobText::stageExplanation(stage.name);
    }
    return 0;
}
