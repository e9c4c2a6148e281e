#pragma once

#include "apiresponse.h"

#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QTimer>

class QNetworkReply;

namespace prego {

// One HTTP call to the control plane. Owns its reply; emits finished() exactly once and then
// deletes itself. Enforces the response size cap and the redirect rule while the reply runs.
class ApiCall final : public QObject
{
    Q_OBJECT
public:
    struct Rules
    {
        QUrl origin;                   // scheme://host:port of the profile
        bool followSameOrigin = false; // GET: same-origin redirects; POST: none
        qint64 maxBodyBytes = 0;
        int maxRedirects = 5;
        // The whole call, first byte to last. Qt's transfer timeout is an idle timeout: a server
        // that trickles one byte every half second would otherwise hold a call forever. 0: none.
        int totalTimeoutMs = 0;
    };

    static constexpr qint64 ReadChunkBytes = 1024 * 1024;

    ApiCall(QNetworkReply *reply, Rules rules, QObject *parent = nullptr);
    ~ApiCall() override;

    void abort();

    // A call that fails with this error on the next event-loop turn (configuration problems),
    // so callers have a single code path.
    static ApiCall *failed(const ApiError &error, QObject *parent);

    static bool sameOrigin(const QUrl &a, const QUrl &b);
    static bool isJsonType(const QByteArray &contentType);

Q_SIGNALS:
    void finished(const prego::ApiResponse &response);

private:
    void onRedirected(const QUrl &url);
    void onMetaDataChanged();
    void onDownloadProgress(qint64 received, qint64 total);
    void onReadyRead();
    void onSslErrors(const QList<QSslError> &errors);
    void onFinished();
    void onDeadline();
    QString capText() const;
    QByteArray lastValue(const QByteArray &header) const;
    QByteArray contentType() const;
    void finish(ApiResponse response);
    // Stops the transfer and makes `kind` the call's result (the first reason wins).
    void stop(ApiError::Kind kind, const QString &detail = {});

    QNetworkReply *m_reply; // owned: deleted with this call; null for failed()
    Rules m_rules;
    int m_redirects = 0;
    std::optional<ApiError> m_abortReason;
    QString m_sslDetail;
    QTimer m_deadline;
    QByteArray m_body; // read as it arrives: no 38 MB concatenation at the end
    bool m_reserved = false;
    bool m_done = false;
};

} // namespace prego
