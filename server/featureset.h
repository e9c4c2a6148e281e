#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <array>
#include <initializer_list>
#include <optional>

namespace prego::sim {

// The contract's optional capabilities (control-plane-api.md, "Optional capabilities"), in the
// contract's order: whoami lists them in this order.
enum class Feature : quint8 { Silences, Plans, Cancel, Attempts, Logs };

// A set of optional capabilities: the ones the simulator implements, and the ones a run enables
// with --features (docs/cp-sim.md).
class FeatureSet
{
public:
    static constexpr std::array<Feature, 5> AllFeatures{
        Feature::Silences, Feature::Plans, Feature::Cancel, Feature::Attempts, Feature::Logs};

    FeatureSet() = default;
    FeatureSet(std::initializer_list<Feature> features);

    // What this simulator serves; --features may enable nothing else.
    static FeatureSet implemented();

    static QString name(Feature feature);
    static std::optional<Feature> fromName(QStringView name);

    // Parses a --features value: "all" (= implemented), "none", or a comma-separated list of
    // names, each at most once and each in `implemented`. Returns an error message (empty on
    // success) that names the offending entry and what is accepted.
    static QString parse(QStringView list, const FeatureSet &implemented, FeatureSet *out);

    bool contains(Feature feature) const { return (m_bits & bit(feature)) != 0; }
    bool isEmpty() const { return m_bits == 0; }
    void insert(Feature feature) { m_bits |= bit(feature); }
    // The names in the contract's order.
    QStringList names() const;

    friend bool operator==(const FeatureSet &, const FeatureSet &) = default;

private:
    static quint8 bit(Feature feature) { return quint8(1u << unsigned(feature)); }
    quint8 m_bits = 0;
};

} // namespace prego::sim
