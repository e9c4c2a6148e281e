#include "demosilences.h"

#include "fleet.h"
#include "silences.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace prego::sim {

namespace {
constexpr qint64 MinuteMs = 60 * 1000;
constexpr qint64 HourMs = 60 * MinuteMs;
// The contract's freshness rule: older than this is stale.
constexpr qint64 FreshMs = 300 * 1000;

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}
} // namespace

void seedDemoSilences(Silences &silences, const Fleet &fleet, qint64 nowMs)
{
    const NodeRecord *stale = nullptr;
    for (const NodeRecord &n : fleet.nodes()) {
        if (n.placement != u"shared" || !n.metrics || nowMs - n.metrics->updatedAtMs <= FreshMs)
            continue;
        if (!stale || n.metrics->updatedAtMs < stale->metrics->updatedAtMs)
            stale = &n;
    }
    if (!stale)
        return;

    // Seeded oldest first, so that the list's order is also the order of creation.
    SilenceRecord ended;
    ended.request = {newId(),
                     {},
                     stale->region,
                     nowMs - 24 * HourMs,
                     u"provider network maintenance in %1"_s.arg(stale->region)};
    ended.startsAtMs = nowMs - 28 * HourMs;
    ended.endedAtMs = nowMs - 26 * HourMs;
    ended.createdBy = u"bob-desktop"_s;
    ended.createdAtMs = ended.startsAtMs;
    silences.seed(ended);

    // Set shortly before the node went quiet, as planned maintenance would be.
    SilenceRecord active;
    active.request = {
        newId(), {stale->nodeId}, std::nullopt, nowMs + 3 * HourMs, u"kernel upgrade"_s};
    active.startsAtMs = stale->metrics->updatedAtMs - MinuteMs;
    active.createdBy = u"alice-laptop"_s;
    active.createdAtMs = active.startsAtMs;
    silences.seed(active);
}

} // namespace prego::sim
