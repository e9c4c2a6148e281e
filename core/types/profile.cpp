#include "profile.h"

#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSslCertificate>

using namespace Qt::StringLiterals;

namespace prego {

bool Profile::isValidName(const QString &name)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"_s);
    return pattern.match(name).hasMatch();
}

bool Profile::isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress address;
    return address.setAddress(host) && address.isLoopback();
}

bool Profile::isAllowedScheme(const QUrl &url)
{
    if (url.scheme() == u"https")
        return true;
    return url.scheme() == u"http" && isLoopbackHost(url.host());
}

QString Profile::validate() const
{
    if (!isValidName(name))
        return tr("The profile name must be 1–64 letters, digits, '.', '_' or '-', starting with a "
                  "letter or digit.");
    if (!baseUrl.isValid() || baseUrl.host().isEmpty() ||
        (baseUrl.scheme() != u"https" && baseUrl.scheme() != u"http"))
        return tr("The control plane address must be a full URL such as "
                  "https://cp.example.net.");
    if (!baseUrl.userInfo().isEmpty() || baseUrl.hasQuery() || baseUrl.hasFragment())
        return tr("The control plane address must not contain a user name, password, query or "
                  "fragment.");
    if (!isAllowedScheme(baseUrl))
        return tr("Only https is allowed for a control plane that is not on this computer "
                  "(http is accepted for 127.0.0.1 and localhost only).");
    if (pollIntervalSeconds < MinPollIntervalSeconds ||
        pollIntervalSeconds > MaxPollIntervalSeconds)
        return tr("The poll interval must be between %1 and %2 seconds.")
            .arg(MinPollIntervalSeconds)
            .arg(MaxPollIntervalSeconds);
    if (staleAfterSeconds < 30 || staleAfterSeconds > 86400)
        return tr("The stale threshold must be between 30 seconds and 24 hours.");
    if (!caFile.isEmpty()) {
        QFile file(caFile);
        if (!file.open(QIODevice::ReadOnly))
            return tr("The CA certificate file %1 cannot be read: %2.")
                .arg(caFile, file.errorString());
        if (QSslCertificate::fromData(file.readAll(), QSsl::Pem).isEmpty())
            return tr("The file %1 does not contain a PEM certificate.").arg(caFile);
    }
    return {};
}

} // namespace prego
