#include "consolesettings.h"

#include <QSettings>

#include <array>

using namespace Qt::StringLiterals;

namespace prego {

namespace {

struct Entry
{
    ConsoleSettings::Key key;
    QLatin1StringView name;
    QVariant (*defaultValue)();
};

// The one table: every preference, its key in the file and its default.
const std::array<Entry, 4> Table{{
    {ConsoleSettings::Key::Language, "ui/language"_L1,
     [] {
         return QVariant(u"system"_s);
     }},
    {ConsoleSettings::Key::ColorScheme, "ui/colorScheme"_L1,
     [] {
         return QVariant(u"system"_s);
     }},
    {ConsoleSettings::Key::Notifications, "ui/notifications"_L1,
     [] {
         return QVariant(true);
     }},
    {ConsoleSettings::Key::TrayIcon, "ui/trayIcon"_L1,
     [] {
         return QVariant(true);
     }},
}};

const Entry &entry(ConsoleSettings::Key key)
{
    for (const Entry &e : Table) {
        if (e.key == key)
            return e;
    }
    Q_UNREACHABLE();
}

} // namespace

ConsoleSettings::ConsoleSettings(QSettings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{}

QString ConsoleSettings::keyName(Key key)
{
    return entry(key).name;
}

QVariant ConsoleSettings::defaultValue(Key key)
{
    return entry(key).defaultValue();
}

QVariant ConsoleSettings::value(Key key) const
{
    return m_settings.value(keyName(key), defaultValue(key));
}

void ConsoleSettings::setValue(Key key, const QVariant &value)
{
    if (m_settings.contains(keyName(key)) && this->value(key) == value)
        return;
    m_settings.setValue(keyName(key), value);
    Q_EMIT changed(key);
}

} // namespace prego
