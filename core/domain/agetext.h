#pragma once

#include <QString>

#include <optional>

namespace prego::AgeText {

// "just now", "42 s ago", "3 min ago", "2 h ago", "5 days ago" — translated, plural-aware.
QString ago(std::optional<qint64> ageSeconds);

} // namespace prego::AgeText
