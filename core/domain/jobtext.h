#pragma once

#include "types/job.h"

#include <QString>

namespace prego::JobText {

// Translated words for the contract's job and stage statuses (unknown ones are shown as sent).
QString jobStatus(const QString &status);
QString stageStatus(const QString &status);
// A translated sentence saying what failing in this stage means (the control plane's own message
// is English and shown as sent, beside it).
QString stageExplanation(const QString &stage);

// A job as readable text: header, pinned error, the trace as a timeline (offset from creation,
// stage, status, duration, detail or skip reason), servers and audit. What `prego-ctl job` prints
// and what the console's "Copy as text" puts on the clipboard.
QString describe(const Job &job);
// One timeline line for a stage (also printed live by `--wait`).
QString timelineLine(const Job &job, const JobStage &stage);
// Seconds with one decimal, in the active locale: "12.5 s".
QString seconds(qint64 ms);
// RFC 3339 in UTC with milliseconds, or empty.
QString rfc3339(std::optional<qint64> ms);

} // namespace prego::JobText
