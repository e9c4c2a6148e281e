#pragma once

#include "api/apiclient.h"
#include "api/fleetpoller.h"
#include "consoleoptions.h"
#include "democontrolplane.h"
#include "domain/serverclock.h"
#include "secrets/memorysecretstore.h"
#include "types/profile.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>
#include <optional>

class QNetworkAccessManager;
class QJsonObject;
class QSettings;
class QTemporaryDir;

namespace prego {

class AlertingSession;
class ConsoleSettings;
class ControlPlane;
class HistoryService;
class JobOutbox;
class JobsPoller;
class MainWindow;
class ProvisionSubmitter;
class ProfilePrompts;
class ProvisioningSession;
class ScreenshotTour;
class SecretStore;
class ViewStateStore;

// The console's composition root: wires settings, the secret stores, the one network access
// manager, the client and poller of the current profile, the demo control plane and the window.
// The profile dialogs are ProfilePrompts, a --screenshot run is a ScreenshotTour.
class ConsoleApp final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleApp)
public:
    using Options = ConsoleOptions;

    ConsoleApp(QSettings &settings, SecretStore *keychain, QNetworkAccessManager *nam,
               QObject *parent = nullptr);
    ~ConsoleApp() override;

    void start(const Options &options);
    // A second start handed over its request: raise the window, open the node or job it names.
    void activate(const QJsonObject &request);
    // Reads the profile's token from the store (asks for one when there is none) and connects.
    void openProfile(const Profile &profile, SecretStore *store);
    void connectWith(const Profile &profile, const QString &token, SecretStore *store);
    void startDemo();
    // Switches to a saved profile (File → Switch profile).
    void switchProfile(const QString &name);
    // Forgets a saved profile and its stored token; the caller has confirmed. Switches to another
    // profile, or offers the first-run choice when none is left.
    void removeProfile(const QString &name);

    MainWindow *window() const { return m_window.get(); }
    FleetPoller *poller() const { return m_poller; }
    HistoryService *history() const { return m_history.get(); }
    JobOutbox *outbox() const;
    // The jobs list's poller of the connected profile (null before one is connected).
    JobsPoller *jobsPoller() const;
    // The typed API of the connected profile (null before one is connected).
    ControlPlane *controlPlane() const;
    ProvisionSubmitter *submitter() const;
    // Alerts and silences of the connected profile (null before one is connected).
    AlertingSession *alerting() const;
    SecretStore *sessionStore() { return &m_session; }
    const Profile &currentProfile() const { return m_profile; }

Q_SIGNALS:
    void connected();
    void exitRequested(int code);

private:
    // The profile start() will open (for its window layout before the window is shown).
    QString profileAtStart(const QString &asked) const;
    void askToken(const Profile &profile, const QString &reason,
                  std::optional<SecretError> keychainError = std::nullopt);
    void editProfiles();
    void confirmRemoveCurrentProfile();
    void refreshProfileMenu();
    // A --screenshot run: no dialog opens, errors go to the log.
    bool screenshotRun() const { return m_tour != nullptr; }
    void startHistory(const Profile &profile);
    void startProvisioning(const Profile &profile);
    void startAlerting(const Profile &profile);
    void stopProvisioning();
    // Where this profile's databases live: the app data directory, or the demo's own temp dir.
    QString dataDir();
    void onFirstSnapshot();
    void onSnapshot(const NodesSnapshot &snapshot);
    void onPollFailed(const ApiError &error);
    void showError(const QString &text);

    QSettings &m_settings;
    ConsoleSettings *m_preferences; // the console's own keys in m_settings
    QPointer<SecretStore> m_keychain;
    MemorySecretStore m_session;
    QNetworkAccessManager *m_nam;
    ServerClock m_clock;
    std::unique_ptr<ViewStateStore> m_viewStates;
    std::unique_ptr<MainWindow> m_window;
    ProfilePrompts *m_prompts;
    QPointer<ApiClient> m_client;
    QPointer<ControlPlane> m_controlPlane; // owned by m_client
    QPointer<FleetPoller> m_poller;
    QPointer<DemoControlPlane> m_demo;
    Profile m_profile;
    SecretStore *m_profileStore = nullptr; // where the current profile's token lives
    std::unique_ptr<HistoryService> m_history;
    QPointer<ProvisioningSession> m_provisioning;
    QPointer<AlertingSession> m_alerting;
    std::unique_ptr<QTemporaryDir> m_demoDataDir; // the demo's history never mixes with a profile's
    bool m_demoPastWritten = false;
    bool m_firstSnapshotSeen = false;
    QString m_nodeAtStart;
    QString m_jobAtStart;
    ScreenshotTour *m_tour = nullptr; // a --screenshot run
};

} // namespace prego
