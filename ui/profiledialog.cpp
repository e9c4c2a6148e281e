#include "profiledialog.h"

#include "statuscolors.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace prego {

ProfileDialog::ProfileDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"profileDialog"_s);
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);

    auto *form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_url = new QLineEdit(this);
    m_url->setPlaceholderText(u"https://cp.example.com"_s);
    m_poll = new QSpinBox(this);
    m_poll->setRange(Profile::MinPollIntervalSeconds, Profile::MaxPollIntervalSeconds);
    m_poll->setValue(Profile::DefaultPollIntervalSeconds);
    m_stale = new QSpinBox(this);
    m_stale->setRange(10, 7 * 24 * 3600);
    m_stale->setValue(Profile::DefaultStaleAfterSeconds);
    m_caFile = new QLineEdit(this);
    m_browse = new QPushButton(this);
    connect(m_browse, &QPushButton::clicked, this, &ProfileDialog::browseCaFile);
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_browse);
    m_token = new QLineEdit(this);
    m_token->setEchoMode(QLineEdit::Password);
    m_name->setObjectName(u"nameEdit"_s);
    m_url->setObjectName(u"urlEdit"_s);
    m_caFile->setObjectName(u"caFileEdit"_s);
    m_token->setObjectName(u"tokenEdit"_s);
    m_nameLabel = new QLabel(this);
    m_urlLabel = new QLabel(this);
    m_pollLabel = new QLabel(this);
    m_staleLabel = new QLabel(this);
    m_caLabel = new QLabel(this);
    m_tokenLabel = new QLabel(this);
    form->addRow(m_nameLabel, m_name);
    form->addRow(m_urlLabel, m_url);
    form->addRow(m_pollLabel, m_poll);
    form->addRow(m_staleLabel, m_stale);
    form->addRow(m_caLabel, caRow);
    form->addRow(m_tokenLabel, m_token);
    m_nameLabel->setBuddy(m_name);
    m_urlLabel->setBuddy(m_url);
    m_pollLabel->setBuddy(m_poll);
    m_staleLabel->setBuddy(m_stale);
    m_caLabel->setBuddy(m_caFile);
    m_tokenLabel->setBuddy(m_token);
    layout->addLayout(form);

    auto *testRow = new QHBoxLayout;
    m_test = new QPushButton(this);
    m_test->setObjectName(u"testConnectionButton"_s);
    connect(m_test, &QPushButton::clicked, this, &ProfileDialog::testConnection);
    m_result = new QLabel(this);
    m_result->setObjectName(u"testResult"_s);
    m_result->setWordWrap(true);
    testRow->addWidget(m_test);
    testRow->addWidget(m_result, 1);
    layout->addLayout(testRow);

    m_error = new QLabel(this);
    m_error->setObjectName(u"validationError"_s);
    m_error->setWordWrap(true);
    StatusColors::markErrorLabel(m_error);
    m_error->hide();
    layout->addWidget(m_error);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ProfileDialog::reject);
    layout->addWidget(m_buttons);
    setMinimumWidth(520);
    retranslate();
}

void ProfileDialog::retranslate()
{
    setWindowTitle(m_editing ? tr("Edit control plane") : tr("Add control plane"));
    m_intro->setText(tr("A profile names a control plane and how to watch it. The token is kept "
                        "in the keychain, never in the settings file."));
    m_nameLabel->setText(tr("&Name:"));
    m_urlLabel->setText(tr("Base &URL:"));
    m_pollLabel->setText(tr("&Poll interval:"));
    m_staleLabel->setText(tr("&Stale after:"));
    m_caLabel->setText(tr("Extra &CA file:"));
    m_tokenLabel->setText(tr("&Token:"));
    m_poll->setSuffix(tr(" s"));
    m_stale->setSuffix(tr(" s"));
    m_caFile->setPlaceholderText(tr("optional: a PEM certificate trusted for this profile only"));
    m_token->setPlaceholderText(m_editing ? tr("leave empty to keep the stored token")
                                          : tr("bearer token"));
    m_browse->setText(tr("Browse…"));
    m_test->setText(tr("Test connection"));
}

void ProfileDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::PaletteChange)
        StatusColors::restyleErrorLabels(this);
    QDialog::changeEvent(event);
}

void ProfileDialog::setProfile(const Profile &profile, bool editing)
{
    m_editing = editing;
    m_name->setText(profile.name);
    m_name->setReadOnly(editing);
    m_url->setText(profile.baseUrl.toString());
    m_poll->setValue(profile.pollIntervalSeconds);
    m_stale->setValue(profile.staleAfterSeconds);
    m_caFile->setText(profile.caFile);
    retranslate();
}

Profile ProfileDialog::profile() const
{
    Profile p;
    p.name = m_name->text().trimmed();
    p.baseUrl = QUrl(m_url->text().trimmed(), QUrl::StrictMode);
    p.pollIntervalSeconds = m_poll->value();
    p.staleAfterSeconds = m_stale->value();
    p.caFile = m_caFile->text().trimmed();
    return p;
}

QString ProfileDialog::token() const
{
    return m_token->text().trimmed();
}

QString ProfileDialog::testResult() const
{
    return m_result->text();
}

void ProfileDialog::accept()
{
    const QString problem = profile().validate();
    if (!problem.isEmpty()) {
        m_error->setText(problem);
        m_error->show();
        return;
    }
    m_error->hide();
    QDialog::accept();
}

void ProfileDialog::browseCaFile()
{
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Choose a CA certificate"), QString(), tr("PEM certificates (*.pem *.crt)"));
    if (!file.isEmpty())
        m_caFile->setText(file);
}

void ProfileDialog::testConnection()
{
    const Profile p = profile();
    if (const QString problem = p.validate(); !problem.isEmpty()) {
        showConnectionResult(false, problem);
        return;
    }
    m_result->setText(tr("Testing…"));
    m_test->setEnabled(false);
    Q_EMIT connectionTestRequested(p, token());
}

void ProfileDialog::showConnectionResult(bool ok, const QString &text)
{
    m_test->setEnabled(true);
    m_result->setText(text);
    Q_EMIT connectionTested(ok);
}

} // namespace prego
