#include "verifycommand.h"

#include "api/controlplane.h"
#include "api/jobfollower.h"
#include "api/provisionsubmitter.h"
#include "api/verificationloader.h"
#include "domain/freshness.h"
#include "domain/jobtext.h"
#include "domain/provisionrequest.h"
#include "storage/profilestore.h"
#include "types/profile.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QSaveFile>
#include <QTextStream>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace prego {

VerifyCommand::VerifyCommand(QSettings &settings, SecretStore &secrets, QNetworkAccessManager &nam,
                             CtlApp::Io io)
    : m_settings(settings)
    , m_io(io)
    , m_errors(*io.err)
    , m_session(settings, secrets, nam, *io.err)
{}

VerificationInput VerifyCommand::loadVerificationInput()
{
    VerificationInput input;
    auto *loader =
        new VerificationLoader(&m_session.controlPlane(), m_session.profile().staleAfterSeconds);
    QEventLoop loop;
    QObject::connect(loader, &VerificationLoader::finished, &loop,
                     [&](const VerificationInput &in) {
                         input = in;
                         loop.quit();
                     });
    loader->start();
    loop.exec();
    return input;
}

bool VerifyCommand::runScenarios(int *exitCode)
{
    // A fresh, least loaded bound node for E1; its region for E2 and E3.
    const VerificationInput before = loadVerificationInput();
    if (!before.nodes) {
        *exitCode = m_errors.failApi(before.nodesError.value_or(ApiError{}));
        return false;
    }
    const Node *target = nullptr;
    for (const Node &n : before.nodes->nodes) {
        if (!FreshnessRule::isBound(n.placement, n.acceptsTenants, n.status) ||
            FreshnessRule::classify(n.updatedAtMs(), before.serverNowMs,
                                    m_session.profile().staleAfterSeconds,
                                    true) != Freshness::Fresh)
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
    ProvisionSubmitter submitter(&m_session.controlPlane(), &m_session.outbox());
    submitter.setOptions({5, 1000, 10000});
    QHash<QString, QString> scenarioOfJob;
    for (const Scenario &sc : std::as_const(scenarios)) {
        *m_io.out << tr("%1: %2").arg(sc.name, sc.request.describe()) << Qt::endl;
        SubmitResult result;
        QEventLoop loop;
        ProvisionSubmission *submission = submitter.submit(sc.request, m_session.profile().name);
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
        auto follower = std::make_unique<JobFollower>(&m_session.controlPlane(), sc.request.jobId,
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
            const VerificationInput now = loadVerificationInput();
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

int VerifyCommand::run(const QStringList &args)
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
    if (!m_session.openWithOutbox(profileName, &code))
        return code;
    m_session.recoverOutbox(false);

    if (p.isSet(u"run-scenarios"_s)) {
        if (!runScenarios(&code))
            return code;
    }

    const VerificationInput input = loadVerificationInput();
    const QList<VerificationResult> results = Verification::evaluate(input);
    for (const VerificationResult &r : results) {
        *m_io.out << u"%1  %2  %3"_s.arg(Verification::key(r.id),
                                         Verification::outcomeText(r.outcome).toUpper(),
                                         Verification::title(r.id))
                  << Qt::endl;
        *m_io.out << u"    "_s << r.summary << Qt::endl;
        for (const VerificationEvidence &e : r.evidence)
            *m_io.out << u"      - "_s << e.text << Qt::endl;
    }
    if (p.isSet(u"report"_s)) {
        QSaveFile file(p.value(u"report"_s));
        const Profile &profile = m_session.profile();
        const QString markdown = Verification::markdown(
            results, {profile.name, profile.baseUrl.toDisplayString(), profile.staleAfterSeconds});
        if (!file.open(QIODevice::WriteOnly) || file.write(markdown.toUtf8()) < 0 || !file.commit())
            return m_errors.fail(CtlApp::Usage, tr("The report could not be written to %1: %2")
                                                    .arg(p.value(u"report"_s), file.errorString()));
        *m_io.out << tr("Report written to %1.").arg(p.value(u"report"_s)) << Qt::endl;
    }
    if (Verification::allPass(results)) {
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
