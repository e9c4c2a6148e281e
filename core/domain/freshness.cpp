#include "freshness.h"

using namespace Qt::StringLiterals;

namespace prego::FreshnessRule {

std::optional<qint64> ageSeconds(std::optional<qint64> updatedAtMs, qint64 serverNowMs)
{
    if (!updatedAtMs)
        return std::nullopt;
    const qint64 ms = serverNowMs - *updatedAtMs;
    return ms <= 0 ? 0 : ms / 1000;
}

Freshness classify(std::optional<qint64> updatedAtMs, qint64 serverNowMs, int staleAfterSeconds,
                   bool pollCurrent)
{
    if (!pollCurrent)
        return Freshness::Unknown;
    if (!updatedAtMs)
        return Freshness::NeverReported;
    // Compare in milliseconds: 300.4 s old is stale under a 300 s rule.
    return serverNowMs - *updatedAtMs <= qint64(staleAfterSeconds) * 1000 ? Freshness::Fresh
                                                                          : Freshness::Stale;
}

bool isBound(const QString &placement, bool acceptsTenants, const QString &status)
{
    return placement == u"shared" && acceptsTenants && status == u"active";
}

QString key(Freshness f)
{
    switch (f) {
    case Freshness::Fresh:
        return u"fresh"_s;
    case Freshness::Stale:
        return u"stale"_s;
    case Freshness::NeverReported:
        return u"never_reported"_s;
    case Freshness::Unknown:
        return u"unknown"_s;
    }
    return {};
}

} // namespace prego::FreshnessRule
