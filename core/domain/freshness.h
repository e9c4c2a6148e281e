#pragma once

#include <QString>

#include <optional>

namespace prego {

// The four freshness states of a node (console.md, Fleet dashboard). "Unknown" is about us, not
// the node: our own last poll failed or is older than two poll intervals.
enum class Freshness { Fresh, Stale, NeverReported, Unknown };

namespace FreshnessRule {

inline constexpr int DefaultStaleAfterSeconds = 300;

// A node is fresh when server_time - updated_at <= staleAfter, stale when older, never reported
// when it has no metrics. Ages are computed against the server's clock, never the local one.
Freshness classify(std::optional<qint64> updatedAtMs, qint64 serverNowMs, int staleAfterSeconds,
                   bool pollCurrent);

// Age in whole seconds against the server clock; negative ages (a push stamped after the
// snapshot's server_time) count as 0.
std::optional<qint64> ageSeconds(std::optional<qint64> updatedAtMs, qint64 serverNowMs);

// The Definition of Done binds placement=shared, accepts_tenants=true, status=active nodes.
bool isBound(const QString &placement, bool acceptsTenants, const QString &status);

// Stable identifiers for JSON output and settings: fresh, stale, never_reported, unknown.
QString key(Freshness f);

} // namespace FreshnessRule
} // namespace prego
