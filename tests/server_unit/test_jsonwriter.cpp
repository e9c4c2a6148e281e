#include "jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <limits>

using namespace Qt::StringLiterals;
using prego::sim::JsonWriter;

TEST(JsonWriter, EscapesEverythingAParserNeeds)
{
    const QString nasty =
        u"quote\" backslash\\ newline\n tab\t nul\u0001 한국어 emoji 🚀 </script>"_s;
    JsonWriter w;
    w.beginObject().key("s").value(QStringView(nasty)).endObject();
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(w.data(), &err);
    ASSERT_EQ(err.error, QJsonParseError::NoError) << qPrintable(err.errorString());
    EXPECT_EQ(doc.object().value(u"s").toString(), nasty);
}

TEST(JsonWriter, CommasNullsAndNesting)
{
    JsonWriter w;
    w.beginObject();
    w.key("a").beginArray().value(qint64(1)).value(2.5).null().value(true).endArray();
    w.key("b").value(std::optional<QString>());
    w.key("c").beginObject().key("d").value(std::optional<double>(3.0)).endObject();
    w.key("e").value(std::numeric_limits<double>::quiet_NaN());
    w.endObject();
    const QJsonObject o = QJsonDocument::fromJson(w.data()).object();
    ASSERT_FALSE(o.isEmpty()) << w.data().constData();
    EXPECT_EQ(o.value(u"a").toArray().size(), 4);
    EXPECT_TRUE(o.value(u"b").isNull());
    EXPECT_EQ(o.value(u"c").toObject().value(u"d").toDouble(), 3.0);
    EXPECT_TRUE(o.value(u"e").isNull()); // NaN is not JSON: written as null
}
