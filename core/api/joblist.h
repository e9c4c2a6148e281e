#pragma once

#include "types/job.h"
#include "types/outboxentry.h"

#include <QList>

namespace prego {

// One row of the jobs list: a job the control plane reported, or a local one it has not
// confirmed yet (sending, unknown — retrying).
struct JobListRow
{
    Job job; // for a local row: built from the stored request; status is empty
    bool local = false;
    OutboxState localState = OutboxState::Accepted;
    QString localNote; // translated state and last error of a local row
};

namespace JobList {

// The server's page merged with the outbox rows it does not contain yet: unresolved local rows
// first (newest first), then the server's jobs in its order. Rejected and accepted rows the
// server does not list are left out (nothing was created, or the server's page is the truth).
QList<JobListRow> merge(const QList<Job> &server, const QList<OutboxEntry> &local);

// Whether any row may still change: a local one, or a job not finished.
bool hasActiveRows(const QList<JobListRow> &rows);

// A job built from an outbox row (job id, tenant, path, stack, trace id, created time).
Job fromEntry(const OutboxEntry &entry);

} // namespace JobList
} // namespace prego
