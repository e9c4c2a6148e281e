#include "metricssample.h"

#include <QJsonDocument>

#include <gtest/gtest.h>

using namespace prego::agent;
using namespace Qt::StringLiterals;

TEST(MetricsSample, BodyHasTheFiveFieldsRoundedToOneDecimal)
{
    MetricsSample sample;
    sample.nodeId = u"fsn1-shared-01"_s;
    sample.cpuPercent = 37.46;
    sample.memoryPercent = 61.1168;
    sample.diskPercent = 48.25;
    sample.tenantCount = 12;
    const QJsonObject json = sample.toJson();
    EXPECT_EQ(json.keys(), (QStringList{u"cpu_pct"_s, u"disk_pct"_s, u"memory_pct"_s, u"node_id"_s,
                                        u"tenant_count"_s}));
    EXPECT_EQ(json.value("node_id"_L1).toString(), u"fsn1-shared-01"_s);
    EXPECT_DOUBLE_EQ(json.value("cpu_pct"_L1).toDouble(), 37.5);
    EXPECT_DOUBLE_EQ(json.value("memory_pct"_L1).toDouble(), 61.1);
    EXPECT_DOUBLE_EQ(json.value("disk_pct"_L1).toDouble(), 48.3);
    EXPECT_EQ(json.value("tenant_count"_L1).toInteger(), 12);
    // What goes on the wire: one decimal, not 61.116800000000005.
    const QByteArray wire = QJsonDocument(json).toJson(QJsonDocument::Compact);
    EXPECT_TRUE(wire.contains("\"memory_pct\":61.1,")) << wire.constData();
}

TEST(MetricsSample, UnknownValuesAreJsonNull)
{
    MetricsSample sample;
    sample.nodeId = u"n"_s;
    const QJsonObject json = sample.toJson();
    for (const char *key : {"cpu_pct", "memory_pct", "disk_pct", "tenant_count"}) {
        EXPECT_TRUE(json.contains(QLatin1StringView(key))) << key;
        EXPECT_TRUE(json.value(QLatin1StringView(key)).isNull()) << key;
    }
}

TEST(MetricsSample, PercentagesStayInTheRangeTheServerAccepts)
{
    EXPECT_DOUBLE_EQ(MetricsSample::roundPercent(100.04), 100.0);
    EXPECT_DOUBLE_EQ(MetricsSample::roundPercent(100.6), 100.0);
    EXPECT_DOUBLE_EQ(MetricsSample::roundPercent(-0.2), 0.0);
    EXPECT_DOUBLE_EQ(MetricsSample::roundPercent(99.95), 100.0);
    EXPECT_DOUBLE_EQ(MetricsSample::roundPercent(0.04), 0.0);
}
