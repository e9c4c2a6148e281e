#include "controlplane.h"

#include "apiclient.h"
#include "apicodec.h"
#include "silencecodec.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QPromise>
#include <QThreadPool>

using namespace Qt::StringLiterals;

namespace prego {

namespace {

ApiError decodeError(const QString &detail, const QUrl &url, int httpStatus)
{
    ApiError e;
    e.kind = ApiError::Kind::Decode;
    e.detail = detail;
    e.url = url;
    e.httpStatus = httpStatus;
    return e;
}

// Everything of a result but its value.
template<typename T> ApiResult<T> headOf(const ApiResponse &response)
{
    ApiResult<T> result;
    result.error = response.error;
    result.httpStatus = response.httpStatus;
    result.notModified = response.notModified();
    result.etag = response.etag;
    result.dateMs = response.dateMs;
    result.body = response.body;
    return result;
}

QString idPath(const char *collection, const QString &id)
{
    return QLatin1StringView(collection) + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(id));
}

} // namespace

ControlPlane::ControlPlane(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

QUrl ControlPlane::urlFor(const QString &path) const
{
    return m_client ? m_client->urlFor(path) : QUrl();
}

template<typename T>
ApiCall *ControlPlane::typed(ApiCall *call, const QUrl &url, QObject *context, Handler<T> done,
                             Decoded<T> (*decode)(const QByteArray &))
{
    connect(call, &ApiCall::finished, context,
            [done = std::move(done), decode, url](const ApiResponse &response) {
                ApiResult<T> result = headOf<T>(response);
                if (response.ok() && !response.notModified()) {
                    Decoded<T> decoded = decode(response.body);
                    if (decoded.value)
                        result.value = std::move(decoded.value);
                    else
                        result.error = decodeError(decoded.error, url, response.httpStatus);
                }
                done(std::move(result));
            });
    return call;
}

ApiCall *ControlPlane::whoami(QObject *context, Handler<WhoAmI> done)
{
    const QString path = QLatin1StringView(WhoAmIPath);
    ApiCall *call = m_client->get(path);
    // The identity is recorded whoever asked (and even when the asker is gone), before the asker
    // hears of it, so that it may ask offers() at once.
    connect(call, &ApiCall::finished, this, [this](const ApiResponse &response) {
        if (!response.ok())
            return;
        if (Decoded<WhoAmI> who = ApiCodec::decodeWhoAmI(response.body); who.value) {
            m_identity = *who.value;
            Q_EMIT identityChanged(*who.value);
        }
    });
    return typed<WhoAmI>(call, urlFor(path), context, std::move(done), &ApiCodec::decodeWhoAmI);
}

ApiCall *ControlPlane::nodes(QObject *context, Handler<NodesSnapshot> done, const QByteArray &etag,
                             std::shared_ptr<const NodesSnapshot> previous)
{
    const QString path = QLatin1StringView(NodesPath);
    ApiCall *call = m_client->get(path, {}, etag);
    const QUrl url = urlFor(path);
    connect(call, &ApiCall::finished, context,
            [context, url, done = std::move(done),
             previous = std::move(previous)](const ApiResponse &response) mutable {
                ApiResult<NodesSnapshot> head = headOf<NodesSnapshot>(response);
                if (!response.ok() || response.notModified()) {
                    done(std::move(head));
                    return;
                }
                // 38 MB at 100,000 nodes: decoded on a worker thread, the UI thread only
                // receives the finished snapshot. Shared so that the result can be moved out of
                // the future (a result left there would be freed on the UI thread by the next
                // poll).
                using Out = std::shared_ptr<ApiResult<NodesSnapshot>>;
                auto *watcher = new QFutureWatcher<Out>(context);
                connect(watcher, &QFutureWatcherBase::finished, context,
                        [watcher, done = std::move(done)] {
                            ApiResult<NodesSnapshot> result =
                                std::move(*watcher->future().result());
                            watcher->deleteLater();
                            done(std::move(result));
                        });
                auto promise = std::make_shared<QPromise<Out>>();
                watcher->setFuture(promise->future());
                head.body.clear(); // the bytes are decoded below, not kept
                QThreadPool::globalInstance()->start([promise, head = std::move(head), url,
                                                      body = response.body,
                                                      previous = std::move(previous)]() mutable {
                    promise->start();
                    Decoded<NodesSnapshot> decoded = ApiCodec::decodeNodes(body);
                    if (decoded.value) {
                        SnapshotDelta::mark(previous.get(), *decoded.value);
                        head.value = std::move(decoded.value);
                    } else {
                        head.error = decodeError(decoded.error, url, head.httpStatus);
                    }
                    promise->addResult(std::make_shared<ApiResult<NodesSnapshot>>(std::move(head)));
                    promise->finish();
                });
            });
    return call;
}

ApiCall *ControlPlane::node(const QString &nodeId, QObject *context, Handler<Node> done)
{
    const QString path = idPath(NodesPath, nodeId);
    ApiCall *call = m_client->get(path);
    return typed<Node>(call, urlFor(path), context, std::move(done), &ApiCodec::decodeNode);
}

ApiCall *ControlPlane::registerNode(const Node &node, QObject *context, Handler<Node> done)
{
    const QString path = QLatin1StringView(NodesPath);
    ApiCall *call = m_client->post(path, ApiCodec::encodeNode(node));
    return typed<Node>(call, urlFor(path), context, std::move(done), &ApiCodec::decodeNode);
}

ApiCall *ControlPlane::jobs(const JobsQuery &query, QObject *context, Handler<JobsPage> done)
{
    QUrlQuery q;
    if (!query.status.isEmpty())
        q.addQueryItem(u"status"_s, query.status);
    if (!query.tenantId.isEmpty())
        q.addQueryItem(u"tenant_id"_s, query.tenantId);
    if (!query.nodeId.isEmpty())
        q.addQueryItem(u"node_id"_s, query.nodeId);
    q.addQueryItem(u"limit"_s, QString::number(query.limit));
    if (!query.cursor.isEmpty())
        q.addQueryItem(u"cursor"_s, query.cursor);
    const QString path = QLatin1StringView(JobsPath);
    ApiCall *call = m_client->get(path, q);
    return typed<JobsPage>(call, urlFor(path), context, std::move(done), &JobCodec::decodeJobs);
}

ApiCall *ControlPlane::job(const QString &jobId, QObject *context, Handler<Job> done)
{
    const QString path = idPath(JobsPath, jobId);
    ApiCall *call = m_client->get(path);
    return typed<Job>(call, urlFor(path), context, std::move(done), &JobCodec::decodeJob);
}

ApiCall *ControlPlane::submit(const QByteArray &body, const QString &jobId, QObject *context,
                              Handler<Job> done)
{
    const QString path = QLatin1StringView(ProvisionPath);
    ApiCall *call = m_client->post(path, body, jobId.toUtf8());
    return typed<Job>(call, urlFor(path), context, std::move(done), &JobCodec::decodeJob);
}

ApiCall *ControlPlane::retry(const QString &jobId, QObject *context, Handler<Job> done)
{
    const QString path = idPath(JobsPath, jobId) + u"/retry"_s;
    ApiCall *call = m_client->post(path, "{}");
    return typed<Job>(call, urlFor(path), context, std::move(done), &JobCodec::decodeJob);
}

ApiCall *ControlPlane::notOffered(Feature feature)
{
    ApiError e;
    e.kind = ApiError::Kind::Config;
    e.detail = missingFeatureText(feature);
    e.url = urlFor(QLatin1StringView(WhoAmIPath));
    return ApiCall::failed(e, m_client);
}

ApiCall *ControlPlane::silences(bool activeOnly, QObject *context, Handler<SilencesList> done)
{
    const QString path = QLatin1StringView(SilencesPath);
    QUrlQuery q;
    if (activeOnly)
        q.addQueryItem(u"active"_s, u"true"_s);
    ApiCall *call =
        offers(Feature::Silences) ? m_client->get(path, q) : notOffered(Feature::Silences);
    return typed<SilencesList>(call, urlFor(path), context, std::move(done),
                               &SilenceCodec::decodeSilences);
}

ApiCall *ControlPlane::createSilence(const SilenceRequest &request, QObject *context,
                                     Handler<Silence> done)
{
    const QString path = QLatin1StringView(SilencesPath);
    ApiCall *call =
        offers(Feature::Silences)
            ? m_client->post(path, SilenceCodec::encodeRequest(request), request.silenceId.toUtf8())
            : notOffered(Feature::Silences);
    return typed<Silence>(call, urlFor(path), context, std::move(done),
                          &SilenceCodec::decodeSilence);
}

ApiCall *ControlPlane::endSilence(const QString &silenceId, QObject *context, Handler<Silence> done)
{
    const QString path = idPath(SilencesPath, silenceId);
    ApiCall *call =
        offers(Feature::Silences) ? m_client->remove(path) : notOffered(Feature::Silences);
    return typed<Silence>(call, urlFor(path), context, std::move(done),
                          &SilenceCodec::decodeSilence);
}

QString ControlPlane::missingFeatureText(Feature feature)
{
    switch (feature) {
    case Feature::Silences:
        return tr("This control plane does not offer maintenance silences.");
    case Feature::Plans:
        return tr("This control plane does not offer plans before provisioning.");
    case Feature::Cancel:
        return tr("This control plane does not offer cancelling jobs.");
    case Feature::Attempts:
        return tr("This control plane does not keep earlier attempts of a job.");
    case Feature::Logs:
        return tr("This control plane does not offer job logs.");
    }
    return {};
}

} // namespace prego
