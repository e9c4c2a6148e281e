#include "fleettrayicon.h"

#include "trayiconengine.h"

#include <QAction>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QWidget>

namespace prego {

FleetTrayIcon::FleetTrayIcon(FleetNotifier *notifier, QWidget *window)
    : QObject(window)
    , m_notifier(notifier)
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(this);
        auto *menu = new QMenu(window);
        m_showAction = menu->addAction(QString());
        connect(m_showAction, &QAction::triggered, this, &FleetTrayIcon::windowRequested);
        m_quitAction = menu->addAction(QString());
        connect(m_quitAction, &QAction::triggered, this, &FleetTrayIcon::quitRequested);
        m_tray->setContextMenu(menu);
        connect(m_tray, &QSystemTrayIcon::activated, this, [this](auto reason) {
            if (reason == QSystemTrayIcon::Trigger)
                Q_EMIT windowRequested();
        });
        m_tray->show();
    }
    connect(notifier, &FleetNotifier::stateChanged, this, &FleetTrayIcon::update);
    connect(notifier, &FleetNotifier::notificationRequested, this,
            [this](const QString &title, const QString &body, FleetNotifier::Severity severity) {
                if (m_tray && m_tray->isVisible())
                    m_tray->showMessage(title, body,
                                        severity == FleetNotifier::Severity::Warning
                                            ? QSystemTrayIcon::Warning
                                            : QSystemTrayIcon::Information,
                                        10000);
            });
    retranslate();
}

QIcon FleetTrayIcon::iconFor(FleetNotifier::State state)
{
    // A dot in the state's colour with the state's own mark; the tooltip says it in words.
    switch (state) {
    case FleetNotifier::State::AllFresh:
        return QIcon(new TrayIconEngine(QColor(0x2e, 0x7d, 0x32), TrayIconEngine::Mark::Tick));
    case FleetNotifier::State::SomeStale:
        return QIcon(new TrayIconEngine(QColor(0xef, 0x6c, 0x00), TrayIconEngine::Mark::Clock));
    case FleetNotifier::State::Offline:
        return QIcon(new TrayIconEngine(QColor(0xc6, 0x28, 0x28), TrayIconEngine::Mark::Cross));
    case FleetNotifier::State::AlertsFiring:
        return QIcon(new TrayIconEngine(QColor(0xad, 0x14, 0x57), TrayIconEngine::Mark::Bang));
    case FleetNotifier::State::AlertsPending:
        return QIcon(new TrayIconEngine(QColor(0x15, 0x65, 0xc0), TrayIconEngine::Mark::Dots));
    case FleetNotifier::State::Unknown:
        break;
    }
    return QIcon(new TrayIconEngine(QColor(0x9e, 0x9e, 0x9e), TrayIconEngine::Mark::Dash));
}

void FleetTrayIcon::setShown(bool shown)
{
    m_shown = shown;
    if (m_tray)
        m_tray->setVisible(shown);
}

void FleetTrayIcon::retranslate()
{
    if (m_showAction) {
        m_showAction->setText(tr("Show the console"));
        m_quitAction->setText(tr("Quit"));
    }
    update();
}

void FleetTrayIcon::update()
{
    if (!m_tray)
        return;
    m_tray->setIcon(iconFor(m_notifier->state()));
    m_tray->setToolTip(m_notifier->stateText());
}

} // namespace prego
