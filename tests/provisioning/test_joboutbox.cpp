#include "storage/joboutbox.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using prego::JobOutbox;

TEST(JobOutbox, CreatesItsSchemaWithAVersionAndWal)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"sub/jobs-p.sqlite"_s);
    {
        JobOutbox outbox(path);
        ASSERT_EQ(outbox.open(), QString());
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"outbox-check"_s);
        db.setDatabaseName(path);
        ASSERT_TRUE(db.open());
        QSqlQuery q(db);
        ASSERT_TRUE(q.exec(u"PRAGMA user_version"_s) && q.next());
        EXPECT_EQ(q.value(0).toInt(), JobOutbox::SchemaVersion);
        ASSERT_TRUE(q.exec(u"PRAGMA journal_mode"_s) && q.next());
        EXPECT_EQ(q.value(0).toString(), u"wal"_s);
        ASSERT_TRUE(q.exec(u"PRAGMA user_version = 99"_s));
    }
    QSqlDatabase::removeDatabase(u"outbox-check"_s);
    JobOutbox newer(path);
    EXPECT_TRUE(newer.open().contains(u"99"_s)); // a newer schema is refused, not damaged
}

TEST(JobOutbox, OneRowPerJobIdAndTheSameBytesOnly)
{
    QTemporaryDir dir;
    JobOutbox outbox(dir.filePath(u"jobs.sqlite"_s));
    ASSERT_EQ(outbox.open(), QString());
    const auto first = outbox.add(u"p"_s, u"id-1"_s, R"({"a":1})");
    ASSERT_TRUE(first.entry);
    EXPECT_FALSE(first.existed);
    EXPECT_EQ(first.entry->state, JobOutbox::State::Pending);
    const auto again = outbox.add(u"p"_s, u"id-1"_s, R"({"a":1})");
    ASSERT_TRUE(again.entry);
    EXPECT_TRUE(again.existed);
    const auto other = outbox.add(u"p"_s, u"id-1"_s, R"({"a":2})");
    EXPECT_FALSE(other.entry);
    EXPECT_TRUE(other.error.contains(u"id-1"_s));
    EXPECT_EQ(outbox.all().size(), 1);
    EXPECT_EQ(outbox.find(u"id-1"_s)->body, QByteArray(R"({"a":1})"));
}

TEST(JobOutbox, StatesMoveForwardAndSurviveReopening)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"jobs.sqlite"_s);
    {
        JobOutbox outbox(path);
        ASSERT_EQ(outbox.open(), QString());
        outbox.add(u"p"_s, u"a"_s, "{}");
        outbox.add(u"p"_s, u"b"_s, "{}");
        outbox.add(u"p"_s, u"c"_s, "{}");
        ASSERT_TRUE(outbox.markSent(u"a"_s, 1000));
        ASSERT_TRUE(outbox.markUnknown(u"a"_s, u"timeout"_s));
        ASSERT_TRUE(outbox.markSent(u"b"_s, 1000));
        ASSERT_TRUE(outbox.markAccepted(u"b"_s, u"Queued"_s));
        ASSERT_TRUE(outbox.markUnknown(u"b"_s, u"late timeout"_s)); // no effect: answered
        ASSERT_TRUE(outbox.markRejected(u"c"_s, u"validation_failed"_s, u"bad"_s,
                                        {{u"region"_s, u"unknown region"_s}}));
    }
    JobOutbox outbox(path);
    ASSERT_EQ(outbox.open(), QString());
    const auto a = outbox.find(u"a"_s);
    EXPECT_EQ(a->state, JobOutbox::State::Unknown);
    EXPECT_EQ(a->attempts, 1);
    EXPECT_EQ(a->lastAttemptAtMs, 1000);
    EXPECT_EQ(a->lastError, u"timeout"_s);
    EXPECT_EQ(outbox.find(u"b"_s)->state, JobOutbox::State::Accepted);
    EXPECT_EQ(outbox.find(u"b"_s)->serverStatus, u"Queued"_s);
    const auto c = outbox.find(u"c"_s);
    EXPECT_EQ(c->state, JobOutbox::State::Rejected);
    EXPECT_EQ(c->errorFields.value(u"region"_s), u"unknown region"_s);
    const auto open = outbox.unresolved();
    ASSERT_EQ(open.size(), 1);
    EXPECT_EQ(open[0].jobId, u"a"_s);
    EXPECT_EQ(JobOutbox::stateFromKey(u"unknown"), JobOutbox::State::Unknown);
}
