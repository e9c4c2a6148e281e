#include "jobquerycommands.h"

#include "api/controlplane.h"
#include "api/joblist.h"
#include "api/waitfor.h"
#include "domain/jobtext.h"
#include "storage/joboutbox.h"
#include "texttable.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace prego {

namespace {
using JobText::rfc3339;
using JobText::seconds;

QJsonValue json(const std::optional<QString> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonValue jsonTime(std::optional<qint64> ms)
{
    return ms ? QJsonValue(rfc3339(ms)) : QJsonValue(QJsonValue::Null);
}
} // namespace

JobQueryCommands::JobQueryCommands(QSettings &settings, SecretStore &secrets,
                                   QNetworkAccessManager &nam, CtlApp::Io io)
    : m_io(io)
    , m_errors(*io.err)
    , m_session(settings, secrets, nam, *io.err)
{}

bool JobQueryCommands::handles(const QString &command)
{
    return command == u"jobs" || command == u"job";
}

int JobQueryCommands::run(const QString &command, const QStringList &args)
{
    return command == u"jobs" ? jobs(args) : job(args);
}

int JobQueryCommands::jobs(const QStringList &args)
{
    QCommandLineParser p;
    p.addOptions({{u"profile"_s, {}, u"NAME"_s},
                  {u"status"_s, {}, u"S"_s},
                  {u"tenant"_s, {}, u"T"_s},
                  {u"limit"_s, {}, u"N"_s},
                  {u"output"_s, {}, u"FORMAT"_s, u"table"_s}});
    if (!p.parse(QStringList{u"prego-ctl"_s} + args))
        return m_errors.fail(CtlApp::Usage, p.errorText());
    const QString output = p.value(u"output"_s);
    if (output != u"table" && output != u"json")
        return m_errors.fail(CtlApp::Usage, tr("--output is table or json."));
    const QString status = p.value(u"status"_s);
    static const QStringList statuses{u"Queued"_s, u"Running"_s, u"Completed"_s, u"Failed"_s};
    if (!status.isEmpty() && !statuses.contains(status))
        return m_errors.fail(CtlApp::Usage, tr("--status is one of %1.").arg(statuses.join(u", ")));
    // Without --limit, the contract's default page: the newest 50.
    int limit = 50;
    if (p.isSet(u"limit"_s)) {
        bool ok = false;
        limit = p.value(u"limit"_s).toInt(&ok);
        if (!ok || limit < 1 || limit > 200)
            return m_errors.fail(CtlApp::Usage, tr("--limit wants a whole number from 1 to 200."));
    }
    int code = CtlApp::Ok;
    if (!m_session.openWithOutbox(p.value(u"profile"_s), &code))
        return code;
    m_session.recoverOutbox(false);

    JobsQuery query;
    query.status = status;
    query.tenantId = p.value(u"tenant"_s);
    query.limit = limit;
    const ApiResult<JobsPage> answer = waitFor<JobsPage>([&](QObject *context, auto done) {
        return m_session.controlPlane().jobs(query, context, std::move(done));
    });
    if (!answer.ok())
        return m_errors.failApi(*answer.error);
    for (const QString &warning : answer.value->warnings)
        *m_io.err << u"prego-ctl: "_s << warning << Qt::endl;

    // Local rows have no server status: they belong in an unfiltered list only.
    QList<JobOutbox::Entry> local;
    if (status.isEmpty()) {
        for (const JobOutbox::Entry &e : m_session.outbox().unresolved()) {
            if (!p.isSet(u"tenant"_s) || JobList::fromEntry(e).tenantId == p.value(u"tenant"_s))
                local.append(e);
        }
    }
    const QList<JobListRow> rows = JobList::merge(answer.value->jobs, local);
    const qint64 serverNow = answer.value->serverTimeMs;

    if (output == u"json") {
        QJsonArray array;
        for (const JobListRow &row : rows) {
            const Job &j = row.job;
            QJsonObject o{{u"job_id"_s, j.jobId},
                          {u"tenant_id"_s, j.tenantId},
                          {u"path"_s, j.path},
                          {u"status"_s, row.local ? QJsonValue() : QJsonValue(j.status)},
                          {u"stack"_s, json(j.stack)},
                          {u"target_server_id"_s, json(j.targetServerId)},
                          {u"created_at"_s, jsonTime(j.createdAtMs)},
                          {u"finished_at"_s, jsonTime(j.finishedAtMs)},
                          {u"current_stage"_s, j.currentStage()},
                          {u"local"_s, row.local},
                          {u"local_state"_s, row.local
                                                 ? QJsonValue(JobOutbox::stateKey(row.localState))
                                                 : QJsonValue()}};
            array.append(o);
        }
        const QJsonObject root{{u"server_time"_s, rfc3339(serverNow)}, {u"jobs"_s, array}};
        *m_io.out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
        return CtlApp::Ok;
    }
    TextTable table({tr("JOB"), tr("TENANT"), tr("PATH"), tr("STATUS"), tr("STACK"), tr("CREATED"),
                     tr("DURATION"), tr("STAGE")});
    for (const JobListRow &row : rows) {
        const Job &j = row.job;
        QString duration = u"–"_s;
        if (j.createdAtMs && !row.local)
            duration = seconds(j.finishedAtMs.value_or(serverNow) - *j.createdAtMs);
        table.addRow({j.jobId.left(8), j.tenantId, j.path,
                      row.local ? row.localNote : JobText::jobStatus(j.status),
                      j.stack.value_or(u"–"_s), rfc3339(j.createdAtMs), duration,
                      j.currentStage().isEmpty() ? u"–"_s : j.currentStage()});
    }
    *m_io.out << table.render();
    *m_io.out << tr("%n job(s)", nullptr, int(rows.size())) << Qt::endl;
    return CtlApp::Ok;
}

void JobQueryCommands::printJob(const Job &job)
{
    *m_io.out << JobText::describe(job);
}

int JobQueryCommands::job(const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(u"id"_s, {});
    p.addOptions({{u"profile"_s, {}, u"NAME"_s}, {u"output"_s, {}, u"FORMAT"_s, u"text"_s}});
    if (!p.parse(QStringList{u"prego-ctl"_s} + args))
        return m_errors.fail(CtlApp::Usage, p.errorText());
    if (p.positionalArguments().size() != 1)
        return m_errors.fail(CtlApp::Usage,
                             tr("Give exactly one job id: prego-ctl job ID --profile NAME."));
    const QString output = p.value(u"output"_s);
    if (output != u"text" && output != u"json")
        return m_errors.fail(CtlApp::Usage, tr("--output is text or json."));
    const QString id = p.positionalArguments().first();
    int code = CtlApp::Ok;
    if (!m_session.openWithOutbox(p.value(u"profile"_s), &code))
        return code;
    m_session.recoverOutbox(false);
    const ApiResult<Job> answer = waitFor<Job>([&](QObject *context, auto done) {
        return m_session.controlPlane().job(id, context, std::move(done));
    });
    if (!answer.ok()) {
        const auto local = m_session.outbox().find(id);
        if (answer.error->httpStatus == 404 && local)
            return m_errors.fail(CtlApp::NotFound,
                                 tr("The control plane does not know job %1; locally it is %2.")
                                     .arg(id, JobOutbox::stateText(local->state)));
        return m_errors.failApi(*answer.error);
    }
    if (output == u"json")
        *m_io.out << QString::fromUtf8(
            QJsonDocument::fromJson(answer.body).toJson(QJsonDocument::Indented));
    else
        printJob(*answer.value);
    return answer.value->status == u"Failed" ? CtlApp::JobFailed : CtlApp::Ok;
}

} // namespace prego
