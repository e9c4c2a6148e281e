#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

class QLabel;
class QWidget;

namespace prego {

// The colours the console paints itself (state icons, text in a state's colour, banners), each
// in a light and a dark variant. Which one is used follows the palette: Qt 6.4 has no colour
// scheme hint, so a palette whose window is dark (lightness < 128) gets the dark variants.
class StatusColors final
{
public:
    enum class Tone { Good, Warning, Bad, Neutral, Info };

    static bool isDark(const QPalette &palette);
    // A state's colour for text or a thin line drawn on the palette's base or window.
    static QColor text(Tone tone, const QPalette &palette);
    // Text written on a filled area of `background` (bars, cells): black or white, whichever
    // reads better.
    static QColor textOn(const QColor &background);
    // The WCAG 2 contrast ratio of two opaque colours (1 to 21).
    static double contrast(const QColor &a, const QColor &b);

    // A problem banner (offline, a failed job) and a warning banner (clock skew): background,
    // border and text for this palette.
    struct Banner
    {
        QColor background;
        QColor border;
        QColor text;
    };
    static Banner problemBanner(const QPalette &palette);
    static Banner warningBanner(const QPalette &palette);
    // A style sheet for a banner frame named `objectName` and the labels in it.
    static QString bannerStyle(const QString &objectName, const Banner &banner);
    // A label that shows an error in words (dialogs, the wizard): coloured for its palette now,
    // and again by restyleErrorLabels() when the palette changes.
    static void markErrorLabel(QLabel *label);
    static void restyleErrorLabels(QWidget *root);
};

} // namespace prego
