// The reference control plane's own request-body code (server/provisionvalidator), which faces
// the network: POST /internal/provision-tenant bodies go through QJsonDocument (Qt's, not
// instrumented) and then ProvisionValidator::parse (ours). Properties, for any body that is a
// JSON object:
//  - parse never crashes;
//  - a body the server accepts is one the console's independent validator accepts with the same
//    meaning: the two sides must never disagree on what a valid request is (a field the server
//    accepts but the console would refuse, e.g. with a trailing newline, reaches stack names,
//    logs and the audit unchecked).
#include "domain/provisionrequest.h"
#include "fuzzcheck.h"
#include "provisionvalidator.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace prego;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(fuzz::bytes(data, size), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return 0;
    const sim::ProvisionValidator::Result server = sim::ProvisionValidator::parse(doc.object());
    for (auto it = server.fields.cbegin(); it != server.fields.cend(); ++it)
        FUZZ_CHECK(!it.value().isEmpty());
    if (!server.fields.isEmpty())
        return 0;

    const sim::ProvisionRequest &s = server.request;
    ProvisionRequest console;
    console.path = s.dedicated         ? ProvisionRequest::Path::Dedicated
                   : s.createNewServer ? ProvisionRequest::Path::SharedNew
                                       : ProvisionRequest::Path::SharedExisting;
    console.tenantId = s.tenantId;
    console.region = s.region;
    console.targetServerId = s.targetServerId.value_or(QString());
    console.jobId = s.jobId;
    console.traceId = s.traceId.value_or(QString());
    const QMap<QString, QString> problems = console.validate();
    if (!problems.isEmpty()) {
        for (auto it = problems.cbegin(); it != problems.cend(); ++it)
            std::fprintf(stderr, "console refuses %s: %s\n", qPrintable(it.key()),
                         qPrintable(it.value()));
    }
    FUZZ_CHECK(problems.isEmpty());
    FUZZ_CHECK(sim::ProvisionValidator::sanitizeTenantId(s.tenantId).size() <= 48);
    return 0;
}
