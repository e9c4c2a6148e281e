// The provisioning request validator (core/domain/provisionrequest): the wizard and
// `prego-ctl provision` send nothing it refuses, and the outbox reads requests back from disk
// with fromJson. Properties, for any body:
//  - fromJson, toJson and validate() never crash; validate() names only the contract's fields;
//  - a request validate() accepts is written by toJson so that fromJson reads the same intent
//    back and toJson writes the same bytes again; the reference server's independent validator
//    accepts it with the same meaning (path, ids, region), and it gives the stack a dedicated
//    tenant needs;
//  - describe() and stack() cope with whatever was read.
#include "domain/provisionrequest.h"
#include "domain/tenantid.h"
#include "fuzzcheck.h"
#include "provisionvalidator.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace prego;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = fuzz::bytes(data, size);
    const std::optional<ProvisionRequest> request = ProvisionRequest::fromJson(body);
    if (!request)
        return 0;

    (void)request->toJson();
    (void)request->describe();
    (void)request->serversCreated();
    const QMap<QString, QString> problems = request->validate();
    static const QStringList known{u"tenant_id"_qs, u"region"_qs, u"target_server_id"_qs,
                                   u"job_id"_qs, u"trace_id"_qs};
    for (auto it = problems.cbegin(); it != problems.cend(); ++it) {
        FUZZ_CHECK(known.contains(it.key()));
        FUZZ_CHECK(!it.value().isEmpty());
    }
    if (!problems.isEmpty())
        return 0;

    // Only a valid request is ever written (ProvisionSubmitter validates first): it must read
    // back as the same intent, and writing it again must give the same bytes (the outbox
    // compares a resend byte for byte).
    const QByteArray written = request->toJson();
    const std::optional<ProvisionRequest> again = ProvisionRequest::fromJson(written);
    FUZZ_CHECK(again.has_value());
    // toJson drops a target on the paths that create a server: compare with that in mind.
    ProvisionRequest expected = *request;
    if (expected.path != ProvisionRequest::Path::SharedExisting)
        expected.targetServerId.clear();
    FUZZ_CHECK(*again == expected);
    FUZZ_CHECK(again->toJson() == written);

    // Accepted by the console: the server must accept exactly this body too.
    FUZZ_CHECK(TenantId::isValid(request->tenantId));
    const sim::ProvisionValidator::Result server =
        sim::ProvisionValidator::parse(QJsonDocument::fromJson(written).object());
    FUZZ_CHECK(server.fields.isEmpty());
    FUZZ_CHECK(server.request.tenantId == request->tenantId);
    FUZZ_CHECK(server.request.jobId == request->jobId);
    FUZZ_CHECK(server.request.region == request->region);
    FUZZ_CHECK(server.request.path() == ProvisionRequest::pathKey(request->path));
    if (request->path == ProvisionRequest::Path::Dedicated) {
        const std::optional<QString> stack = request->stack();
        FUZZ_CHECK(stack.has_value() && *stack != u"dedicated-");
    }
    return 0;
}
