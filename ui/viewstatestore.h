#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

class QSettings;
class QWidget;

namespace prego {

// Window geometry, splitter positions and table columns (widths, order, sort column) kept per
// profile in QSettings, under "views/<profile>/<window>/…". Every QSplitter and QHeaderView with
// an object name inside a window is kept. A profile without stored state gets the layout the
// window had when it was first seen, never another profile's.
class ViewStateStore final
{
public:
    explicit ViewStateStore(QSettings *settings);

    // Remembers the window's first layout (what a profile with nothing stored gets).
    void captureDefaults(QWidget *window);
    void save(const QString &profile, QWidget *window);
    // Geometry too when `geometry` (a window moving while shown is left to the caller's choice).
    // Returns the object names of the headers it restored from the profile's state.
    QStringList restore(const QString &profile, QWidget *window, bool geometry = true);

    // The settings group of everything kept for a profile (removed with the profile).
    static QString profileGroup(const QString &profile);
    static QString groupFor(const QString &profile, const QWidget *window);

private:
    QSettings *m_settings;
    QHash<QString, QByteArray> m_defaults; // "window/kind/name" → state
};

} // namespace prego
