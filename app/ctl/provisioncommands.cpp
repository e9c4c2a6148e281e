#include "provisioncommands.h"

#include "api/apiclient.h"
#include "api/controlplane.h"
#include "api/dodinputloader.h"
#include "api/jobfollower.h"
#include "api/joblist.h"
#include "api/provisionsubmitter.h"
#include "api/waitfor.h"
#include "domain/freshness.h"
#include "domain/jobtext.h"
#include "domain/provisionrequest.h"
#include "secrets/secretjob.h"
#include "secrets/secretstore.h"
#include "storage/joboutbox.h"
#include "storage/profilestore.h"
#include "texttable.h"
#include "types/profile.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>
#include <QTextStream>
#include <QTimer>

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

ProvisionCommands::ProvisionCommands(QSettings &settings, SecretStore &secrets,
                                     QNetworkAccessManager &nam, CtlApp::Io io)
    : m_settings(settings)
    , m_secrets(secrets)
    , m_nam(nam)
    , m_io(io)
    , m_errors(*io.err)
{}

ProvisionCommands::~ProvisionCommands() = default;

bool ProvisionCommands::handles(const QString &command)
{
    static const QStringList commands{u"jobs"_s,      u"job"_s,    u"retry"_s,
                                      u"provision"_s, u"verify"_s, u"recover"_s};
    return commands.contains(command);
}

QString ProvisionCommands::helpText()
{
    return tr("\n"
              "Provisioning commands:\n"
              "  provision --profile NAME --tenant T (--target NODE | --new-server --region R |\n"
              "            --dedicated --region R) [--job-id UUID] [--yes] [--wait]\n"
              "                            submit a provisioning job; --yes is required when\n"
              "                            servers are created; --wait follows it to the end\n"
              "  jobs --profile NAME [--status S] [--tenant T] [--output table|json]\n"
              "                            list jobs, including local ones not yet confirmed\n"
              "  job ID --profile NAME [--output text|json]\n"
              "                            show a job and its trace as a timeline\n"
              "  retry ID --profile NAME [--wait]\n"
              "                            resume a failed job at its failed stage\n"
              "  recover --profile NAME    look up and resend jobs that were sent but never\n"
              "                            answered (every provisioning command does this first)\n"
              "  verify [--profile NAME] [--report FILE.md] [--run-scenarios\n"
              "         [--yes-create-infrastructure]]\n"
              "                            check the Definition of Done (M1-M3, E1-E4) on live\n"
              "                            data; --run-scenarios first submits E1, E2 and E3 for\n"
              "                            generated test tenants (operator role) and waits\n"
              "Exit code 6: the job ended Failed (provision --wait, retry --wait, job).\n"
              "verify: 0 every check passes, 1 a check fails or lacks data, 2 the control plane\n"
              "could not be asked (unreachable, unauthorized).\n");
}

int ProvisionCommands::run(const QString &command, const QStringList &args)
{
    if (command == u"jobs")
        return jobs(args);
    if (command == u"job")
        return job(args);
    if (command == u"retry")
        return retry(args);
    if (command == u"provision")
        return provision(args);
    if (command == u"verify")
        return verify(args);
    return recover(args);
}

bool ProvisionCommands::prepare(const QString &profileName, int *exitCode)
{
    if (profileName.isEmpty()) {
        *exitCode = m_errors.fail(CtlApp::Usage, tr("Name a profile with --profile NAME."));
        return false;
    }
    ProfileStore store(m_settings);
    const auto profile = store.find(profileName);
    if (!profile) {
        *exitCode =
            m_errors.fail(CtlApp::NotFound, tr("There is no profile named %1; see 'prego-ctl "
                                               "profiles list'.")
                                                .arg(profileName));
        return false;
    }
    m_profile = std::make_unique<Profile>(*profile);
    const SecretResult secret = waitForSecretJob(m_secrets.read(profile->name));
    if (!secret.ok()) {
        if (secret.error.kind == SecretError::Kind::NotFound)
            *exitCode = m_errors.fail(CtlApp::NotAuthorized,
                                      tr("No token is stored for profile %1. Run 'prego-ctl login "
                                         "--profile %1' first.")
                                          .arg(profile->name));
        else
            *exitCode = m_errors.fail(CtlApp::Keyring, secret.error.message());
        return false;
    }
    m_client = std::make_unique<ApiClient>(&m_nam, *profile);
    m_client->setToken(*secret.secret);
    m_controlPlane = std::make_unique<ControlPlane>(m_client.get());
    m_outbox = std::make_unique<JobOutbox>(JobOutbox::defaultPath(profile->name));
    if (const QString error = m_outbox->open(); !error.isEmpty()) {
        *exitCode = m_errors.fail(CtlApp::Usage, error);
        return false;
    }
    return true;
}

void ProvisionCommands::recoverOutbox(bool verbose)
{
    ProvisionSubmitter submitter(m_controlPlane.get(), m_outbox.get());
    // One look per row: what stays unknown is looked up again next time.
    submitter.setOptions({1, 1000, 1000});
    QEventLoop loop;
    int open = 0;
    QObject::connect(
        &submitter, &ProvisionSubmitter::submissionFinished, &loop, [&](const SubmitResult &r) {
            if (r.accepted() && r.replayed)
                *m_io.err << tr("prego-ctl: job %1 was sent before without an "
                                "answer; the control plane has it (%2).")
                                 .arg(r.jobId,
                                      r.job ? JobText::jobStatus(r.job->status) : QString())
                          << Qt::endl;
            else if (r.accepted())
                *m_io.err << tr("prego-ctl: job %1 never reached the control plane; "
                                "the stored request was sent again and accepted.")
                                 .arg(r.jobId)
                          << Qt::endl;
            else if (r.rejected())
                *m_io.err << tr("prego-ctl: job %1 was rejected: %2").arg(r.jobId, r.message)
                          << Qt::endl;
            else
                *m_io.err << tr("prego-ctl: the outcome of job %1 is still unknown: "
                                "%2")
                                 .arg(r.jobId, r.message)
                          << Qt::endl;
            if (--open == 0)
                loop.quit();
        });
    open = int(submitter.recover().size());
    if (open > 0)
        loop.exec();
    else if (verbose)
        *m_io.err << tr("prego-ctl: no job is waiting for an answer.") << Qt::endl;
}

int ProvisionCommands::recover(const QStringList &args)
{
    QCommandLineParser p;
    p.addOptions({{u"profile"_s, {}, u"NAME"_s}});
    if (!p.parse(QStringList{u"prego-ctl"_s} + args))
        return m_errors.fail(CtlApp::Usage, p.errorText());
    int code = CtlApp::Ok;
    if (!prepare(p.value(u"profile"_s), &code))
        return code;
    recoverOutbox(true);
    for (const JobOutbox::Entry &e : m_outbox->unresolved())
        *m_io.out << e.jobId << u' ' << JobOutbox::stateKey(e.state) << Qt::endl;
    return m_outbox->unresolved().isEmpty() ? CtlApp::Ok : CtlApp::Unreachable;
}

int ProvisionCommands::jobs(const QStringList &args)
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
    if (!prepare(p.value(u"profile"_s), &code))
        return code;
    recoverOutbox(false);

    JobsQuery query;
    query.status = status;
    query.tenantId = p.value(u"tenant"_s);
    query.limit = limit;
    const ApiResult<JobsPage> answer = waitFor<JobsPage>([&](QObject *context, auto done) {
        return m_controlPlane->jobs(query, context, std::move(done));
    });
    if (!answer.ok())
        return m_errors.failApi(*answer.error);
    for (const QString &warning : answer.value->warnings)
        *m_io.err << u"prego-ctl: "_s << warning << Qt::endl;

    // Local rows have no server status: they belong in an unfiltered list only.
    QList<JobOutbox::Entry> local;
    if (status.isEmpty()) {
        for (const JobOutbox::Entry &e : m_outbox->unresolved()) {
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

void ProvisionCommands::printTimelineLine(const Job &job, const JobStage &stage)
{
    *m_io.out << JobText::timelineLine(job, stage) << Qt::endl;
}

void ProvisionCommands::printJob(const Job &job)
{
    *m_io.out << JobText::describe(job);
}

int ProvisionCommands::job(const QStringList &args)
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
    if (!prepare(p.value(u"profile"_s), &code))
        return code;
    recoverOutbox(false);
    const ApiResult<Job> answer = waitFor<Job>([&](QObject *context, auto done) {
        return m_controlPlane->job(id, context, std::move(done));
    });
    if (!answer.ok()) {
        const auto local = m_outbox->find(id);
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
    return answer.value->status == u"Failed" ? JobFailed : CtlApp::Ok;
}

int ProvisionCommands::follow(const QString &jobId)
{
    JobFollower follower(m_controlPlane.get(), jobId, m_followIntervalMs);
    QEventLoop loop;
    JobFollower::Result result;
    QObject::connect(
        &follower, &JobFollower::stageChanged, &loop,
        [this](const Job &job, const JobStage &stage) { printTimelineLine(job, stage); });
    QObject::connect(&follower, &JobFollower::finished, &loop, [&](const JobFollower::Result &r) {
        result = r;
        loop.quit();
    });
    follower.start();
    loop.exec();
    if (result.error)
        return m_errors.failApi(*result.error);
    const Job &job = *result.job;
    if (job.status == u"Completed") {
        *m_io.out << tr("Job %1 Completed.").arg(job.jobId) << Qt::endl;
        for (const JobServer &s : job.servers)
            *m_io.out << tr("Server %1: node %2, %3, %4").arg(s.role, s.nodeId, s.hostname, s.ipv4)
                      << Qt::endl;
        return CtlApp::Ok;
    }
    if (job.error)
        return m_errors.fail(JobFailed,
                             tr("Job %1 Failed in stage %2 (%3): %4. Retry it with 'prego-ctl "
                                "retry %1 --profile %5'.")
                                 .arg(job.jobId, job.error->stage, job.error->code,
                                      job.error->message, m_profile->name));
    return m_errors.fail(JobFailed, tr("Job %1 ended %2.").arg(job.jobId, job.status));
}

int ProvisionCommands::retry(const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(u"id"_s, {});
    p.addOptions({{u"profile"_s, {}, u"NAME"_s}, {u"wait"_s, {}}});
    if (!p.parse(QStringList{u"prego-ctl"_s} + args))
        return m_errors.fail(CtlApp::Usage, p.errorText());
    if (p.positionalArguments().size() != 1)
        return m_errors.fail(CtlApp::Usage,
                             tr("Give exactly one job id: prego-ctl retry ID --profile NAME."));
    const QString id = p.positionalArguments().first();
    int code = CtlApp::Ok;
    if (!prepare(p.value(u"profile"_s), &code))
        return code;
    recoverOutbox(false);
    const ApiResult<Job> answer = waitFor<Job>([&](QObject *context, auto done) {
        return m_controlPlane->retry(id, context, std::move(done));
    });
    if (!answer.ok())
        return m_errors.failApi(*answer.error);
    *m_io.out << tr("Job %1 is retried with the same job id (%2).")
                     .arg(id, JobText::jobStatus(answer.value->status))
              << Qt::endl;
    if (!p.isSet(u"wait"_s))
        return CtlApp::Ok;
    return follow(id);
}

int ProvisionCommands::provision(const QStringList &args)
{
    QCommandLineParser p;
    p.addOptions({{u"profile"_s, {}, u"NAME"_s},
                  {u"tenant"_s, {}, u"T"_s},
                  {u"target"_s, {}, u"NODE"_s},
                  {u"new-server"_s, {}},
                  {u"dedicated"_s, {}},
                  {u"region"_s, {}, u"R"_s},
                  {u"job-id"_s, {}, u"UUID"_s},
                  {u"trace-id"_s, {}, u"HEX"_s},
                  {u"no-trace"_s, {}},
                  {u"wait"_s, {}},
                  {u"yes"_s, {}}});
    if (!p.parse(QStringList{u"prego-ctl"_s} + args))
        return m_errors.fail(CtlApp::Usage, p.errorText());
    if (!p.positionalArguments().isEmpty())
        return m_errors.fail(CtlApp::Usage,
                             tr("Unexpected argument %1.").arg(p.positionalArguments()[0]));
    const int paths =
        int(p.isSet(u"target"_s)) + int(p.isSet(u"new-server"_s)) + int(p.isSet(u"dedicated"_s));
    if (paths != 1)
        return m_errors.fail(CtlApp::Usage,
                             tr("Choose exactly one of --target NODE (an existing shared "
                                "node), --new-server or --dedicated."));
    ProvisionRequest request;
    request.path = p.isSet(u"target"_s)       ? ProvisionRequest::Path::SharedExisting
                   : p.isSet(u"new-server"_s) ? ProvisionRequest::Path::SharedNew
                                              : ProvisionRequest::Path::Dedicated;
    request.tenantId = p.value(u"tenant"_s);
    request.region = p.value(u"region"_s);
    request.targetServerId = p.value(u"target"_s);
    request.jobId =
        p.isSet(u"job-id"_s) ? p.value(u"job-id"_s).toLower() : ProvisionRequest::newJobId();
    if (!ProvisionRequest::isValidJobId(request.jobId))
        return m_errors.fail(CtlApp::Usage, tr("--job-id wants a UUID."));
    // First line: the job id, so a caller can always find the job again.
    *m_io.out << tr("job %1").arg(request.jobId) << Qt::endl;

    int code = CtlApp::Ok;
    if (!prepare(p.value(u"profile"_s), &code))
        return code;
    recoverOutbox(false);

    // The same intent keeps its trace id: a rerun with the same --job-id sends the same bytes.
    const auto stored = m_outbox->find(request.jobId);
    const auto storedRequest =
        stored ? ProvisionRequest::fromJson(stored->body) : std::optional<ProvisionRequest>();
    if (p.isSet(u"no-trace"_s))
        request.traceId.clear();
    else if (p.isSet(u"trace-id"_s))
        request.traceId = p.value(u"trace-id"_s);
    else if (storedRequest)
        request.traceId = storedRequest->traceId;
    else
        request.traceId = ProvisionRequest::newTraceId();

    if (request.path == ProvisionRequest::Path::SharedExisting &&
        !request.targetServerId.isEmpty()) {
        // The node names the region. Whether it may take tenants is the control plane's call:
        // its answer comes back field by field, as in the wizard.
        const ApiResult<Node> node = waitFor<Node>([&](QObject *context, auto done) {
            return m_controlPlane->node(request.targetServerId, context, std::move(done));
        });
        if (!node.ok())
            return m_errors.failApi(*node.error);
        if (request.region.isEmpty())
            request.region = node.value->region;
        else if (request.region != node.value->region)
            return m_errors.fail(CtlApp::Usage, tr("Node %1 is in region %2, not %3.")
                                                    .arg(request.targetServerId, node.value->region,
                                                         request.region));
    }

    const QMap<QString, QString> fields = request.validate();
    if (!fields.isEmpty()) {
        for (auto it = fields.begin(); it != fields.end(); ++it)
            *m_io.err << tr("prego-ctl: %1: %2").arg(it.key(), it.value()) << Qt::endl;
        return CtlApp::Usage;
    }
    *m_io.out << request.describe() << Qt::endl;
    if (request.serversCreated() > 0 && !p.isSet(u"yes"_s))
        return m_errors.fail(
            CtlApp::Usage,
            tr("This creates %n new server(s), which cost money. Nothing was sent; run "
               "the command again with --yes to go ahead.",
               nullptr, request.serversCreated()));

    ProvisionSubmitter submitter(m_controlPlane.get(), m_outbox.get());
    submitter.setOptions({5, 1000, 10000});
    ProvisionSubmission *submission = submitter.submit(request, m_profile->name);
    SubmitResult result;
    QEventLoop loop;
    QObject::connect(submission, &ProvisionSubmission::stateChanged, &loop,
                     [this](JobOutbox::State, const QString &note) {
                         *m_io.err << u"prego-ctl: "_s << note << Qt::endl;
                     });
    QObject::connect(submission, &ProvisionSubmission::finished, &loop, [&](const SubmitResult &r) {
        result = r;
        loop.quit();
    });
    loop.exec();

    if (result.rejected()) {
        *m_io.err << u"prego-ctl: "_s << result.message << Qt::endl;
        for (auto it = result.fields.begin(); it != result.fields.end(); ++it)
            *m_io.err << tr("prego-ctl: %1: %2").arg(it.key(), it.value()) << Qt::endl;
        return CtlApp::Usage;
    }
    if (result.state == JobOutbox::State::Pending && !result.error)
        return m_errors.fail(CtlApp::Usage, result.message); // nothing was sent: a local problem
    if (!result.accepted()) {
        if (result.error && result.state != JobOutbox::State::Unknown)
            return m_errors.failApi(*result.error);
        return m_errors.fail(CtlApp::Unreachable, result.message);
    }
    const QString status = result.job ? JobText::jobStatus(result.job->status) : QString();
    *m_io.out << (result.replayed
                      ? tr("Job %1 was already known to the control plane (%2); nothing new was "
                           "created.")
                      : tr("Job %1 accepted (%2)."))
                     .arg(request.jobId, status)
              << Qt::endl;
    if (!p.isSet(u"wait"_s))
        return CtlApp::Ok;
    return follow(request.jobId);
}

} // namespace prego

namespace prego {

DodInput ProvisionCommands::loadDodInput()
{
    DodInput input;
    auto *loader = new DodInputLoader(m_controlPlane.get(), m_profile->staleAfterSeconds);
    QEventLoop loop;
    QObject::connect(loader, &DodInputLoader::finished, &loop, [&](const DodInput &in) {
        input = in;
        loop.quit();
    });
    loader->start();
    loop.exec();
    return input;
}

bool ProvisionCommands::runScenarios(int *exitCode)
{
    // A fresh, least loaded bound node for E1; its region for E2 and E3.
    const DodInput before = loadDodInput();
    if (!before.nodes) {
        *exitCode = m_errors.failApi(before.nodesError.value_or(ApiError{}));
        return false;
    }
    const Node *target = nullptr;
    for (const Node &n : before.nodes->nodes) {
        if (!FreshnessRule::isBound(n.placement, n.acceptsTenants, n.status) ||
            FreshnessRule::classify(n.updatedAtMs(), before.serverNowMs,
                                    m_profile->staleAfterSeconds, true) != Freshness::Fresh)
            continue;
        const auto tenants = [](const Node &x) {
            return x.metrics ? x.metrics->tenantCount.value_or(0) : 0;
        };
        if (!target || tenants(n) < tenants(*target))
            target = &n;
    }
    if (!target) {
        *exitCode =
            m_errors.fail(CtlApp::Usage, tr("No fresh shared node accepts tenants: E1 has no "
                                            "target."));
        return false;
    }
    const QString suffix = ProvisionRequest::newJobId().left(8);
    struct Scenario
    {
        QString name;
        ProvisionRequest request;
    };
    QList<Scenario> scenarios;
    const auto make = [&](const QString &name, ProvisionRequest::Path path) {
        ProvisionRequest r = ProvisionRequest::create(path);
        r.tenantId = u"dod-%1-%2"_s.arg(name.toLower(), suffix);
        r.region = target->region;
        if (path == ProvisionRequest::Path::SharedExisting)
            r.targetServerId = target->nodeId;
        scenarios.append({name, r});
    };
    make(u"E1"_s, ProvisionRequest::Path::SharedExisting);
    make(u"E2"_s, ProvisionRequest::Path::SharedNew);
    make(u"E3"_s, ProvisionRequest::Path::Dedicated);

    // The same submitter as the wizard: outbox row first, Idempotency-Key, recovery.
    ProvisionSubmitter submitter(m_controlPlane.get(), m_outbox.get());
    submitter.setOptions({5, 1000, 10000});
    QHash<QString, QString> scenarioOfJob;
    for (const Scenario &sc : std::as_const(scenarios)) {
        *m_io.out << tr("%1: %2").arg(sc.name, sc.request.describe()) << Qt::endl;
        SubmitResult result;
        QEventLoop loop;
        ProvisionSubmission *submission = submitter.submit(sc.request, m_profile->name);
        QObject::connect(submission, &ProvisionSubmission::finished, &loop,
                         [&](const SubmitResult &r) {
                             result = r;
                             loop.quit();
                         });
        loop.exec();
        if (!result.accepted()) {
            *exitCode = result.error ? m_errors.failApi(*result.error)
                                     : m_errors.fail(CtlApp::Usage, result.message);
            return false;
        }
        *m_io.out << tr("%1: job %2 accepted").arg(sc.name, sc.request.jobId) << Qt::endl;
        scenarioOfJob.insert(sc.request.jobId, sc.name);
    }

    // Follow the three at once, one line per stage transition.
    QEventLoop loop;
    int running = int(scenarios.size());
    QString newNode;
    std::vector<std::unique_ptr<JobFollower>> followers;
    for (const Scenario &sc : std::as_const(scenarios)) {
        auto follower = std::make_unique<JobFollower>(m_controlPlane.get(), sc.request.jobId,
                                                      m_followIntervalMs);
        const QString name = sc.name;
        QObject::connect(follower.get(), &JobFollower::stageChanged, &loop,
                         [this, name](const Job &job, const JobStage &stage) {
                             *m_io.out << name << u"  "_s << JobText::timelineLine(job, stage)
                                       << Qt::endl;
                         });
        QObject::connect(
            follower.get(), &JobFollower::finished, &loop, [&, name](const JobFollower::Result &r) {
                if (r.job) {
                    *m_io.out << tr("%1: job %2 ended %3")
                                     .arg(name, r.job->jobId, JobText::jobStatus(r.job->status))
                              << Qt::endl;
                    if (name == u"E2" && !r.job->servers.isEmpty())
                        newNode = r.job->servers.first().nodeId;
                }
                if (--running == 0)
                    loop.quit();
            });
        follower->start();
        followers.push_back(std::move(follower));
    }
    loop.exec();

    // E2's node starts pushing a few seconds after it is registered: wait for its first push.
    if (!newNode.isEmpty()) {
        *m_io.out << tr("Waiting for node %1 to report…").arg(newNode) << Qt::endl;
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 120 * 1000) {
            const DodInput now = loadDodInput();
            bool reporting = false;
            if (now.nodes) {
                for (const Node &n : now.nodes->nodes)
                    reporting = reporting || (n.nodeId == newNode && n.metrics.has_value());
            }
            if (reporting)
                break;
            QEventLoop pause;
            QTimer::singleShot(1000, &pause, &QEventLoop::quit);
            pause.exec();
        }
    }
    return true;
}

int ProvisionCommands::verify(const QStringList &args)
{
    QCommandLineParser p;
    p.addOptions({{u"profile"_s, {}, u"NAME"_s},
                  {u"report"_s, {}, u"FILE"_s},
                  {u"run-scenarios"_s, {}},
                  {u"yes-create-infrastructure"_s, {}}});
    if (!p.parse(QStringList{u"prego-ctl"_s} + args))
        return m_errors.fail(CtlApp::Usage, p.errorText());
    if (!p.positionalArguments().isEmpty())
        return m_errors.fail(CtlApp::Usage,
                             tr("Unexpected argument %1.").arg(p.positionalArguments()[0]));
    QString profileName = p.value(u"profile"_s);
    if (profileName.isEmpty()) {
        // The profile last used, or the only one.
        ProfileStore store(m_settings);
        profileName = store.lastUsed();
        if (profileName.isEmpty() && store.list().size() == 1)
            profileName = store.list().first().name;
    }
    // Refused before anything else when it would create servers away from this machine.
    if (const auto profile = ProfileStore(m_settings).find(profileName);
        profile && p.isSet(u"run-scenarios"_s) && !p.isSet(u"yes-create-infrastructure"_s)) {
        const QString host = profile->baseUrl.host();
        if (host != u"localhost" && !QHostAddress(host).isLoopback())
            return m_errors.fail(
                CtlApp::Usage,
                tr("--run-scenarios creates real servers on %1 (a new shared node and a "
                   "dedicated stack of three), which cost money. Nothing was sent; add "
                   "--yes-create-infrastructure to go ahead.")
                    .arg(profile->baseUrl.toDisplayString()));
    }
    int code = CtlApp::Ok;
    if (!prepare(profileName, &code))
        return code;
    recoverOutbox(false);

    if (p.isSet(u"run-scenarios"_s)) {
        if (!runScenarios(&code))
            return code;
    }

    const DodInput input = loadDodInput();
    const QList<DodResult> results = DodChecks::evaluate(input);
    for (const DodResult &r : results) {
        *m_io.out << u"%1  %2  %3"_s.arg(DodChecks::key(r.id),
                                         DodChecks::outcomeText(r.outcome).toUpper(),
                                         DodChecks::title(r.id))
                  << Qt::endl;
        *m_io.out << u"    "_s << r.summary << Qt::endl;
        for (const DodEvidence &e : r.evidence)
            *m_io.out << u"      - "_s << e.text << Qt::endl;
    }
    if (p.isSet(u"report"_s)) {
        QSaveFile file(p.value(u"report"_s));
        const QString markdown =
            DodChecks::markdown(results, {m_profile->name, m_profile->baseUrl.toDisplayString(),
                                          m_profile->staleAfterSeconds});
        if (!file.open(QIODevice::WriteOnly) || file.write(markdown.toUtf8()) < 0 || !file.commit())
            return m_errors.fail(CtlApp::Usage, tr("The report could not be written to %1: %2")
                                                    .arg(p.value(u"report"_s), file.errorString()));
        *m_io.out << tr("Report written to %1.").arg(p.value(u"report"_s)) << Qt::endl;
    }
    if (DodChecks::allPass(results)) {
        *m_io.out << tr("Every check passes.") << Qt::endl;
        return CtlApp::Ok;
    }
    if (!input.nodes) {
        // Not a verdict on the fleet: the control plane could not be asked.
        return m_errors.fail(2, tr("The checks could not be evaluated: %1")
                                    .arg(input.nodesError.value_or(ApiError{}).message()));
    }
    *m_io.out << tr("Not every check passes.") << Qt::endl;
    return 1;
}

} // namespace prego
