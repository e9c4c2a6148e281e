#pragma once

#include "domain/silenceindex.h"
#include "types/alert.h"
#include "types/node.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>

namespace prego {

// What a fleet table marks beside a node's freshness: a maintenance silence in force over it
// (who set it, until when, why) or, for a node not silenced, its worst open alert (firing,
// pending, unknown). Every lookup is a hash find, so a table asks per painted row; a poll's alerts
// report only the nodes whose alerts changed, and silences are indexed once per change of the
// list or of which of them are in force.
class NodeMarks
{
    Q_DECLARE_TR_FUNCTIONS(prego::NodeMarks)
public:
    // Worse marks have larger values; a silence outranks any alert (the node is not to alarm).
    enum class Mark { None, AlertUnknown, AlertPending, AlertFiring, Silenced };

    // True when which silences are in force (or what they say) changed: every row may read
    // differently.
    bool setSilences(QList<Silence> silences, qint64 serverNowMs);
    // A silence started or ended since the last index: true when that changed anything.
    bool advanceTo(qint64 serverNowMs);
    // The alerts as they stand (resolved ones are left out). Answers the ids of the nodes whose
    // open alerts changed.
    QStringList setAlerts(const QList<Alert> &alerts);

    const SilenceIndex &silences() const { return m_silences; }
    const Silence *silenceOf(const Node &node) const
    {
        return m_silences.find(node.nodeId, node.region);
    }
    // The node's open alerts (pending, firing, unknown), and the worst of their states.
    QList<Alert> alertsOf(const QString &nodeId) const { return m_alerts.value(nodeId); }
    std::optional<AlertState> worstAlertOf(const QString &nodeId) const;
    Mark markOf(const Node &node) const;
    // No silence in force and no open alert: no node carries a mark.
    bool isEmpty() const { return m_silences.isEmpty() && m_alerts.isEmpty(); }

    // The mark in a word or two: "Silenced", "Firing", "Pending", "Alert unknown"; empty for None.
    static QString markText(Mark mark);
    // What the mark is about, one line each: the silence's description, then each open alert
    // ("CPU firing at 93.2 % since 14:05 CET"). Empty for an unmarked node.
    QString toolTip(const Node &node) const;

private:
    SilenceIndex m_silences;
    QHash<QString, QList<Alert>> m_alerts; // node id → its open alerts
};

} // namespace prego
