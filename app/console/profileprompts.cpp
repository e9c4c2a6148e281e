#include "profileprompts.h"

#include "api/connectioncheck.h"
#include "profiledialog.h"
#include "secrets/secretjob.h"
#include "secrets/secretstore.h"
#include "storage/profilestore.h"
#include "tokendialog.h"

#include <QMessageBox>
#include <QPushButton>

namespace prego {

ProfilePrompts::ProfilePrompts(QSettings &settings, SecretStore *keychain, SecretStore *session,
                               QNetworkAccessManager *nam, QWidget *window, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_keychain(keychain)
    , m_session(session)
    , m_nam(nam)
    , m_window(window)
{}

void ProfilePrompts::welcome()
{
    QMessageBox box(m_window);
    box.setWindowTitle(tr("Welcome to the Prego Operator Console"));
    box.setText(tr("No control plane is set up yet."));
    box.setInformativeText(tr("Start the demo to try the console on a simulated fleet, or add "
                              "the control plane you operate."));
    QPushButton *demo = box.addButton(tr("Start the demo"), QMessageBox::AcceptRole);
    QPushButton *add = box.addButton(tr("Add control plane…"), QMessageBox::ActionRole);
    box.addButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() == demo)
        Q_EMIT demoRequested();
    else if (box.clickedButton() == add)
        editProfiles(std::nullopt);
}

void ProfilePrompts::editProfiles(const std::optional<Profile> &current)
{
    auto *dialog = new ProfileDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *check = new ConnectionCheck(m_nam, dialog);
    connect(dialog, &ProfileDialog::connectionTestRequested, check, &ConnectionCheck::check);
    connect(check, &ConnectionCheck::checked, dialog, &ProfileDialog::showConnectionResult);
    if (current)
        dialog->setProfile(*current, true);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Profile profile = dialog->profile();
        ProfileStore store(m_settings);
        if (const QString error = store.save(profile); !error.isEmpty()) {
            Q_EMIT failed(error);
            return;
        }
        const QString token = dialog->token();
        if (token.isEmpty()) {
            Q_EMIT profileSaved(profile);
            return;
        }
        if (!m_keychain) {
            Q_EMIT tokenNeeded(profile, QString(), std::nullopt);
            return;
        }
        SecretJob *job = m_keychain->write(profile.name, token);
        connect(job, &SecretJob::finished, this,
                [this, profile, token](const SecretResult &result) {
                    if (result.ok())
                        Q_EMIT tokenEntered(profile, token, m_keychain);
                    else
                        Q_EMIT tokenNeeded(profile, QString(), result.error);
                });
    });
    dialog->open();
}

void ProfilePrompts::askToken(const Profile &profile, const QString &reason, SecretStore *keychain,
                              std::optional<SecretError> keychainError)
{
    if (m_tokenDialog)
        return; // never ask twice at once
    auto *dialog = new TokenDialog(profile.name, keychain, m_session, m_window);
    m_tokenDialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setReason(reason);
    if (keychainError)
        dialog->showKeychainError(*keychainError);
    connect(dialog, &TokenDialog::tokenStored, this, [this, dialog, profile](bool sessionOnly) {
        Q_EMIT tokenEntered(profile, dialog->token(), sessionOnly ? m_session : m_keychain.data());
    });
    dialog->open();
}

void ProfilePrompts::confirmRemoval(const QString &name)
{
    const auto answer = QMessageBox::question(
        m_window, tr("Remove profile"),
        tr("Remove profile %1 and the token stored for it? The control plane is not changed.")
            .arg(name),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        Q_EMIT removalConfirmed(name);
}

} // namespace prego
