#include "apicall.h"

#include "apicodec.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QLocale>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace prego {

namespace {
int defaultPort(const QUrl &url)
{
    return url.port(url.scheme() == u"https" ? 443 : 80);
}

QString certificateDetail(const QSslCertificate &cert)
{
    if (cert.isNull())
        return {};
    const QString fingerprint =
        QString::fromLatin1(cert.digest(QCryptographicHash::Sha256).toHex(':'));
    return QCoreApplication::translate(
               "prego::ApiCall", "certificate for %1 issued by %2, valid until %3, SHA-256 %4")
        .arg(cert.subjectInfo(QSslCertificate::CommonName).join(u", "),
             cert.issuerInfo(QSslCertificate::CommonName).join(u", "),
             cert.expiryDate().toUTC().toString(Qt::ISODate), fingerprint);
}
} // namespace

bool ApiCall::sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           defaultPort(a) == defaultPort(b);
}

ApiCall::ApiCall(QNetworkReply *reply, Rules rules, QObject *parent)
    : QObject(parent)
    , m_reply(reply)
    , m_rules(std::move(rules))
{
    if (!m_reply)
        return;
    m_reply->setParent(this);
    // Flow control: the HTTP thread holds back once this much is unread, so one readyRead never
    // copies more than this on the UI thread (a busy UI thread otherwise met tens of MB at once).
    m_reply->setReadBufferSize(ReadChunkBytes);
    connect(m_reply, &QNetworkReply::redirected, this, &ApiCall::onRedirected);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &ApiCall::onMetaDataChanged);
    connect(m_reply, &QNetworkReply::downloadProgress, this, &ApiCall::onDownloadProgress);
    connect(m_reply, &QNetworkReply::sslErrors, this, &ApiCall::onSslErrors);
    connect(m_reply, &QNetworkReply::readyRead, this, &ApiCall::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &ApiCall::onFinished);
    if (m_rules.totalTimeoutMs > 0) {
        m_deadline.setSingleShot(true);
        connect(&m_deadline, &QTimer::timeout, this, &ApiCall::onDeadline);
        m_deadline.start(m_rules.totalTimeoutMs);
    }
}

ApiCall::~ApiCall()
{
    if (m_reply && m_reply->isRunning()) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

ApiCall *ApiCall::failed(const ApiError &error, QObject *parent)
{
    auto *call = new ApiCall(nullptr, {}, parent);
    QTimer::singleShot(0, call, [call, error] {
        ApiResponse r;
        r.error = error;
        call->finish(std::move(r));
    });
    return call;
}

void ApiCall::abort()
{
    if (!m_reply)
        return;
    stop(ApiError::Kind::Cancelled);
}

void ApiCall::stop(ApiError::Kind kind, const QString &detail)
{
    if (!m_abortReason) {
        ApiError e;
        e.kind = kind;
        e.url = kind == ApiError::Kind::Redirect ? m_rules.origin : m_reply->url();
        e.detail = detail;
        m_abortReason = e;
    }
    m_deadline.stop();
    m_body.clear();
    m_body.squeeze();
    m_reply->abort();
}

void ApiCall::onDeadline()
{
    if (m_reply && m_reply->isRunning())
        stop(ApiError::Kind::Timeout,
             QStringLiteral("not finished within %1 ms").arg(m_rules.totalTimeoutMs));
}

void ApiCall::onRedirected(const QUrl &url)
{
    const QUrl target = m_reply->url().resolved(url);
    if (m_rules.followSameOrigin && sameOrigin(target, m_rules.origin) &&
        ++m_redirects <= m_rules.maxRedirects) {
        Q_EMIT m_reply->redirectAllowed();
        return;
    }
    // Refused: the request (its Authorization header, Idempotency-Key and body) never goes to the
    // new address.
    stop(ApiError::Kind::Redirect,
         target.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
}

QString ApiCall::capText() const
{
    return QLocale().formattedDataSize(m_rules.maxBodyBytes);
}

void ApiCall::onMetaDataChanged()
{
    // A Content-Length over the cap (or one too large to be a number at all) ends the call before
    // a byte of the body is read.
    const QByteArray declared = lastValue("Content-Length");
    if (declared.isEmpty())
        return;
    const bool digitsOnly =
        std::all_of(declared.begin(), declared.end(), [](char c) { return c >= '0' && c <= '9'; });
    bool ok = false;
    const qint64 length = declared.toLongLong(&ok);
    if ((digitsOnly && !ok) || (ok && length > m_rules.maxBodyBytes))
        stop(ApiError::Kind::TooLarge, capText());
}

void ApiCall::onDownloadProgress(qint64 received, qint64)
{
    if (received > m_rules.maxBodyBytes)
        stop(ApiError::Kind::TooLarge, capText());
}

void ApiCall::onReadyRead()
{
    if (m_abortReason)
        return;
    // Each chunk is copied once into one buffer sized from Content-Length (within the cap), as it
    // arrives: reading a large body at the end in one readAll() joined every chunk on the UI
    // thread in one go (tens of ms for a 100,000-node fleet).
    if (!m_reserved) {
        m_reserved = true;
        const qint64 length = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (length > 0 && length <= m_rules.maxBodyBytes)
            m_body.reserve(qsizetype(length));
    }
    const qint64 available = m_reply->bytesAvailable();
    if (available <= 0)
        return;
    if (m_body.size() + available > m_rules.maxBodyBytes) {
        stop(ApiError::Kind::TooLarge, capText());
        return;
    }
    const qsizetype at = m_body.size();
    m_body.resize(at + qsizetype(available));
    const qint64 read = m_reply->read(m_body.data() + at, available);
    m_body.resize(at + qsizetype(std::max<qint64>(read, 0)));
}

void ApiCall::onSslErrors(const QList<QSslError> &errors)
{
    // Never ignored: remember what was wrong so the error says which certificate and why.
    QStringList reasons;
    for (const QSslError &e : errors)
        reasons.append(e.errorString());
    const QSslCertificate cert =
        errors.isEmpty() ? QSslCertificate() : errors.first().certificate();
    m_sslDetail = reasons.join(u"; ");
    const QString certText = certificateDetail(cert);
    if (!certText.isEmpty())
        m_sslDetail += u" ("_s + certText + u')';
}

void ApiCall::onFinished()
{
    ApiResponse r;
    r.httpStatus = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.etag = m_reply->rawHeader("ETag");
    if (const QByteArray date = m_reply->rawHeader("Date"); !date.isEmpty())
        r.dateMs = ApiCodec::parseHttpDate(date);

    if (m_abortReason) {
        r.error = m_abortReason;
        finish(std::move(r));
        return;
    }
    const QNetworkReply::NetworkError netError = m_reply->error();
    if (r.httpStatus == 0 || (netError != QNetworkReply::NoError && netError < 200)) {
        ApiError e;
        e.url = m_reply->url();
        e.detail = m_reply->errorString();
        switch (netError) {
        case QNetworkReply::OperationCanceledError:
        case QNetworkReply::TimeoutError:
            e.kind = ApiError::Kind::Timeout;
            break;
        case QNetworkReply::SslHandshakeFailedError:
            e.kind = ApiError::Kind::Tls;
            if (!m_sslDetail.isEmpty())
                e.detail = m_sslDetail;
            break;
        case QNetworkReply::ConnectionRefusedError:
        case QNetworkReply::HostNotFoundError:
            e.kind = ApiError::Kind::Network;
            e.noServer = true;
            break;
        default:
            e.kind = m_sslDetail.isEmpty() ? ApiError::Kind::Network : ApiError::Kind::Tls;
            if (!m_sslDetail.isEmpty())
                e.detail = m_sslDetail;
        }
        r.error = e;
        finish(std::move(r));
        return;
    }
    onReadyRead(); // whatever came with the finish
    r.body = std::move(m_body);
    if (m_abortReason) {
        r.error = m_abortReason;
        r.body.clear();
    } else if (r.body.size() > m_rules.maxBodyBytes) {
        ApiError e;
        e.kind = ApiError::Kind::TooLarge;
        e.url = m_reply->url();
        e.detail = capText();
        r.error = e;
        r.body.clear();
    } else if (r.httpStatus < 300 && !r.body.isEmpty() && !isJsonType(contentType())) {
        // A login page of a captive portal or a proxy's error page in place of the API: said as
        // such, not as a JSON syntax error at some offset.
        ApiError e;
        e.kind = ApiError::Kind::Decode;
        e.url = m_reply->url();
        e.detail = QCoreApplication::translate(
                       "prego::ApiCall", "the answer is of type %1 instead of application/json")
                       .arg(QString::fromLatin1(contentType().left(100)));
        r.error = e;
        r.body.clear();
    } else if (r.httpStatus >= 300 && r.httpStatus != 304) {
        ApiError e;
        e.kind = r.httpStatus < 400 ? ApiError::Kind::Redirect : ApiError::Kind::Http;
        e.httpStatus = r.httpStatus;
        e.url = m_reply->url();
        if (e.kind == ApiError::Kind::Redirect) {
            e.url = m_rules.origin;
            e.detail = QString::fromLatin1(m_reply->rawHeader("Location")).left(300);
        }
        ApiCodec::decodeErrorBody(r.body, &e);
        const qint64 now = r.dateMs.value_or(QDateTime::currentMSecsSinceEpoch());
        e.retryAfterSeconds = ApiCodec::parseRetryAfter(m_reply->rawHeader("Retry-After"), now);
        r.error = e;
    }
    finish(std::move(r));
}

QByteArray ApiCall::lastValue(const QByteArray &header) const
{
    // After a followed redirect Qt's reply holds both answers' values joined by ", ".
    const QByteArray value = m_reply->rawHeader(header);
    return value.mid(value.lastIndexOf(',') + 1).trimmed();
}

QByteArray ApiCall::contentType() const
{
    return lastValue("Content-Type");
}

bool ApiCall::isJsonType(const QByteArray &contentType)
{
    // No Content-Type at all is tolerated (the body still has to decode); a stated one must be
    // JSON: application/json or application/<something>+json, any parameters.
    if (contentType.isEmpty())
        return true;
    const qsizetype semicolon = contentType.indexOf(';');
    const QByteArray type =
        (semicolon < 0 ? contentType : contentType.left(semicolon)).trimmed().toLower();
    return type == "application/json" ||
           (type.startsWith("application/") && type.endsWith("+json"));
}

void ApiCall::finish(ApiResponse response)
{
    m_deadline.stop();
    if (m_done)
        return;
    m_done = true;
    Q_EMIT finished(response);
    deleteLater();
}

} // namespace prego
