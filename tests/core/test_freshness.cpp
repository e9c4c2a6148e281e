#include "domain/agetext.h"
#include "domain/freshness.h"
#include "domain/serverclock.h"

#include <gtest/gtest.h>

using namespace prego;

namespace {
constexpr qint64 Now = 1'795'000'000'000; // a server time, ms
}

TEST(Freshness, BoundaryAtTheStaleThreshold)
{
    EXPECT_EQ(FreshnessRule::classify(Now - 299'000, Now, 300, true), Freshness::Fresh);
    EXPECT_EQ(FreshnessRule::classify(Now - 300'000, Now, 300, true), Freshness::Fresh);
    EXPECT_EQ(FreshnessRule::classify(Now - 300'001, Now, 300, true), Freshness::Stale);
    EXPECT_EQ(FreshnessRule::classify(Now - 301'000, Now, 300, true), Freshness::Stale);
}

TEST(Freshness, ProfileThresholdIsUsed)
{
    EXPECT_EQ(FreshnessRule::classify(Now - 90'000, Now, 60, true), Freshness::Stale);
    EXPECT_EQ(FreshnessRule::classify(Now - 90'000, Now, 120, true), Freshness::Fresh);
}

TEST(Freshness, NeverReportedAndUnknown)
{
    EXPECT_EQ(FreshnessRule::classify(std::nullopt, Now, 300, true), Freshness::NeverReported);
    // Our own poll failing makes every node unknown, whatever its last push.
    EXPECT_EQ(FreshnessRule::classify(Now - 1000, Now, 300, false), Freshness::Unknown);
    EXPECT_EQ(FreshnessRule::classify(std::nullopt, Now, 300, false), Freshness::Unknown);
}

TEST(Freshness, PushStampedAfterServerTimeIsFreshWithAgeZero)
{
    EXPECT_EQ(FreshnessRule::classify(Now + 2000, Now, 300, true), Freshness::Fresh);
    EXPECT_EQ(FreshnessRule::ageSeconds(Now + 2000, Now), 0);
    EXPECT_EQ(FreshnessRule::ageSeconds(Now - 61'500, Now), 61);
    EXPECT_FALSE(FreshnessRule::ageSeconds(std::nullopt, Now));
}

TEST(Freshness, OnlySharedActiveAcceptingNodesAreBound)
{
    EXPECT_TRUE(FreshnessRule::isBound(QStringLiteral("shared"), true, QStringLiteral("active")));
    EXPECT_FALSE(
        FreshnessRule::isBound(QStringLiteral("dedicated"), true, QStringLiteral("active")));
    EXPECT_FALSE(FreshnessRule::isBound(QStringLiteral("shared"), false, QStringLiteral("active")));
    EXPECT_FALSE(
        FreshnessRule::isBound(QStringLiteral("shared"), true, QStringLiteral("draining")));
}

TEST(Freshness, KeysForMachineOutput)
{
    EXPECT_EQ(FreshnessRule::key(Freshness::NeverReported), QStringLiteral("never_reported"));
    EXPECT_EQ(FreshnessRule::key(Freshness::Stale), QStringLiteral("stale"));
}

// The local clock is off by an hour in either direction: ages come from the server clock, so a
// node that pushed 100 s before the last server_time is fresh, and one 400 s before is stale.
class SkewedClock : public ::testing::TestWithParam<qint64>
{};

TEST_P(SkewedClock, AgesFollowTheServerClockNotTheLocalOne)
{
    const qint64 skew = GetParam();
    ServerClock clock([skew] { return Now + skew; });
    clock.sync(Now);
    EXPECT_NEAR(double(clock.skewMs()), double(-skew), 1.0);
    clock.advanceForTesting(10'000); // 10 s of monotonic time since the snapshot
    const qint64 serverNow = clock.nowMs();
    EXPECT_GE(serverNow, Now + 10'000);
    EXPECT_LT(serverNow, Now + 11'000);
    EXPECT_EQ(FreshnessRule::classify(Now - 100'000, serverNow, 300, true), Freshness::Fresh);
    EXPECT_EQ(FreshnessRule::classify(Now - 289'000, serverNow, 300, true), Freshness::Fresh);
    EXPECT_EQ(FreshnessRule::classify(Now - 292'000, serverNow, 300, true), Freshness::Stale);
    EXPECT_EQ(FreshnessRule::classify(Now - 400'000, serverNow, 300, true), Freshness::Stale);
}

INSTANTIATE_TEST_SUITE_P(PlusMinusOneHour, SkewedClock,
                         ::testing::Values(qint64(-3'600'000), qint64(0), qint64(3'600'000)));

TEST(ServerClock, BeforeTheFirstSyncItIsTheLocalClock)
{
    ServerClock clock([] { return Now; });
    EXPECT_FALSE(clock.isSynced());
    EXPECT_EQ(clock.nowMs(), Now);
    EXPECT_FALSE(clock.msSinceSync());
}

TEST(AgeText, Words)
{
    EXPECT_EQ(AgeText::ago(std::nullopt), QStringLiteral("never"));
    EXPECT_EQ(AgeText::ago(2), QStringLiteral("just now"));
    EXPECT_EQ(AgeText::ago(42), QStringLiteral("42 s ago"));
    EXPECT_EQ(AgeText::ago(180), QStringLiteral("3 min ago"));
    EXPECT_EQ(AgeText::ago(7200), QStringLiteral("2 h ago"));
    EXPECT_EQ(AgeText::ago(5 * 86400), QStringLiteral("5 days ago"));
}
