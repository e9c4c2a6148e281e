#pragma once

#include "types/profile.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace prego {

// Adds or edits one profile: name, base URL, poll interval, stale threshold, optional CA file,
// and optionally a token. "Test connection" asks /internal/whoami with what is typed.
// The token is handed to the caller (who keeps it in the SecretStore), never to QSettings.
class ProfileDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ProfileDialog(QWidget *parent = nullptr);

    void setProfile(const Profile &profile, bool editing);
    Profile profile() const;
    QString token() const;

    void accept() override;
    // Asks for a connection test (connectionTestRequested) with what is typed.
    void testConnection();
    // The answer to connectionTestRequested(): who the token is, or why it could not ask.
    void showConnectionResult(bool ok, const QString &text);
    QString testResult() const;

Q_SIGNALS:
    void connectionTested(bool ok);
    // Intent: ask whoami with this profile and token (not saved yet).
    void connectionTestRequested(const prego::Profile &profile, const QString &token);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void browseCaFile();

    QLabel *m_intro;
    QLabel *m_nameLabel, *m_urlLabel, *m_pollLabel, *m_staleLabel, *m_caLabel, *m_tokenLabel;
    QLineEdit *m_name;
    QLineEdit *m_url;
    QSpinBox *m_poll;
    QSpinBox *m_stale;
    QLineEdit *m_caFile;
    QPushButton *m_browse;
    QLineEdit *m_token;
    QPushButton *m_test;
    QLabel *m_result;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    bool m_editing = false;
};

} // namespace prego
