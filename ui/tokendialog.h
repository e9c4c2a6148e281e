#pragma once

#include "secrets/secreterror.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace prego {

class SecretStore;

// Asks for a profile's token and keeps it: in the keychain, or — when the keychain cannot be used
// or the operator asks for it — for this session only (memory). Keychain errors are shown with
// SecretError::message().
class TokenDialog final : public QDialog
{
    Q_OBJECT
public:
    TokenDialog(const QString &profileName, SecretStore *keychain, SecretStore *session,
                QWidget *parent = nullptr);

    // Show why we ask (e.g. the keychain failed, or the server refused the stored token).
    void setReason(const QString &reason);
    void showKeychainError(const SecretError &error);

    QString token() const;
    bool keptForSessionOnly() const;

    void accept() override;

Q_SIGNALS:
    void tokenStored(bool sessionOnly);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QString m_profileName;
    QPointer<SecretStore> m_keychain;
    QPointer<SecretStore> m_session;
    QLabel *m_intro;
    QLabel *m_reason;
    QLineEdit *m_token;
    QCheckBox *m_sessionOnly;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    bool m_storing = false;
};

} // namespace prego
