#include "nodesbody.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace prego {

QByteArray nodesBody(int n, int round)
{
    QJsonArray nodes;
    const qint64 now = BenchEpochMs + round * 10 * 1000;
    for (int i = 0; i < n; ++i) {
        // A node pushes in one round of five: its values are those of its last push until the
        // next, so a fifth of the nodes pushed since the previous round and a fifth went back
        // to their earlier values (two fifths differ from one round to the next).
        const bool moved = (i + round) % 5 == 0;
        const qint64 pushed =
            moved ? now - 1000 - (i % 7) * 1000 : BenchEpochMs - 20 * 1000 - (i % 7) * 1000;
        QJsonObject metrics{
            {u"cpu_pct"_s, double((i * 37 + (moved ? round : 0)) % 1000) / 10.0},
            {u"memory_pct"_s, double((i * 13) % 1000) / 10.0},
            {u"disk_pct"_s, double((i * 7) % 1000) / 10.0},
            {u"tenant_count"_s, i % 40},
            {u"updated_at"_s,
             QDateTime::fromMSecsSinceEpoch(pushed, Qt::UTC).toString(Qt::ISODateWithMs)}};
        const QString id = u"fsn1-shared-%1"_s.arg(i, 6, 10, QLatin1Char('0'));
        nodes.append(QJsonObject{{u"node_id"_s, id},
                                 {u"hostname"_s, QString(id + u".nodes.prego.example"_s)},
                                 {u"ipv4"_s, u"198.18.%1.%2"_s.arg((i >> 8) & 255).arg(i & 255)},
                                 {u"region"_s, u"fsn1"_s},
                                 {u"placement"_s, u"shared"_s},
                                 {u"role"_s, u"shared"_s},
                                 {u"tenant_id"_s, QJsonValue()},
                                 {u"stack"_s, u"fsn1"_s},
                                 {u"accepts_tenants"_s, true},
                                 {u"status"_s, u"active"_s},
                                 {u"created_at"_s, u"2026-10-01T08:00:00Z"_s},
                                 {u"metrics"_s, metrics}});
    }
    return QJsonDocument(QJsonObject{{u"server_time"_s, QDateTime::fromMSecsSinceEpoch(now, Qt::UTC)
                                                            .toString(Qt::ISODateWithMs)},
                                     {u"nodes"_s, nodes}})
        .toJson(QJsonDocument::Compact);
}

} // namespace prego
