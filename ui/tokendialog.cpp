#include "tokendialog.h"

#include "secrets/secretjob.h"
#include "secrets/secretstore.h"
#include "statuscolors.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace prego {

TokenDialog::TokenDialog(const QString &profileName, SecretStore *keychain, SecretStore *session,
                         QWidget *parent)
    : QDialog(parent)
    , m_profileName(profileName)
    , m_keychain(keychain)
    , m_session(session)
{
    setObjectName(u"tokenDialog"_s);
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_reason = new QLabel(this);
    m_reason->setWordWrap(true);
    m_reason->hide();
    m_token = new QLineEdit(this);
    m_token->setObjectName(u"tokenEdit"_s);
    m_token->setEchoMode(QLineEdit::Password);
    m_sessionOnly = new QCheckBox(this);
    m_sessionOnly->setObjectName(u"sessionOnlyCheck"_s);
    m_sessionOnly->setChecked(!keychain);
    m_sessionOnly->setEnabled(keychain != nullptr);
    m_error = new QLabel(this);
    m_error->setObjectName(u"keychainError"_s);
    m_error->setWordWrap(true);
    StatusColors::markErrorLabel(m_error);
    m_error->hide();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &TokenDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &TokenDialog::reject);
    layout->addWidget(m_intro);
    layout->addWidget(m_reason);
    layout->addWidget(m_token);
    layout->addWidget(m_sessionOnly);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(460);
    retranslate();
}

void TokenDialog::retranslate()
{
    setWindowTitle(tr("Token for %1").arg(m_profileName));
    m_intro->setText(tr("Paste the bearer token for profile %1. It is kept in the keychain, never "
                        "in the settings file.")
                         .arg(m_profileName));
    m_token->setPlaceholderText(tr("bearer token"));
    m_token->setAccessibleName(tr("Token"));
    m_sessionOnly->setText(tr("Keep for this session only (forget it when the console quits)"));
}

void TokenDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::PaletteChange)
        StatusColors::restyleErrorLabels(this);
    QDialog::changeEvent(event);
}

void TokenDialog::setReason(const QString &reason)
{
    m_reason->setText(reason);
    m_reason->setVisible(!reason.isEmpty());
}

void TokenDialog::showKeychainError(const SecretError &error)
{
    m_error->setText(tr("The keychain could not be used: %1\nYou can keep the token for this "
                        "session only.")
                         .arg(error.message()));
    m_error->show();
    m_sessionOnly->setChecked(true);
}

QString TokenDialog::token() const
{
    return m_token->text().trimmed();
}

bool TokenDialog::keptForSessionOnly() const
{
    return m_sessionOnly->isChecked();
}

void TokenDialog::accept()
{
    if (m_storing)
        return;
    const QString value = token();
    if (value.isEmpty() || value.contains(u' ')) {
        m_error->setText(tr("That does not look like a bearer token (one line, no spaces)."));
        m_error->show();
        return;
    }
    SecretStore *store = keptForSessionOnly() ? m_session.data() : m_keychain.data();
    if (!store) {
        QDialog::accept();
        return;
    }
    m_storing = true;
    m_buttons->setEnabled(false);
    const bool sessionOnly = keptForSessionOnly();
    SecretJob *job = store->write(m_profileName, value);
    connect(job, &SecretJob::finished, this, [this, sessionOnly](const SecretResult &result) {
        m_storing = false;
        m_buttons->setEnabled(true);
        if (!result.ok()) {
            showKeychainError(result.error);
            return;
        }
        Q_EMIT tokenStored(sessionOnly);
        QDialog::accept();
    });
}

} // namespace prego
