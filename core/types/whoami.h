#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace prego {

// The optional capabilities a control plane may offer beyond the Definition of Done
// (control-plane-api.md, Optional capabilities), announced by whoami's `features`.
enum class Feature { Silences, Plans, Cancel, Attempts, Logs };

inline constexpr Feature AllFeatures[] = {Feature::Silences, Feature::Plans, Feature::Cancel,
                                          Feature::Attempts, Feature::Logs};

// The contract's name of a feature ("silences", …).
inline QString featureKey(Feature feature)
{
    switch (feature) {
    case Feature::Silences:
        return QStringLiteral("silences");
    case Feature::Plans:
        return QStringLiteral("plans");
    case Feature::Cancel:
        return QStringLiteral("cancel");
    case Feature::Attempts:
        return QStringLiteral("attempts");
    case Feature::Logs:
        return QStringLiteral("logs");
    }
    return {};
}

inline std::optional<Feature> featureFromKey(const QString &key)
{
    for (Feature f : AllFeatures) {
        if (featureKey(f) == key)
            return f;
    }
    return std::nullopt;
}

// GET /internal/whoami: who the token is, and what the control plane offers.
struct WhoAmI
{
    QString tokenName;
    QString role;
    std::optional<QString> nodeId;
    qint64 serverTimeMs = 0;
    QList<Feature> features; // the known ones it listed, once each; unknown names are left out

    bool offers(Feature feature) const { return features.contains(feature); }
};

} // namespace prego
