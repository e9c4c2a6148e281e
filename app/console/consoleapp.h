#pragma once

#include "api/apiclient.h"
#include "api/fleetpoller.h"
#include "democontrolplane.h"
#include "domain/profile.h"
#include "domain/serverclock.h"
#include "secrets/memorysecretstore.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>
#include <optional>

class QDialog;
class QNetworkAccessManager;
class QJsonObject;
class QSettings;
class QTemporaryDir;

namespace prego {

class HistoryService;
class JobOutbox;
class MainWindow;
class ProvisionSubmitter;
class SecretStore;
class ViewStateStore;

// The console's composition root: wires settings, the secret stores, the one network access
// manager, the client and poller of the current profile, the demo control plane and the window.
class ConsoleApp final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString language;
        QString profile;
        QString screenshotDir;
        QString colorScheme; // "system", "light", "dark": this run's, not saved
        QString node;        // open this node's detail once the fleet is shown
        QString job;         // open this job once connected
        bool demo = false;
    };
    // Parses the command line (without the program name); nullopt with a message on errors.
    static std::optional<Options> parse(const QStringList &arguments, QString *error);
    static QString helpText();
    // The View → Language choice saved by an earlier run ("en", "ko", "system").
    static QString rememberedLanguage();
    static constexpr const char *LanguageKey = "ui/language";
    // Settings → Colours saved by an earlier run ("system", "light", "dark").
    static QString rememberedColorScheme();
    static constexpr const char *ColorSchemeKey = "ui/colorScheme";

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
    JobOutbox *outbox() const { return m_outbox.get(); }
    ProvisionSubmitter *submitter() const;
    SecretStore *sessionStore() { return &m_session; }
    const Profile &currentProfile() const { return m_profile; }

Q_SIGNALS:
    void connected();
    void exitRequested(int code);

private:
    void firstRun();
    // The profile start() will open (for its window layout before the window is shown).
    QString profileAtStart(const QString &asked) const;
    void askToken(const Profile &profile, const QString &reason,
                  std::optional<SecretError> keychainError = std::nullopt);
    void editProfiles();
    void confirmRemoveCurrentProfile();
    void refreshProfileMenu();
    void startHistory(const Profile &profile);
    void startProvisioning(const Profile &profile);
    void stopProvisioning();
    // Where this profile's databases live: the app data directory, or the demo's own temp dir.
    QString dataDir();
    void onFirstSnapshot();
    void screenshotStep();
    bool saveScreenshot(QWidget *widget, const QString &view);
    void showError(const QString &text);

    QSettings &m_settings;
    QPointer<SecretStore> m_keychain;
    MemorySecretStore m_session;
    QNetworkAccessManager *m_nam;
    ServerClock m_clock;
    std::unique_ptr<ViewStateStore> m_viewStates;
    std::unique_ptr<MainWindow> m_window;
    QPointer<ApiClient> m_client;
    QPointer<FleetPoller> m_poller;
    QPointer<DemoControlPlane> m_demo;
    QPointer<QDialog> m_tokenDialog;
    Profile m_profile;
    SecretStore *m_profileStore = nullptr; // where the current profile's token lives
    std::unique_ptr<HistoryService> m_history;
    std::unique_ptr<JobOutbox> m_outbox;
    QPointer<ProvisionSubmitter> m_submitter;
    std::unique_ptr<QTemporaryDir> m_demoDataDir; // the demo's history never mixes with a profile's
    bool m_demoPastWritten = false;
    bool m_firstSnapshotSeen = false;
    QString m_nodeAtStart;
    QString m_jobAtStart;
    QString m_screenshotDir;
    enum class ShotStage {
        Waiting,
        Dashboard,
        Heatmap,
        Node,
        Jobs,
        Verification,
        WizardPath,
        WizardPlacement,
        WizardReview,
        Job,
        Done
    };
    void finishScreenshots();
    ShotStage m_shotStage = ShotStage::Waiting;
    int m_shotsSaved = 0;
};

} // namespace prego
