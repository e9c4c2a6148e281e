#include "simoptions.h"

#include "featuresetprinter.h"

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using prego::sim::Feature;
using prego::sim::FeatureSet;
using prego::sim::SimOptions;

namespace {
// Parses `prego-cp-sim --tokens-file - EXTRA…`; returns the error message (empty on success).
QString parse(const QStringList &extra, SimOptions *out)
{
    bool help = false;
    return SimOptions::parse(QStringList{u"prego-cp-sim"_s, u"--tokens-file"_s, u"-"_s} + extra,
                             out, &help);
}

// A contract name this simulator does not implement yet, or empty once it implements them all.
QString notImplementedName()
{
    for (const Feature feature : FeatureSet::AllFeatures) {
        if (!FeatureSet::implemented().contains(feature))
            return FeatureSet::name(feature);
    }
    return {};
}
} // namespace

TEST(SimOptionsFeatures, DefaultAndAllAreTheImplementedSet)
{
    SimOptions options;
    ASSERT_EQ(parse({}, &options).toStdString(), "");
    EXPECT_EQ(options.features, FeatureSet::implemented());

    SimOptions all;
    all.features = FeatureSet{Feature::Silences, Feature::Logs};
    ASSERT_EQ(parse({u"--features"_s, u"all"_s}, &all).toStdString(), "");
    EXPECT_EQ(all.features, FeatureSet::implemented());
}

TEST(SimOptionsFeatures, NoneEnablesNothing)
{
    SimOptions options;
    options.features = FeatureSet{Feature::Silences};
    ASSERT_EQ(parse({u"--features"_s, u"none"_s}, &options).toStdString(), "");
    EXPECT_TRUE(options.features.isEmpty());
    EXPECT_TRUE(options.features.names().isEmpty());
}

TEST(SimOptionsFeatures, EachImplementedNameAloneEnablesJustIt)
{
    for (const Feature feature : FeatureSet::AllFeatures) {
        if (!FeatureSet::implemented().contains(feature))
            continue;
        SCOPED_TRACE(FeatureSet::name(feature).toStdString());
        SimOptions options;
        ASSERT_EQ(parse({u"--features"_s, FeatureSet::name(feature)}, &options).toStdString(), "");
        EXPECT_EQ(options.features, FeatureSet{feature});
    }
}

TEST(SimOptionsFeatures, UnknownNameIsAnError)
{
    SimOptions options;
    const QString error = parse({u"--features"_s, u"teleport"_s}, &options);
    EXPECT_TRUE(error.contains(u"unknown feature \"teleport\""_s)) << error.toStdString();
    EXPECT_TRUE(error.contains(u"all"_s) && error.contains(u"none"_s)) << error.toStdString();
    EXPECT_TRUE(error.contains(u"silences, plans, cancel, attempts, logs"_s))
        << error.toStdString();
}

TEST(SimOptionsFeatures, NotYetImplementedNameIsAnError)
{
    const QString name = notImplementedName();
    if (name.isEmpty())
        GTEST_SKIP() << "the simulator implements every optional capability";
    SimOptions options;
    const QString error = parse({u"--features"_s, name}, &options);
    EXPECT_TRUE(error.contains(u"%1 is not implemented"_s.arg(name))) << error.toStdString();
    EXPECT_TRUE(error.contains(u"accepted: all"_s)) << error.toStdString();
}

TEST(SimOptionsFeatures, DuplicateNameIsAnError)
{
    // The name a duplicate list repeats: an implemented one when there is one, so that the
    // duplicate itself is what is refused.
    const QStringList implemented = FeatureSet::implemented().names();
    const QString name = implemented.isEmpty() ? u"silences"_s : implemented.first();
    SimOptions options;
    const QString error = parse({u"--features"_s, u"%1,%1"_s.arg(name)}, &options);
    EXPECT_TRUE(error.contains(name)) << error.toStdString();
    if (!implemented.isEmpty()) {
        EXPECT_TRUE(error.contains(u"listed twice"_s)) << error.toStdString();
    }
}

TEST(SimOptionsFeatures, HelpTextDocumentsTheOption)
{
    const QString help = SimOptions::helpText();
    EXPECT_TRUE(help.contains(u"--features <LIST>"_s)) << help.toStdString();
    EXPECT_TRUE(help.contains(u"none"_s)) << help.toStdString();
}
