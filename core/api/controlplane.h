#pragma once

#include "apicall.h"
#include "apiclient.h"
#include "jobcodec.h"
#include "types/apierror.h"
#include "types/job.h"
#include "types/node.h"
#include "types/silence.h"
#include "types/whoami.h"

#include <QObject>
#include <QPointer>
#include <QUrlQuery>

#include <functional>
#include <memory>
#include <optional>

namespace prego {

// The typed answer of one endpoint: the decoded value, or why there is none. A body that does not
// follow the contract is an ApiError of kind Decode (its message() says so, once, for everyone).
template<typename T> struct ApiResult
{
    std::optional<T> value;
    std::optional<ApiError> error;
    int httpStatus = 0;
    bool notModified = false; // 304: the caller's copy is still current (GET /internal/nodes)
    QByteArray etag;
    std::optional<qint64> dateMs; // the Date header: the server's clock
    QByteArray body;              // the answer as sent (Export JSON keeps it)

    bool ok() const { return !error.has_value(); }
};

// What GET /internal/provision-jobs is asked for.
struct JobsQuery
{
    QString status;
    QString tenantId;
    QString nodeId;
    int limit = 200;
    QString cursor;
};

// The control plane's API as typed calls, one method per endpoint (control-plane-api.md): paths,
// decoders and error texts exist here once; every caller (the console, prego-ctl, the pollers, the
// Definition-of-Done loader) goes through it. Each method starts one call and hands its typed
// result to `done` on `context`'s thread; nothing is delivered once `context` is gone. The
// returned ApiCall may be aborted (done then receives a Cancelled error).
//
// It also remembers what whoami last said, so a caller can ask whether this control plane offers
// an optional capability before offering the action.
class ControlPlane final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ControlPlane)

public:
    template<typename T> using Handler = std::function<void(ApiResult<T>)>;

    static constexpr auto WhoAmIPath = "/internal/whoami";
    static constexpr auto NodesPath = "/internal/nodes";
    static constexpr auto JobsPath = "/internal/provision-jobs";
    static constexpr auto ProvisionPath = "/internal/provision-tenant";
    static constexpr auto SilencesPath = "/internal/silences";

    explicit ControlPlane(ApiClient *client, QObject *parent = nullptr);

    ApiClient *client() const { return m_client; }

    // GET /internal/whoami. A successful answer also updates identity() and the features.
    ApiCall *whoami(QObject *context, Handler<WhoAmI> done);
    // GET /internal/nodes with If-None-Match. Decoded on a worker thread; when `previous` is
    // given, the snapshot also carries what changed since it (SnapshotDelta).
    ApiCall *nodes(QObject *context, Handler<NodesSnapshot> done, const QByteArray &etag = {},
                   std::shared_ptr<const NodesSnapshot> previous = {});
    // GET /internal/nodes/{node_id}
    ApiCall *node(const QString &nodeId, QObject *context, Handler<Node> done);
    // POST /internal/nodes (201 new, 200 the same body again)
    ApiCall *registerNode(const Node &node, QObject *context, Handler<Node> done);
    // GET /internal/provision-jobs
    ApiCall *jobs(const JobsQuery &query, QObject *context, Handler<JobsPage> done);
    // GET /internal/provision-jobs/{job_id}
    ApiCall *job(const QString &jobId, QObject *context, Handler<Job> done);
    // POST /internal/provision-tenant with the exact stored bytes and `Idempotency-Key: job_id`.
    // A 2xx whose body cannot be read still says the job exists: httpStatus tells.
    ApiCall *submit(const QByteArray &body, const QString &jobId, QObject *context,
                    Handler<Job> done);
    // POST /internal/provision-jobs/{job_id}/retry
    ApiCall *retry(const QString &jobId, QObject *context, Handler<Job> done);

    // Silences (an optional capability: each call fails at once with missingFeatureText when
    // whoami did not list it). GET /internal/silences, all or only those in force now.
    ApiCall *silences(bool activeOnly, QObject *context, Handler<SilencesList> done);
    // POST /internal/silences: 201 new, 200 the same silence_id and body again.
    ApiCall *createSilence(const SilenceRequest &request, QObject *context, Handler<Silence> done);
    // DELETE /internal/silences/{silence_id}: ends it now; an ended one comes back unchanged.
    ApiCall *endSilence(const QString &silenceId, QObject *context, Handler<Silence> done);

    // What whoami last answered (none before the first answer).
    const std::optional<WhoAmI> &identity() const { return m_identity; }
    // Whether the control plane listed this capability in whoami's features. False until whoami
    // has answered: a capability is used only when the control plane announced it.
    bool offers(Feature feature) const { return m_identity && m_identity->offers(feature); }
    // A translated sentence for an action that needs a capability this control plane lacks.
    static QString missingFeatureText(Feature feature);

    // The address a path resolves to (for errors and reports).
    QUrl urlFor(const QString &path) const;

Q_SIGNALS:
    // whoami answered: the token's name and role, and the capabilities on offer.
    void identityChanged(const prego::WhoAmI &identity);

private:
    // A call that fails at once because the control plane does not offer `feature`.
    ApiCall *notOffered(Feature feature);
    template<typename T>
    ApiCall *typed(ApiCall *call, const QUrl &url, QObject *context, Handler<T> done,
                   Decoded<T> (*decode)(const QByteArray &));

    QPointer<ApiClient> m_client;
    std::optional<WhoAmI> m_identity;
};

} // namespace prego
