#include "demojobs.h"

#include "fleet.h"
#include "pipeline.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace prego::sim {

namespace {

QJsonObject request(const QString &tenantId, const QString &region, bool createNewServer,
                    bool dedicated, const QJsonValue &target)
{
    QByteArray trace(16, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(trace.data()),
                                          trace.size() / int(sizeof(quint32)));
    trace[0] = char(trace[0] | 1); // never all zero, which the contract refuses
    return QJsonObject{
        {u"job_id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {u"tenant_id"_s, tenantId},
        {u"region"_s, region},
        {u"create_new_server"_s, createNewServer},
        {u"dedicated"_s, dedicated},
        {u"target_server_id"_s, target},
        {u"trace_id"_s, QString::fromLatin1(trace.toHex())},
    };
}

} // namespace

QString submitDemoJobs(Pipeline &pipeline, const Fleet &fleet, const QString &actor)
{
    const NodeRecord *target = nullptr;
    for (const NodeRecord &n : fleet.nodes()) {
        if (n.status == u"active" && n.placement == u"shared" && n.acceptsTenants) {
            target = &n;
            break;
        }
    }
    if (!target)
        return u"--demo-jobs needs an active shared node that accepts tenants (see --demo-fleet)"_s;

    // The dedicated tenant's first ansible run fails; Retry resumes there and completes.
    pipeline.addFailStage({u"ansible"_s, u"initech"_s});
    const QJsonObject requests[] = {
        request(u"acme-corp"_s, target->region, false, false, target->nodeId),
        request(u"umbrella"_s, u"nbg1"_s, true, false, QJsonValue::Null),
        request(u"initech"_s, u"hel1"_s, true, true, QJsonValue::Null),
    };
    for (const QJsonObject &body : requests) {
        const Pipeline::Outcome outcome = pipeline.submit(body, {}, actor);
        if (!outcome.errorCode.isEmpty())
            return u"--demo-jobs: the job for %1 was refused: %2"_s.arg(
                body.value(u"tenant_id").toString(), outcome.message);
    }
    return {};
}

} // namespace prego::sim
