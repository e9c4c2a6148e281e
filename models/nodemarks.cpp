#include "nodemarks.h"

#include "domain/alertmarks.h"

#include <QLocale>

namespace prego {

bool NodeMarks::setSilences(QList<Silence> silences, qint64 serverNowMs)
{
    const auto activeNow = [this] {
        QList<Silence> result;
        for (const Silence *s : m_silences.active())
            result.append(*s);
        return result;
    };
    const QList<Silence> before = activeNow();
    m_silences = SilenceIndex(std::move(silences), serverNowMs);
    return activeNow() != before;
}

bool NodeMarks::advanceTo(qint64 serverNowMs)
{
    return m_silences.advanceTo(serverNowMs);
}

QStringList NodeMarks::setAlerts(const QList<Alert> &alerts)
{
    QHash<QString, QList<Alert>> open;
    for (const Alert &a : alerts) {
        if (a.state != AlertState::Resolved)
            open[a.nodeId].append(a);
    }
    QStringList changed;
    for (auto it = open.cbegin(); it != open.cend(); ++it) {
        const auto before = m_alerts.constFind(it.key());
        if (before == m_alerts.cend() || *before != it.value())
            changed.append(it.key());
    }
    for (auto it = m_alerts.cbegin(); it != m_alerts.cend(); ++it) {
        if (!open.contains(it.key()))
            changed.append(it.key());
    }
    m_alerts = std::move(open);
    return changed;
}

std::optional<AlertState> NodeMarks::worstAlertOf(const QString &nodeId) const
{
    if (m_alerts.isEmpty())
        return std::nullopt;
    const auto it = m_alerts.constFind(nodeId);
    return it == m_alerts.cend() ? std::nullopt : AlertMarks::worst(*it);
}

NodeMarks::Mark NodeMarks::markOf(const Node &node) const
{
    if (isEmpty())
        return Mark::None;
    if (silenceOf(node))
        return Mark::Silenced;
    const std::optional<AlertState> worst = worstAlertOf(node.nodeId);
    if (!worst)
        return Mark::None;
    switch (*worst) {
    case AlertState::Firing:
        return Mark::AlertFiring;
    case AlertState::Pending:
        return Mark::AlertPending;
    case AlertState::Unknown:
        return Mark::AlertUnknown;
    case AlertState::Resolved:
        break;
    }
    return Mark::None;
}

QString NodeMarks::markText(Mark mark)
{
    switch (mark) {
    case Mark::None:
        return {};
    case Mark::Silenced:
        //: a mark beside a node under a maintenance silence
        return tr("Silenced");
    case Mark::AlertFiring:
        //: a mark beside a node with an alert over its threshold for the whole window
        return tr("Firing");
    case Mark::AlertPending:
        //: a mark beside a node with an alert over its threshold, the window not yet full
        return tr("Pending");
    case Mark::AlertUnknown:
        //: a mark beside a node whose alert cannot be told: it stopped pushing
        return tr("Alert unknown");
    }
    return {};
}

QString NodeMarks::toolTip(const Node &node) const
{
    if (isEmpty())
        return {};
    QStringList lines;
    if (const Silence *s = silenceOf(node))
        lines.append(SilenceIndex::describe(*s));
    const auto it = m_alerts.constFind(node.nodeId);
    if (it != m_alerts.cend()) {
        for (const Alert &a : *it) {
            const QString since = SilenceIndex::localTimeText(
                a.state == AlertState::Firing ? a.firingSinceMs.value_or(a.sinceMs) : a.sinceMs);
            QString line;
            if (a.rule == AlertRule::Freshness) {
                //: e.g. "freshness firing (stale) since 14/03/2026 16:00 CET"
                line = tr("%1 %2 (%3) since %4")
                           .arg(AlertMarks::ruleName(a.rule), AlertMarks::stateName(a.state),
                                AlertMarks::conditionText(a.rule, {}, a.detail), since);
            } else if (a.value) {
                //: e.g. "CPU firing at 93.2 % since 14/03/2026 16:00 CET"
                line = tr("%1 %2 at %3 % since %4")
                           .arg(AlertMarks::ruleName(a.rule), AlertMarks::stateName(a.state),
                                QLocale().toString(*a.value, 'f', 1), since);
            } else {
                //: e.g. "disk unknown since 14/03/2026 16:00 CET"
                line =
                    tr("%1 %2 since %3")
                        .arg(AlertMarks::ruleName(a.rule), AlertMarks::stateName(a.state), since);
            }
            if (a.ack)
                //: %1: an alert line, %2: who acknowledged it
                line = tr("%1, acknowledged by %2").arg(line, a.ack->who);
            lines.append(line);
        }
    }
    return lines.join(u'\n');
}

} // namespace prego
