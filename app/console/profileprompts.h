#pragma once

#include "secrets/secreterror.h"
#include "types/profile.h"

#include <QObject>
#include <QPointer>

#include <optional>

class QDialog;
class QNetworkAccessManager;
class QSettings;
class QWidget;

namespace prego {

class SecretStore;

// The console's dialogs about profiles: the welcome of a first run, File → Profiles… (which saves
// the profile it accepts and stores its token), the token prompt and the question before a
// profile is removed. What the operator decided comes out as a signal; the composition root
// connects, starts the demo or removes.
class ProfilePrompts final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfilePrompts)
public:
    // `keychain` may be null (none on this desktop); `session` keeps tokens for this run only.
    // The dialogs open over `window`.
    ProfilePrompts(QSettings &settings, SecretStore *keychain, SecretStore *session,
                   QNetworkAccessManager *nam, QWidget *window, QObject *parent = nullptr);

    // No control plane is set up yet: the demo, or a profile of the operator's.
    void welcome();
    // Opens the profile editor on `current` (nullopt: a new profile).
    void editProfiles(const std::optional<Profile> &current);
    // Asks for the token of `profile` (once at a time). `keychain`: where the operator may keep
    // it (null: for this session only).
    void askToken(const Profile &profile, const QString &reason, SecretStore *keychain,
                  std::optional<SecretError> keychainError = std::nullopt);
    void confirmRemoval(const QString &name);

Q_SIGNALS:
    void demoRequested();
    // A token for `profile` was entered or stored: connect with it; `store` keeps it.
    void tokenEntered(const prego::Profile &profile, const QString &token,
                      prego::SecretStore *store);
    // A profile saved without a token: open it with the one stored for it.
    void profileSaved(const prego::Profile &profile);
    // A saved profile's token could not be kept: ask for it.
    void tokenNeeded(const prego::Profile &profile, const QString &reason,
                     const std::optional<prego::SecretError> &keychainError);
    void removalConfirmed(const QString &name);
    void failed(const QString &message);

private:
    QSettings &m_settings;
    QPointer<SecretStore> m_keychain;
    SecretStore *m_session;
    QNetworkAccessManager *m_nam;
    QWidget *m_window;
    QPointer<QDialog> m_tokenDialog;
};

} // namespace prego
