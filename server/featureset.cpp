#include "featureset.h"

using namespace Qt::StringLiterals;

namespace prego::sim {

FeatureSet::FeatureSet(std::initializer_list<Feature> features)
{
    for (const Feature feature : features)
        insert(feature);
}

FeatureSet FeatureSet::implemented()
{
    // A capability joins this list in the change that adds its endpoints.
    return FeatureSet{Feature::Silences};
}

QString FeatureSet::name(Feature feature)
{
    switch (feature) {
    case Feature::Silences:
        return u"silences"_s;
    case Feature::Plans:
        return u"plans"_s;
    case Feature::Cancel:
        return u"cancel"_s;
    case Feature::Attempts:
        return u"attempts"_s;
    case Feature::Logs:
        return u"logs"_s;
    }
    return {};
}

std::optional<Feature> FeatureSet::fromName(QStringView name)
{
    for (const Feature feature : AllFeatures) {
        if (name == FeatureSet::name(feature))
            return feature;
    }
    return std::nullopt;
}

QStringList FeatureSet::names() const
{
    QStringList out;
    for (const Feature feature : AllFeatures) {
        if (contains(feature))
            out << name(feature);
    }
    return out;
}

namespace {
QString contractNames()
{
    QStringList names;
    for (const Feature feature : FeatureSet::AllFeatures)
        names << FeatureSet::name(feature);
    return names.join(u", "_s);
}

QString accepted(const FeatureSet &implemented)
{
    if (implemented.isEmpty())
        return u"accepted: all or none; this simulator implements no optional feature yet"_s;
    return u"accepted: all, none, or a comma-separated list of %1"_s.arg(
        implemented.names().join(u", "_s));
}
} // namespace

QString FeatureSet::parse(QStringView list, const FeatureSet &implemented, FeatureSet *out)
{
    const QStringView trimmed = list.trimmed();
    if (trimmed == u"all") {
        *out = implemented;
        return {};
    }
    if (trimmed == u"none") {
        *out = FeatureSet{};
        return {};
    }
    if (trimmed.isEmpty())
        return u"--features wants all, none or a list of names (%1)"_s.arg(accepted(implemented));
    FeatureSet result;
    for (const QStringView entry : list.split(u',')) {
        const QStringView text = entry.trimmed();
        if (text.isEmpty())
            return u"--features: empty name in \"%1\" (%2)"_s.arg(list, accepted(implemented));
        if (text == u"all" || text == u"none")
            return u"--features: %1 stands alone, not in a list (%2)"_s.arg(text,
                                                                            accepted(implemented));
        const std::optional<Feature> feature = fromName(text);
        if (!feature)
            return u"--features: unknown feature \"%1\" (the contract's are %2; %3)"_s.arg(
                text, contractNames(), accepted(implemented));
        if (!implemented.contains(*feature))
            return u"--features: %1 is not implemented by this simulator yet (%2)"_s.arg(
                text, accepted(implemented));
        if (result.contains(*feature))
            return u"--features: %1 is listed twice (%2)"_s.arg(text, accepted(implemented));
        result.insert(*feature);
    }
    *out = result;
    return {};
}

} // namespace prego::sim
