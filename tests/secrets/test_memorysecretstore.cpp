#include "secrets/memorysecretstore.h"

#include <QCoreApplication>
#include <QPointer>
#include <QUuid>

#include <gtest/gtest.h>

using namespace prego;
using Kind = SecretError::Kind;

namespace {

QString canary()
{
    return QLatin1String("canary-") % QUuid::createUuid().toString(QUuid::Id128);
}

} // namespace

TEST(MemorySecretStore, IsSessionOnly)
{
    MemorySecretStore store;
    EXPECT_FALSE(store.isPersistent());
}

TEST(MemorySecretStore, RoundTrip)
{
    MemorySecretStore store;
    const QString first = canary();
    const QString second = canary();

    EXPECT_EQ(waitForSecretJob(store.read(QStringLiteral("lab"))).error.kind, Kind::NotFound);
    EXPECT_TRUE(waitForSecretJob(store.write(QStringLiteral("lab"), first)).ok());
    SecretResult read = waitForSecretJob(store.read(QStringLiteral("lab")));
    ASSERT_TRUE(read.ok()) << read.error.message().toStdString();
    EXPECT_TRUE(read.secret == first) << "read returned a different secret";

    EXPECT_TRUE(waitForSecretJob(store.write(QStringLiteral("lab"), second)).ok());
    read = waitForSecretJob(store.read(QStringLiteral("lab")));
    EXPECT_TRUE(read.secret == second) << "overwrite did not replace the secret";

    EXPECT_TRUE(waitForSecretJob(store.remove(QStringLiteral("lab"))).ok());
    read = waitForSecretJob(store.read(QStringLiteral("lab")));
    EXPECT_EQ(read.error.kind, Kind::NotFound);
    EXPECT_FALSE(read.secret.has_value());
    EXPECT_EQ(read.error.message(), SecretError::message(Kind::NotFound));
    EXPECT_TRUE(waitForSecretJob(store.remove(QStringLiteral("lab"))).ok())
        << "removing a missing secret succeeds";
}

TEST(MemorySecretStore, ProfilesAreSeparate)
{
    MemorySecretStore store;
    const QString a = canary();
    const QString b = canary();
    waitForSecretJob(store.write(QStringLiteral("a"), a));
    waitForSecretJob(store.write(QStringLiteral("b"), b));
    waitForSecretJob(store.remove(QStringLiteral("a")));
    EXPECT_FALSE(store.contains(QStringLiteral("a")));
    EXPECT_TRUE(waitForSecretJob(store.read(QStringLiteral("b"))).secret == b);
}

TEST(MemorySecretStore, JobsFinishOnTheNextEventLoopTurnAndDeleteThemselves)
{
    MemorySecretStore store;
    QPointer<SecretJob> job = store.write(QStringLiteral("lab"), canary());
    int finishedCount = 0;
    QObject::connect(job, &SecretJob::finished, job,
                     [&finishedCount](const SecretResult &) { ++finishedCount; });
    EXPECT_EQ(finishedCount, 0) << "a job must not finish before the caller could connect";
    QCoreApplication::processEvents();
    EXPECT_EQ(finishedCount, 1);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    EXPECT_TRUE(job.isNull()) << "a finished job deletes itself";
}

TEST(MemorySecretStore, WipingNeverTouchesTheCallersCopies)
{
    MemorySecretStore store;
    const QString original = canary();
    QString given = original;
    waitForSecretJob(store.write(QStringLiteral("lab"), given));
    const SecretResult read = waitForSecretJob(store.read(QStringLiteral("lab")));
    waitForSecretJob(store.write(QStringLiteral("lab"), canary())); // overwrite wipes
    waitForSecretJob(store.remove(QStringLiteral("lab")));          // remove wipes
    EXPECT_TRUE(given == original) << "the caller's string was changed";
    EXPECT_TRUE(read.secret == original) << "an earlier read result was changed";
}

TEST(MemorySecretStore, DestroyingTheStoreDropsItsJobs)
{
    auto store = std::make_unique<MemorySecretStore>();
    QPointer<SecretJob> job = store->read(QStringLiteral("lab"));
    store.reset();
    EXPECT_TRUE(job.isNull());
}
