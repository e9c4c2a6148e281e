// TLS against a real HTTPS server on loopback with a self-signed certificate made for this run:
// refused with the certificate's details, accepted only when the profile trusts that CA.
#include "api/apiclient.h"

#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>

#include <gtest/gtest.h>

#include <memory>

using namespace Qt::StringLiterals;
using namespace prego;

namespace {
// Answers every request with a fixed whoami body over TLS.
class TlsServer final : public QTcpServer
{
public:
    TlsServer(QSslCertificate cert, QSslKey key)
        : m_cert(std::move(cert))
        , m_key(std::move(key))
    {
        listen(QHostAddress::LocalHost, 0);
    }
    int requests = 0;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setLocalCertificate(m_cert);
        socket->setPrivateKey(m_key);
        QObject::connect(socket, &QSslSocket::readyRead, socket, [this, socket] {
            if (!socket->readAll().contains("\r\n\r\n"))
                return;
            ++requests;
            const QByteArray body =
                R"({"token_name":"tls","role":"viewer","server_time":"2026-11-26T20:00:05Z"})";
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                          QByteArray::number(body.size()) + "\r\n\r\n" + body);
        });
        QObject::connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        socket->startServerEncryption();
    }

private:
    QSslCertificate m_cert;
    QSslKey m_key;
};

ApiResponse waitFor(ApiCall *call)
{
    ApiResponse result;
    QEventLoop loop;
    QObject::connect(call, &ApiCall::finished, &loop, [&](const ApiResponse &r) {
        result = r;
        loop.quit();
    });
    QTimer::singleShot(15000, &loop, &QEventLoop::quit);
    loop.exec();
    return result;
}
} // namespace

TEST(ApiClientTls, SelfSignedIsRefusedWithDetailsAndAcceptedWithTheProfilesCa)
{
    if (!QSslSocket::supportsSsl())
        GTEST_SKIP() << "no TLS backend";
    QTemporaryDir dir;
    const QString certFile = dir.filePath(u"cert.pem"_s), keyFile = dir.filePath(u"key.pem"_s);
    QProcess openssl;
    openssl.start(u"openssl"_s,
                  {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-days"_s,
                   u"2"_s, u"-subj"_s, u"/CN=prego-test-ca"_s, u"-addext"_s,
                   u"subjectAltName=IP:127.0.0.1"_s, u"-keyout"_s, keyFile, u"-out"_s, certFile});
    ASSERT_TRUE(openssl.waitForFinished(30000));
    ASSERT_EQ(openssl.exitCode(), 0) << openssl.readAllStandardError().toStdString();
    QFile c(certFile), k(keyFile);
    ASSERT_TRUE(c.open(QIODevice::ReadOnly) && k.open(QIODevice::ReadOnly));
    const QSslCertificate cert(c.readAll(), QSsl::Pem);
    const QSslKey key(k.readAll(), QSsl::Rsa, QSsl::Pem);
    ASSERT_FALSE(cert.isNull());
    ASSERT_FALSE(key.isNull());
    TlsServer server(cert, key);
    ASSERT_TRUE(server.isListening());

    Profile profile;
    profile.name = u"tls"_s;
    profile.baseUrl = QUrl(u"https://127.0.0.1:%1"_s.arg(server.serverPort()));
    QNetworkAccessManager nam;
    {
        ApiClient client(&nam, profile);
        client.setToken(u"tls-token-1234567890"_s);
        const ApiResponse r = waitFor(client.get(u"/internal/whoami"_s));
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error->kind, ApiError::Kind::Tls);
        // Which certificate and why: its name and fingerprint are in the message.
        EXPECT_TRUE(r.error->message().contains(u"prego-test-ca"_s))
            << r.error->message().toStdString();
        EXPECT_TRUE(r.error->message().contains(u"SHA-256"_s));
        EXPECT_EQ(server.requests, 0); // nothing (and no token) was sent over the refused channel
    }
    nam.clearConnectionCache();
    profile.caFile = certFile;
    ASSERT_TRUE(profile.validate().isEmpty()) << profile.validate().toStdString();
    ApiClient trusting(&nam, profile);
    trusting.setToken(u"tls-token-1234567890"_s);
    const ApiResponse ok = waitFor(trusting.get(u"/internal/whoami"_s));
    ASSERT_TRUE(ok.ok()) << ok.error->message().toStdString();
    EXPECT_EQ(server.requests, 1);
}

namespace {
// openssl with its arguments; empty when it worked, else its complaint.
QString openssl(const QStringList &args)
{
    QProcess p;
    p.start(u"openssl"_s, args);
    if (!p.waitForFinished(30000))
        return u"openssl did not finish"_s;
    return p.exitCode() == 0 ? QString() : QString::fromLocal8Bit(p.readAllStandardError());
}

// A private CA and certificates for 127.0.0.1 made for this run with EC keys (fast): one it
// signed, one it signed for another name, one it signed that expired, and a self-signed impostor.
struct Pki
{
    QTemporaryDir dir;
    QString error;
    QString path(const QString &name) const { return dir.filePath(name); }

    bool make()
    {
        const QStringList ec{u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                             u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s};
        auto write = [this](const QString &name, const QByteArray &text) {
            QFile f(path(name));
            return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
        };
        if (!write(u"ip.ext"_s, "subjectAltName=IP:127.0.0.1\n") ||
            !write(u"other.ext"_s, "subjectAltName=DNS:cp.example.net\n"))
            return fail(u"cannot write extension files"_s);
        if (const QString e =
                openssl(QStringList{u"req"_s, u"-x509"_s} + ec +
                        QStringList{u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=prego-private-ca"_s,
                                    u"-keyout"_s, path(u"ca.key"_s), u"-out"_s, path(u"ca.pem"_s)});
            !e.isEmpty())
            return fail(e);
        const struct
        {
            QString name, cn, ext, days;
        } leaves[] = {{u"leaf"_s, u"127.0.0.1"_s, u"ip.ext"_s, u"2"_s},
                      {u"otherhost"_s, u"cp.example.net"_s, u"other.ext"_s, u"2"_s},
                      {u"expired"_s, u"127.0.0.1"_s, u"ip.ext"_s, u"-1"_s}};
        for (const auto &l : leaves) {
            if (const QString e = openssl(QStringList{u"req"_s} + ec +
                                          QStringList{u"-subj"_s, u"/CN="_s + l.cn, u"-keyout"_s,
                                                      path(l.name + u".key"_s), u"-out"_s,
                                                      path(l.name + u".csr"_s)});
                !e.isEmpty())
                return fail(e);
            if (const QString e =
                    openssl({u"x509"_s, u"-req"_s, u"-in"_s, path(l.name + u".csr"_s), u"-CA"_s,
                             path(u"ca.pem"_s), u"-CAkey"_s, path(u"ca.key"_s),
                             u"-CAcreateserial"_s, u"-days"_s, l.days, u"-extfile"_s, path(l.ext),
                             u"-out"_s, path(l.name + u".pem"_s)});
                !e.isEmpty())
                return fail(e);
        }
        if (const QString e =
                openssl(QStringList{u"req"_s, u"-x509"_s} + ec +
                        QStringList{u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=prego-impostor"_s,
                                    u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s, u"-keyout"_s,
                                    path(u"impostor.key"_s), u"-out"_s, path(u"impostor.pem"_s)});
            !e.isEmpty())
            return fail(e);
        return true;
    }
    bool fail(const QString &why)
    {
        error = why;
        return false;
    }
    QByteArray read(const QString &name) const
    {
        QFile f(path(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    std::unique_ptr<TlsServer> serve(const QString &name) const
    {
        return std::make_unique<TlsServer>(QSslCertificate(read(name + u".pem"_s), QSsl::Pem),
                                           QSslKey(read(name + u".key"_s), QSsl::Ec, QSsl::Pem));
    }
};

ApiResponse whoamiOver(TlsServer &server, const QString &caFile)
{
    Profile profile;
    profile.name = u"tls"_s;
    profile.baseUrl = QUrl(u"https://127.0.0.1:%1"_s.arg(server.serverPort()));
    profile.caFile = caFile;
    QNetworkAccessManager nam;
    ApiClient client(&nam, profile);
    client.setToken(u"tls-token-1234567890"_s);
    return waitFor(client.get(u"/internal/whoami"_s));
}
} // namespace

TEST(ApiClientTls, TheProfilesCaTrustsOnlyWhatItSignedForThisHostAndStillValid)
{
    if (!QSslSocket::supportsSsl())
        GTEST_SKIP() << "no TLS backend";
    Pki pki;
    ASSERT_TRUE(pki.make()) << pki.error.toStdString();
    const QString ca = pki.path(u"ca.pem"_s);

    {
        auto good = pki.serve(u"leaf"_s);
        ASSERT_TRUE(good->isListening());
        const ApiResponse refused = whoamiOver(*good, {});
        ASSERT_FALSE(refused.ok()); // the system store does not know our private CA
        EXPECT_EQ(refused.error->kind, ApiError::Kind::Tls);
        EXPECT_TRUE(refused.error->message().contains(u"prego-private-ca"_s))
            << refused.error->message().toStdString();
        const ApiResponse ok = whoamiOver(*good, ca);
        ASSERT_TRUE(ok.ok()) << ok.error->message().toStdString();
        EXPECT_EQ(good->requests, 1);
    }
    const struct
    {
        QString cert;
        QString mentions; // what the sentence must name
    } refusedCases[] = {
        {u"otherhost"_s, u"cp.example.net"_s}, // signed by our CA, for another name
        {u"expired"_s, u"expired"_s},          // signed by our CA, out of date
        {u"impostor"_s, u"prego-impostor"_s},  // self-signed: our CA does not vouch for it
    };
    for (const auto &c : refusedCases) {
        SCOPED_TRACE(c.cert.toStdString());
        auto server = pki.serve(c.cert);
        ASSERT_TRUE(server->isListening());
        const ApiResponse r = whoamiOver(*server, ca);
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error->kind, ApiError::Kind::Tls);
        EXPECT_FALSE(r.error->isRetryable());
        const QString message = r.error->message();
        EXPECT_TRUE(message.contains(c.mentions, Qt::CaseInsensitive)) << message.toStdString();
        EXPECT_TRUE(message.contains(u"SHA-256"_s)) << message.toStdString();
        EXPECT_EQ(server->requests, 0); // no request, so no token, over a refused channel
    }
}
