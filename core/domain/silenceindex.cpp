#include "silenceindex.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace prego {

SilenceIndex::SilenceIndex(QList<Silence> silences, qint64 serverNowMs)
    : m_silences(std::move(silences))
{
    for (int i = 0; i < m_silences.size(); ++i) {
        const Silence &s = m_silences.at(i);
        if (s.region) {
            m_allByRegion[*s.region].append(i);
            continue;
        }
        for (const QString &id : s.nodeIds) {
            QList<int> &list = m_allByNode[id];
            if (!list.contains(i)) // an id listed twice
                list.append(i);
        }
    }
    build(serverNowMs);
}

void SilenceIndex::build(qint64 serverNowMs)
{
    m_builtAtMs = serverNowMs;
    m_activeByNode.clear();
    m_activeByRegion.clear();
    m_active.clear();
    m_nextChangeMs = Never;
    const auto keep = [this](QHash<QString, int> &index, const QString &key, int i) {
        const auto it = index.find(key);
        if (it == index.end())
            index.insert(key, i);
        else if (m_silences.at(i).endsAtMs > m_silences.at(*it).endsAtMs)
            *it = i; // the one that ends last says the most
    };
    for (int i = 0; i < m_silences.size(); ++i) {
        const Silence &s = m_silences.at(i);
        if (s.endedAtMs)
            continue; // ended early: never in force again
        if (s.startsAtMs > serverNowMs)
            m_nextChangeMs = std::min(m_nextChangeMs, s.startsAtMs);
        else if (s.endsAtMs > serverNowMs)
            m_nextChangeMs = std::min(m_nextChangeMs, s.endsAtMs);
        if (!s.isActiveAt(serverNowMs))
            continue;
        m_active.append(i);
        if (s.region) {
            keep(m_activeByRegion, *s.region, i);
            continue;
        }
        for (const QString &id : s.nodeIds)
            keep(m_activeByNode, id, i);
    }
}

bool SilenceIndex::advanceTo(qint64 serverNowMs)
{
    if (serverNowMs < m_nextChangeMs && serverNowMs >= m_builtAtMs)
        return false;
    const QList<int> before = m_active;
    build(serverNowMs);
    return m_active != before;
}

const Silence *SilenceIndex::find(const QString &nodeId, const QString &region) const
{
    if (isEmpty())
        return nullptr;
    const Silence *byNode = nullptr;
    const Silence *byRegion = nullptr;
    if (const auto it = m_activeByNode.constFind(nodeId); it != m_activeByNode.cend())
        byNode = &m_silences.at(*it);
    if (const auto it = m_activeByRegion.constFind(region); it != m_activeByRegion.cend())
        byRegion = &m_silences.at(*it);
    if (byNode && byRegion)
        return byRegion->endsAtMs > byNode->endsAtMs ? byRegion : byNode;
    return byNode ? byNode : byRegion;
}

QList<const Silence *> SilenceIndex::active() const
{
    QList<const Silence *> result;
    result.reserve(m_active.size());
    for (const int i : m_active)
        result.append(&m_silences.at(i));
    return result;
}

QList<const Silence *> SilenceIndex::overlapping(const QString &nodeId, const QString &region,
                                                 qint64 fromMs, qint64 toMs) const
{
    QList<const Silence *> result;
    const auto add = [&](const QList<int> &positions) {
        for (const int i : positions) {
            const Silence &s = m_silences.at(i);
            if (s.startsAtMs < toMs && s.effectiveEndMs() > fromMs &&
                s.startsAtMs < s.effectiveEndMs())
                result.append(&s);
        }
    };
    if (const auto it = m_allByNode.constFind(nodeId); it != m_allByNode.cend())
        add(*it);
    if (const auto it = m_allByRegion.constFind(region); it != m_allByRegion.cend())
        add(*it);
    return result;
}

QString SilenceIndex::localTimeText(qint64 ms)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms).toLocalTime();
    //: a moment in local time, then its time zone: "14/03/2026 16:00 CET"
    return tr("%1 %2").arg(QLocale().toString(t, QLocale::ShortFormat), t.timeZoneAbbreviation());
}

QString SilenceIndex::describe(const Silence &silence)
{
    const QString until = localTimeText(silence.effectiveEndMs());
    if (silence.createdBy.isEmpty())
        //: %1: when the silence ends (local time and zone), %2: the reason given
        return tr("Silenced until %1: %2").arg(until, silence.reason);
    //: %1: who set the silence (a token name), %2: when it ends (local time and zone), %3: the
    //: reason given
    return tr("Silenced by %1 until %2: %3").arg(silence.createdBy, until, silence.reason);
}

} // namespace prego
