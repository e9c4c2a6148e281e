#include "apiserver.h"
#include "auditlog.h"
#include "fleet.h"
#include "fleetsimulator.h"
#include "pipeline.h"
#include "silences.h"
#include "simclock.h"
#include "simdatabase.h"
#include "tokenstore.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace prego::sim;

// The gate the endpoints of optional capabilities go through (contract: Optional capabilities).
TEST(ApiServer, RefusesACapabilityThatIsNotEnabledWithTheContractsNotFound)
{
    SimDatabase db;
    ASSERT_EQ(db.open(u":memory:"_s).toStdString(), "");
    TokenStore tokens;
    SimClock clock;
    Fleet fleet(db);
    FleetSimulator simulator(db, fleet, clock, 1);
    Pipeline pipeline(db, fleet, clock, PipelineOptions{});
    AuditLog audit(db);
    Silences silences(db, audit, fleet, clock);
    const ApiServer server(tokens, fleet, pipeline, simulator, silences, audit, clock, false,
                           FeatureSet{Feature::Plans, Feature::Logs});

    EXPECT_FALSE(server.refuseUnlessEnabled(Feature::Plans));
    EXPECT_FALSE(server.refuseUnlessEnabled(Feature::Logs));
    for (const Feature feature : {Feature::Silences, Feature::Cancel, Feature::Attempts}) {
        const QString name = FeatureSet::name(feature);
        SCOPED_TRACE(name.toStdString());
        const auto refused = server.refuseUnlessEnabled(feature);
        ASSERT_TRUE(refused);
        EXPECT_EQ(refused->status, 404);
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(refused->body, &parseError);
        ASSERT_EQ(parseError.error, QJsonParseError::NoError) << refused->body.toStdString();
        const QJsonObject error = doc.object().value(u"error"_s).toObject();
        EXPECT_EQ(error.value(u"code"_s).toString(), u"not_found"_s);
        EXPECT_EQ(error.value(u"message"_s).toString(),
                  u"this control plane does not offer %1"_s.arg(name));
        EXPECT_FALSE(error.contains(u"fields"_s));
    }

    const ApiServer bare(tokens, fleet, pipeline, simulator, silences, audit, clock, false,
                         FeatureSet{});
    for (const Feature feature : FeatureSet::AllFeatures)
        EXPECT_TRUE(bare.refuseUnlessEnabled(feature)) << FeatureSet::name(feature).toStdString();
}
