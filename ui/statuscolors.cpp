#include "statuscolors.h"

#include <QLabel>

#include <cmath>

using namespace Qt::StringLiterals;

namespace prego {

namespace {
constexpr const char *ErrorLabelProperty = "pregoErrorLabel";

double channel(int value)
{
    const double c = value / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &color)
{
    const QColor c = color.toRgb();
    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue());
}
} // namespace

bool StatusColors::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor StatusColors::text(Tone tone, const QPalette &palette)
{
    // Light variants reach 4.5:1 on white and on a light grey window; dark ones on Fusion's dark
    // base (#2a2a2a) and on the darker grey of most dark themes.
    const bool dark = isDark(palette);
    switch (tone) {
    case Tone::Good:
        return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x27, 0x70, 0x30);
    case Tone::Warning:
        return dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xa3, 0x52, 0x00);
    case Tone::Bad:
        return dark ? QColor(0xef, 0x9a, 0x9a) : QColor(0xc6, 0x28, 0x28);
    case Tone::Neutral:
        return dark ? QColor(0xbd, 0xbd, 0xbd) : QColor(0x61, 0x61, 0x61);
    case Tone::Info:
        return dark ? QColor(0xa8, 0xb0, 0xf0) : QColor(0x4e, 0x4e, 0x9a);
    }
    return palette.color(QPalette::Text);
}

QColor StatusColors::textOn(const QColor &background)
{
    return contrast(background, Qt::black) >= contrast(background, Qt::white) ? QColor(Qt::black)
                                                                              : QColor(Qt::white);
}

double StatusColors::contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

StatusColors::Banner StatusColors::problemBanner(const QPalette &palette)
{
    if (isDark(palette))
        return {QColor(0x4a, 0x1c, 0x1a), QColor(0xef, 0x53, 0x50), QColor(0xff, 0xcd, 0xd2)};
    return {QColor(0xfd, 0xec, 0xea), QColor(0xd3, 0x2f, 0x2f), QColor(0x5f, 0x14, 0x11)};
}

StatusColors::Banner StatusColors::warningBanner(const QPalette &palette)
{
    if (isDark(palette))
        return {QColor(0x3d, 0x2e, 0x10), QColor(0xf5, 0x9e, 0x0b), QColor(0xff, 0xe0, 0xb2)};
    return {QColor(0xff, 0xf4, 0xe5), QColor(0xf5, 0x9e, 0x0b), QColor(0x66, 0x3c, 0x00)};
}

QString StatusColors::bannerStyle(const QString &objectName, const Banner &banner)
{
    return u"#%1 { background: %2; border: 1px solid %3; border-radius: 4px; }"
           u" #%1 QLabel { color: %4; background: transparent; border: none; }"_s.arg(
               objectName, banner.background.name(), banner.border.name(), banner.text.name());
}

void StatusColors::markErrorLabel(QLabel *label)
{
    label->setProperty(ErrorLabelProperty, true);
    const QWidget *parent = label->parentWidget();
    const QPalette pal = parent ? parent->palette() : label->palette();
    label->setStyleSheet(u"color: %1;"_s.arg(text(Tone::Bad, pal).name()));
}

void StatusColors::restyleErrorLabels(QWidget *root)
{
    for (QLabel *label : root->findChildren<QLabel *>()) {
        if (label->property(ErrorLabelProperty).toBool())
            markErrorLabel(label);
    }
}

} // namespace prego
