// `prego-ctl history` as an operator runs it: the real binary, its own config and data
// directories, a history database written by the same HistoryStore the console uses.
#include "ctlprocess.h"
#include "historycommand.h"
#include "historytestdata.h"
#include "storage/historystore.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace prego;
using namespace prego::test;
using namespace Qt::StringLiterals;

namespace {
class HistoryCtlTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(home.isValid());
        ASSERT_EQ(
            ctl({u"profiles"_s, u"add"_s, u"demo"_s, u"--url"_s, u"http://127.0.0.1:1"_s}).exitCode,
            0);
    }

    // Where the console (org "prego", app "prego-console") keeps its data under XDG_DATA_HOME.
    QString dataDir() const { return home.filePath(u"data/prego/prego-console"_s); }

    // node-a pushed every 10 minutes for the last 30 hours.
    void record()
    {
        HistoryStore store(u"ctl-test-writer"_s);
        ASSERT_TRUE(store.open(HistoryStore::pathFor(dataDir(), u"demo"_s)).ok);
        QList<HistorySample> samples;
        for (qint64 t = now - 30 * Hour + Min; t <= now; t += 10 * Min)
            samples.append({u"node-a"_s, t, 12.5, 40.0, std::nullopt, 2});
        ASSERT_EQ(store.ingest(samples).inserted, samples.size());
        const NodesSnapshot snap = fleet(1, now, now);
        ASSERT_TRUE(store.ingest({}, &snap, now).snapshotStored);
    }

    QTemporaryDir home;
    CtlProcess ctl{QStringLiteral(PREGO_CTL_BINARY), home.path()};
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
};
} // namespace

TEST(HistoryCommandDurations, ParsesUnits)
{
    EXPECT_EQ(HistoryCommand::parseDuration(u"90m"_s), 90 * Min);
    EXPECT_EQ(HistoryCommand::parseDuration(u"24h"_s), Day);
    EXPECT_EQ(HistoryCommand::parseDuration(u"7d"_s), 7 * Day);
    EXPECT_EQ(HistoryCommand::parseDuration(u"30s"_s), 30 * Sec);
    EXPECT_EQ(HistoryCommand::parseDuration(u"45"_s), 45 * Sec);
    EXPECT_FALSE(HistoryCommand::parseDuration(u""_s));
    EXPECT_FALSE(HistoryCommand::parseDuration(u"h"_s));
    EXPECT_FALSE(HistoryCommand::parseDuration(u"-5m"_s));
    EXPECT_FALSE(HistoryCommand::parseDuration(u"soon"_s));
    EXPECT_FALSE(HistoryCommand::parseDuration(u"99999999999d"_s));
}

TEST_F(HistoryCtlTest, SaysSoWhenThereIsNoHistoryYet)
{
    CtlRun r = ctl({u"history"_s, u"--profile"_s, u"demo"_s, u"--node"_s, u"node-a"_s});
    EXPECT_EQ(r.exitCode, 5);
    EXPECT_TRUE(r.err.contains(u"No history has been recorded for profile demo"_s))
        << r.err.toStdString();
    EXPECT_EQ(r.err.count(u'\n'), 1);
    r = ctl(
        {u"--lang"_s, u"ko"_s, u"history"_s, u"--profile"_s, u"demo"_s, u"--node"_s, u"node-a"_s});
    EXPECT_EQ(r.exitCode, 5);
    EXPECT_TRUE(r.err.contains(u"기록"_s)) << r.err.toStdString();
    r = ctl({u"history"_s, u"--profile"_s, u"nope"_s, u"--node"_s, u"node-a"_s});
    EXPECT_EQ(r.exitCode, 5);
    EXPECT_TRUE(r.err.contains(u"There is no profile"_s));
}

TEST_F(HistoryCtlTest, BadArgumentsExitOne)
{
    EXPECT_EQ(ctl({u"history"_s, u"--profile"_s, u"demo"_s}).exitCode, 1); // no --node
    EXPECT_EQ(ctl({u"history"_s, u"--node"_s, u"node-a"_s}).exitCode, 1);  // no --profile
    CtlRun r = ctl({u"history"_s, u"--profile"_s, u"demo"_s, u"--node"_s, u"node-a"_s, u"--since"_s,
                    u"yesterday"_s});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(u"--since"_s));
    r = ctl({u"history"_s, u"--profile"_s, u"demo"_s, u"--node"_s, u"node-a"_s, u"--output"_s,
             u"xml"_s});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(ctl({u"--help"_s}).out.contains(u"history --profile"_s));
}

TEST_F(HistoryCtlTest, PrintsTheStoredSamplesAsCsvJsonAndTable)
{
    record();
    CtlRun r = ctl({u"history"_s, u"--profile"_s, u"demo"_s, u"--node"_s, u"node-a"_s,
                    u"--output"_s, u"csv"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    ASSERT_FALSE(lines.isEmpty());
    EXPECT_EQ(lines.first(), u"node_id,updated_at,cpu_pct,memory_pct,disk_pct,tenant_count"_s);
    EXPECT_EQ(lines.size() - 1, 144); // the default --since is 24 h: one sample per 10 minutes
    EXPECT_TRUE(lines.at(1).startsWith(u"node-a,"_s));
    EXPECT_TRUE(lines.at(1).endsWith(u",12.5,40.0,,2"_s)) << lines.at(1).toStdString();

    r = ctl({u"history"_s, u"--profile"_s, u"demo"_s, u"--node"_s, u"node-a"_s, u"--since"_s,
             u"1h"_s, u"--output"_s, u"json"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject root = QJsonDocument::fromJson(r.out.toUtf8()).object();
    EXPECT_EQ(root.value(u"node_id").toString(), u"node-a"_s);
    const QJsonArray samples = root.value(u"samples").toArray();
    EXPECT_EQ(samples.size(), 6);
    EXPECT_EQ(samples.first().toObject().value(u"cpu_pct").toDouble(), 12.5);
    EXPECT_TRUE(samples.first().toObject().value(u"disk_pct").isNull());
    const QDateTime last = QDateTime::fromString(
        samples.last().toObject().value(u"updated_at").toString(), Qt::ISODateWithMs);
    EXPECT_LE(qAbs(last.toMSecsSinceEpoch() - now), 10 * Min);

    r = ctl({u"history"_s, u"--profile"_s, u"demo"_s, u"--node"_s, u"node-a"_s, u"--since"_s,
             u"90m"_s});
    ASSERT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.out.contains(u"UPDATED AT"_s));
    EXPECT_TRUE(r.out.contains(u"9 samples for node node-a"_s)) << r.out.toStdString();

    r = ctl({u"history"_s, u"--profile"_s, u"demo"_s, u"--node"_s, u"node-zz"_s});
    EXPECT_EQ(r.exitCode, 5);
    EXPECT_TRUE(r.err.contains(u"node-zz"_s));
}
