#pragma once

#include "metricsendpoint.h"
#include "pushresult.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;

namespace prego::agent {

// One POST /internal/server-metrics. Emits finished() exactly once (unless abort() is called
// first) and owns its reply.
class PushJob final : public QObject
{
    Q_OBJECT

public:
    PushJob(QNetworkAccessManager *network, MetricsEndpoint endpoint, QByteArray body,
            QString nodeId, QObject *parent = nullptr);
    ~PushJob() override;

    void start();
    // Stops the request without emitting finished().
    void abort();

Q_SIGNALS:
    void finished(const prego::agent::PushResult &result);

private:
    void readBody();
    void onReplyFinished();

    QPointer<QNetworkAccessManager> m_network;
    MetricsEndpoint m_endpoint;
    QByteArray m_body;
    QString m_nodeId;
    QNetworkReply *m_reply = nullptr; // owned: parented to this job
    QByteArray m_response;
    bool m_done = false;
};

} // namespace prego::agent
