#include "featureset.h"
#include "featuresetprinter.h"

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using prego::sim::Feature;
using prego::sim::FeatureSet;

namespace {
const QStringList ContractNames{u"silences"_s, u"plans"_s, u"cancel"_s, u"attempts"_s, u"logs"_s};
} // namespace

TEST(FeatureSet, NamesAreTheContractsInItsOrder)
{
    QStringList names;
    for (const Feature feature : FeatureSet::AllFeatures) {
        names << FeatureSet::name(feature);
        EXPECT_EQ(FeatureSet::fromName(FeatureSet::name(feature)), feature);
    }
    EXPECT_EQ(names, ContractNames);
    EXPECT_FALSE(FeatureSet::fromName(u"Silences"));
    EXPECT_FALSE(FeatureSet::fromName(u""));

    // names() follows the contract's order, not the order of insertion.
    const FeatureSet set{Feature::Logs, Feature::Silences, Feature::Cancel};
    EXPECT_EQ(set.names(), (QStringList{u"silences"_s, u"cancel"_s, u"logs"_s}));
    EXPECT_TRUE(FeatureSet{}.names().isEmpty());
}

TEST(FeatureSet, AllIsTheImplementedSetAndNoneIsEmpty)
{
    const FeatureSet implemented{Feature::Plans, Feature::Logs};
    FeatureSet out{Feature::Cancel};
    ASSERT_EQ(FeatureSet::parse(u"all", implemented, &out).toStdString(), "");
    EXPECT_EQ(out, implemented);
    ASSERT_EQ(FeatureSet::parse(u"none", implemented, &out).toStdString(), "");
    EXPECT_TRUE(out.isEmpty());
    ASSERT_EQ(FeatureSet::parse(u"all", FeatureSet{}, &out).toStdString(), "");
    EXPECT_TRUE(out.isEmpty());
}

TEST(FeatureSet, AListEnablesExactlyItsNames)
{
    const FeatureSet implemented{Feature::Silences, Feature::Plans, Feature::Logs};
    FeatureSet out;
    ASSERT_EQ(FeatureSet::parse(u"logs,silences", implemented, &out).toStdString(), "");
    EXPECT_EQ(out, (FeatureSet{Feature::Silences, Feature::Logs}));
    ASSERT_EQ(FeatureSet::parse(u" plans ", implemented, &out).toStdString(), "");
    EXPECT_EQ(out, FeatureSet{Feature::Plans});
}

TEST(FeatureSet, UnknownNameIsRefusedNamingItAndWhatIsAccepted)
{
    const FeatureSet implemented{Feature::Silences, Feature::Logs};
    FeatureSet out{Feature::Logs};
    for (const QString &list : {u"bogus"_s, u"silences,bogus"_s, u"Logs"_s}) {
        SCOPED_TRACE(list.toStdString());
        const QString error = FeatureSet::parse(list, implemented, &out);
        ASSERT_FALSE(error.isEmpty());
        EXPECT_TRUE(error.contains(list.split(u',').last())) << error.toStdString();
        EXPECT_TRUE(error.contains(u"all, none, or a comma-separated list of silences, logs"_s))
            << error.toStdString();
    }
    EXPECT_EQ(out, FeatureSet{Feature::Logs}) << "a refused list leaves the result alone";
}

TEST(FeatureSet, NotImplementedNameIsRefused)
{
    const FeatureSet implemented{Feature::Silences};
    FeatureSet out;
    const QString error = FeatureSet::parse(u"silences,cancel", implemented, &out);
    ASSERT_FALSE(error.isEmpty());
    EXPECT_TRUE(error.contains(u"cancel is not implemented"_s)) << error.toStdString();
    EXPECT_TRUE(error.contains(u"list of silences)"_s)) << error.toStdString();

    const QString none = FeatureSet::parse(u"logs", FeatureSet{}, &out);
    EXPECT_TRUE(none.contains(u"logs is not implemented"_s)) << none.toStdString();
    EXPECT_TRUE(none.contains(u"all or none"_s)) << none.toStdString();
}

TEST(FeatureSet, DuplicatesEmptyNamesAndMixedKeywordsAreRefused)
{
    const FeatureSet implemented{Feature::Silences, Feature::Logs};
    FeatureSet out;
    const QString twice = FeatureSet::parse(u"logs,silences,logs", implemented, &out);
    EXPECT_TRUE(twice.contains(u"logs is listed twice"_s)) << twice.toStdString();
    for (const QString &list :
         {u""_s, u"logs,"_s, u",logs"_s, u"logs,,silences"_s, u"none,logs"_s, u"logs,all"_s}) {
        SCOPED_TRACE(list.toStdString());
        EXPECT_FALSE(FeatureSet::parse(list, implemented, &out).isEmpty());
    }
}

TEST(FeatureSet, TheSimulatorImplementsSilences)
{
    // What `--features all` offers and what a refused list names as accepted.
    EXPECT_EQ(FeatureSet::implemented(), FeatureSet{Feature::Silences});
    FeatureSet out;
    const QString error = FeatureSet::parse(u"plans", FeatureSet::implemented(), &out);
    EXPECT_TRUE(error.contains(u"plans is not implemented"_s)) << error.toStdString();
    EXPECT_TRUE(error.contains(u"all, none, or a comma-separated list of silences"_s))
        << error.toStdString();
}
