#include "pushresult.h"

#include "exitcode.h"
#include "retryafter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace prego::agent {

using namespace Qt::StringLiterals;

int PushResult::exitCode() const
{
    switch (kind) {
    case Kind::Pushed:
        return ExitOk;
    case Kind::TokenRejected:
    case Kind::NodeForbidden:
    case Kind::NodeNotFound:
    case Kind::ValidationFailed:
    case Kind::Redirected:
    case Kind::Refused:
        return ExitRejected;
    case Kind::Unavailable:
    case Kind::TlsFailed:
        return ExitUnavailable;
    }
    return ExitUnavailable;
}

QString PushResult::serverMessage(const QByteArray &body)
{
    const QJsonObject error = QJsonDocument::fromJson(body).object().value("error"_L1).toObject();
    QString message = error.value("message"_L1).toString().left(500);
    const QJsonObject fields = error.value("fields"_L1).toObject();
    QStringList details;
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
        details << it.key() + u": "_s + it.value().toString().left(200);
    if (!details.isEmpty()) {
        message = message.isEmpty() ? details.join("; "_L1)
                                    //: %1 the server's message, %2 the fields it refused
                                    : tr("%1 (%2)").arg(message, details.join("; "_L1));
    }
    return message;
}

PushResult PushResult::unavailable(QString message)
{
    PushResult result;
    result.kind = Kind::Unavailable;
    result.message = std::move(message);
    return result;
}

PushResult PushResult::fromHttp(int status, const QByteArray &body, const QByteArray &retryAfter,
                                const QByteArray &date, const QByteArray &location,
                                const QString &nodeId, const QDateTime &now)
{
    PushResult result;
    result.httpStatus = status;
    const QString detail = serverMessage(body);
    const QString server = detail.isEmpty()
                               ? QString()
                               //: Appended to refusal messages; %1 is the server's own text
                               : tr("; the control plane says: %1").arg(detail);

    if (status >= 200 && status < 300) {
        result.kind = Kind::Pushed;
    } else if (status >= 300 && status < 400) {
        result.kind = Kind::Redirected;
        result.message =
            tr("the control plane answered HTTP %1 with a redirect to \"%2\"; redirects are not "
               "followed so the token never goes to another address: check --url")
                .arg(QString::number(status), QString::fromUtf8(location.left(300)));
    } else if (status == 401) {
        result.kind = Kind::TokenRejected;
        result.message = tr("the control plane rejected the token (HTTP 401): check the token "
                            "file (--token-file) holds a valid agent token");
    } else if (status == 403) {
        result.kind = Kind::NodeForbidden;
        result.message =
            tr("this token may not push metrics for node %1 (HTTP 403): agent tokens can be "
               "bound to one node, so check that the token was issued for this node")
                .arg(nodeId);
    } else if (status == 404) {
        result.kind = Kind::NodeNotFound;
        result.message = tr("node %1 is not registered on the control plane (HTTP 404): "
                            "register it first, or check --node-id and --url%2")
                             .arg(nodeId, server);
    } else if (status == 422) {
        result.kind = Kind::ValidationFailed;
        result.message =
            tr("the control plane refused the metrics as invalid (HTTP 422)%1").arg(server);
    } else if (status == 429 || status >= 500) {
        result.kind = Kind::Unavailable;
        result.retryAfter = RetryAfter::parse(retryAfter, date, now);
        result.message = status == 429
                             ? tr("the control plane is limiting requests (HTTP 429)%1").arg(server)
                             : tr("the control plane is unavailable (HTTP %1)%2")
                                   .arg(QString::number(status), server);
    } else {
        result.kind = Kind::Refused;
        result.message = tr("the control plane refused the push (HTTP %1)%2")
                             .arg(QString::number(status), server);
    }
    return result;
}

PushResult PushResult::fromNetworkError(QNetworkReply::NetworkError error,
                                        const QString &errorString, const QUrl &url,
                                        std::chrono::seconds timeout)
{
    PushResult result;
    const QString where = url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemovePath);
    switch (error) {
    case QNetworkReply::SslHandshakeFailedError:
        result.kind = Kind::TlsFailed;
        result.message = tr("the TLS certificate of %1 is not trusted: %2; if the control plane "
                            "uses a private CA, pass it with --ca-file")
                             .arg(where, errorString);
        break;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        // The transfer timeout is the only thing that cancels a request the agent did not abort.
        result.kind = Kind::Unavailable;
        result.message =
            tr("no answer from %1 within %n s", nullptr, int(timeout.count())).arg(where);
        break;
    default:
        result.kind = Kind::Unavailable;
        result.message = tr("cannot reach the control plane at %1: %2").arg(where, errorString);
        break;
    }
    return result;
}

} // namespace prego::agent
