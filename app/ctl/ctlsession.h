#pragma once

#include "errorreporter.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

class QNetworkAccessManager;
class QSettings;
class QTextStream;

namespace prego {

class ApiClient;
class ControlPlane;
class JobOutbox;
class SecretStore;
struct Profile;

// What a prego-ctl command works with for one profile: the profile, a client carrying a token, the
// typed ControlPlane on that client and, for the provisioning commands, the profile's job outbox.
// Each step that can fail prints one line on standard error, sets the exit code and returns false;
// the accessors are for after the step that makes what they return.
class CtlSession
{
    Q_DECLARE_TR_FUNCTIONS(prego::CtlSession)

public:
    CtlSession(QSettings &settings, SecretStore &secrets, QNetworkAccessManager &nam,
               QTextStream &err);
    ~CtlSession();
    CtlSession(const CtlSession &) = delete;
    CtlSession &operator=(const CtlSession &) = delete;

    // The profile named by --profile NAME.
    bool findProfile(const QString &name, int *exitCode);
    // The profile's token from the keychain into a client and its control plane; after
    // findProfile().
    bool useStoredToken(int *exitCode);
    // A client carrying `token` instead, for checking a token before it is kept.
    void useToken(const QString &token);
    // findProfile(), then useStoredToken().
    bool open(const QString &profileName, int *exitCode);
    // open(), then the profile's job outbox.
    bool openWithOutbox(const QString &profileName, int *exitCode);

    // Startup recovery: looks up (and resends when the control plane never had them) the rows that
    // were sent but never answered, one line each on standard error; `verbose` also says when
    // there are none. After openWithOutbox().
    void recoverOutbox(bool verbose);

    const Profile &profile() const;
    ControlPlane &controlPlane() const;
    JobOutbox &outbox() const;

private:
    bool openOutbox(int *exitCode);

    QSettings &m_settings;
    SecretStore &m_secrets;
    QNetworkAccessManager &m_nam;
    QTextStream &m_err;
    ErrorReporter m_errors;
    std::unique_ptr<Profile> m_profile;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<ControlPlane> m_controlPlane;
    std::unique_ptr<JobOutbox> m_outbox;
};

} // namespace prego
