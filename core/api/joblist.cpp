#include "joblist.h"

#include "domain/provisionrequest.h"
#include "storage/joboutbox.h"

#include <QCoreApplication>
#include <QSet>
#include <QVariant> // clang instantiates QList<QVariant> (QCoreApplication) and needs it complete

#include <algorithm>

using namespace Qt::StringLiterals;

namespace prego::JobList {

Job fromEntry(const JobOutbox::Entry &entry)
{
    Job job;
    job.jobId = entry.jobId;
    job.createdAtMs = entry.createdAtMs;
    job.request = entry.body;
    if (const auto request = ProvisionRequest::fromJson(entry.body)) {
        job.tenantId = request->tenantId;
        job.path = ProvisionRequest::pathKey(request->path);
        job.stack = request->stack();
        if (!request->targetServerId.isEmpty())
            job.targetServerId = request->targetServerId;
        if (!request->traceId.isEmpty())
            job.traceId = request->traceId;
    }
    return job;
}

bool hasActiveRows(const QList<JobListRow> &rows)
{
    return std::any_of(rows.cbegin(), rows.cend(),
                       [](const JobListRow &row) { return row.local || !row.job.isFinished(); });
}

QList<JobListRow> merge(const QList<Job> &server, const QList<JobOutbox::Entry> &local)
{
    QSet<QString> known;
    for (const Job &j : server)
        known.insert(j.jobId);
    QList<const JobOutbox::Entry *> pending;
    for (const JobOutbox::Entry &e : local) {
        if (e.isUnresolved() && !known.contains(e.jobId))
            pending.append(&e);
    }
    std::sort(pending.begin(), pending.end(),
              [](const JobOutbox::Entry *a, const JobOutbox::Entry *b) {
                  return a->createdAtMs > b->createdAtMs;
              });
    QList<JobListRow> rows;
    rows.reserve(pending.size() + server.size());
    for (const JobOutbox::Entry *e : std::as_const(pending)) {
        JobListRow row;
        row.job = fromEntry(*e);
        row.local = true;
        row.localState = e->state;
        //: A local job's state, then the last error in parentheses.
        row.localNote = e->lastError.isEmpty()
                            ? JobOutbox::stateText(e->state)
                            : QCoreApplication::translate("prego::JobList", "%1 (%2)")
                                  .arg(JobOutbox::stateText(e->state), e->lastError);
        rows.append(std::move(row));
    }
    for (const Job &j : server)
        rows.append(JobListRow{j, false, JobOutbox::State::Accepted, {}});
    return rows;
}

} // namespace prego::JobList
