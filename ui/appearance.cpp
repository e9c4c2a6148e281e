#include "appearance.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

#include <optional>

using namespace Qt::StringLiterals;

namespace prego {

namespace {
// What the desktop gave before a scheme was forced, to go back to on "system".
struct SystemLook
{
    QString style;
    QPalette palette;
};
std::optional<SystemLook> &systemLook()
{
    static std::optional<SystemLook> look;
    return look;
}
} // namespace

bool Appearance::isKnown(const QString &scheme)
{
    return scheme == u"system" || scheme == u"light" || scheme == u"dark";
}

QPalette Appearance::darkPalette()
{
    QPalette p;
    const QColor window(0x35, 0x35, 0x35);
    const QColor base(0x2a, 0x2a, 0x2a);
    const QColor text(0xee, 0xee, 0xee);
    const QColor disabled(0x80, 0x80, 0x80);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x32, 0x32, 0x32));
    p.setColor(QPalette::ToolTipBase, QColor(0x20, 0x20, 0x20));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4a, 0x4a));
    p.setColor(QPalette::Midlight, QColor(0x40, 0x40, 0x40));
    p.setColor(QPalette::Mid, QColor(0x60, 0x60, 0x60));
    p.setColor(QPalette::Dark, QColor(0x23, 0x23, 0x23));
    p.setColor(QPalette::Shadow, QColor(0x14, 0x14, 0x14));
    p.setColor(QPalette::Highlight, QColor(0x2a, 0x82, 0xda));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x9d, 0xdb));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x50, 0x50));
    return p;
}

QPalette Appearance::lightPalette()
{
    QStyle *fusion = QStyleFactory::create(u"Fusion"_s);
    const QPalette p = fusion ? fusion->standardPalette() : QPalette(Qt::white);
    delete fusion;
    return p;
}

bool Appearance::apply(const QString &scheme)
{
    if (!isKnown(scheme))
        return false;
    std::optional<SystemLook> &system = systemLook();
    if (scheme == u"system") {
        if (system) {
            QApplication::setStyle(system->style);
            QApplication::setPalette(system->palette);
            system.reset();
        }
        return true;
    }
    if (!system)
        system = SystemLook{QApplication::style()->name(), QApplication::palette()};
    // Fusion draws with the palette it is given; platform styles may not.
    QApplication::setStyle(u"Fusion"_s);
    QApplication::setPalette(scheme == u"dark" ? darkPalette() : lightPalette());
    return true;
}

} // namespace prego
