#pragma once

#include "simmodel.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace prego::sim {

// Field-level checks of a provision-tenant body, written independently of the console's
// core/domain rules so that each checks the other in tests.
class ProvisionValidator
{
public:
    struct Result
    {
        ProvisionRequest request;
        QMap<QString, QString> fields; // field -> why; empty when valid
    };

    static Result parse(const QJsonObject &body);
    static bool isValidTenantId(const QString &tenantId);
    static QString sanitizeTenantId(const QString &tenantId);
    static bool isKnownRegion(const QString &region);
    static bool isValidNodeId(const QString &nodeId);
    static bool isUuid(const QString &text); // a client-generated id (job_id, silence_id)
    static const QStringList &regions();
};

} // namespace prego::sim
