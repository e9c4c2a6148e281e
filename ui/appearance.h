#pragma once

#include <QPalette>
#include <QString>

namespace prego {

// The colour scheme of the console: the system's palette (the default: light and dark follow
// the desktop), or Fusion with a light or a dark palette, chosen in Settings or with --palette
// (to see the dark colours on a light desktop, and for screenshots).
class Appearance final
{
public:
    // "system", "light" or "dark"; false (and nothing changed) for anything else.
    static bool apply(const QString &scheme);
    static bool isKnown(const QString &scheme);
    static QPalette darkPalette();
    static QPalette lightPalette();
};

} // namespace prego
