#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;

namespace prego {

// File → Settings… (Ctrl+,): what an operator switches for the whole console. Nothing changes
// until OK; Cancel leaves everything as it was. What belongs to one control plane (poll
// interval, stale threshold, CA file) is in the profile (File → Profiles…).
class SettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    struct Values
    {
        bool trayIcon = true;
        bool notifications = true;
        QString language = QStringLiteral("system");    // "en", "ko", "system"
        QString colorScheme = QStringLiteral("system"); // "system", "light", "dark"
        bool operator==(const Values &) const = default;
    };

    explicit SettingsDialog(QWidget *parent = nullptr);

    void setValues(const Values &values);
    Values values() const;

    QCheckBox *trayCheck() const { return m_tray; }
    QCheckBox *notificationsCheck() const { return m_notifications; }
    QComboBox *languageBox() const { return m_language; }
    QComboBox *colorSchemeBox() const { return m_colorScheme; }
    QDialogButtonBox *buttons() const { return m_buttons; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateEnabled();

    QGroupBox *m_desktopGroup;
    QCheckBox *m_tray;
    QCheckBox *m_notifications;
    QGroupBox *m_lookGroup;
    QLabel *m_languageLabel;
    QComboBox *m_language;
    QLabel *m_colorSchemeLabel;
    QComboBox *m_colorScheme;
    QLabel *m_profileNote;
    QDialogButtonBox *m_buttons;
};

} // namespace prego
