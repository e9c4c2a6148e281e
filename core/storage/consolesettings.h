#pragma once

#include <QObject>
#include <QVariant>

class QSettings;

namespace prego {

// The console's own preferences, as one table of keys and defaults (KeePassXC's Config): typed
// accessors over the injected QSettings and one change signal. Profiles (ProfileStore) and window
// layouts (ViewStateStore) keep their own groups in the same file.
class ConsoleSettings final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleSettings)

public:
    enum class Key {
        Language,      // View → Language: "en", "ko" or "system"
        ColorScheme,   // Settings → Colours: "system", "light" or "dark"
        Notifications, // desktop notifications on fleet changes
        TrayIcon,      // the tray icon with the fleet's state
    };
    Q_ENUM(Key)

    explicit ConsoleSettings(QSettings &settings, QObject *parent = nullptr);

    // The key in the settings file ("ui/language") and its value when none is stored.
    static QString keyName(Key key);
    static QVariant defaultValue(Key key);

    QVariant value(Key key) const;
    // Stores the value; changed() when it differs from what was there.
    void setValue(Key key, const QVariant &value);

    QString language() const { return value(Key::Language).toString(); }
    QString colorScheme() const { return value(Key::ColorScheme).toString(); }
    bool notifications() const { return value(Key::Notifications).toBool(); }
    bool trayIcon() const { return value(Key::TrayIcon).toBool(); }

Q_SIGNALS:
    void changed(prego::ConsoleSettings::Key key);

private:
    QSettings &m_settings;
};

} // namespace prego
