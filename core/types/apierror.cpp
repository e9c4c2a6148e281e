#include "apierror.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace prego {

bool ApiError::isRetryable() const
{
    switch (kind) {
    case Kind::Network:
    case Kind::Timeout:
        return true;
    case Kind::Http:
        return httpStatus == 429 || httpStatus >= 500;
    default:
        return false;
    }
}

QString ApiError::explanationForCode() const
{
    if (code == u"unauthorized")
        return tr("The token is missing, wrong or revoked.");
    if (code == u"forbidden")
        return tr("The token is valid but its role does not allow this action.");
    if (code == u"not_found")
        return tr("The control plane does not know this item.");
    if (code == u"validation_failed")
        return tr("The control plane rejected some fields of the request.");
    if (code == u"idempotency_key_reused")
        return tr("This job id was already used for a different request; nothing was created.");
    if (code == u"stack_conflict")
        return tr("The dedicated stack for this tenant already belongs to another tenant.");
    if (code == u"node_exists")
        return tr("A node with this id is already registered with other attributes.");
    if (code == u"not_retryable")
        return tr("Only a failed job can be retried.");
    if (code == u"invalid_json")
        return tr("The control plane could not read the request.");
    if (code == u"payload_too_large")
        return tr("The request was too large for the control plane.");
    if (code == u"rate_limited")
        return tr("The control plane is limiting how often it is called.");
    return {};
}

QString ApiError::message() const
{
    const QString host = url.host();
    switch (kind) {
    case Kind::Network:
        return tr("The control plane at %1 could not be reached (%2). Check the address and the "
                  "network; the console keeps trying.")
            .arg(host, detail);
    case Kind::Timeout:
        return tr("The control plane at %1 did not answer in time. It may be overloaded or the "
                  "network may be slow; the console keeps trying.")
            .arg(host);
    case Kind::Tls:
        return tr("The secure connection to %1 was refused: %2. If this control plane uses a "
                  "private certificate authority, add its CA certificate to the profile.")
            .arg(host, detail);
    case Kind::Redirect:
        return tr("The control plane answered with a redirect to %1, which the console does not "
                  "follow so that the token never leaves %2.")
            .arg(detail, host);
    case Kind::TooLarge:
        if (!detail.isEmpty())
            return tr("The answer from %1 was larger than the allowed %2 and was stopped.")
                .arg(host, detail);
        return tr("The answer from %1 was larger than the allowed size and was stopped.").arg(host);
    case Kind::Decode:
        return tr("The answer from %1 does not follow the control plane contract: %2.")
            .arg(host, detail);
    case Kind::Cancelled:
        return tr("The request was cancelled.");
    case Kind::Config:
        return detail;
    case Kind::Http:
        break;
    }

    const QString explanation = explanationForCode();
    const QString server = serverMessage.isEmpty() ? QString() : serverMessage;
    switch (httpStatus) {
    case 401:
        return tr("The control plane refused the token (401). Sign in again with a valid token.");
    case 403:
        return tr("This token's role may not do this (403). %1").arg(server).trimmed();
    case 404:
        return tr("Not found (404): %1").arg(server.isEmpty() ? url.path() : server);
    case 429:
        if (retryAfterSeconds)
            return tr("The control plane is busy (429); the console waits %n second(s) before "
                      "trying again.",
                      nullptr, *retryAfterSeconds);
        return tr("The control plane is busy (429); the console will try again later.");
    default:
        break;
    }
    if (httpStatus >= 500) {
        if (retryAfterSeconds)
            return tr("The control plane has a problem (HTTP %1); the console waits %n second(s) "
                      "before trying again.",
                      nullptr, *retryAfterSeconds)
                .arg(httpStatus);
        return tr("The control plane has a problem (HTTP %1); the console keeps trying.")
            .arg(httpStatus);
    }
    if (!explanation.isEmpty())
        return tr("%1 (HTTP %2: %3)").arg(explanation).arg(httpStatus).arg(server);
    return tr("The control plane answered HTTP %1: %2").arg(httpStatus).arg(server);
}

} // namespace prego
