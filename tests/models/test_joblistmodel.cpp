#include "joblistmodel.h"
#include "storage/joboutbox.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using prego::JobListModel;

namespace {

prego::JobListRow serverJob(const QString &id, const QString &status, qint64 created)
{
    prego::JobListRow row;
    row.job.jobId = id;
    row.job.tenantId = u"tenant-"_s + id;
    row.job.path = u"shared-new"_s;
    row.job.status = status;
    row.job.createdAtMs = created;
    if (status == u"Completed")
        row.job.finishedAtMs = created + 12500;
    return row;
}

} // namespace

TEST(JobListModel, ShowsJobsAndUpdatesInPlaceWhileTheSetStaysTheSame)
{
    JobListModel model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::Fatal};
    prego::JobListRow local = serverJob(u"aaaaaaaa-1"_s, {}, 1000);
    local.local = true;
    local.localState = prego::JobOutbox::State::Unknown;
    local.localNote = u"unknown — retrying with the same job id"_s;
    QList<prego::JobListRow> rows{local, serverJob(u"bbbbbbbb-2"_s, u"Completed"_s, 2000)};
    model.setRows(rows, 60000);
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_TRUE(model.hasActiveJobs()); // the local one is not confirmed yet
    EXPECT_EQ(model.index(0, JobListModel::JobColumn).data().toString(), u"aaaaaaaa"_s);
    EXPECT_EQ(model.index(0, JobListModel::StatusColumn).data().toString(), local.localNote);
    EXPECT_EQ(model.index(0, JobListModel::StatusColumn).data(JobListModel::StatusKeyRole),
              u"local:unknown"_s);
    EXPECT_EQ(model.index(1, JobListModel::StatusColumn).data().toString(), u"Completed"_s);
    EXPECT_EQ(model.index(1, JobListModel::DurationColumn).data().toString(), u"12.5 s"_s);
    EXPECT_EQ(model.index(1, JobListModel::PathColumn).data().toString(), u"new shared node"_s);
    EXPECT_EQ(model.rowOf(u"bbbbbbbb-2"_s), 1);

    // The same jobs again with a new status: changed in place, no reset (selection survives).
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    rows[0] = serverJob(u"aaaaaaaa-1"_s, u"Completed"_s, 1000);
    model.setRows(rows, 70000);
    EXPECT_EQ(reset.size(), 0);
    EXPECT_EQ(changed.size(), 1);
    EXPECT_FALSE(model.hasActiveJobs());
    // A new job: the set changed.
    rows.prepend(serverJob(u"cccccccc-3"_s, u"Running"_s, 3000));
    model.setRows(rows, 80000);
    EXPECT_EQ(reset.size(), 1);
    EXPECT_EQ(model.rowOf(u"cccccccc-3"_s), 0);
    EXPECT_TRUE(model.hasActiveJobs());
    // A running job's duration counts to the server's now.
    EXPECT_EQ(model.index(0, JobListModel::DurationColumn).data().toString(), u"77.0 s"_s);
}
