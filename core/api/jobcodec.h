#pragma once

#include "apicodec.h"
#include "job.h"

#include <QByteArray>

namespace prego {

// JSON codecs for provisioning jobs, in the style of ApiCodec: unknown fields are ignored, nulls
// are tolerated where the contract allows them, and a body that cannot be a job becomes a clear,
// translated error.
namespace JobCodec {

// The job's resource: /internal/provision-jobs/{job_id}, the id percent-encoded.
QString jobPath(const QString &jobId);

Decoded<Job> decodeJob(const QByteArray &body);
Decoded<JobsPage> decodeJobs(const QByteArray &body);

// Translated words for the contract's job and stage statuses (unknown ones are shown as sent).
QString jobStatusText(const QString &status);
QString stageStatusText(const QString &status);
// A translated sentence saying what failing in this stage means (the control plane's own message
// is English and shown as sent, beside it).
QString stageExplanation(const QString &stage);

} // namespace JobCodec
} // namespace prego
