#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace prego {

// One provisioning intent as the wizard and `prego-ctl provision` build it (control-plane-api.md,
// POST /internal/provision-tenant). The job id and trace id are made once per intent (when the
// wizard opens, or when the command starts) and never change afterwards: they are what makes a
// second click, a retry or a restart harmless.
struct ProvisionRequest
{
    Q_DECLARE_TR_FUNCTIONS(prego::ProvisionRequest)

public:
    enum class Path { SharedExisting, SharedNew, Dedicated };

    Path path = Path::SharedExisting;
    QString tenantId;
    QString region;
    QString targetServerId; // shared-existing only
    QString jobId;          // UUID, lowercase, without braces
    QString traceId;        // 32 lowercase hex; empty = no trace requested

    // A request with a fresh job id and trace id.
    static ProvisionRequest create(Path path);
    static QString newJobId();
    static QString newTraceId();
    static bool isValidJobId(const QString &jobId);
    static bool isValidTraceId(const QString &traceId);

    // The Hetzner locations the contract knows, in display order.
    static const QStringList &regions();
    // shared-existing | shared-new | dedicated, and back.
    static QString pathKey(Path path);
    static std::optional<Path> pathFromKey(QStringView key);

    // Field name (as in the request body: tenant_id, region, target_server_id, job_id, trace_id)
    // -> translated reason. Empty when the request may be sent.
    QMap<QString, QString> validate() const;

    // The wizard page that owns a field of validate() or of the server's 422 `fields`, so a
    // rejection takes the operator back to it. Unknown fields belong to the review page.
    enum class Step { TenantAndPath, Placement, Review };
    static Step stepForField(QStringView field);

    // The exact body sent, keys in the contract's order, compact. The same intent always gives
    // the same bytes, so a resend can be compared byte for byte with what the outbox stored.
    QByteArray toJson() const;
    // Reads a body written by toJson() (e.g. from the outbox); nullopt when it is not one.
    static std::optional<ProvisionRequest> fromJson(const QByteArray &body);

    // The Pulumi stack the job will use: none for shared-existing, {region} for shared-new,
    // dedicated-{sanitized tenant id} for dedicated.
    std::optional<QString> stack() const;
    // How many servers the job creates at most: 0, 1 or 3.
    int serversCreated() const;
    // A translated sentence saying what will happen.
    QString describe() const;

    bool operator==(const ProvisionRequest &) const = default;
};

} // namespace prego
