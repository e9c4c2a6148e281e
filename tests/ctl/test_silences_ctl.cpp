// prego-ctl's maintenance commands against the real reference control plane: silence, silences,
// unsilence as an operator and as a viewer, bad input that changes nothing, and a control plane
// that does not offer silences.
#include "ctlprocess.h"
#include "simprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using prego::test::CtlProcess;
using prego::test::CtlRun;
using prego::test::SimProcess;

namespace {
class SilenceCtlTest : public ::testing::Test
{
protected:
    // Logs the profile in with the sim's token for `role`.
    void startAs(const QString &role, const QStringList &simArgs = {})
    {
        ASSERT_TRUE(home.isValid());
        ASSERT_TRUE(sim.start(QStringList{u"--demo-fleet"_s, u"6"_s} + simArgs))
            << sim.error().toStdString();
        ASSERT_EQ(
            ctl({u"profiles"_s, u"add"_s, profile, u"--url"_s, sim.baseUrl().toString()}).exitCode,
            0);
        const CtlRun login =
            ctl({u"login"_s, u"--profile"_s, profile}, sim.tokenFor(role).toUtf8() + '\n');
        ASSERT_EQ(login.exitCode, 0) << login.err.toStdString();
    }

    QJsonArray silences(bool activeOnly = false)
    {
        QStringList args{u"silences"_s, u"--profile"_s, profile, u"--output"_s, u"json"_s};
        if (activeOnly)
            args << u"--active"_s;
        const CtlRun r = ctl(args);
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"silences").toArray();
    }

    QString profile = u"t%1"_s.arg(QRandomGenerator::global()->generate(), 0, 16);
    QTemporaryDir home;
    CtlProcess ctl{QStringLiteral(PREGO_CTL_BINARY), home.path()};
    SimProcess sim;
};

const QString Node = u"fsn1-shared-01"_s;
} // namespace

TEST_F(SilenceCtlTest, AnOperatorSilencesListsAndEndsASilence)
{
    startAs(u"operator"_s);
    const qsizetype before = silences(true).size();
    CtlRun r = ctl({u"silence"_s, Node, u"--for"_s, u"4h"_s, u"--reason"_s, u"커널 업그레이드"_s,
                    u"--profile"_s, profile, u"--output"_s, u"json"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject created = QJsonDocument::fromJson(r.out.toUtf8()).object();
    const QString id = created.value(u"silence_id").toString();
    ASSERT_FALSE(id.isEmpty());
    EXPECT_EQ(created.value(u"state").toString(), u"active"_s);
    EXPECT_EQ(created.value(u"created_by").toString(), u"test-operator"_s);
    EXPECT_EQ(created.value(u"reason").toString(), u"커널 업그레이드"_s);

    QJsonArray listed = silences(true);
    ASSERT_EQ(listed.size(), before + 1);
    r = ctl({u"silences"_s, u"--profile"_s, profile});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.out.contains(id.left(8))) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(u"test-operator"_s));

    // The table's short id is enough to end it; ending twice is not an error.
    r = ctl({u"unsilence"_s, id.left(8), u"--profile"_s, profile});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(u"(ended)"_s)) << r.out.toStdString();
    r = ctl({u"unsilence"_s, id, u"--profile"_s, profile});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    listed = silences(true);
    EXPECT_EQ(listed.size(), before);
    // Ended, it is still listed among the recent ones.
    bool found = false;
    for (const QJsonValue &v : silences())
        found = found || v.toObject().value(u"silence_id").toString() == id;
    EXPECT_TRUE(found);

    // A region silence.
    r = ctl({u"silence"_s, u"--region"_s, u"fsn1"_s, u"--for"_s, u"1h"_s, u"--reason"_s,
             u"rack move"_s, u"--profile"_s, profile});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(u"region fsn1"_s)) << r.out.toStdString();
    r = ctl({u"unsilence"_s, u"00000000-0000-4000-8000-000000000000"_s, u"--profile"_s, profile});
    EXPECT_EQ(r.exitCode, 5) << r.err.toStdString();
}

TEST_F(SilenceCtlTest, BadInputIsRefusedWithAReasonAndChangesNothing)
{
    startAs(u"operator"_s);
    const qsizetype before = silences().size();
    const QString tooLong(501, u'가');
    const QList<QPair<QStringList, QString>> cases{
        {{u"silence"_s, Node, u"--for"_s, u"4h"_s, u"--reason"_s, u""_s}, u"--reason"_s},
        {{u"silence"_s, Node, u"--for"_s, u"4h"_s, u"--reason"_s, tooLong}, u"--reason"_s},
        {{u"silence"_s, Node, u"--for"_s, u"8d"_s, u"--reason"_s, u"x"_s}, u"7 days"_s},
        {{u"silence"_s, Node, u"--until"_s, u"2020-01-01T00:00:00Z"_s, u"--reason"_s, u"x"_s},
         u"is not after"_s},
        {{u"silence"_s, Node, u"--reason"_s, u"x"_s}, u"--for"_s},
        {{u"silence"_s, Node, u"--region"_s, u"fsn1"_s, u"--for"_s, u"1h"_s, u"--reason"_s, u"x"_s},
         u"not both"_s},
        {{u"silence"_s, u"no-such-node"_s, u"--for"_s, u"1h"_s, u"--reason"_s, u"x"_s},
         u"no-such-node"_s},
    };
    for (const auto &[args, words] : cases) {
        const CtlRun r = ctl(args + QStringList{u"--profile"_s, profile});
        EXPECT_EQ(r.exitCode, 1) << args.join(u' ').left(80).toStdString();
        EXPECT_TRUE(r.err.contains(words))
            << args.join(u' ').left(80).toStdString() << ": " << r.err.toStdString();
        // One line, and one more per field when the control plane refused fields.
        EXPECT_EQ(r.err.count(u'\n'), words == u"no-such-node" ? 2 : 1) << r.err.toStdString();
    }
    // A 500-character Korean reason is fine.
    const CtlRun ok = ctl({u"silence"_s, Node, u"--for"_s, u"1h"_s, u"--reason"_s,
                           QString(500, u'가'), u"--profile"_s, profile});
    EXPECT_EQ(ok.exitCode, 0) << ok.err.toStdString();
    EXPECT_EQ(silences().size(), before + 1);
}

TEST_F(SilenceCtlTest, AViewerListsButMayNotSilence)
{
    startAs(u"viewer"_s);
    const qsizetype before = silences().size();
    const CtlRun r = ctl(
        {u"silence"_s, Node, u"--for"_s, u"1h"_s, u"--reason"_s, u"x"_s, u"--profile"_s, profile});
    EXPECT_EQ(r.exitCode, 2) << r.err.toStdString();
    EXPECT_EQ(silences().size(), before);
}

TEST_F(SilenceCtlTest, WithoutTheCapabilityEachCommandSaysSoAndExitsSeven)
{
    startAs(u"operator"_s, {u"--features"_s, u"none"_s});
    for (const QStringList &args :
         {QStringList{u"silence"_s, Node, u"--for"_s, u"1h"_s, u"--reason"_s, u"x"_s},
          QStringList{u"silences"_s}, QStringList{u"unsilence"_s, u"abc"_s}}) {
        const CtlRun r = ctl(args + QStringList{u"--profile"_s, profile});
        EXPECT_EQ(r.exitCode, 7) << args.first().toStdString();
        EXPECT_TRUE(r.err.contains(u"does not offer maintenance silences"_s))
            << r.err.toStdString();
    }
    // Everything else works as before.
    EXPECT_EQ(ctl({u"nodes"_s, u"--profile"_s, profile}).exitCode, 0);
}
