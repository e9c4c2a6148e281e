#include "cputimes.h"
#include "diskusage.h"
#include "memoryusage.h"
#include "systemreader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace prego::agent;
using namespace Qt::StringLiterals;

namespace {
QString fixtureDir(const char *name)
{
    return QStringLiteral(PREGO_AGENT_FIXTURES) + u'/' + QLatin1StringView(name);
}

QByteArray fixture(const char *dir, const char *file)
{
    QFile f(fixtureDir(dir) + u'/' + QLatin1StringView(file));
    if (!f.open(QIODevice::ReadOnly))
        ADD_FAILURE() << "missing fixture " << dir << '/' << file;
    return f.readAll();
}
} // namespace

TEST(CpuTimes, ParsesTheAggregateLineOfAModernKernel)
{
    const Result<CpuTimes> times = CpuTimes::parse(fixture("proc-normal", "stat"));
    ASSERT_TRUE(times.ok()) << times.error().toStdString();
    // user..steal; guest and guest_nice (already inside user and nice) are left out.
    EXPECT_EQ(times.value().total, 1000000u + 2000 + 300000 + 8000000 + 50000 + 0 + 10000 + 0);
    EXPECT_EQ(times.value().idle, 8000000u + 50000);
}

TEST(CpuTimes, ParsesAnOldKernelWithSevenCounters)
{
    const Result<CpuTimes> times = CpuTimes::parse(fixture("proc-old-kernel", "stat"));
    ASSERT_TRUE(times.ok()) << times.error().toStdString();
    EXPECT_EQ(times.value().total, 997530u);
    EXPECT_EQ(times.value().idle, 842899u);
}

TEST(CpuTimes, BusyPercentOverTwoSamples)
{
    const Result<CpuTimes> before = CpuTimes::parse(fixture("proc-normal", "stat"));
    const Result<CpuTimes> after = CpuTimes::parse(fixture("proc-later", "stat"));
    ASSERT_TRUE(before.ok() && after.ok());
    // 2000 ticks passed, 1200 of them idle or waiting for I/O: 800 busy.
    const std::optional<double> busy = CpuTimes::busyPercent(before.value(), after.value());
    ASSERT_TRUE(busy.has_value());
    EXPECT_DOUBLE_EQ(*busy, 40.0);
}

TEST(CpuTimes, KnownNumbersAndImpossibleSteps)
{
    EXPECT_DOUBLE_EQ(*CpuTimes::busyPercent({1000, 900}, {1400, 1000}), 75.0);
    EXPECT_DOUBLE_EQ(*CpuTimes::busyPercent({1000, 900}, {1100, 1000}), 0.0);
    EXPECT_DOUBLE_EQ(*CpuTimes::busyPercent({1000, 900}, {1100, 900}), 100.0);
    // The same sample twice, counters going back, idle growing faster than total: unknown.
    EXPECT_FALSE(CpuTimes::busyPercent({1000, 900}, {1000, 900}).has_value());
    EXPECT_FALSE(CpuTimes::busyPercent({1000, 900}, {500, 400}).has_value());
    EXPECT_FALSE(CpuTimes::busyPercent({1000, 900}, {1100, 1200}).has_value());
}

// Found by fuzz_agent_cputimes: a huge step (a counter jump of 4.3e17 ticks, all of it busy)
// made 100 * busy / total round to 100.00000000000001, above the percentage's range.
TEST(CpuTimes, AHugeAllBusyStepIsExactlyOneHundredPercent)
{
    const Result<CpuTimes> before = CpuTimes::parse("cpu 8 1 0 4 0 0 0 0\n");
    const Result<CpuTimes> after = CpuTimes::parse("cpu 8 1 0 4 0 429496729517957277\n");
    ASSERT_TRUE(before.ok());
    ASSERT_TRUE(after.ok());
    const std::optional<double> busy = CpuTimes::busyPercent(before.value(), after.value());
    ASSERT_TRUE(busy.has_value());
    EXPECT_LE(*busy, 100.0);
    EXPECT_DOUBLE_EQ(*busy, 100.0);
}

TEST(CpuTimes, TruncatedAndGarbageFilesAreClearErrors)
{
    const Result<CpuTimes> truncated = CpuTimes::parse(fixture("proc-truncated", "stat"));
    ASSERT_FALSE(truncated.ok());
    EXPECT_TRUE(truncated.error().contains(u"too few counters (3)"_s))
        << truncated.error().toStdString();

    const Result<CpuTimes> garbage = CpuTimes::parse(fixture("proc-garbage", "stat"));
    ASSERT_FALSE(garbage.ok());
    EXPECT_TRUE(garbage.error().contains(u"no aggregate \"cpu\" line"_s))
        << garbage.error().toStdString();

    const Result<CpuTimes> letters = CpuTimes::parse("cpu  12 abc 3 4 5\n");
    ASSERT_FALSE(letters.ok());
    EXPECT_TRUE(letters.error().contains(u"\"abc\""_s)) << letters.error().toStdString();

    EXPECT_FALSE(CpuTimes::parse({}).ok());
}

// Found by fuzz/fuzz_agent_cputimes: counters whose sum passes 2^64 wrapped, giving a sample
// with idle above total. Such a line is refused; the largest sum that fits is still read.
TEST(CpuTimes, CountersWhoseSumOverflowsAreRefused)
{
    const Result<CpuTimes> wrapped = CpuTimes::parse("cpu 85 113 0 18446744073709551615 0 0 0 0\n");
    ASSERT_FALSE(wrapped.ok());
    EXPECT_TRUE(wrapped.error().contains(u"64 bits"_s)) << wrapped.error().toStdString();

    const Result<CpuTimes> fits = CpuTimes::parse("cpu 0 1 0 18446744073709551614 0 0 0 0\n");
    ASSERT_TRUE(fits.ok()) << fits.error().toStdString();
    EXPECT_EQ(fits.value().total, 18446744073709551615ULL);
    EXPECT_EQ(fits.value().idle, 18446744073709551614ULL);
}

TEST(MemoryUsage, UsesMemAvailable)
{
    const Result<double> percent =
        MemoryUsage::percentFromMeminfo(fixture("proc-normal", "meminfo"));
    ASSERT_TRUE(percent.ok()) << percent.error().toStdString();
    EXPECT_NEAR(percent.value(), 100.0 * (16318420 - 6345120) / 16318420, 1e-9);
}

TEST(MemoryUsage, FallsBackToFreeBuffersCachedWithoutMemAvailable)
{
    const Result<double> percent =
        MemoryUsage::percentFromMeminfo(fixture("proc-old-kernel", "meminfo"));
    ASSERT_TRUE(percent.ok()) << percent.error().toStdString();
    EXPECT_NEAR(percent.value(), 100.0 * (8167848 - (1048576 + 262144 + 2097152)) / 8167848, 1e-9);
}

TEST(MemoryUsage, TruncatedAndGarbageFilesAreClearErrors)
{
    const Result<double> truncated =
        MemoryUsage::percentFromMeminfo(fixture("proc-truncated", "meminfo"));
    ASSERT_FALSE(truncated.ok());
    EXPECT_TRUE(truncated.error().contains(u"MemFree"_s)) << truncated.error().toStdString();

    const Result<double> garbage =
        MemoryUsage::percentFromMeminfo(fixture("proc-garbage", "meminfo"));
    ASSERT_FALSE(garbage.ok());
    EXPECT_TRUE(garbage.error().contains(u"MemTotal"_s)) << garbage.error().toStdString();

    const Result<double> zero =
        MemoryUsage::percentFromMeminfo("MemTotal: 0 kB\nMemAvailable: 0 kB\n");
    EXPECT_FALSE(zero.ok());
}

// Found by fuzz_agent_meminfo in CI: a MemTotal of 4.1e18 kB with 76 kB available made
// 100 * used / total round to above 100, outside the percentage's range.
TEST(MemoryUsage, AHugeMemTotalNearlyAllUsedStaysWithinOneHundredPercent)
{
    const Result<double> percent =
        MemoryUsage::percentFromMeminfo("MemTotal:    4111111111111111111\nMemAvailable: 76 kB: 0");
    ASSERT_TRUE(percent.ok()) << percent.error().toStdString();
    EXPECT_LE(percent.value(), 100.0);
    EXPECT_DOUBLE_EQ(percent.value(), 100.0);
}

TEST(DiskUsage, ComputesLikeDf)
{
    // 100 blocks, 30 free of which 10 reserved for root (20 available): df shows
    // used 70, avail 20, Use% = 70 / (70 + 20) = 77.8 %, not 70 %.
    const DiskUsage::Stats stats{100, 30, 20, 4096};
    EXPECT_NEAR(*DiskUsage::percent(stats), 100.0 * 70 / 90, 1e-9);
    // A real-looking 1 TB ext4 filesystem with 5 % reserved.
    const DiskUsage::Stats big{244190208, 98765432, 86555921, 4096};
    EXPECT_NEAR(*DiskUsage::percent(big),
                100.0 * (244190208.0 - 98765432) / ((244190208.0 - 98765432) + 86555921), 1e-9);
    EXPECT_DOUBLE_EQ(*DiskUsage::percent({100, 100, 100, 4096}), 0.0);
    EXPECT_DOUBLE_EQ(*DiskUsage::percent({100, 0, 0, 4096}), 100.0);
}

TEST(DiskUsage, ImpossibleNumbersAreUnknown)
{
    EXPECT_FALSE(DiskUsage::percent({0, 0, 0, 4096}).has_value());
    EXPECT_FALSE(DiskUsage::percent({100, 200, 50, 4096}).has_value());
    EXPECT_FALSE(DiskUsage::percent({100, 30, 20, 0}).has_value());
}

TEST(DiskUsage, StatOfARealPathAndOfAMissingOne)
{
    QTemporaryDir dir;
    const Result<DiskUsage::Stats> stats = DiskUsage::stat(dir.path());
    ASSERT_TRUE(stats.ok()) << stats.error().toStdString();
    EXPECT_GT(stats.value().blocks, 0u);
    EXPECT_GT(stats.value().fragmentSize, 0u);

    const Result<DiskUsage::Stats> missing = DiskUsage::stat(dir.path() + u"/nope"_s);
    ASSERT_FALSE(missing.ok());
    EXPECT_TRUE(missing.error().contains(dir.path() + u"/nope"_s));
}

TEST(SystemReader, ReadsFixtureProcRoot)
{
    QTemporaryDir root;
    const SystemReader reader(fixtureDir("proc-normal"), root.path());
    EXPECT_TRUE(reader.readCpuTimes().ok());
    const Result<double> memory = reader.readMemoryPercent();
    ASSERT_TRUE(memory.ok()) << memory.error().toStdString();
    EXPECT_NEAR(memory.value(), 61.1168, 1e-3);
    const Result<double> disk = reader.readDiskPercent();
    ASSERT_TRUE(disk.ok()) << disk.error().toStdString();
    EXPECT_GE(disk.value(), 0.0);
    EXPECT_LE(disk.value(), 100.0);
}

TEST(SystemReader, BrokenFilesNameTheFileAndTheMetric)
{
    const SystemReader garbage(fixtureDir("proc-garbage"), u"/"_s);
    const Result<CpuTimes> cpu = garbage.readCpuTimes();
    ASSERT_FALSE(cpu.ok());
    EXPECT_TRUE(cpu.error().startsWith(u"CPU use unknown"_s)) << cpu.error().toStdString();
    EXPECT_TRUE(cpu.error().contains(fixtureDir("proc-garbage") + u"/stat"_s));

    const Result<double> memory = garbage.readMemoryPercent();
    ASSERT_FALSE(memory.ok());
    EXPECT_TRUE(memory.error().startsWith(u"memory use unknown"_s));
    EXPECT_TRUE(memory.error().contains(fixtureDir("proc-garbage") + u"/meminfo"_s));

    const SystemReader missing(u"/nonexistent-proc"_s, u"/nonexistent-root"_s);
    EXPECT_TRUE(missing.readCpuTimes().error().contains(u"/nonexistent-proc/stat"_s));
    EXPECT_TRUE(missing.readMemoryPercent().error().contains(u"/nonexistent-proc/meminfo"_s));
    EXPECT_TRUE(missing.readDiskPercent().error().contains(u"/nonexistent-root"_s));
}
