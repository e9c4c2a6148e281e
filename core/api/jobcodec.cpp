#include "jobcodec.h"

#include <QUrl>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace prego::JobCodec {

namespace {
std::optional<QString> optionalString(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    return std::nullopt;
}

std::optional<qint64> time(const QJsonValue &v)
{
    return v.isString() ? ApiCodec::parseTimestamp(v.toString()) : std::nullopt;
}

// Empty error when the object is a job; wrong-typed optional parts become empty values.
std::optional<Job> jobFrom(const QJsonObject &o, QString *error)
{
    Job job;
    const QJsonValue id = o.value(u"job_id");
    const QJsonValue status = o.value(u"status");
    if (!id.isString() || id.toString().isEmpty() || !status.isString()) {
        *error = QCoreApplication::translate("prego::JobCodec", "a job has no job_id or no status");
        return std::nullopt;
    }
    job.jobId = id.toString();
    job.status = status.toString();
    job.tenantId = o.value(u"tenant_id").toString();
    job.path = o.value(u"path").toString();
    job.stack = optionalString(o.value(u"stack"));
    job.targetServerId = optionalString(o.value(u"target_server_id"));
    job.traceId = optionalString(o.value(u"trace_id"));
    job.traceRecorded = o.value(u"trace_recorded").toBool(false);
    job.createdAtMs = time(o.value(u"created_at"));
    job.updatedAtMs = time(o.value(u"updated_at"));
    job.finishedAtMs = time(o.value(u"finished_at"));
    if (const QJsonValue request = o.value(u"request"); request.isObject())
        job.request = QJsonDocument(request.toObject()).toJson(QJsonDocument::Compact);

    if (const QJsonValue e = o.value(u"error"); e.isObject()) {
        const QJsonObject eo = e.toObject();
        job.error = JobError{eo.value(u"stage").toString(), eo.value(u"code").toString(),
                             eo.value(u"message").toString()};
    }
    for (const QJsonValue &v : o.value(u"stages").toArray()) {
        const QJsonObject s = v.toObject();
        if (!s.value(u"name").isString() || !s.value(u"status").isString())
            continue; // a stage without a name or status cannot be placed on the timeline
        job.stages.append(JobStage{s.value(u"name").toString(), s.value(u"status").toString(),
                                   time(s.value(u"started_at")), time(s.value(u"finished_at")),
                                   optionalString(s.value(u"detail")),
                                   optionalString(s.value(u"skip_reason"))});
    }
    const QJsonArray servers = o.value(u"outputs").toObject().value(u"servers").toArray();
    for (const QJsonValue &v : servers) {
        const QJsonObject s = v.toObject();
        if (!s.value(u"node_id").isString())
            continue;
        job.servers.append(JobServer{s.value(u"role").toString(), s.value(u"node_id").toString(),
                                     s.value(u"hostname").toString(), s.value(u"ipv4").toString()});
    }
    for (const QJsonValue &v : o.value(u"audit").toArray()) {
        const QJsonObject a = v.toObject();
        if (!a.value(u"action").isString())
            continue;
        job.audit.append(JobAuditEntry{time(a.value(u"at")), a.value(u"actor").toString(),
                                       a.value(u"action").toString(),
                                       a.value(u"detail").toString()});
    }
    return job;
}
} // namespace

Decoded<Job> decodeJob(const QByteArray &body)
{
    Decoded<Job> out;
    const QJsonDocument doc = ApiCodec::parseObject(body, &out.error);
    if (!out.error.isEmpty())
        return out;
    out.value = jobFrom(doc.object(), &out.error);
    return out;
}

Decoded<JobsPage> decodeJobs(const QByteArray &body)
{
    Decoded<JobsPage> out;
    const QJsonDocument doc = ApiCodec::parseObject(body, &out.error);
    if (!out.error.isEmpty())
        return out;
    const QJsonObject root = doc.object();
    const auto serverTime = ApiCodec::parseTimestamp(root.value(u"server_time").toString());
    if (!serverTime) {
        out.error = QCoreApplication::translate("prego::JobCodec",
                                                "server_time is missing or not an RFC 3339 time");
        return out;
    }
    if (!root.value(u"jobs").isArray()) {
        out.error = QCoreApplication::translate("prego::JobCodec", "jobs is missing or not a list");
        return out;
    }
    JobsPage page;
    page.serverTimeMs = *serverTime;
    page.nextCursor = optionalString(root.value(u"next_cursor"));
    for (const QJsonValue &v : root.value(u"jobs").toArray()) {
        QString error;
        if (auto job = jobFrom(v.toObject(), &error))
            page.jobs.append(std::move(*job));
        else
            page.warnings.append(QCoreApplication::translate(
                "prego::JobCodec", "An entry of the job list without job_id or status was "
                                   "ignored."));
    }
    out.value = std::move(page);
    return out;
}

} // namespace prego::JobCodec
