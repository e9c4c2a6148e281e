#pragma once

#include "apicodec.h"
#include "job.h"

#include <QByteArray>

namespace prego {

// JSON codecs for provisioning jobs, in the style of ApiCodec: unknown fields are ignored, nulls
// are tolerated where the contract allows them, and a body that cannot be a job becomes a clear,
// translated error.
namespace JobCodec {

Decoded<Job> decodeJob(const QByteArray &body);
Decoded<JobsPage> decodeJobs(const QByteArray &body);

// Translated words for the contract's job and stage statuses (unknown ones are shown as sent).
QString jobStatusText(const QString &status);
QString stageStatusText(const QString &status);

} // namespace JobCodec
} // namespace prego
