#include "consoleapp.h"

#include "alertingsession.h"

#include "api/apiclient.h"
#include "api/controlplane.h"
#include "api/fleetpoller.h"
#include "api/provisionsubmitter.h"
#include "democontrolplane.h"
#include "demohistory.h"
#include "mainwindow.h"
#include "memorytuning.h"
#include "profileprompts.h"
#include "provisioningsession.h"
#include "screenshottour.h"
#include "secrets/secretjob.h"
#include "secrets/secretstore.h"
#include "storage/consolesettings.h"
#include "storage/historyservice.h"
#include "storage/historystore.h"
#include "storage/joboutbox.h"
#include "storage/profilestore.h"
#include "viewstatestore.h"

#include <QDir>
#include <QJsonObject>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace prego {

ConsoleApp::ConsoleApp(QSettings &settings, SecretStore *keychain, QNetworkAccessManager *nam,
                       QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_preferences(new ConsoleSettings(settings, this))
    , m_keychain(keychain)
    , m_nam(nam)
    , m_viewStates(std::make_unique<ViewStateStore>(&settings))
    , m_window(std::make_unique<MainWindow>(&m_clock))
    , m_prompts(new ProfilePrompts(settings, keychain, &m_session, nam, m_window.get(), this))
{
    // Free pages left inside the heaps by a day of polling go back to the system.
    auto *release = new QTimer(this);
    release->setInterval(MemoryTuning::ReleaseIntervalMs);
    connect(release, &QTimer::timeout, this, &MemoryTuning::releaseFree);
    release->start();
    connect(m_window.get(), &MainWindow::tokenPromptRequested, this, [this] {
        if (!m_profile.name.isEmpty())
            askToken(m_profile, tr("Enter the token for this profile."));
    });
    connect(m_window.get(), &MainWindow::profilesRequested, this, &ConsoleApp::editProfiles);
    connect(m_window.get(), &MainWindow::refreshRequested, this, [this] {
        if (m_poller)
            m_poller->pollNow();
    });
    using Key = ConsoleSettings::Key;
    m_window->setLanguageChoice(m_preferences->language());
    connect(m_window.get(), &MainWindow::languageChosen, this,
            [this](const QString &choice) { m_preferences->setValue(Key::Language, choice); });
    m_window->setNotificationsEnabled(m_preferences->notifications());
    connect(m_window.get(), &MainWindow::notificationsToggled, this,
            [this](bool on) { m_preferences->setValue(Key::Notifications, on); });
    m_window->setTrayIconShown(m_preferences->trayIcon());
    connect(m_window.get(), &MainWindow::trayIconToggled, this,
            [this](bool on) { m_preferences->setValue(Key::TrayIcon, on); });
    // main() applied it (or --palette for this run): the dialog shows the saved choice.
    m_window->setColorSchemeChoice(m_preferences->colorScheme());
    connect(m_window.get(), &MainWindow::colorSchemeChosen, this,
            [this](const QString &scheme) { m_preferences->setValue(Key::ColorScheme, scheme); });
    connect(m_window.get(), &MainWindow::profileSwitchRequested, this, &ConsoleApp::switchProfile);
    connect(m_window.get(), &MainWindow::profileRemovalRequested, this,
            &ConsoleApp::confirmRemoveCurrentProfile);
    connect(m_prompts, &ProfilePrompts::demoRequested, this, &ConsoleApp::startDemo);
    connect(m_prompts, &ProfilePrompts::tokenEntered, this, &ConsoleApp::connectWith);
    connect(m_prompts, &ProfilePrompts::profileSaved, this,
            [this](const Profile &profile) { openProfile(profile, m_keychain); });
    connect(m_prompts, &ProfilePrompts::tokenNeeded, this, &ConsoleApp::askToken);
    connect(m_prompts, &ProfilePrompts::removalConfirmed, this, &ConsoleApp::removeProfile);
    connect(m_prompts, &ProfilePrompts::failed, this, &ConsoleApp::showError);
    refreshProfileMenu();
}

ConsoleApp::~ConsoleApp()
{
    m_window->saveViews();
    // The poller and client first (they talk to the demo), then what the history was given is
    // written, then the demo process stops.
    delete m_poller;
    delete m_client;
    m_history.reset();
    stopProvisioning();
    delete m_alerting;
    m_window.reset();
    delete m_demo;
}

void ConsoleApp::start(const Options &options)
{
    if (!options.screenshotDir.isEmpty())
        m_tour = new ScreenshotTour(m_window.get(), options.screenshotDir, options.node, this);
    m_nodeAtStart = options.node;
    m_jobAtStart = options.job;
    if (!options.language.isEmpty())
        m_window->setLanguageChoice(options.language); // this run's, not saved
    // Screenshots always have the same size and columns; otherwise the windows come back as the
    // profile about to open left them.
    if (!screenshotRun()) {
        m_window->setViewStateStore(m_viewStates.get());
        m_window->setViewProfile(options.demo ? u"demo"_s : profileAtStart(options.profile));
    }
    m_window->show();
    connect(m_window.get(), &MainWindow::snapshotShown, this, &ConsoleApp::onFirstSnapshot);
    if (m_tour)
        connect(m_tour, &ScreenshotTour::finished, this, &ConsoleApp::exitRequested);
    if (options.demo) {
        startDemo();
        return;
    }
    ProfileStore store(m_settings);
    const QString name = options.profile.isEmpty() ? store.lastUsed() : options.profile;
    std::optional<Profile> profile = name.isEmpty() ? std::nullopt : store.find(name);
    if (!profile && !options.profile.isEmpty()) {
        showError(tr("There is no profile named %1.").arg(options.profile));
        return;
    }
    if (!profile) {
        const QList<Profile> all = store.list();
        if (!all.isEmpty())
            profile = all.first();
    }
    if (profile) {
        openProfile(*profile, m_keychain);
        return;
    }
    if (!screenshotRun())
        m_prompts->welcome();
}

QString ConsoleApp::profileAtStart(const QString &asked) const
{
    if (!asked.isEmpty())
        return asked;
    ProfileStore store(m_settings);
    if (const QString last = store.lastUsed(); !last.isEmpty() && store.find(last))
        return last;
    const QList<Profile> all = store.list();
    return all.isEmpty() ? QString() : all.first().name;
}

void ConsoleApp::startDemo()
{
    delete m_demo;
    m_demo = new DemoControlPlane(this);
    connect(m_demo, &DemoControlPlane::failed, this, &ConsoleApp::showError);
    connect(m_demo, &DemoControlPlane::started, this, [this](const QUrl &url) {
        Profile demo;
        demo.name = u"demo"_s;
        demo.baseUrl = url;
        demo.pollIntervalSeconds = Profile::MinPollIntervalSeconds;
        // The demo profile is never saved, and its token lives in memory only.
        SecretJob *job = m_session.write(demo.name, m_demo->token());
        connect(job, &SecretJob::finished, this,
                [this, demo](const SecretResult &) { openProfile(demo, &m_session); });
    });
    m_demo->start();
}

void ConsoleApp::openProfile(const Profile &profile, SecretStore *store)
{
    if (!store) {
        askToken(profile, tr("No keychain is available."));
        return;
    }
    SecretJob *job = store->read(profile.name);
    connect(job, &SecretJob::finished, this, [this, profile, store](const SecretResult &result) {
        if (result.ok() && result.secret) {
            connectWith(profile, *result.secret, store);
        } else if (result.error.kind == SecretError::Kind::NotFound) {
            // Maybe kept for this session only.
            if (store != &m_session && m_session.contains(profile.name)) {
                openProfile(profile, &m_session);
                return;
            }
            askToken(profile, tr("No token is stored for profile %1.").arg(profile.name));
        } else {
            askToken(profile, QString(), result.error);
        }
    });
}

void ConsoleApp::connectWith(const Profile &profile, const QString &token, SecretStore *store)
{
    delete m_poller;
    delete m_client;
    m_profile = profile;
    m_profileStore = store;
    m_window->setViewProfile(profile.name);
    m_client = new ApiClient(m_nam, profile, this);
    m_client->setToken(token);
    m_controlPlane = new ControlPlane(m_client, m_client);
    // What the control plane offers beyond the Definition of Done (features); until it answers,
    // or when it cannot, nothing optional is offered. Its failures show in the fleet poll's.
    m_controlPlane->whoami(m_controlPlane, [](const ApiResult<WhoAmI> &) {});
    if (const QString problem = m_client->configurationProblem(); !problem.isEmpty())
        showError(problem);
    m_poller = new FleetPoller(m_controlPlane, &m_clock, this);
    m_window->showProfile(profile);
    startHistory(profile);
    startProvisioning(profile);
    startAlerting(profile);
    // One subscriber per poll result, which hands it to everyone who shows or keeps it.
    connect(m_poller, &FleetPoller::snapshotReceived, this, &ConsoleApp::onSnapshot);
    connect(m_poller, &FleetPoller::notModified, m_window.get(), &MainWindow::showNotModified);
    connect(m_poller, &FleetPoller::pollFailed, this, &ConsoleApp::onPollFailed);
    if (store == m_keychain && !profile.name.isEmpty() && !m_demo) {
        ProfileStore profiles(m_settings);
        profiles.setLastUsed(profile.name);
    }
    m_poller->start();
    refreshProfileMenu();
    Q_EMIT connected();
}

ProvisionSubmitter *ConsoleApp::submitter() const
{
    return m_provisioning ? m_provisioning->submitter() : nullptr;
}

JobOutbox *ConsoleApp::outbox() const
{
    return m_provisioning ? m_provisioning->outbox() : nullptr;
}

ControlPlane *ConsoleApp::controlPlane() const
{
    return m_controlPlane;
}

JobsPoller *ConsoleApp::jobsPoller() const
{
    return m_provisioning ? m_provisioning->jobsPoller() : nullptr;
}

QString ConsoleApp::dataDir()
{
    QString dir;
    if (m_demo) {
        if (!m_demoDataDir)
            m_demoDataDir = std::make_unique<QTemporaryDir>();
        dir = m_demoDataDir->isValid() ? m_demoDataDir->path() : QString();
    } else {
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    }
    return !dir.isEmpty() && QDir().mkpath(dir) ? dir : QString();
}

void ConsoleApp::stopProvisioning()
{
    delete m_provisioning;
}

void ConsoleApp::startProvisioning(const Profile &profile)
{
    stopProvisioning();
    std::unique_ptr<JobOutbox> outbox;
    if (const QString dir = dataDir(); !dir.isEmpty()) {
        outbox =
            std::make_unique<JobOutbox>(QDir(dir).filePath(u"jobs-%1.sqlite"_s.arg(profile.name)));
        if (const QString error = outbox->open(); !error.isEmpty()) {
            outbox.reset();
            m_window->statusBar()->showMessage(tr("Provisioning is off: %1").arg(error));
        }
    }
    m_provisioning = new ProvisioningSession(profile.name, m_controlPlane, std::move(outbox),
                                             m_window.get(), this);
    const QList<ProvisionSubmission *> recovering = m_provisioning->recover();
    if (!recovering.isEmpty())
        m_window->statusBar()->showMessage(
            tr("Checking %n provisioning request(s) that were sent but not answered…", nullptr,
               int(recovering.size())),
            15000);
}

AlertingSession *ConsoleApp::alerting() const
{
    return m_alerting;
}

void ConsoleApp::startAlerting(const Profile &profile)
{
    delete m_alerting;
    const QString dir = dataDir();
    m_alerting = new AlertingSession(
        profile, m_controlPlane, &m_clock,
        dir.isEmpty() ? QString() : QDir(dir).filePath(u"alerts-%1.sqlite"_s.arg(profile.name)),
        m_window.get(), this);
}

void ConsoleApp::startHistory(const Profile &profile)
{
    m_history.reset(); // the previous profile's history finishes writing first
    m_demoPastWritten = false;
    const QString dir = dataDir();
    if (dir.isEmpty()) {
        m_window->setHistory(nullptr);
        m_window->statusBar()->showMessage(
            tr("The local history is off: no writable data directory."));
        return;
    }
    m_history = std::make_unique<HistoryService>(HistoryStore::pathFor(dir, profile.name));
    m_window->setHistory(m_history.get());
}

void ConsoleApp::onSnapshot(const NodesSnapshot &snapshot)
{
    m_window->showSnapshot(snapshot);
    if (m_history)
        m_history->ingest(snapshot);
    // The demo's simulated past day, once, from the first live poll's nodes: into the history,
    // and through the alert rules before the live poll (so its alerts have a past too).
    if (m_demo && !m_demoPastWritten) {
        m_demoPastWritten = true;
        const QList<HistorySample> past = DemoHistory::pastDay(snapshot);
        if (m_history)
            m_history->ingestSamples(past, snapshot.serverTimeMs);
        if (m_alerting)
            m_alerting->replayPast(DemoHistory::asSnapshots(snapshot, past));
    }
    if (m_alerting)
        m_alerting->observe(snapshot);
}

void ConsoleApp::onPollFailed(const ApiError &error)
{
    m_window->showPollFailed(error);
    // 401: the banner says so; polling again with a refused token only fills the server's log,
    // so the operator is asked for a new token at once.
    if (error.kind == ApiError::Kind::Http && error.httpStatus == 401) {
        m_poller->stop();
        askToken(m_profile, tr("The control plane did not accept the stored token."));
    }
}

void ConsoleApp::activate(const QJsonObject &request)
{
    m_window->showNormal();
    m_window->raise();
    m_window->activateWindow();
    if (const QString node = request.value(u"node"_s).toString(); !node.isEmpty())
        m_window->openNode(node);
    if (const QString job = request.value(u"job"_s).toString(); !job.isEmpty())
        m_window->openJob(job);
}

void ConsoleApp::onFirstSnapshot()
{
    if (m_firstSnapshotSeen)
        return;
    m_firstSnapshotSeen = true;
    if (!m_jobAtStart.isEmpty() && !screenshotRun())
        m_window->openJob(m_jobAtStart);
    if (!m_nodeAtStart.isEmpty() && !screenshotRun()) {
        if (!m_window->openNode(m_nodeAtStart))
            m_window->statusBar()->showMessage(
                tr("Node %1 is not in the fleet; showing its stored history.").arg(m_nodeAtStart),
                15000);
    }
    if (m_tour && m_history)
        m_tour->begin(m_history.get(), m_demo != nullptr);
}

void ConsoleApp::askToken(const Profile &profile, const QString &reason,
                          std::optional<SecretError> keychainError)
{
    if (screenshotRun())
        return; // never block a screenshot run on a dialog
    // The demo's token is never kept in the keychain.
    SecretStore *keychain = profile.name == u"demo" && m_demo ? nullptr : m_keychain.data();
    m_prompts->askToken(profile, reason, keychain, keychainError);
}

void ConsoleApp::editProfiles()
{
    const bool editing = !m_profile.name.isEmpty() && !m_demo;
    m_prompts->editProfiles(editing ? std::optional(m_profile) : std::nullopt);
}

void ConsoleApp::refreshProfileMenu()
{
    QStringList names;
    for (const Profile &p : ProfileStore(m_settings).list())
        names.append(p.name);
    m_window->setProfiles(names, m_demo ? QString() : m_profile.name);
}

void ConsoleApp::switchProfile(const QString &name)
{
    const std::optional<Profile> profile = ProfileStore(m_settings).find(name);
    if (!profile) {
        showError(tr("There is no profile named %1.").arg(name));
        refreshProfileMenu();
        return;
    }
    openProfile(*profile, m_keychain);
}

void ConsoleApp::confirmRemoveCurrentProfile()
{
    if (m_profile.name.isEmpty() || m_demo)
        return;
    m_prompts->confirmRemoval(m_profile.name);
}

void ConsoleApp::removeProfile(const QString &name)
{
    ProfileStore store(m_settings);
    if (!store.remove(name)) {
        // The settings could not be written: the profile stays, and so does its token.
        if (!store.lastError().isEmpty())
            showError(store.lastError());
        return;
    }
    if (m_window->viewProfile() == name)
        m_window->setViewProfile(QString()); // nothing is saved for it on the way out
    m_settings.remove(ViewStateStore::profileGroup(name));
    m_session.remove(name);
    if (m_keychain) {
        SecretJob *job = m_keychain->remove(name);
        connect(job, &SecretJob::finished, this, [this](const SecretResult &result) {
            if (!result.ok())
                showError(tr("The profile was removed, but its token could not be removed from "
                             "the keychain: %1")
                              .arg(result.error.message()));
        });
    }
    if (m_profile.name == name) {
        delete m_poller;
        delete m_client;
        m_window->setHistory(nullptr);
        m_history.reset();
        stopProvisioning();
        delete m_alerting;
        m_profile = Profile();
        const QList<Profile> remaining = store.list();
        if (!remaining.isEmpty()) {
            openProfile(remaining.first(), m_keychain);
        } else if (!screenshotRun()) {
            m_prompts->welcome();
        }
    }
    refreshProfileMenu();
}

void ConsoleApp::showError(const QString &text)
{
    if (screenshotRun()) {
        qWarning("prego-console: %s", qUtf8Printable(text));
        return;
    }
    QMessageBox::warning(m_window.get(), tr("Prego Operator Console"), text);
}

} // namespace prego
