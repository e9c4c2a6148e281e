// Silences (control-plane-api.md, Optional capabilities, Silences; docs/cp-sim.md): the three
// endpoints' shapes, roles, idempotency by silence_id, every validation rule leaving the list as it
// was, ending early, what is listed when, the audit rows, persistence, the demo's silences, and a
// run without the capability.
#include "cpsimtest.h"

#include <QTemporaryDir>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace prego::test;
using ::testing::PrintToString;

namespace {

constexpr qint64 Hour = 3600;
constexpr qint64 Day = 24 * Hour;

QString newSilenceId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString rfc3339(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

// The simulator's clock (whoami's server_time), which ends_at is checked against.
QDateTime serverNow(HttpTestClient &client)
{
    const HttpResult result = client.get(u"/internal/whoami"_s);
    EXPECT_EQ(result.status, 200) << describe(result).toStdString();
    return parseTime(result.json().value(u"server_time"_s));
}

QJsonArray listSilences(HttpTestClient &client, const QString &query = {})
{
    const HttpResult result =
        client.get(query.isEmpty() ? u"/internal/silences"_s : u"/internal/silences?"_s + query);
    EXPECT_EQ(result.status, 200) << describe(result).toStdString();
    return result.json().value(u"silences"_s).toArray();
}

QStringList silenceIds(const QJsonArray &silences)
{
    QStringList ids;
    for (const QJsonValue &s : silences)
        ids << s.toObject().value(u"silence_id"_s).toString();
    return ids;
}

QJsonObject findSilence(const QJsonArray &silences, const QString &id)
{
    for (const QJsonValue &s : silences) {
        if (s.toObject().value(u"silence_id"_s).toString() == id)
            return s.toObject();
    }
    return {};
}

// Every field of the contract's Silence, with its type; timestamps as docs/cp-sim.md writes them.
::testing::AssertionResult isSilence(const QJsonObject &s)
{
    const QString text = QString::fromUtf8(QJsonDocument(s).toJson(QJsonDocument::Compact));
    const QStringList keys{u"silence_id"_s, u"node_ids"_s,   u"region"_s,
                           u"starts_at"_s,  u"ends_at"_s,    u"ended_at"_s,
                           u"reason"_s,     u"created_by"_s, u"created_at"_s};
    QStringList have = s.keys();
    QStringList want = keys;
    have.sort();
    want.sort();
    if (have != want)
        return ::testing::AssertionFailure() << "fields differ from the contract's: " << text;
    if (!s.value(u"node_ids"_s).isArray() ||
        !(s.value(u"region"_s).isNull() || s.value(u"region"_s).isString()) ||
        !s.value(u"reason"_s).isString() || !s.value(u"created_by"_s).isString())
        return ::testing::AssertionFailure() << "wrong types: " << text;
    for (const QString &time : {u"starts_at"_s, u"ends_at"_s, u"created_at"_s}) {
        if (!isRfc3339Utc(s.value(time).toString()))
            return ::testing::AssertionFailure() << time << " is not RFC 3339 UTC: " << text;
    }
    if (!s.value(u"ended_at"_s).isNull() && !isRfc3339Utc(s.value(u"ended_at"_s).toString()))
        return ::testing::AssertionFailure() << "ended_at is neither null nor a time: " << text;
    if (s.value(u"node_ids"_s).toArray().isEmpty() == s.value(u"region"_s).isNull())
        return ::testing::AssertionFailure()
               << "exactly one of node_ids and region names what is silenced: " << text;
    return ::testing::AssertionSuccess();
}

class CpSimSilences : public CpSimTest
{
protected:
    QStringList simArgs() const override { return {u"--enable-sim-admin"_s}; }

    void SetUp() override
    {
        ASSERT_NO_FATAL_FAILURE(CpSimTest::SetUp());
        for (const auto &[id, region] :
             {std::pair{u"fsn1-shared-01"_s, u"fsn1"_s}, std::pair{u"fsn1-shared-02"_s, u"fsn1"_s},
              std::pair{u"nbg1-shared-01"_s, u"nbg1"_s}})
            ASSERT_EQ(registerNode(nodeBody(id, region)).status, 201);
    }

    // A body silencing nodes until `secondsAhead` after the server's now.
    QJsonObject nodesBody(const QStringList &nodeIds, qint64 secondsAhead,
                          const QString &reason = u"kernel upgrade"_s)
    {
        return QJsonObject{
            {u"silence_id"_s, newSilenceId()},
            {u"node_ids"_s, QJsonArray::fromStringList(nodeIds)},
            {u"ends_at"_s, rfc3339(serverNow(*op).addSecs(secondsAhead))},
            {u"reason"_s, reason},
        };
    }
    QJsonObject regionBody(const QString &region, qint64 secondsAhead,
                           const QString &reason = u"provider maintenance"_s)
    {
        return QJsonObject{
            {u"silence_id"_s, newSilenceId()},
            {u"region"_s, region},
            {u"ends_at"_s, rfc3339(serverNow(*op).addSecs(secondsAhead))},
            {u"reason"_s, reason},
        };
    }

    HttpResult create(const QJsonObject &body, HttpTestClient *client = nullptr)
    {
        return (client ? client : op.get())->post(u"/internal/silences"_s, body);
    }
    HttpResult end(const QString &id, HttpTestClient *client = nullptr)
    {
        return (client ? client : op.get())->send("DELETE", u"/internal/silences/"_s + id, {}, {});
    }
    // Creates it (201) and returns the answer.
    QJsonObject created(const QJsonObject &body)
    {
        const HttpResult result = create(body);
        EXPECT_EQ(result.status, 201) << describe(result).toStdString();
        return result.json();
    }

    // The audit rows that belong to no job (GET /sim/audit), oldest first.
    QJsonArray audit(const QString &action = {})
    {
        const HttpResult result =
            op->get(action.isEmpty() ? u"/sim/audit"_s : u"/sim/audit?action="_s + action);
        EXPECT_EQ(result.status, 200) << describe(result).toStdString();
        return result.json().value(u"audit"_s).toArray();
    }

    void setClockOffset(qint64 seconds)
    {
        const HttpResult result =
            op->post(u"/sim/clock"_s, QJsonObject{{u"offset_seconds"_s, seconds}});
        ASSERT_EQ(result.status, 204) << describe(result).toStdString();
    }
};

TEST_F(CpSimSilences, CreateListAndEndHaveTheContractsShapes)
{
    const QDateTime before = serverNow(*op);
    const QJsonObject nodesRequest =
        nodesBody({u"fsn1-shared-01"_s, u"nbg1-shared-01"_s}, 4 * Hour);
    const QJsonObject onNodes = created(nodesRequest);
    EXPECT_TRUE(isSilence(onNodes));
    EXPECT_EQ(onNodes.value(u"silence_id"_s), nodesRequest.value(u"silence_id"_s));
    EXPECT_EQ(onNodes.value(u"node_ids"_s).toArray(),
              (QJsonArray{u"fsn1-shared-01"_s, u"nbg1-shared-01"_s}));
    EXPECT_TRUE(onNodes.value(u"region"_s).isNull());
    EXPECT_EQ(parseTime(onNodes.value(u"ends_at"_s)), parseTime(nodesRequest.value(u"ends_at"_s)));
    EXPECT_TRUE(onNodes.value(u"ended_at"_s).isNull());
    EXPECT_EQ(onNodes.value(u"reason"_s).toString(), u"kernel upgrade"_s);
    EXPECT_EQ(onNodes.value(u"created_by"_s).toString(), u"test-operator"_s);
    // starts_at = now, on the server's clock.
    EXPECT_EQ(onNodes.value(u"starts_at"_s), onNodes.value(u"created_at"_s));
    const double startDelay =
        double(before.msecsTo(parseTime(onNodes.value(u"starts_at"_s)))) / 1000.0;
    EXPECT_GE(startDelay, 0.0);
    EXPECT_LE(startDelay, 10.0);

    const QJsonObject onRegion = created(regionBody(u"nbg1"_s, 2 * Hour));
    EXPECT_TRUE(isSilence(onRegion));
    EXPECT_EQ(onRegion.value(u"node_ids"_s).toArray(), QJsonArray());
    EXPECT_EQ(onRegion.value(u"region"_s).toString(), u"nbg1"_s);

    // Newest first, for a viewer too, with the server's time.
    const HttpResult listed = viewer->get(u"/internal/silences"_s);
    ASSERT_EQ(listed.status, 200) << describe(listed).toStdString();
    EXPECT_TRUE(isRfc3339Utc(listed.json().value(u"server_time"_s).toString()));
    const QJsonArray silences = listed.json().value(u"silences"_s).toArray();
    ASSERT_EQ(silences.size(), 2) << PrintToString(silences);
    EXPECT_EQ(silences[0].toObject(), onRegion);
    EXPECT_EQ(silences[1].toObject(), onNodes);

    const QString id = onNodes.value(u"silence_id"_s).toString();
    const HttpResult ended = end(id);
    ASSERT_EQ(ended.status, 200) << describe(ended).toStdString();
    const QJsonObject endedSilence = ended.json();
    EXPECT_TRUE(isSilence(endedSilence));
    const double endedAfter =
        secondsBetween(listed.json().value(u"server_time"_s), endedSilence.value(u"ended_at"_s));
    EXPECT_GE(endedAfter, 0.0);
    EXPECT_LE(endedAfter, 10.0);
    QJsonObject unchanged = endedSilence;
    unchanged.insert(u"ended_at"_s, QJsonValue::Null);
    EXPECT_EQ(unchanged, onNodes) << "ending changes ended_at only";
    EXPECT_EQ(findSilence(listSilences(*op), id), endedSilence);

    // The audit trail: who did what to which silence.
    const QJsonArray rows = audit();
    ASSERT_EQ(rows.size(), 3) << PrintToString(rows);
    const QStringList actions{rows[0].toObject().value(u"action"_s).toString(),
                              rows[1].toObject().value(u"action"_s).toString(),
                              rows[2].toObject().value(u"action"_s).toString()};
    EXPECT_EQ(actions,
              (QStringList{u"silence.created"_s, u"silence.created"_s, u"silence.ended"_s}));
    EXPECT_EQ(rows[0].toObject().value(u"subject"_s).toString(), id);
    EXPECT_EQ(rows[1].toObject().value(u"subject"_s), onRegion.value(u"silence_id"_s));
    EXPECT_EQ(rows[2].toObject().value(u"subject"_s).toString(), id);
    for (const QJsonValue &row : rows) {
        EXPECT_EQ(row.toObject().value(u"actor"_s).toString(), u"test-operator"_s);
        EXPECT_TRUE(isRfc3339Utc(row.toObject().value(u"at"_s).toString()));
    }
}

TEST_F(CpSimSilences, OnlyAnOperatorSetsAndEndsSilences)
{
    const QJsonObject existing = created(nodesBody({u"fsn1-shared-01"_s}, Hour));
    const QString id = existing.value(u"silence_id"_s).toString();
    const QJsonArray before = listSilences(*op);

    EXPECT_EQ(viewer->get(u"/internal/silences"_s).status, 200);
    EXPECT_EQ(viewer->get(u"/internal/silences?active=true"_s).status, 200);
    const QJsonObject byViewer = nodesBody({u"fsn1-shared-02"_s}, Hour);
    EXPECT_TRUE(isError(create(byViewer, viewer.get()), 403, u"forbidden"_s));
    EXPECT_TRUE(isError(end(id, viewer.get()), 403, u"forbidden"_s));

    EXPECT_TRUE(isError(agent->get(u"/internal/silences"_s), 403, u"forbidden"_s));
    EXPECT_TRUE(
        isError(create(nodesBody({u"fsn1-shared-02"_s}, Hour), agent.get()), 403, u"forbidden"_s));
    EXPECT_TRUE(isError(end(id, agent.get()), 403, u"forbidden"_s));

    EXPECT_TRUE(isError(anon->get(u"/internal/silences"_s), 401, u"unauthorized"_s));
    EXPECT_TRUE(isError(create(nodesBody({u"fsn1-shared-02"_s}, Hour), anon.get()), 401,
                        u"unauthorized"_s));
    EXPECT_TRUE(isError(end(id, anon.get()), 401, u"unauthorized"_s));

    // Nothing changed: the same list, the silence still in force, one audit row.
    EXPECT_EQ(listSilences(*op), before);
    EXPECT_TRUE(findSilence(listSilences(*op), id).value(u"ended_at"_s).isNull());
    EXPECT_EQ(audit().size(), 1);
}

TEST_F(CpSimSilences, WrongMethodIs405WithAllow)
{
    const HttpResult onCollection = op->send("DELETE", u"/internal/silences"_s, {}, {});
    EXPECT_TRUE(isError(onCollection, 405, u"method_not_allowed"_s));
    EXPECT_EQ(onCollection.header("Allow"), QByteArray("GET, POST"));
    const HttpResult onOne = op->get(u"/internal/silences/"_s + newSilenceId());
    EXPECT_TRUE(isError(onOne, 405, u"method_not_allowed"_s));
    EXPECT_EQ(onOne.header("Allow"), QByteArray("DELETE"));
}

TEST_F(CpSimSilences, SameIdAndBodyIsAReplayAndAnotherBodyIsRefused)
{
    QJsonObject body = nodesBody({u"fsn1-shared-01"_s, u"fsn1-shared-02"_s}, 2 * Hour);
    const HttpResult first = create(body);
    ASSERT_EQ(first.status, 201) << describe(first).toStdString();

    // The same request again, its end written with an offset instead of Z: the same silence.
    const QDateTime endsAt = parseTime(body.value(u"ends_at"_s));
    QJsonObject sameWithOffset = body;
    sameWithOffset.insert(u"ends_at"_s,
                          endsAt.toOffsetFromUtc(2 * 3600).toString(Qt::ISODateWithMs));
    ASSERT_TRUE(sameWithOffset.value(u"ends_at"_s).toString().endsWith(u"+02:00"_s))
        << PrintToString(sameWithOffset);
    for (const QJsonObject &replay : {body, sameWithOffset}) {
        const HttpResult again = create(replay);
        EXPECT_EQ(again.status, 200) << describe(again).toStdString();
        EXPECT_EQ(again.json(), first.json());
    }
    EXPECT_EQ(listSilences(*op).size(), 1);
    EXPECT_EQ(audit(u"silence.created"_s).size(), 1) << "a replay writes no audit row";

    // The same id with another reason, other nodes, another end or a region: refused, and the
    // stored silence is as it was.
    QJsonObject otherReason = body;
    otherReason.insert(u"reason"_s, u"disk swap"_s);
    QJsonObject otherNodes = body;
    otherNodes.insert(u"node_ids"_s, QJsonArray{u"fsn1-shared-01"_s});
    QJsonObject otherEnd = body;
    otherEnd.insert(u"ends_at"_s, rfc3339(endsAt.addSecs(60)));
    QJsonObject region = body;
    region.remove(u"node_ids"_s);
    region.insert(u"region"_s, u"fsn1"_s);
    for (const QJsonObject &reused : {otherReason, otherNodes, otherEnd, region}) {
        SCOPED_TRACE(PrintToString(reused));
        EXPECT_TRUE(isError(create(reused), 422, u"idempotency_key_reused"_s));
    }
    EXPECT_EQ(listSilences(*op), QJsonArray{first.json()});
    EXPECT_EQ(audit().size(), 1);
}

TEST_F(CpSimSilences, AReplayAnswersTheSameAfterTheSilenceHasEnded)
{
    const QJsonObject body = nodesBody({u"fsn1-shared-01"_s}, Hour);
    const HttpResult first = create(body);
    ASSERT_EQ(first.status, 201) << describe(first).toStdString();
    ASSERT_NO_FATAL_FAILURE(setClockOffset(2 * Hour));
    // Its ends_at is in the past now, which a new silence may not have; a replay is not new.
    const HttpResult replay = create(body);
    EXPECT_EQ(replay.status, 200) << describe(replay).toStdString();
    EXPECT_EQ(replay.json(), first.json());
}

TEST_F(CpSimSilences, InvalidRequestsNameTheFieldAndChangeNothing)
{
    const QJsonObject existing = created(regionBody(u"fsn1"_s, Hour));
    const QJsonArray before = listSilences(*op);
    const qsizetype auditBefore = audit().size();

    QJsonObject withoutId = nodesBody({u"fsn1-shared-01"_s}, Hour);
    withoutId.remove(u"silence_id"_s);
    QJsonObject notUuid = nodesBody({u"fsn1-shared-01"_s}, Hour);
    notUuid.insert(u"silence_id"_s, u"maintenance-1"_s);
    QJsonObject both = nodesBody({u"fsn1-shared-01"_s}, Hour);
    both.insert(u"region"_s, u"fsn1"_s);
    QJsonObject neither = nodesBody({u"fsn1-shared-01"_s}, Hour);
    neither.remove(u"node_ids"_s);
    QJsonObject nullNodes = neither;
    nullNodes.insert(u"node_ids"_s, QJsonValue::Null);
    QStringList tooMany;
    for (int i = 1; i <= 501; ++i)
        tooMany << u"fsn1-shared-%1"_s.arg(i, 3, 10, QLatin1Char('0'));
    QJsonObject noEnd = nodesBody({u"fsn1-shared-01"_s}, Hour);
    noEnd.remove(u"ends_at"_s);
    QJsonObject endWithoutZone = nodesBody({u"fsn1-shared-01"_s}, Hour);
    endWithoutZone.insert(u"ends_at"_s, endWithoutZone.value(u"ends_at"_s).toString().chopped(1));
    QJsonObject endNotATime = nodesBody({u"fsn1-shared-01"_s}, Hour);
    endNotATime.insert(u"ends_at"_s, u"tomorrow"_s);
    QJsonObject noReason = nodesBody({u"fsn1-shared-01"_s}, Hour);
    noReason.remove(u"reason"_s);

    const struct
    {
        const char *what;
        QJsonObject body;
        QStringList fields;
    } cases[] = {
        {"no silence_id", withoutId, {u"silence_id"_s}},
        {"silence_id not a UUID", notUuid, {u"silence_id"_s}},
        {"both node_ids and region", both, {u"node_ids"_s, u"region"_s}},
        {"neither node_ids nor region", neither, {u"node_ids"_s, u"region"_s}},
        {"node_ids null and no region", nullNodes, {u"node_ids"_s, u"region"_s}},
        {"no node", nodesBody({}, Hour), {u"node_ids"_s}},
        {"501 nodes", nodesBody(tooMany, Hour), {u"node_ids"_s}},
        {"an unknown node",
         nodesBody({u"fsn1-shared-01"_s, u"fsn1-shared-99"_s}, Hour),
         {u"node_ids"_s}},
        {"a node twice",
         nodesBody({u"fsn1-shared-01"_s, u"fsn1-shared-01"_s}, Hour),
         {u"node_ids"_s}},
        {"a node id that cannot be one", nodesBody({u"FSN1 shared"_s}, Hour), {u"node_ids"_s}},
        {"an unknown region", regionBody(u"mars"_s, Hour), {u"region"_s}},
        {"a region without nodes", regionBody(u"sin"_s, Hour), {u"region"_s}},
        {"an end in the past", nodesBody({u"fsn1-shared-01"_s}, -60), {u"ends_at"_s}},
        {"an end now", nodesBody({u"fsn1-shared-01"_s}, 0), {u"ends_at"_s}},
        {"an end more than 7 days ahead",
         nodesBody({u"fsn1-shared-01"_s}, 7 * Day + 60),
         {u"ends_at"_s}},
        {"no end", noEnd, {u"ends_at"_s}},
        {"an end without a zone", endWithoutZone, {u"ends_at"_s}},
        {"an end that is not a time", endNotATime, {u"ends_at"_s}},
        {"no reason", noReason, {u"reason"_s}},
        {"an empty reason", nodesBody({u"fsn1-shared-01"_s}, Hour, u""_s), {u"reason"_s}},
        {"a blank reason", nodesBody({u"fsn1-shared-01"_s}, Hour, u"   "_s), {u"reason"_s}},
        {"a reason of 501 characters",
         nodesBody({u"fsn1-shared-01"_s}, Hour, QString(501, u'x')),
         {u"reason"_s}},
        {"a Korean reason of 501 characters",
         nodesBody({u"fsn1-shared-01"_s}, Hour, QString(501, QChar(0xC810))), // 점
         {u"reason"_s}},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.what);
        const HttpResult result = create(c.body);
        EXPECT_TRUE(isValidationError(result, c.fields));
        // Only the fields at fault.
        const QJsonObject fields =
            result.json().value(u"error"_s).toObject().value(u"fields"_s).toObject();
        EXPECT_EQ(fields.size(), c.fields.size()) << describe(result).toStdString();
    }
    EXPECT_TRUE(isError(op->post(u"/internal/silences"_s, QByteArray("{\"silence_id\":")), 400,
                        u"invalid_json"_s));
    EXPECT_TRUE(
        isValidationError(op->post(u"/internal/silences"_s, QByteArray("[]")), {u"body"_s}));

    EXPECT_EQ(listSilences(*op), before);
    EXPECT_EQ(audit().size(), auditBefore);
    EXPECT_EQ(existing, findSilence(before, existing.value(u"silence_id"_s).toString()));
}

TEST_F(CpSimSilences, LimitsAreInclusive)
{
    // 500 characters, counted as characters: Korean (3 bytes each in UTF-8) and an emoji (two
    // UTF-16 units) count one each.
    const QString korean = QString(499, QChar(0xC810)) + QString::fromUtf8("\xF0\x9F\x94\xA7");
    ASSERT_EQ(korean.toUtf8().size(), 499 * 3 + 4);
    const QJsonObject longReason = created(nodesBody({u"fsn1-shared-01"_s}, Hour, korean));
    EXPECT_EQ(longReason.value(u"reason"_s).toString(), korean);
    EXPECT_EQ(findSilence(listSilences(*viewer), longReason.value(u"silence_id"_s).toString())
                  .value(u"reason"_s)
                  .toString(),
              korean);
    EXPECT_EQ(created(nodesBody({u"fsn1-shared-01"_s}, Hour, u"x"_s)).value(u"reason"_s),
              QJsonValue(u"x"_s));

    // Just under 7 days ahead.
    const QJsonObject week = created(nodesBody({u"fsn1-shared-02"_s}, 7 * Day - 60));
    EXPECT_TRUE(isSilence(week));
}

TEST_F(CpSimSilences, FiveHundredNodesAreAcceptedAndFiveHundredOneAreNot)
{
    ASSERT_NO_FATAL_FAILURE(startSim({u"--enable-sim-admin"_s, u"--demo-fleet"_s, u"501"_s}));
    QStringList shared;
    for (const QString &id : nodeIds(listNodes(*op))) {
        if (id.contains(u"-shared-"_s))
            shared << id;
    }
    ASSERT_EQ(shared.size(), 501);
    const QJsonArray before = listSilences(*op);
    EXPECT_TRUE(isValidationError(create(nodesBody(shared, Hour)), {u"node_ids"_s}));
    EXPECT_EQ(listSilences(*op), before);
    const QJsonObject all = created(nodesBody(shared.first(500), Hour));
    EXPECT_EQ(all.value(u"node_ids"_s).toArray().size(), 500);
}

TEST_F(CpSimSilences, EndingTwiceEndsOnceAndAnUnknownIdIs404)
{
    const QString id =
        created(nodesBody({u"fsn1-shared-01"_s}, Hour)).value(u"silence_id"_s).toString();
    const HttpResult first = end(id);
    ASSERT_EQ(first.status, 200) << describe(first).toStdString();
    ASSERT_FALSE(first.json().value(u"ended_at"_s).isNull());
    const HttpResult second = end(id);
    EXPECT_EQ(second.status, 200) << describe(second).toStdString();
    EXPECT_EQ(second.json(), first.json()) << "already ended: unchanged";
    EXPECT_EQ(audit(u"silence.ended"_s).size(), 1);

    const QJsonArray before = listSilences(*op);
    EXPECT_TRUE(isError(end(newSilenceId()), 404, u"not_found"_s));
    EXPECT_EQ(listSilences(*op), before);
}

TEST_F(CpSimSilences, ASilencePastItsEndIsNotEndedAgain)
{
    const QJsonObject silence = created(nodesBody({u"fsn1-shared-01"_s}, Hour));
    ASSERT_NO_FATAL_FAILURE(setClockOffset(2 * Hour));
    const HttpResult ended = end(silence.value(u"silence_id"_s).toString());
    EXPECT_EQ(ended.status, 200) << describe(ended).toStdString();
    EXPECT_EQ(ended.json(), silence) << "over at its ends_at: ended_at stays null";
    EXPECT_EQ(audit(u"silence.ended"_s).size(), 0);
}

TEST_F(CpSimSilences, ActiveTrueListsOnlyThoseInForce)
{
    const QString running =
        created(nodesBody({u"fsn1-shared-01"_s}, 3 * Hour)).value(u"silence_id"_s).toString();
    const QString endedEarly =
        created(regionBody(u"nbg1"_s, 3 * Hour)).value(u"silence_id"_s).toString();
    const QString runsOut =
        created(nodesBody({u"fsn1-shared-02"_s}, Hour)).value(u"silence_id"_s).toString();
    ASSERT_EQ(end(endedEarly).status, 200);

    EXPECT_EQ(silenceIds(listSilences(*viewer, u"active=true"_s)), (QStringList{runsOut, running}));
    EXPECT_EQ(silenceIds(listSilences(*viewer)), (QStringList{runsOut, endedEarly, running}));
    EXPECT_EQ(silenceIds(listSilences(*viewer, u"active=false"_s)),
              silenceIds(listSilences(*viewer)));

    ASSERT_NO_FATAL_FAILURE(setClockOffset(2 * Hour));
    EXPECT_EQ(silenceIds(listSilences(*viewer, u"active=true"_s)), QStringList{running});
    const QJsonObject over = findSilence(listSilences(*viewer), runsOut);
    EXPECT_FALSE(over.isEmpty()) << "a silence past its end is still listed";
    EXPECT_TRUE(over.value(u"ended_at"_s).isNull());

    EXPECT_TRUE(isValidationError(viewer->get(u"/internal/silences?active=yes"_s), {u"active"_s}));
}

TEST_F(CpSimSilences, EndedSilencesAreListedForSevenDays)
{
    const QString endedEarly =
        created(nodesBody({u"fsn1-shared-01"_s}, 3 * Hour)).value(u"silence_id"_s).toString();
    ASSERT_EQ(end(endedEarly).status, 200);
    const QString runsOut =
        created(nodesBody({u"fsn1-shared-02"_s}, 2 * Day)).value(u"silence_id"_s).toString();

    // Six days after ending early, and four after running out: both listed.
    ASSERT_NO_FATAL_FAILURE(setClockOffset(6 * Day));
    EXPECT_EQ(silenceIds(listSilences(*viewer)), (QStringList{runsOut, endedEarly}));
    // Eight days after ending early: gone; the other ended six days ago.
    ASSERT_NO_FATAL_FAILURE(setClockOffset(8 * Day));
    EXPECT_EQ(silenceIds(listSilences(*viewer)), QStringList{runsOut});
    // Seven days and an hour after running out: gone too.
    ASSERT_NO_FATAL_FAILURE(setClockOffset(9 * Day + Hour));
    EXPECT_TRUE(listSilences(*viewer).isEmpty());
    // Gone from the list, not from the audit trail.
    EXPECT_EQ(audit(u"silence.created"_s).size(), 2);
}

// The capability as a run offers it: by default and alone (whoami says so), and not at all.
TEST_F(CpSimSilences, WhoamiOffersSilencesByDefaultAndAlone)
{
    EXPECT_TRUE(whoamiFeatures(*op).contains(u"silences"_s));
    ASSERT_NO_FATAL_FAILURE(startSim({u"--features"_s, u"silences"_s}));
    EXPECT_EQ(whoamiFeatures(*viewer), QStringList{u"silences"_s});
    EXPECT_EQ(viewer->get(u"/internal/silences"_s).status, 200);
}

class CpSimSilencesPersisted : public CpSimSilences
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        CpSimSilences::SetUp();
    }
    QStringList simArgs() const override
    {
        return {u"--enable-sim-admin"_s, u"--db"_s, m_dir.filePath(u"cp.db"_s)};
    }
    QTemporaryDir m_dir;
};

TEST_F(CpSimSilencesPersisted, SilencesAndTheirAuditRowsSurviveARestart)
{
    const QJsonObject body = nodesBody({u"fsn1-shared-01"_s}, Hour);
    ASSERT_EQ(create(body).status, 201);
    const QString endedId = created(regionBody(u"fsn1"_s, Hour)).value(u"silence_id"_s).toString();
    ASSERT_EQ(end(endedId).status, 200);
    const QJsonArray silences = listSilences(*op);
    const QJsonArray rows = audit();
    ASSERT_EQ(rows.size(), 3);

    ASSERT_NO_FATAL_FAILURE(startSim(simArgs()));
    EXPECT_EQ(listSilences(*op), silences);
    EXPECT_EQ(audit(), rows);
    // Idempotency survives too.
    EXPECT_EQ(create(body).status, 200);
    EXPECT_EQ(listSilences(*op).size(), 2);
}

// A run without the capability: the endpoints answer as a control plane without them would
// (404 not_found for every role, 401 without a token), and nothing is stored.
class CpSimWithoutSilences : public CpSimTest
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        CpSimTest::SetUp();
    }
    QStringList dbArgs() const { return {u"--db"_s, m_dir.filePath(u"cp.db"_s)}; }
    QStringList simArgs() const override
    {
        return dbArgs() + QStringList{u"--features"_s, u"none"_s};
    }
    QTemporaryDir m_dir;
};

TEST_F(CpSimWithoutSilences, EndpointsAreNotFoundAndStoreNothing)
{
    EXPECT_EQ(whoamiFeatures(*op), QStringList());
    ASSERT_EQ(registerNode(nodeBody(u"fsn1-shared-01"_s)).status, 201);
    const QJsonObject body{
        {u"silence_id"_s, newSilenceId()},
        {u"node_ids"_s, QJsonArray{u"fsn1-shared-01"_s}},
        {u"ends_at"_s, rfc3339(serverNow(*op).addSecs(Hour))},
        {u"reason"_s, u"kernel upgrade"_s},
    };
    const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    const QString one = u"/internal/silences/"_s + body.value(u"silence_id"_s).toString();
    for (HttpTestClient *client : {op.get(), viewer.get(), agent.get()}) {
        EXPECT_TRUE(isError(client->get(u"/internal/silences"_s), 404, u"not_found"_s));
        EXPECT_TRUE(isError(client->get(u"/internal/silences?active=true"_s), 404, u"not_found"_s));
        EXPECT_TRUE(isError(client->post(u"/internal/silences"_s, json), 404, u"not_found"_s));
        EXPECT_TRUE(isError(client->send("DELETE", one, {}, {}), 404, u"not_found"_s));
    }
    EXPECT_TRUE(isError(anon->get(u"/internal/silences"_s), 401, u"unauthorized"_s));

    // The same database offered with silences: the refused POST stored nothing.
    ASSERT_NO_FATAL_FAILURE(startSim(dbArgs()));
    EXPECT_TRUE(whoamiFeatures(*op).contains(u"silences"_s));
    EXPECT_TRUE(listSilences(*op).isEmpty());
}

// --demo-fleet: a silence in force on a stale node, set by alice-laptop for a kernel upgrade and
// ending in about 3 hours, and one that ended yesterday; seeded once.
class CpSimDemoSilences : public CpSimTest
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        CpSimTest::SetUp();
    }
    QStringList simArgs() const override
    {
        return {
            u"--enable-sim-admin"_s,     u"--demo-fleet"_s, u"8"_s, u"--seed"_s, u"5"_s, u"--db"_s,
            m_dir.filePath(u"demo.db"_s)};
    }
    QTemporaryDir m_dir;
};

TEST_F(CpSimDemoSilences, OneInForceOnAStaleNodeAndOneEndedYesterday)
{
    const HttpResult listed = viewer->get(u"/internal/silences"_s);
    ASSERT_EQ(listed.status, 200) << describe(listed).toStdString();
    const QJsonValue serverTime = listed.json().value(u"server_time"_s);
    const QJsonArray silences = listed.json().value(u"silences"_s).toArray();
    ASSERT_EQ(silences.size(), 2) << PrintToString(silences);

    const QJsonArray active = listSilences(*viewer, u"active=true"_s);
    ASSERT_EQ(active.size(), 1) << PrintToString(active);
    const QJsonObject inForce = active[0].toObject();
    EXPECT_TRUE(isSilence(inForce));
    EXPECT_EQ(inForce.value(u"reason"_s).toString(), u"kernel upgrade"_s);
    EXPECT_EQ(inForce.value(u"created_by"_s).toString(), u"alice-laptop"_s);
    EXPECT_TRUE(inForce.value(u"ended_at"_s).isNull());
    EXPECT_NEAR(secondsBetween(serverTime, inForce.value(u"ends_at"_s)), 3.0 * Hour, 600.0);
    const QJsonArray nodeIdsSilenced = inForce.value(u"node_ids"_s).toArray();
    ASSERT_EQ(nodeIdsSilenced.size(), 1);
    const QJsonObject node = findNode(listNodes(*viewer), nodeIdsSilenced[0].toString());
    ASSERT_FALSE(node.isEmpty()) << PrintToString(inForce);
    EXPECT_GT(
        secondsBetween(node.value(u"metrics"_s).toObject().value(u"updated_at"_s), serverTime),
        300.0)
        << "the silenced node is stale: " << PrintToString(node);

    const QJsonObject ended =
        silences[0].toObject() == inForce ? silences[1].toObject() : silences[0].toObject();
    EXPECT_TRUE(isSilence(ended));
    const QJsonValue endedAt = ended.value(u"ended_at"_s).isNull() ? ended.value(u"ends_at"_s)
                                                                   : ended.value(u"ended_at"_s);
    const double endedAgo = secondsBetween(endedAt, serverTime);
    EXPECT_GT(endedAgo, 1.0 * Day) << PrintToString(ended);
    EXPECT_LT(endedAgo, 2.0 * Day) << PrintToString(ended);
    EXPECT_EQ(silenceIds(silences), (QStringList{inForce.value(u"silence_id"_s).toString(),
                                                 ended.value(u"silence_id"_s).toString()}))
        << "newest first";

    // Their audit rows, by who set them.
    const HttpResult audit =
        op->get(u"/sim/audit?subject="_s + inForce.value(u"silence_id"_s).toString());
    const QJsonArray rows = audit.json().value(u"audit"_s).toArray();
    ASSERT_EQ(rows.size(), 1) << describe(audit).toStdString();
    EXPECT_EQ(rows[0].toObject().value(u"action"_s).toString(), u"silence.created"_s);
    EXPECT_EQ(rows[0].toObject().value(u"actor"_s).toString(), u"alice-laptop"_s);

    // A restart on the same database seeds nothing more.
    ASSERT_NO_FATAL_FAILURE(startSim(simArgs()));
    EXPECT_EQ(listSilences(*viewer).size(), 2);
}

TEST(CpSimDemoSilencesSmallFleet, NoStaleNodeNoSilence)
{
    SimProcess sim;
    ASSERT_TRUE(sim.start({u"--demo-fleet"_s, u"3"_s})) << sim.error().toStdString();
    HttpTestClient viewer(sim.baseUrl());
    viewer.setToken(sim.tokenFor(u"viewer"_s));
    EXPECT_TRUE(listSilences(viewer).isEmpty());
}

} // namespace
