#pragma once

#include "featureset.h"

#include <ostream>

namespace prego::sim {

// gtest prints a FeatureSet by its names (found by ADL).
inline void PrintTo(const FeatureSet &set, std::ostream *os)
{
    *os << '{' << set.names().join(QLatin1Char(',')).toStdString() << '}';
}

} // namespace prego::sim
