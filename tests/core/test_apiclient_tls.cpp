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
