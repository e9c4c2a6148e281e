#include "consoleapp.h"

#include "api/apiclient.h"
#include "api/fleetpoller.h"
#include "api/provisionsubmitter.h"
#include "appearance.h"
#include "democontrolplane.h"
#include "demohistory.h"
#include "fleetnotifier.h"
#include "heatmapgrid.h"
#include "heatmapview.h"
#include "jobsview.h"
#include "jobview.h"
#include "mainwindow.h"
#include "memorytuning.h"
#include "nodedetailview.h"
#include "nodetablemodel.h"
#include "profiledialog.h"
#include "provisionwizard.h"
#include "secrets/secretjob.h"
#include "secrets/secretstore.h"
#include "settingsdialog.h"
#include "storage/historyservice.h"
#include "storage/historystore.h"
#include "storage/joboutbox.h"
#include "storage/profilestore.h"
#include "tokendialog.h"
#include "verificationview.h"
#include "viewstatestore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QJsonObject>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace prego {

namespace {
constexpr int ScreenshotTimeoutMs = 30000;
constexpr int ScreenshotSettleMs = 800; // lets tables lay out and charts paint before a grab
} // namespace

std::optional<ConsoleApp::Options> ConsoleApp::parse(const QStringList &arguments, QString *error)
{
    Options o;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        const auto value = [&](QString *into) {
            if (i + 1 >= arguments.size()) {
                *error = tr("%1 needs a value; see --help.").arg(a);
                return false;
            }
            *into = arguments.at(++i);
            return true;
        };
        if (a == u"--demo") {
            o.demo = true;
        } else if (a == u"--lang") {
            if (!value(&o.language))
                return std::nullopt;
        } else if (a == u"--palette") {
            if (!value(&o.colorScheme))
                return std::nullopt;
            if (!Appearance::isKnown(o.colorScheme)) {
                *error = tr("--palette takes system, light or dark; see --help.");
                return std::nullopt;
            }
        } else if (a == u"--profile") {
            if (!value(&o.profile))
                return std::nullopt;
        } else if (a == u"--screenshot") {
            if (!value(&o.screenshotDir))
                return std::nullopt;
        } else if (a == u"--node") {
            if (!value(&o.node))
                return std::nullopt;
        } else if (a == u"--job") {
            if (!value(&o.job))
                return std::nullopt;
        } else {
            *error = tr("Unknown option %1; see --help.").arg(a);
            return std::nullopt;
        }
    }
    return o;
}

QString ConsoleApp::helpText()
{
    return tr("Usage: prego-console [--lang ko|en] [--profile NAME] [--demo] [--node ID]\n"
              "                     [--job ID] [--palette system|light|dark] [--screenshot DIR]\n"
              "\n"
              "  --lang ko|en       language of the console (default: the system's)\n"
              "  --palette SCHEME   colours for this run: system (default), light or dark\n"
              "  --profile NAME     connect to this profile\n"
              "  --demo             start a local demo control plane with a simulated fleet\n"
              "  --node ID          open this node's detail once the fleet is shown\n"
              "  --job ID           open this provisioning job\n"
              "                     (a second start hands both to the running console)\n"
              "  --screenshot DIR   render the dashboard, the heatmap, a node detail, the jobs\n"
              "                     and the verification to PNG files in DIR and exit (with\n"
              "                     --demo also the wizard's pages and a job's trace)\n");
}

QString ConsoleApp::rememberedLanguage()
{
    return QSettings().value(QLatin1StringView(LanguageKey), u"system"_s).toString();
}

QString ConsoleApp::rememberedColorScheme()
{
    return QSettings().value(QLatin1StringView(ColorSchemeKey), u"system"_s).toString();
}

ConsoleApp::ConsoleApp(QSettings &settings, SecretStore *keychain, QNetworkAccessManager *nam,
                       QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_keychain(keychain)
    , m_nam(nam)
    , m_viewStates(std::make_unique<ViewStateStore>(&settings))
    , m_window(std::make_unique<MainWindow>(&m_clock))
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
    m_window->setLanguageChoice(
        m_settings.value(QLatin1StringView(LanguageKey), u"system"_s).toString());
    connect(m_window.get(), &MainWindow::languageChosen, this, [this](const QString &choice) {
        m_settings.setValue(QLatin1StringView(LanguageKey), choice);
    });
    m_window->setNotificationsEnabled(m_settings.value(u"ui/notifications"_s, true).toBool());
    connect(m_window.get(), &MainWindow::notificationsToggled, this,
            [this](bool on) { m_settings.setValue(u"ui/notifications"_s, on); });
    m_window->setTrayIconShown(m_settings.value(u"ui/trayIcon"_s, true).toBool());
    connect(m_window.get(), &MainWindow::trayIconToggled, this,
            [this](bool on) { m_settings.setValue(u"ui/trayIcon"_s, on); });
    // main() applied it (or --palette for this run): the dialog shows the saved choice.
    m_window->setColorSchemeChoice(
        m_settings.value(QLatin1StringView(ColorSchemeKey), u"system"_s).toString());
    connect(m_window.get(), &MainWindow::colorSchemeChosen, this, [this](const QString &scheme) {
        m_settings.setValue(QLatin1StringView(ColorSchemeKey), scheme);
    });
    connect(m_window.get(), &MainWindow::profileSwitchRequested, this, &ConsoleApp::switchProfile);
    connect(m_window.get(), &MainWindow::profileRemovalRequested, this,
            &ConsoleApp::confirmRemoveCurrentProfile);
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
    m_window.reset();
    delete m_demo;
}

void ConsoleApp::start(const Options &options)
{
    m_screenshotDir = options.screenshotDir;
    m_nodeAtStart = options.node;
    m_jobAtStart = options.job;
    if (!options.language.isEmpty())
        m_window->setLanguageChoice(options.language); // this run's, not saved
    // Screenshots always have the same size and columns; otherwise the windows come back as the
    // profile about to open left them.
    if (m_screenshotDir.isEmpty()) {
        m_window->setViewStateStore(m_viewStates.get());
        m_window->setViewProfile(options.demo ? u"demo"_s : profileAtStart(options.profile));
    }
    m_window->show();
    connect(m_window.get(), &MainWindow::snapshotShown, this, &ConsoleApp::onFirstSnapshot);
    if (!m_screenshotDir.isEmpty()) {
        QTimer::singleShot(ScreenshotTimeoutMs, this, [this] {
            if (m_shotStage == ShotStage::Done)
                return;
            qWarning("prego-console: the screenshots did not finish in time");
            m_shotStage = ShotStage::Done;
            Q_EMIT exitRequested(1);
        });
    }
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
    if (m_screenshotDir.isEmpty())
        firstRun();
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

void ConsoleApp::firstRun()
{
    QMessageBox box(m_window.get());
    box.setWindowTitle(tr("Welcome to the Prego Operator Console"));
    box.setText(tr("No control plane is set up yet."));
    box.setInformativeText(tr("Start the demo to try the console on a simulated fleet, or add "
                              "the control plane you operate."));
    QPushButton *demo = box.addButton(tr("Start the demo"), QMessageBox::AcceptRole);
    QPushButton *add = box.addButton(tr("Add control plane…"), QMessageBox::ActionRole);
    box.addButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() == demo)
        startDemo();
    else if (box.clickedButton() == add)
        editProfiles();
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
    if (const QString problem = m_client->configurationProblem(); !problem.isEmpty())
        showError(problem);
    m_poller = new FleetPoller(m_client, &m_clock, this);
    m_window->attach(m_poller, profile);
    startHistory(profile);
    startProvisioning(profile);
    connect(m_poller, &FleetPoller::pollFailed, this, [this](const ApiError &error) {
        // 401: the banner says so, and the operator is asked for a new token at once.
        if (error.kind == ApiError::Kind::Http && error.httpStatus == 401)
            askToken(m_profile, tr("The control plane did not accept the stored token."));
    });
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
    return m_submitter;
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
    if (m_window)
        m_window->setProvisioning(nullptr, nullptr, nullptr);
    delete m_submitter; // its running submissions stop; their outbox rows are recovered later
    m_outbox.reset();
}

void ConsoleApp::startProvisioning(const Profile &profile)
{
    stopProvisioning();
    const QString dir = dataDir();
    if (dir.isEmpty())
        return;
    m_outbox =
        std::make_unique<JobOutbox>(QDir(dir).filePath(u"jobs-%1.sqlite"_s.arg(profile.name)));
    if (const QString error = m_outbox->open(); !error.isEmpty()) {
        m_outbox.reset();
        m_window->statusBar()->showMessage(tr("Provisioning is off: %1").arg(error));
        return;
    }
    m_submitter = new ProvisionSubmitter(m_client, m_outbox.get(), this);
    m_window->setProvisioning(m_client, m_outbox.get(), m_submitter);
    // Requests sent but never answered (a crash, a lost connection): looked up by id, resent
    // only when the control plane does not know them.
    const QList<ProvisionSubmission *> recovering = m_submitter->recover();
    if (!recovering.isEmpty())
        m_window->statusBar()->showMessage(
            tr("Checking %n provisioning request(s) that were sent but not answered…", nullptr,
               int(recovering.size())),
            15000);
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
    connect(m_poller, &FleetPoller::snapshotReceived, m_history.get(), &HistoryService::ingest);
    if (m_demo) {
        connect(m_poller, &FleetPoller::snapshotReceived, this,
                [this](const NodesSnapshot &snapshot) {
                    if (m_demoPastWritten || !m_history)
                        return;
                    m_demoPastWritten = true;
                    m_history->ingestSamples(DemoHistory::pastDay(snapshot), snapshot.serverTimeMs);
                });
    }
    m_window->setHistory(m_history.get());
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
    if (!m_jobAtStart.isEmpty() && m_screenshotDir.isEmpty())
        m_window->openJob(m_jobAtStart);
    if (!m_nodeAtStart.isEmpty() && m_screenshotDir.isEmpty()) {
        if (!m_window->openNode(m_nodeAtStart))
            m_window->statusBar()->showMessage(
                tr("Node %1 is not in the fleet; showing its stored history.").arg(m_nodeAtStart),
                15000);
    }
    if (m_screenshotDir.isEmpty() || !m_history)
        return;
    // The demo's simulated past is written right after the first snapshot: wait for it, so the
    // heatmap and the charts have a day to show.
    m_shotStage = ShotStage::Dashboard;
    if (m_demo) {
        connect(m_history.get(), &HistoryService::samplesIngested, this,
                [this](const HistoryIngestResult &result) {
                    if (result.offered > 1000 && m_shotStage == ShotStage::Dashboard)
                        QTimer::singleShot(ScreenshotSettleMs, this, &ConsoleApp::screenshotStep);
                });
    } else {
        QTimer::singleShot(ScreenshotSettleMs, this, &ConsoleApp::screenshotStep);
    }
}

bool ConsoleApp::saveScreenshot(QWidget *widget, const QString &view)
{
    QDir().mkpath(m_screenshotDir);
    const QString lang = QLocale().language() == QLocale::Korean ? u"ko"_s : u"en"_s;
    const QString file = QDir(m_screenshotDir).filePath(u"%1-%2.png"_s.arg(view, lang));
    const bool saved = widget->grab().save(file);
    if (saved)
        ++m_shotsSaved;
    else
        qWarning("prego-console: could not write %s", qUtf8Printable(file));
    return saved;
}

void ConsoleApp::screenshotStep()
{
    switch (m_shotStage) {
    case ShotStage::Waiting:
    case ShotStage::Done:
        return;
    case ShotStage::Dashboard: {
        saveScreenshot(m_window.get(), u"dashboard"_s);
        m_shotStage = ShotStage::Heatmap;
        connect(m_window.get(), &MainWindow::heatmapShown, this, [this] {
            if (m_shotStage == ShotStage::Heatmap)
                QTimer::singleShot(ScreenshotSettleMs, this, &ConsoleApp::screenshotStep);
        });
        m_window->showView(MainWindow::View::Heatmap);
        return;
    }
    case ShotStage::Heatmap: {
        saveScreenshot(m_window.get(), u"heatmap"_s);
        m_shotStage = ShotStage::Node;
        // The node asked for, else the worst row of the heatmap (it has a gap to show).
        QString node = m_nodeAtStart;
        const Heatmap &heatmap = m_window->heatmapView()->grid()->heatmap();
        if (node.isEmpty() && !heatmap.rows.isEmpty())
            node = heatmap.rows.first().nodeId;
        if (node.isEmpty() && !m_window->model()->nodes().isEmpty())
            node = m_window->model()->nodes().first().nodeId;
        m_window->openNode(node);
        NodeDetailView *detail = m_window->nodeDetail();
        connect(detail, &NodeDetailView::historyShown, this, [this] {
            if (m_shotStage == ShotStage::Node)
                QTimer::singleShot(ScreenshotSettleMs, this, &ConsoleApp::screenshotStep);
        });
        return;
    }
    case ShotStage::Node: {
        saveScreenshot(m_window->nodeDetail(), u"node"_s);
        m_window->nodeDetail()->close();
        m_shotStage = ShotStage::Jobs;
        JobsView *jobs = m_window->jobsView();
        connect(jobs, &JobsView::refreshed, this, [this] {
            if (m_shotStage == ShotStage::Jobs)
                QTimer::singleShot(ScreenshotSettleMs, this, &ConsoleApp::screenshotStep);
        });
        m_window->showView(MainWindow::View::Jobs);
        return;
    }
    case ShotStage::Jobs: {
        saveScreenshot(m_window.get(), u"jobs"_s);
        m_shotStage = ShotStage::Verification;
        connect(m_window->verificationView(), &VerificationView::evaluated, this, [this] {
            if (m_shotStage == ShotStage::Verification)
                QTimer::singleShot(ScreenshotSettleMs, this, &ConsoleApp::screenshotStep);
        });
        m_window->showView(MainWindow::View::Verification);
        return;
    }
    case ShotStage::Verification: {
        saveScreenshot(m_window.get(), u"verification"_s);
        SettingsDialog *settings = m_window->openSettings();
        saveScreenshot(settings, u"settings"_s);
        settings->reject();
        ProvisionWizard *wizard = m_window->openWizard();
        if (!wizard || !m_demo) {
            // Only the demo gets a job made for the pictures: never a real control plane.
            finishScreenshots();
            return;
        }
        // The wizard as an operator fills it in for a dedicated stack, page by page.
        wizard->tenantEdit()->setText(u"Acme_Corp.EU"_s);
        wizard->pathButton(ProvisionRequest::Path::Dedicated)->click();
        m_shotStage = ShotStage::WizardPath;
        QTimer::singleShot(ScreenshotSettleMs, this, &ConsoleApp::screenshotStep);
        return;
    }
    case ShotStage::WizardPath:
    case ShotStage::WizardPlacement: {
        ProvisionWizard *wizard = m_window->wizard();
        const bool path = m_shotStage == ShotStage::WizardPath;
        saveScreenshot(wizard, path ? u"wizard-path"_s : u"wizard-placement"_s);
        if (!path)
            wizard->regionBox()->setCurrentIndex(wizard->regionBox()->findData(u"hel1"_s));
        wizard->next();
        if (!path)
            wizard->confirmation()->setChecked(true);
        m_shotStage = path ? ShotStage::WizardPlacement : ShotStage::WizardReview;
        QTimer::singleShot(ScreenshotSettleMs, this, &ConsoleApp::screenshotStep);
        return;
    }
    case ShotStage::WizardReview: {
        ProvisionWizard *wizard = m_window->wizard();
        saveScreenshot(wizard, u"wizard-review"_s);
        m_shotStage = ShotStage::Job;
        connect(wizard, &ProvisionWizard::jobSubmitted, this, [this] {
            // Let the trace run for a few seconds: finished stages and a growing one.
            QTimer::singleShot(4000, this, &ConsoleApp::screenshotStep);
        });
        wizard->button(QWizard::FinishButton)->click();
        return;
    }
    case ShotStage::Job:
        saveScreenshot(m_window->jobView(), u"job"_s);
        finishScreenshots();
        return;
    }
}

void ConsoleApp::finishScreenshots()
{
    m_shotStage = ShotStage::Done;
    // The tray icon of each state, as a 22 px tray draws it at 100 % and at 200 %.
    const std::array<std::pair<FleetNotifier::State, const char *>, 4> states{
        {{FleetNotifier::State::Unknown, "unknown"},
         {FleetNotifier::State::AllFresh, "all-fresh"},
         {FleetNotifier::State::SomeStale, "some-stale"},
         {FleetNotifier::State::Offline, "offline"}}};
    for (const auto &[state, name] : states) {
        const QIcon icon = MainWindow::trayIcon(state);
        for (const int scale : {1, 2}) {
            const QString file =
                QDir(m_screenshotDir)
                    .filePath(u"tray-%1@%2x.png"_s.arg(QLatin1StringView(name)).arg(scale));
            if (!icon.pixmap(QSize(22, 22), scale).save(file))
                qWarning("prego-console: could not write %s", qUtf8Printable(file));
        }
    }
    const int expected = m_demo ? 10 : 6;
    Q_EMIT exitRequested(m_shotsSaved == expected ? 0 : 1);
}

void ConsoleApp::askToken(const Profile &profile, const QString &reason,
                          std::optional<SecretError> keychainError)
{
    if (!m_screenshotDir.isEmpty() || m_tokenDialog)
        return; // never block a screenshot run on a dialog, never ask twice at once
    // The demo's token is never kept in the keychain.
    SecretStore *keychain = profile.name == u"demo" && m_demo ? nullptr : m_keychain.data();
    auto *dialog = new TokenDialog(profile.name, keychain, &m_session, m_window.get());
    m_tokenDialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setReason(reason);
    if (keychainError)
        dialog->showKeychainError(*keychainError);
    connect(dialog, &TokenDialog::tokenStored, this, [this, dialog, profile](bool sessionOnly) {
        connectWith(profile, dialog->token(), sessionOnly ? &m_session : m_keychain.data());
    });
    dialog->open();
}

void ConsoleApp::editProfiles()
{
    auto *dialog = new ProfileDialog(m_nam, m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const bool editing = !m_profile.name.isEmpty() && !m_demo;
    if (editing)
        dialog->setProfile(m_profile, true);
    connect(dialog, &QDialog::accepted, this, [this, dialog, editing] {
        const Profile profile = dialog->profile();
        ProfileStore store(m_settings);
        if (const QString error = store.save(profile); !error.isEmpty()) {
            showError(error);
            return;
        }
        const QString token = dialog->token();
        if (token.isEmpty()) {
            openProfile(profile, m_keychain);
            return;
        }
        if (!m_keychain) {
            askToken(profile, QString());
            return;
        }
        SecretJob *job = m_keychain->write(profile.name, token);
        connect(job, &SecretJob::finished, this,
                [this, profile, token](const SecretResult &result) {
                    if (result.ok())
                        connectWith(profile, token, m_keychain);
                    else
                        askToken(profile, QString(), result.error);
                });
        Q_UNUSED(editing)
    });
    dialog->open();
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
    const QString name = m_profile.name;
    const auto answer = QMessageBox::question(
        m_window.get(), tr("Remove profile"),
        tr("Remove profile %1 and the token stored for it? The control plane is not changed.")
            .arg(name),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        removeProfile(name);
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
        m_profile = Profile();
        const QList<Profile> remaining = store.list();
        if (!remaining.isEmpty()) {
            openProfile(remaining.first(), m_keychain);
        } else if (m_screenshotDir.isEmpty()) {
            firstRun();
        }
    }
    refreshProfileMenu();
}

void ConsoleApp::showError(const QString &text)
{
    if (!m_screenshotDir.isEmpty()) {
        qWarning("prego-console: %s", qUtf8Printable(text));
        return;
    }
    QMessageBox::warning(m_window.get(), tr("Prego Operator Console"), text);
}

} // namespace prego
