#include "settingsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace prego {

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_desktopGroup(new QGroupBox(this))
    , m_tray(new QCheckBox(m_desktopGroup))
    , m_notifications(new QCheckBox(m_desktopGroup))
    , m_lookGroup(new QGroupBox(this))
    , m_languageLabel(new QLabel(m_lookGroup))
    , m_language(new QComboBox(m_lookGroup))
    , m_colorSchemeLabel(new QLabel(m_lookGroup))
    , m_colorScheme(new QComboBox(m_lookGroup))
    , m_profileNote(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"settingsDialog"_s);
    m_tray->setObjectName(u"trayIconCheck"_s);
    m_notifications->setObjectName(u"notificationsCheck"_s);
    m_language->setObjectName(u"languageBox"_s);
    m_colorScheme->setObjectName(u"colorSchemeBox"_s);

    auto *desktop = new QVBoxLayout(m_desktopGroup);
    desktop->addWidget(m_tray);
    desktop->addWidget(m_notifications);

    // Language names are written in their own language, never translated.
    m_language->addItem(u"English"_s, u"en"_s);
    m_language->addItem(u"한국어"_s, u"ko"_s);
    m_language->addItem(QString(), u"system"_s);
    m_colorScheme->addItem(QString(), u"system"_s);
    m_colorScheme->addItem(QString(), u"light"_s);
    m_colorScheme->addItem(QString(), u"dark"_s);
    m_languageLabel->setBuddy(m_language);
    m_colorSchemeLabel->setBuddy(m_colorScheme);
    auto *look = new QFormLayout(m_lookGroup);
    look->addRow(m_languageLabel, m_language);
    look->addRow(m_colorSchemeLabel, m_colorScheme);

    m_profileNote->setWordWrap(true);
    connect(m_tray, &QCheckBox::toggled, this, &SettingsDialog::updateEnabled);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_desktopGroup);
    layout->addWidget(m_lookGroup);
    layout->addWidget(m_profileNote);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    setMinimumWidth(440);
    retranslate();
    updateEnabled();
}

void SettingsDialog::retranslate()
{
    setWindowTitle(tr("Settings"));
    m_desktopGroup->setTitle(tr("Desktop"));
    m_tray->setText(tr("Show the fleet's state in the system &tray"));
    m_notifications->setText(tr("Desktop &notifications when nodes go stale or a job ends"));
    m_notifications->setToolTip(tr("Notifications are shown by the tray icon."));
    m_lookGroup->setTitle(tr("Appearance"));
    m_languageLabel->setText(tr("&Language:"));
    m_language->setAccessibleName(tr("Language"));
    //: Settings → Language: follow the system's language
    m_language->setItemText(2, tr("System language"));
    m_colorSchemeLabel->setText(tr("&Colours:"));
    m_colorScheme->setAccessibleName(tr("Colours"));
    //: Settings → Colours: light or dark as the desktop is
    m_colorScheme->setItemText(0, tr("As the system"));
    m_colorScheme->setItemText(1, tr("Light"));
    m_colorScheme->setItemText(2, tr("Dark"));
    m_profileNote->setText(tr("The poll interval and when a node counts as stale belong to each "
                              "control plane: File → Profiles…"));
}

void SettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void SettingsDialog::updateEnabled()
{
    // No tray icon, no notifications: the tray shows them.
    m_notifications->setEnabled(m_tray->isChecked());
}

void SettingsDialog::setValues(const Values &values)
{
    m_tray->setChecked(values.trayIcon);
    m_notifications->setChecked(values.notifications);
    const int language = m_language->findData(values.language);
    m_language->setCurrentIndex(language < 0 ? m_language->findData(u"system"_s) : language);
    const int scheme = m_colorScheme->findData(values.colorScheme);
    m_colorScheme->setCurrentIndex(scheme < 0 ? 0 : scheme);
    updateEnabled();
}

SettingsDialog::Values SettingsDialog::values() const
{
    Values v;
    v.trayIcon = m_tray->isChecked();
    v.notifications = m_notifications->isChecked();
    v.language = m_language->currentData().toString();
    v.colorScheme = m_colorScheme->currentData().toString();
    return v;
}

} // namespace prego
