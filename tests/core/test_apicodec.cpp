#include "api/apicodec.h"

#include <QRandomGenerator>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace prego;

namespace {

// decodeNodes (JsonReader, falling back to QJsonDocument) must give exactly what the reference
// QJsonDocument decoder gives: value, warnings and the wording of the error.
void expectSameAsReference(const QByteArray &body)
{
    const auto fast = ApiCodec::decodeNodes(body);
    const auto reference = ApiCodec::decodeNodesWithQJsonDocument(body);
    const std::string shown = body.left(300).toStdString();
    ASSERT_EQ(fast.value.has_value(), reference.value.has_value()) << shown;
    EXPECT_EQ(fast.error, reference.error) << shown;
    if (!fast.value)
        return;
    EXPECT_EQ(fast.value->serverTimeMs, reference.value->serverTimeMs) << shown;
    EXPECT_EQ(fast.value->warnings, reference.value->warnings) << shown;
    ASSERT_EQ(fast.value->nodes.size(), reference.value->nodes.size()) << shown;
    for (qsizetype i = 0; i < fast.value->nodes.size(); ++i)
        EXPECT_TRUE(fast.value->nodes[i] == reference.value->nodes[i]) << shown << " node " << i;
}

const QByteArray ValidBody = R"({"server_time":"2026-11-26T20:00:05.123Z","nodes":[
  {"node_id":"fsn1-shared-07","hostname":"fsn1-shared-07.nodes.example.net","ipv4":"203.0.113.17",
   "region":"fsn1","placement":"shared","role":"shared","tenant_id":null,"stack":"fsn1",
   "accepts_tenants":true,"status":"active","created_at":"2026-10-01T08:00:00+02:00",
   "metrics":{"cpu_pct":37.5,"memory_pct":61.0,"disk_pct":48.2,"tenant_count":12,
              "updated_at":"2026-11-26T19:58:41Z"}},
  {"node_id":"fsn1-dedicated-01","hostname":"h\u00e9\ud83d\ude00","ipv4":"203.0.113.18",
   "region":"fsn1","placement":"dedicated","role":"db","tenant_id":"Acme \"Corp\"\n",
   "stack":"dedicated-acme","accepts_tenants":false,"status":"draining","created_at":null,
   "metrics":{"cpu_pct":0,"memory_pct":100,"disk_pct":-0.0,"tenant_count":0,
              "updated_at":"2026-11-26T19:59:00.5Z"}},
  {"node_id":"hel1-shared-01","hostname":"héllo-wörld-노드","ipv4":"203.0.113.19","region":"hel1",
   "placement":"shared","role":"shared","stack":null,"accepts_tenants":false,"status":"retired",
   "metrics":null}, 7, "x", null, [1, {"a": [true, false, null]}]]})";

} // namespace

TEST(ApiCodecTime, Rfc3339Forms)
{
    const auto base = ApiCodec::parseTimestamp(u"2026-11-26T20:00:05Z");
    ASSERT_TRUE(base);
    EXPECT_EQ(*base, 1795723205000LL);
    EXPECT_EQ(ApiCodec::parseTimestamp(u"2026-11-26T20:00:05.123Z"), *base + 123);
    EXPECT_EQ(ApiCodec::parseTimestamp(u"2026-11-26T20:00:05.1Z"), *base + 100);
    EXPECT_EQ(ApiCodec::parseTimestamp(u"2026-11-26T20:00:05.123456789Z"), *base + 123);
    EXPECT_EQ(ApiCodec::parseTimestamp(u"2026-11-26T21:00:05+01:00"), *base);
    EXPECT_EQ(ApiCodec::parseTimestamp(u"2026-11-26T19:30:05-00:30"), *base);
    EXPECT_EQ(ApiCodec::parseTimestamp(u"1970-01-01T00:00:00Z"), 0);
}

TEST(ApiCodecTime, RejectsWhatIsNotRfc3339)
{
    for (const char16_t *bad :
         {u"", u"2026-11-26", u"2026-11-26T20:00:05", u"2026-13-01T00:00:00Z",
          u"2026-11-26T24:00:00Z", u"2026-11-26T20:00:05.Z", u"2026-11-26T20:00:05Zjunk",
          u"26/11/2026 20:00", u"２026-11-26T20:00:05Z"})
        EXPECT_FALSE(ApiCodec::parseTimestamp(bad)) << QString::fromUtf16(bad).toStdString();
}

TEST(ApiCodecTime, HttpDateAndRetryAfter)
{
    const qint64 t = 1795723205000LL; // Thu, 26 Nov 2026 20:00:05 GMT
    EXPECT_EQ(ApiCodec::parseHttpDate("Thu, 26 Nov 2026 20:00:05 GMT"), t);
    EXPECT_FALSE(ApiCodec::parseHttpDate("Thursday 26 November"));
    EXPECT_EQ(ApiCodec::parseRetryAfter("7", t), 7);
    EXPECT_EQ(ApiCodec::parseRetryAfter(" 0 ", t), 0);
    EXPECT_EQ(ApiCodec::parseRetryAfter("Thu, 26 Nov 2026 20:00:35 GMT", t), 30);
    EXPECT_EQ(ApiCodec::parseRetryAfter("Thu, 26 Nov 2026 19:00:00 GMT", t), 0); // in the past
    EXPECT_EQ(ApiCodec::parseRetryAfter("99999999", t), 3600);                   // clamped
    EXPECT_FALSE(ApiCodec::parseRetryAfter("-5", t));
    EXPECT_FALSE(ApiCodec::parseRetryAfter("soon", t));
    EXPECT_FALSE(ApiCodec::parseRetryAfter("", t));
}

TEST(ApiCodecNodes, DecodesTheContractsExampleAndIgnoresUnknownFields)
{
    const QByteArray body = R"({"server_time":"2026-11-26T20:00:05Z","extra":{"x":1},"nodes":[
      {"node_id":"fsn1-shared-07","hostname":"fsn1-shared-07.nodes.example.net","ipv4":"203.0.113.17",
       "region":"fsn1","placement":"shared","role":"shared","tenant_id":null,"stack":"fsn1",
       "accepts_tenants":true,"status":"active","created_at":"2026-10-01T08:00:00Z","future_field":[1,2],
       "metrics":{"cpu_pct":37.5,"memory_pct":61.0,"disk_pct":48.2,"tenant_count":12,
                  "updated_at":"2026-11-26T19:58:41Z","gpu_pct":3}},
      {"node_id":"hel1-shared-01","hostname":"h","ipv4":"203.0.113.18","region":"hel1",
       "placement":"shared","role":"shared","tenant_id":null,"stack":null,"accepts_tenants":true,
       "status":"active","created_at":"2026-10-01T08:00:00Z","metrics":null},
      {"node_id":"nbg1-shared-01","hostname":"h","ipv4":"203.0.113.19","region":"nbg1",
       "placement":"shared","role":"shared","accepts_tenants":true,"status":"active",
       "metrics":{"cpu_pct":null,"memory_pct":null,"disk_pct":null,"tenant_count":null,
                  "updated_at":"2026-11-26T19:59:00.5Z"}}]})";
    const auto decoded = ApiCodec::decodeNodes(body);
    ASSERT_TRUE(decoded.value) << decoded.error.toStdString();
    const NodesSnapshot &s = *decoded.value;
    EXPECT_TRUE(s.warnings.isEmpty()) << s.warnings.join(u"; "_s).toStdString();
    ASSERT_EQ(s.nodes.size(), 3);
    EXPECT_EQ(s.nodes[0].metrics->cpuPct, 37.5);
    EXPECT_EQ(s.nodes[0].metrics->tenantCount, 12);
    EXPECT_EQ(s.nodes[0].stack, u"fsn1"_s);
    EXPECT_FALSE(s.nodes[0].tenantId);
    EXPECT_FALSE(s.nodes[1].metrics);
    EXPECT_FALSE(s.nodes[1].stack);
    ASSERT_TRUE(s.nodes[2].metrics);
    EXPECT_FALSE(s.nodes[2].metrics->cpuPct);
    EXPECT_FALSE(s.nodes[2].metrics->tenantCount);
    EXPECT_EQ(s.nodes[2].metrics->updatedAtMs % 1000, 500);
}

TEST(ApiCodecNodes, WrongTypesInOneNodeBecomeWarningsNotALostFleet)
{
    const QByteArray body = R"({"server_time":"2026-11-26T20:00:05Z","nodes":[
      {"node_id":"ok-1","placement":"shared","accepts_tenants":true,"status":"active","metrics":null},
      {"node_id":"bad-types","placement":7,"accepts_tenants":"yes","status":"active",
       "metrics":{"cpu_pct":"high","memory_pct":250,"disk_pct":1e308,"tenant_count":-3,
                  "updated_at":"2026-11-26T19:58:41Z"}},
      {"node_id":"BAD ID"}, 42]})";
    const auto decoded = ApiCodec::decodeNodes(body);
    ASSERT_TRUE(decoded.value);
    const NodesSnapshot &s = *decoded.value;
    ASSERT_EQ(s.nodes.size(), 2);
    EXPECT_EQ(s.nodes[1].nodeId, u"bad-types"_s);
    EXPECT_TRUE(s.nodes[1].placement.isEmpty());
    ASSERT_TRUE(s.nodes[1].metrics);
    EXPECT_FALSE(s.nodes[1].metrics->cpuPct);
    EXPECT_FALSE(s.nodes[1].metrics->memoryPct);
    EXPECT_FALSE(s.nodes[1].metrics->tenantCount);
    EXPECT_EQ(s.warnings.size(), 3); // bad-types, the invalid id, the non-object entry
    EXPECT_TRUE(s.warnings.join(u' ').contains(u"bad-types"_s));
}

TEST(ApiCodecNodes, BrokenAnswersAreClearErrors)
{
    EXPECT_FALSE(ApiCodec::decodeNodes("<html>502 Bad Gateway</html>").error.isEmpty());
    EXPECT_FALSE(ApiCodec::decodeNodes("[1,2,3]").error.isEmpty());
    EXPECT_FALSE(ApiCodec::decodeNodes(R"({"nodes":[]})").error.isEmpty()); // no server_time
    EXPECT_FALSE(ApiCodec::decodeNodes(R"({"server_time":"2026-11-26T20:00:05Z","nodes":{}})")
                     .error.isEmpty());
    EXPECT_FALSE(ApiCodec::decodeNodes(QByteArray("{\"server_time\":\"\xff\xfe\"}")).value);
    QByteArray deep(100000, '[');
    EXPECT_FALSE(ApiCodec::decodeNodes(deep).value);
}

// Found by fuzz/fuzz_jsonreader: QString::fromUtf8 drops a byte-order mark at the start of its
// input, so the fast path lost a U+FEFF that followed an escape, where QJsonDocument keeps it.
// (QJsonDocument itself drops one that opens a string without escapes; so does the fast path.)
TEST(ApiCodecNodes, AByteOrderMarkInsideAStringIsKept)
{
    const QByteArray body = "{\"server_time\":\"2026-11-26T20:00:05Z\",\"nodes\":[{\"node_id\":"
                            "\"\xef\xbb\xbf"
                            "a\",\"hostname\":\"q\\\"\xef\xbb\xbf\xef\xbb\xbf"
                            "b\","
                            "\"region\":\"\xc3\xa9\\n\xef\xbb\xbf\"}]}";
    expectSameAsReference(body);
    const auto decoded = ApiCodec::decodeNodes(body);
    ASSERT_TRUE(decoded.value) << decoded.error.toStdString();
    ASSERT_EQ(decoded.value->nodes.size(), 1);
    EXPECT_EQ(decoded.value->nodes[0].nodeId, u"a"_s);
    EXPECT_EQ(decoded.value->nodes[0].hostname, u"q\"\ufeff\ufeffb"_s);
    EXPECT_EQ(decoded.value->nodes[0].region, u"\u00e9\n\ufeff"_s);
}

TEST(ApiCodecNodes, FastPathMatchesTheQJsonDocumentReference)
{
    expectSameAsReference(ValidBody);
    const auto decoded = ApiCodec::decodeNodes(ValidBody);
    ASSERT_TRUE(decoded.value) << decoded.error.toStdString();
    ASSERT_EQ(decoded.value->nodes.size(), 3);
    EXPECT_EQ(decoded.value->nodes[1].hostname, u"h\u00e9\U0001F600"_s);
    EXPECT_EQ(decoded.value->nodes[1].tenantId, u"Acme \"Corp\"\n"_s);
    EXPECT_EQ(decoded.value->nodes[2].hostname, u"héllo-wörld-노드"_s);
    EXPECT_EQ(decoded.value->warnings.size(), 4); // the four entries that are not objects

    // Every shape the contract allows and the ones it does not, one field at a time.
    const QList<QByteArray> values{"null",
                                   "true",
                                   "false",
                                   "0",
                                   "-0",
                                   "1.5e2",
                                   "1e308",
                                   "1e400",
                                   "-1e-400",
                                   "12345678901234567890",
                                   "\"\"",
                                   "\"fsn1\"",
                                   "\"2026-11-26T19:58:41Z\"",
                                   "\"\\u0032026-11-26T19:58:41Z\"",
                                   "[]",
                                   "{}",
                                   "{\"a\":[{}]}",
                                   "\"\\ud800\"",
                                   "01",
                                   "1.",
                                   ".5"};
    const QList<QByteArray> fields{"node_id",         "hostname",   "region",  "tenant_id",
                                   "accepts_tenants", "created_at", "metrics", "cpu_pct",
                                   "tenant_count",    "updated_at"};
    for (const QByteArray &field : fields) {
        for (const QByteArray &value : values) {
            QByteArray body = ValidBody;
            body.replace(QByteArray("\"" + field + "\":"),
                         QByteArray("\"" + field + "\":" + value + ",\"was\":"));
            expectSameAsReference(body);
        }
    }
    for (const QByteArray &value : values) {
        expectSameAsReference(R"({"server_time":)" + value + R"(,"nodes":[]})");
        expectSameAsReference(R"({"server_time":"2026-11-26T20:00:05Z","nodes":)" + value + "}");
    }
}

TEST(ApiCodecNodes, HostileBodiesAreClearErrorsOrWarningsNeverACrash)
{
    const QByteArray ok = R"({"server_time":"2026-11-26T20:00:05Z","nodes":[)";
    const QList<QByteArray> bodies{
        "",
        " ",
        "null",
        "\"nodes\"",
        "{",
        "}",
        "{}",
        "[]",
        "\xef\xbb\xbf{}",
        "{\"nodes\":[]}x",
        "<html>502 Bad Gateway</html>",
        // wrong types at the root and in nodes
        R"({"server_time":20261126,"nodes":[]})",
        ok + R"({"node_id":["a"]}]})",
        ok + R"({"node_id":"a","metrics":[1]}]})",
        ok + R"({"node_id":"a","metrics":"x"}]})",
        // huge numbers
        ok + R"({"node_id":"a","metrics":{"updated_at":"2026-11-26T20:00:05Z","cpu_pct":1e999}}]})",
        ok + R"({"node_id":"a","metrics":{"updated_at":"2026-11-26T20:00:05Z","tenant_count":)" +
            QByteArray(400, '9') + "}}]}",
        ok +
            R"({"node_id":"a","metrics":{"updated_at":"2026-11-26T20:00:05Z","tenant_count":1e13}}]})",
        // duplicate keys: QJsonDocument keeps the last
        R"({"server_time":"2026-11-26T20:00:05Z","server_time":"x","nodes":[]})",
        ok + R"({"node_id":"a","node_id":"b"}], "nodes":[]})",
        ok + R"({"node_id":"a","region":"x","region":"y","metrics":null,"metrics":{}}]})",
        // invalid UTF-8, control characters, bad escapes, lone surrogates
        ok + "{\"node_id\":\"a\",\"hostname\":\"\xff\"}]}",
        ok + "{\"node_id\":\"a\",\"hostname\":\"\xc0\x80\"}]}",
        ok + "{\"node_id\":\"a\",\"hostname\":\"\xed\xa0\x80\"}]}",
        ok + "{\"node_id\":\"a\",\"hostname\":\"\xf4\x90\x80\x80\"}]}",
        ok + "{\"node_id\":\"a\",\"hostname\":\"\xe2\x82\"}]}",
        ok + "{\"node_id\":\"a\",\"hostname\":\"tab\there\"}]}",
        ok + R"({"node_id":"a","hostname":"\x"}]})",
        ok + R"({"node_id":"a","hostname":"\u12"}]})",
        ok + R"({"node_id":"a","hostname":"\udc00"}]})",
        ok + R"({"node_id":"a","hostname":"\ud800\u0041"}]})",
        ok + R"({"node\u005fid":"a"}]})",
        ok + "{\"n\xc3\xa9\":1,\"node_id\":\"a\"}]}",
        // deep nesting inside an ignored field and as the node list
        ok + R"({"node_id":"a","x":)" + QByteArray(100000, '[') + "]}",
        ok + R"({"node_id":"a","x":)" + QByteArray(500, '[') + QByteArray(500, ']') + "}]}",
        ok + QByteArray(200000, '{'),
        ok + QByteArray(1, '\0') + "]}",
    };
    for (const QByteArray &body : bodies)
        expectSameAsReference(body);
    EXPECT_FALSE(
        ApiCodec::decodeNodes(ok + "{\"node_id\":\"a\",\"hostname\":\"\xff\"}]}").error.isEmpty());
    EXPECT_FALSE(ApiCodec::decodeNodes(ok + QByteArray(200000, '{')).error.isEmpty());

    // Every truncation of a valid body.
    for (qsizetype n = 0; n < ValidBody.size(); ++n) {
        const auto decoded = ApiCodec::decodeNodes(ValidBody.left(n));
        EXPECT_FALSE(decoded.value) << n;
        EXPECT_FALSE(decoded.error.isEmpty()) << n;
        expectSameAsReference(ValidBody.left(n));
    }
}

TEST(ApiCodecNodes, RandomMutationsDecodeLikeTheReference)
{
    // A deterministic small fuzz: bytes replaced, inserted or removed, drawn from what makes JSON
    // interesting. Issue 9 fuzzes further.
    static const char Alphabet[] = "{}[]\":,\\ -+.0123456789eEtrufalsn\x80\xc3\xff\t\n";
    QRandomGenerator random(8);
    for (int round = 0; round < 3000; ++round) {
        QByteArray body = ValidBody;
        const int edits = 1 + int(random.bounded(3));
        for (int e = 0; e < edits; ++e) {
            const auto at = qsizetype(random.bounded(int(body.size())));
            const char c = Alphabet[random.bounded(int(sizeof(Alphabet) - 1))];
            switch (random.bounded(3)) {
            case 0:
                body[at] = c;
                break;
            case 1:
                body.insert(at, c);
                break;
            default:
                body.remove(at, 1);
                break;
            }
        }
        expectSameAsReference(body);
        if (::testing::Test::HasFailure())
            return;
    }
}

TEST(ApiCodecErrors, ErrorBodyShape)
{
    ApiError e;
    ApiCodec::decodeErrorBody(
        R"({"error":{"code":"validation_failed","message":"bad","fields":{"tenant_id":"too long"}}})",
        &e);
    EXPECT_EQ(e.code, u"validation_failed"_s);
    EXPECT_EQ(e.serverMessage, u"bad"_s);
    EXPECT_EQ(e.fields.value(u"tenant_id"_s), u"too long"_s);
    ApiError none;
    ApiCodec::decodeErrorBody("not json", &none);
    EXPECT_TRUE(none.code.isEmpty());
}

TEST(ApiErrorText, EveryKindHasAMessageThatNamesTheHost)
{
    ApiError e;
    e.url = QUrl(u"https://cp.example.net"_s);
    for (auto kind : {ApiError::Kind::Network, ApiError::Kind::Timeout, ApiError::Kind::Tls,
                      ApiError::Kind::Redirect, ApiError::Kind::TooLarge, ApiError::Kind::Decode}) {
        e.kind = kind;
        EXPECT_TRUE(e.message().contains(u"cp.example.net"_s)) << int(kind);
    }
    e.kind = ApiError::Kind::Http;
    e.httpStatus = 429;
    e.retryAfterSeconds = 7;
    EXPECT_TRUE(e.message().contains(u"7 seconds"_s)) << e.message().toStdString();
    EXPECT_TRUE(e.isRetryable());
    e.httpStatus = 422;
    e.code = u"stack_conflict"_s;
    EXPECT_TRUE(e.message().contains(u"another tenant"_s));
    EXPECT_FALSE(e.isRetryable());
}

namespace {
NodesSnapshot fleetOf(const QList<std::pair<QString, double>> &nodes)
{
    NodesSnapshot s;
    for (const auto &[id, cpu] : nodes) {
        Node n;
        n.nodeId = id;
        n.metrics = NodeMetrics{cpu, 1.0, 2.0, 3, 1000};
        s.nodes.append(n);
    }
    return s;
}
} // namespace

TEST(SnapshotDelta, NamesTheChangedPositionsWhenTheIdsAreWhereTheyWere)
{
    NodesSnapshot first = fleetOf({{u"a"_s, 1}, {u"b"_s, 2}, {u"c"_s, 3}});
    SnapshotDelta::mark(nullptr, first);
    EXPECT_GT(first.generation, 0u);
    EXPECT_EQ(first.sameIdsAsGeneration, 0u); // nothing to compare with

    NodesSnapshot second = fleetOf({{u"a"_s, 1}, {u"b"_s, 20}, {u"c"_s, 30}});
    SnapshotDelta::mark(&first, second);
    EXPECT_GT(second.generation, first.generation);
    EXPECT_EQ(second.sameIdsAsGeneration, first.generation);
    EXPECT_EQ(second.changedPositions, (QList<int>{1, 2}));

    // Another order, another size, or an unnumbered snapshot: no delta.
    NodesSnapshot reordered = fleetOf({{u"b"_s, 20}, {u"a"_s, 1}, {u"c"_s, 30}});
    SnapshotDelta::mark(&second, reordered);
    EXPECT_EQ(reordered.sameIdsAsGeneration, 0u);
    EXPECT_TRUE(reordered.changedPositions.isEmpty());
    NodesSnapshot shorter = fleetOf({{u"a"_s, 1}, {u"b"_s, 20}});
    SnapshotDelta::mark(&second, shorter);
    EXPECT_EQ(shorter.sameIdsAsGeneration, 0u);
    NodesSnapshot stored = fleetOf({{u"a"_s, 1}, {u"b"_s, 20}, {u"c"_s, 30}}); // generation 0
    NodesSnapshot next = stored;
    SnapshotDelta::mark(&stored, next);
    EXPECT_EQ(next.sameIdsAsGeneration, 0u);
}
