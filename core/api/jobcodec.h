#pragma once

#include "apicodec.h"
#include "types/job.h"

#include <QByteArray>

namespace prego {

// JSON codecs for provisioning jobs, in the style of ApiCodec: unknown fields are ignored, nulls
// are tolerated where the contract allows them, and a body that cannot be a job becomes a clear,
// translated error.
namespace JobCodec {

Decoded<Job> decodeJob(const QByteArray &body);
Decoded<JobsPage> decodeJobs(const QByteArray &body);

} // namespace JobCodec
} // namespace prego
