#pragma once

#include <QString>

#include <optional>

namespace prego::AgeText {

// "just now", "42 s ago", "3 min ago", "2 h ago", "5 days ago" — translated, plural-aware.
QString ago(std::optional<qint64> ageSeconds);
// A length of time: "40 s", "45 min", "3 h", "2 days" — translated, plural-aware, rounded down.
QString duration(qint64 seconds);

} // namespace prego::AgeText
