#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QString>
#include <QUrl>

namespace prego::test {

struct HttpResult
{
    int status = 0; // 0 when no HTTP answer arrived
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QString networkError;

    QByteArray header(const QByteArray &name) const;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString errorCode() const;
};

// A deliberately small synchronous HTTP client for tests: it spins a local event loop until the
// reply finishes. It is independent of the console's API client so tests check it, not share it.
class HttpTestClient
{
public:
    explicit HttpTestClient(QUrl base);

    void setToken(const QString &token) { m_token = token; }
    HttpResult get(const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers = {});
    HttpResult post(const QString &path, const QByteArray &body,
                    const QList<QPair<QByteArray, QByteArray>> &headers = {});
    HttpResult post(const QString &path, const QJsonObject &body,
                    const QList<QPair<QByteArray, QByteArray>> &headers = {});
    HttpResult send(const QByteArray &method, const QString &path, const QByteArray &body,
                    const QList<QPair<QByteArray, QByteArray>> &headers);

    QUrl url(const QString &path) const;

private:
    QUrl m_base;
    QString m_token;
    QNetworkAccessManager m_nam;
};

} // namespace prego::test
