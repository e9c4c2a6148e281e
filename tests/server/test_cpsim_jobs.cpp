// GET /internal/provision-jobs and GET /internal/provision-jobs/{job_id}: newest first, no audit
// in the list, filters, limit validation and cursor pagination.
#include "cpsimtest.h"

#include <QSet>
#include <QThread>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace prego::test;
using ::testing::PrintToString;

namespace {

class CpSimJobs : public CpSimTest
{
protected:
    QStringList simArgs() const override
    {
        return {u"--time-scale"_s, u"0.01"_s, u"--fail-stage"_s, u"ansible:bad-*"_s};
    }

    void SetUp() override
    {
        CpSimTest::SetUp();
        if (HasFatalFailure())
            return;
        ASSERT_EQ(registerNode(nodeBody(u"fsn1-shared-01"_s)).status, 201);
    }

    // Submits one shared-existing job per tenant, a few ms apart so created_at differs; returns
    // the job ids in submission order.
    QStringList submitMany(const QStringList &tenants)
    {
        QStringList ids;
        for (const QString &tenant : tenants) {
            const QJsonObject body =
                sharedExistingBody(tenant, u"fsn1"_s, u"fsn1-shared-01"_s, newTraceId());
            const HttpResult result = submitJob(*op, body);
            EXPECT_EQ(result.status, 202) << describe(result).toStdString();
            ids << body.value(u"job_id"_s).toString();
            QThread::msleep(3);
        }
        return ids;
    }

    HttpResult list(const QString &query = {})
    {
        return viewer->get(query.isEmpty() ? u"/internal/provision-jobs"_s
                                           : u"/internal/provision-jobs?"_s + query);
    }

    static QString withCursor(const QString &query, const QString &cursor)
    {
        if (cursor.isEmpty())
            return query;
        return query + (query.isEmpty() ? QString() : u"&"_s) + u"cursor="_s +
               QString::fromLatin1(QUrl::toPercentEncoding(cursor));
    }

    static QStringList jobIds(const HttpResult &result)
    {
        QStringList ids;
        for (const QJsonValue &job : result.json().value(u"jobs"_s).toArray())
            ids << job.toObject().value(u"job_id"_s).toString();
        return ids;
    }

    // Follows next_cursor from `query` to the end; returns every job id in order.
    QStringList walk(const QString &query, int expectedPages = -1)
    {
        QStringList ids;
        QString cursor;
        int pages = 0;
        while (pages < 100) {
            const HttpResult page = list(withCursor(query, cursor));
            EXPECT_EQ(page.status, 200) << describe(page).toStdString();
            if (page.status != 200)
                break;
            ++pages;
            const QStringList pageIds = jobIds(page);
            ids += pageIds;
            const QJsonValue next = page.json().value(u"next_cursor"_s);
            EXPECT_TRUE(page.json().contains(u"next_cursor"_s));
            if (next.isNull())
                break;
            EXPECT_TRUE(next.isString() && !next.toString().isEmpty()) << PrintToString(next);
            EXPECT_FALSE(pageIds.isEmpty()) << "a page with a cursor must not be empty";
            cursor = next.toString();
        }
        if (expectedPages >= 0) {
            EXPECT_EQ(pages, expectedPages);
        }
        return ids;
    }

    void waitAllEnded(const QStringList &ids)
    {
        for (const QString &id : ids) {
            const QString status = waitForJobEnd(*op, id).value(u"status"_s).toString();
            ASSERT_TRUE(status == u"Completed"_s || status == u"Failed"_s) << id.toStdString();
        }
    }
};

TEST_F(CpSimJobs, EmptyListHasServerTimeAndNullCursor)
{
    const HttpResult result = list();
    ASSERT_EQ(result.status, 200) << describe(result).toStdString();
    const QJsonObject json = result.json();
    EXPECT_TRUE(isRfc3339Utc(json.value(u"server_time"_s).toString()));
    EXPECT_EQ(json.value(u"jobs"_s), QJsonValue(QJsonArray{}));
    EXPECT_TRUE(json.contains(u"next_cursor"_s) && json.value(u"next_cursor"_s).isNull());
}

TEST_F(CpSimJobs, ListIsNewestFirstAndHasNoAudit)
{
    QStringList ids = submitMany({u"t1"_s, u"t2"_s, u"t3"_s, u"t4"_s, u"t5"_s});
    const HttpResult result = list();
    ASSERT_EQ(result.status, 200) << describe(result).toStdString();
    std::reverse(ids.begin(), ids.end());
    EXPECT_EQ(jobIds(result), ids);
    EXPECT_TRUE(result.json().value(u"next_cursor"_s).isNull());
    EXPECT_TRUE(isRfc3339Utc(result.json().value(u"server_time"_s).toString()));
    QDateTime previous;
    for (const QJsonValue &value : result.json().value(u"jobs"_s).toArray()) {
        const QJsonObject job = value.toObject();
        EXPECT_FALSE(job.contains(u"audit"_s)) << "the list carries jobs without audit";
        for (const QString &key :
             {u"job_id"_s, u"tenant_id"_s, u"path"_s, u"status"_s, u"request"_s, u"stack"_s,
              u"target_server_id"_s, u"trace_id"_s, u"trace_recorded"_s, u"created_at"_s,
              u"updated_at"_s, u"finished_at"_s, u"error"_s, u"stages"_s, u"outputs"_s})
            EXPECT_TRUE(job.contains(key)) << key.toStdString();
        const QDateTime created = parseTime(job.value(u"created_at"_s));
        if (previous.isValid()) {
            EXPECT_GE(previous, created);
        }
        previous = created;
    }
    // The single job still has its audit.
    const HttpResult one = viewer->get(u"/internal/provision-jobs/"_s + ids.first());
    ASSERT_EQ(one.status, 200);
    EXPECT_FALSE(one.json().value(u"audit"_s).toArray().isEmpty());
}

TEST_F(CpSimJobs, FilterByTenant)
{
    const QStringList ids = submitMany({u"a-1"_s, u"b-1"_s, u"a-1"_s, u"Acme.X"_s});
    EXPECT_EQ(jobIds(list(u"tenant_id=a-1"_s)), (QStringList{ids.at(2), ids.at(0)}));
    EXPECT_EQ(jobIds(list(u"tenant_id=b-1"_s)), QStringList{ids.at(1)});
    EXPECT_EQ(jobIds(list(u"tenant_id=Acme.X"_s)), QStringList{ids.at(3)});
    // Tenant ids are compared as given, not sanitized.
    EXPECT_TRUE(jobIds(list(u"tenant_id=acme-x"_s)).isEmpty());
    EXPECT_TRUE(jobIds(list(u"tenant_id=nobody"_s)).isEmpty());
}

TEST_F(CpSimJobs, FilterByStatus)
{
    const QStringList ids = submitMany({u"ok-1"_s, u"bad-1"_s, u"ok-2"_s, u"bad-2"_s});
    ASSERT_NO_FATAL_FAILURE(waitAllEnded(ids));
    EXPECT_EQ(jobIds(list(u"status=Failed"_s)), (QStringList{ids.at(3), ids.at(1)}));
    EXPECT_EQ(jobIds(list(u"status=Completed"_s)), (QStringList{ids.at(2), ids.at(0)}));
    EXPECT_TRUE(jobIds(list(u"status=Running"_s)).isEmpty());
    EXPECT_TRUE(jobIds(list(u"status=Queued"_s)).isEmpty());
    EXPECT_EQ(jobIds(list(u"status=Failed&tenant_id=bad-2"_s)), QStringList{ids.at(3)});
    EXPECT_TRUE(jobIds(list(u"status=Completed&tenant_id=bad-2"_s)).isEmpty());
    for (const QJsonValue &job : list(u"status=Failed"_s).json().value(u"jobs"_s).toArray()) {
        EXPECT_EQ(job.toObject().value(u"error"_s).toObject().value(u"code"_s).toString(),
                  u"ansible_failed"_s);
    }
}

TEST_F(CpSimJobs, BadQueryValuesAre422)
{
    submitMany({u"q-1"_s});
    const QList<QPair<QString, QString>> cases{
        {u"limit=0"_s, u"limit"_s},
        {u"limit=201"_s, u"limit"_s},
        {u"limit=-1"_s, u"limit"_s},
        {u"limit=abc"_s, u"limit"_s},
        {u"limit=1.5"_s, u"limit"_s},
        {u"limit="_s, u"limit"_s},
        {u"status=Bogus"_s, u"status"_s},
        {u"status=completed"_s, u"status"_s},
        {u"cursor=not-a-cursor"_s, u"cursor"_s},
    };
    for (const auto &[query, field] : cases) {
        SCOPED_TRACE(query.toStdString());
        EXPECT_TRUE(isValidationError(list(query), {field}));
    }
}

TEST_F(CpSimJobs, LimitBoundsAreAccepted)
{
    const QStringList ids = submitMany({u"l-1"_s, u"l-2"_s, u"l-3"_s});
    const HttpResult one = list(u"limit=1"_s);
    ASSERT_EQ(one.status, 200) << describe(one).toStdString();
    EXPECT_EQ(jobIds(one), QStringList{ids.last()});
    EXPECT_FALSE(one.json().value(u"next_cursor"_s).isNull());
    const HttpResult max = list(u"limit=200"_s);
    ASSERT_EQ(max.status, 200) << describe(max).toStdString();
    EXPECT_EQ(jobIds(max).size(), 3);
    EXPECT_TRUE(max.json().value(u"next_cursor"_s).isNull());
}

TEST_F(CpSimJobs, CursorPaginationWalksNewestFirstToANullCursor)
{
    QStringList ids =
        submitMany({u"p-1"_s, u"p-2"_s, u"p-3"_s, u"p-4"_s, u"p-5"_s, u"p-6"_s, u"p-7"_s});
    std::reverse(ids.begin(), ids.end());
    EXPECT_EQ(walk(u"limit=3"_s, 3), ids);
    EXPECT_EQ(walk(u"limit=1"_s, 7), ids);
    // A page that holds exactly the rest ends the walk.
    EXPECT_EQ(walk(u"limit=7"_s, 1), ids);
    const HttpResult exact = list(u"limit=7"_s);
    EXPECT_TRUE(exact.json().value(u"next_cursor"_s).isNull());
}

TEST_F(CpSimJobs, CursorPaginationHonoursFilters)
{
    const QStringList ids =
        submitMany({u"f-a"_s, u"f-b"_s, u"f-a"_s, u"f-b"_s, u"f-a"_s, u"f-a"_s, u"f-b"_s});
    QStringList expected;
    for (int i = int(ids.size()) - 1; i >= 0; --i) {
        if (i == 0 || i == 2 || i == 4 || i == 5)
            expected << ids.at(i);
    }
    EXPECT_EQ(walk(u"tenant_id=f-a&limit=3"_s, 2), expected);
}

TEST_F(CpSimJobs, NewJobsDuringAWalkDoNotShiftPages)
{
    QStringList ids = submitMany({u"s-1"_s, u"s-2"_s, u"s-3"_s, u"s-4"_s});
    std::reverse(ids.begin(), ids.end());
    const HttpResult first = list(u"limit=2"_s);
    ASSERT_EQ(first.status, 200);
    EXPECT_EQ(jobIds(first), ids.mid(0, 2));
    const QString cursor = first.json().value(u"next_cursor"_s).toString();
    ASSERT_FALSE(cursor.isEmpty());

    submitMany({u"s-5"_s, u"s-6"_s});
    const HttpResult second = list(withCursor(u"limit=2"_s, cursor));
    ASSERT_EQ(second.status, 200) << describe(second).toStdString();
    EXPECT_EQ(jobIds(second), ids.mid(2, 2));
    EXPECT_TRUE(second.json().value(u"next_cursor"_s).isNull());
}

TEST_F(CpSimJobs, DefaultLimitIs50)
{
    QStringList tenants;
    for (int i = 0; i < 53; ++i)
        tenants << u"bulk-%1"_s.arg(i);
    QStringList ids;
    for (const QString &tenant : tenants) {
        const QJsonObject body = sharedExistingBody(tenant, u"fsn1"_s, u"fsn1-shared-01"_s);
        ASSERT_EQ(submitJob(*op, body).status, 202);
        ids << body.value(u"job_id"_s).toString();
        QThread::msleep(2);
    }
    const HttpResult page = list();
    ASSERT_EQ(page.status, 200);
    EXPECT_EQ(jobIds(page).size(), 50);
    EXPECT_FALSE(page.json().value(u"next_cursor"_s).isNull());
    QStringList all = walk({});
    EXPECT_EQ(all.size(), 53);
    EXPECT_EQ(QSet<QString>(all.begin(), all.end()), QSet<QString>(ids.begin(), ids.end()));
}

TEST_F(CpSimJobs, GetJobByIdAndUnknownIs404)
{
    const QStringList ids = submitMany({u"g-1"_s});
    const HttpResult job = viewer->get(u"/internal/provision-jobs/"_s + ids.first());
    ASSERT_EQ(job.status, 200) << describe(job).toStdString();
    EXPECT_EQ(job.json().value(u"job_id"_s).toString(), ids.first());
    EXPECT_TRUE(job.json().value(u"audit"_s).isArray());
    EXPECT_TRUE(
        isError(viewer->get(u"/internal/provision-jobs/"_s + newJobId()), 404, u"not_found"_s));
}

} // namespace
