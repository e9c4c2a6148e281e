#pragma once

#include "fleetnotifier.h"

#include <QIcon>
#include <QObject>

class QAction;
class QSystemTrayIcon;
class QWidget;

namespace prego {

// The fleet's state in the desktop's tray, when the desktop has one: an icon per state with the
// state in words as its tooltip, a menu to bring the window back or quit, and the notifier's
// desktop notifications.
class FleetTrayIcon final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetTrayIcon)
public:
    // Shows what `notifier` decides; its menu belongs to `window`.
    FleetTrayIcon(FleetNotifier *notifier, QWidget *window);

    // The icon for a fleet state, drawn at any size (crisp at 200 %).
    static QIcon iconFor(FleetNotifier::State state);

    // Settings → the tray icon (remembered also without a tray).
    void setShown(bool shown);
    bool isShown() const { return m_shown; }
    void retranslate();

Q_SIGNALS:
    // The tray icon was clicked, or its menu's "Show the console" chosen.
    void windowRequested();
    void quitRequested();

private:
    void update();

    FleetNotifier *m_notifier;
    QSystemTrayIcon *m_tray = nullptr;
    QAction *m_showAction = nullptr;
    QAction *m_quitAction = nullptr;
    bool m_shown = true;
};

} // namespace prego
