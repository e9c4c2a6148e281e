#include "provisioncommands.h"

#include "api/controlplane.h"
#include "api/jobfollower.h"
#include "api/provisionsubmitter.h"
#include "api/waitfor.h"
#include "domain/jobtext.h"
#include "domain/provisionrequest.h"
#include "storage/joboutbox.h"
#include "types/profile.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace prego {

ProvisionCommands::ProvisionCommands(QSettings &settings, SecretStore &secrets,
                                     QNetworkAccessManager &nam, CtlApp::Io io)
    : m_io(io)
    , m_errors(*io.err)
    , m_session(settings, secrets, nam, *io.err)
{}

bool ProvisionCommands::handles(const QString &command)
{
    static const QStringList commands{u"provision"_s, u"retry"_s, u"recover"_s};
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
    if (command == u"provision")
        return provision(args);
    if (command == u"retry")
        return retry(args);
    return recover(args);
}

int ProvisionCommands::recover(const QStringList &args)
{
    QCommandLineParser p;
    p.addOptions({{u"profile"_s, {}, u"NAME"_s}});
    if (!p.parse(QStringList{u"prego-ctl"_s} + args))
        return m_errors.fail(CtlApp::Usage, p.errorText());
    int code = CtlApp::Ok;
    if (!m_session.openWithOutbox(p.value(u"profile"_s), &code))
        return code;
    m_session.recoverOutbox(true);
    for (const JobOutbox::Entry &e : m_session.outbox().unresolved())
        *m_io.out << e.jobId << u' ' << JobOutbox::stateKey(e.state) << Qt::endl;
    return m_session.outbox().unresolved().isEmpty() ? CtlApp::Ok : CtlApp::Unreachable;
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
    if (!m_session.openWithOutbox(p.value(u"profile"_s), &code))
        return code;
    m_session.recoverOutbox(false);

    // The same intent keeps its trace id: a rerun with the same --job-id sends the same bytes.
    const auto stored = m_session.outbox().find(request.jobId);
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
            return m_session.controlPlane().node(request.targetServerId, context, std::move(done));
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

    ProvisionSubmitter submitter(&m_session.controlPlane(), &m_session.outbox());
    submitter.setOptions({5, 1000, 10000});
    ProvisionSubmission *submission = submitter.submit(request, m_session.profile().name);
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
    if (!m_session.openWithOutbox(p.value(u"profile"_s), &code))
        return code;
    m_session.recoverOutbox(false);
    const ApiResult<Job> answer = waitFor<Job>([&](QObject *context, auto done) {
        return m_session.controlPlane().retry(id, context, std::move(done));
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

int ProvisionCommands::follow(const QString &jobId)
{
    JobFollower follower(&m_session.controlPlane(), jobId, m_followIntervalMs);
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
        return m_errors.fail(CtlApp::JobFailed,
                             tr("Job %1 Failed in stage %2 (%3): %4. Retry it with 'prego-ctl "
                                "retry %1 --profile %5'.")
                                 .arg(job.jobId, job.error->stage, job.error->code,
                                      job.error->message, m_session.profile().name));
    return m_errors.fail(CtlApp::JobFailed, tr("Job %1 ended %2.").arg(job.jobId, job.status));
}

void ProvisionCommands::printTimelineLine(const Job &job, const JobStage &stage)
{
    *m_io.out << JobText::timelineLine(job, stage) << Qt::endl;
}

} // namespace prego
