#include "api/backoff.h"

#include <gtest/gtest.h>

using prego::Backoff;

TEST(Backoff, GrowsExponentiallyFromTheFloorToTheCap)
{
    Backoff top(15000, 300000, [] { return 0.999999; });
    EXPECT_NEAR(top.nextDelayMs(), 15000, 1); // first failure: [15, 15] s
    EXPECT_NEAR(top.nextDelayMs(), 30000, 1); // [15, 30]
    EXPECT_NEAR(top.nextDelayMs(), 60000, 1); // [15, 60]
    EXPECT_NEAR(top.nextDelayMs(), 120000, 1);
    EXPECT_NEAR(top.nextDelayMs(), 240000, 1);
    EXPECT_NEAR(top.nextDelayMs(), 300000, 1); // capped at 5 min
    for (int i = 0; i < 50; ++i)
        EXPECT_LE(top.nextDelayMs(), 300000);
}

TEST(Backoff, FullJitterNeverGoesBelowThePollInterval)
{
    Backoff low(15000, 300000, [] { return 0.0; });
    for (int i = 0; i < 10; ++i)
        EXPECT_EQ(low.nextDelayMs(), 15000);
    Backoff mid(10000, 300000, [] { return 0.5; });
    mid.nextDelayMs();
    EXPECT_EQ(mid.nextDelayMs(), 15000); // halfway through [10, 20]
}

TEST(Backoff, RetryAfterIsHonouredAndResetStartsOver)
{
    Backoff b(5000, 300000, [] { return 0.0; });
    EXPECT_EQ(b.nextDelayMs(120), 120000);
    EXPECT_EQ(b.failures(), 1);
    b.reset();
    EXPECT_EQ(b.failures(), 0);
    EXPECT_EQ(b.nextDelayMs(), 5000);
    EXPECT_EQ(b.nextDelayMs(900), 900000); // a server may ask for more than our cap
}
