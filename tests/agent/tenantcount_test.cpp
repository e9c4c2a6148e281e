#include "tenantcountsource.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace prego::agent;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
QString writeFile(const QTemporaryDir &dir, const QByteArray &content)
{
    const QString path = dir.filePath(u"tenants"_s);
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
    return path;
}
} // namespace

TEST(TenantCount, FromFileWithSurroundingWhitespace)
{
    QTemporaryDir dir;
    TenantCountSource source = TenantCountSource::fromFile(writeFile(dir, " 12\n"));
    const TenantCountSource::Reading reading = source.read();
    ASSERT_TRUE(reading.count.has_value());
    EXPECT_EQ(*reading.count, 12);
    EXPECT_TRUE(reading.warning.isEmpty());

    writeFile(dir, "0");
    EXPECT_EQ(source.read().count, 0); // re-read at every push
}

TEST(TenantCount, BadFileContentIsNullWithAWarning)
{
    QTemporaryDir dir;
    for (const QByteArray &content :
         {QByteArray("-3"), QByteArray("12.5"), QByteArray("twelve"), QByteArray(""),
          QByteArray("12 13"), QByteArray("99999999999999999999")}) {
        TenantCountSource source = TenantCountSource::fromFile(writeFile(dir, content));
        const TenantCountSource::Reading reading = source.read();
        EXPECT_FALSE(reading.count.has_value()) << content.constData();
        EXPECT_TRUE(reading.warning.contains(u"non-negative integer"_s))
            << reading.warning.toStdString();
        EXPECT_TRUE(reading.warning.contains(u"sending null"_s));
    }
}

TEST(TenantCount, MissingFileIsNullWithAWarning)
{
    TenantCountSource source = TenantCountSource::fromFile(u"/nonexistent/tenant-count"_s);
    const TenantCountSource::Reading reading = source.read();
    EXPECT_FALSE(reading.count.has_value());
    EXPECT_TRUE(reading.warning.contains(u"/nonexistent/tenant-count"_s));
}

TEST(TenantCount, FromCommand)
{
    TenantCountSource source = TenantCountSource::fromCommand(u"echo '  7'; echo noise >&2"_s);
    const TenantCountSource::Reading reading = source.read();
    ASSERT_TRUE(reading.count.has_value()) << reading.warning.toStdString();
    EXPECT_EQ(*reading.count, 7);
    EXPECT_TRUE(reading.warning.isEmpty());

    // Shell syntax works: the command runs through /bin/sh -c.
    TenantCountSource pipeline = TenantCountSource::fromCommand(u"printf 'a\\nb\\nc\\n' | wc -l"_s);
    EXPECT_EQ(pipeline.read().count, 3);
}

TEST(TenantCount, BadCommandOutputFailureAndTimeoutAreNullWithAWarning)
{
    TenantCountSource words = TenantCountSource::fromCommand(u"echo lots"_s);
    TenantCountSource::Reading reading = words.read();
    EXPECT_FALSE(reading.count.has_value());
    EXPECT_TRUE(reading.warning.contains(u"\"lots\""_s)) << reading.warning.toStdString();

    TenantCountSource failing =
        TenantCountSource::fromCommand(u"echo 5; echo 'db down' >&2; exit 3"_s);
    reading = failing.read();
    EXPECT_FALSE(reading.count.has_value());
    EXPECT_TRUE(reading.warning.contains(u"status 3"_s)) << reading.warning.toStdString();
    EXPECT_TRUE(reading.warning.contains(u"db down"_s));

    TenantCountSource slow = TenantCountSource::fromCommand(u"sleep 30; echo 4"_s);
    slow.setCommandTimeout(300ms);
    QElapsedTimer clock;
    clock.start();
    reading = slow.read();
    EXPECT_LT(clock.elapsed(), 5000) << "the command must be stopped at its timeout";
    EXPECT_FALSE(reading.count.has_value());
    EXPECT_TRUE(reading.warning.contains(u"did not finish"_s)) << reading.warning.toStdString();
}

TEST(TenantCount, NoPolicyIsNullAndWarnsExactlyOnce)
{
    TenantCountSource source = TenantCountSource::none();
    int warnings = 0;
    for (int push = 0; push < 5; ++push) {
        const TenantCountSource::Reading reading = source.read();
        EXPECT_FALSE(reading.count.has_value());
        if (!reading.warning.isEmpty()) {
            ++warnings;
            EXPECT_TRUE(reading.warning.contains(u"Definition of Done"_s));
            EXPECT_TRUE(reading.warning.contains(u"--tenant-count-file"_s));
        }
    }
    EXPECT_EQ(warnings, 1);
}
