#include "windowspinbox.h"

#include "types/alert.h"

#include <QEvent>

#include <cmath>

namespace prego {

WindowSpinBox::WindowSpinBox(QWidget *parent)
    : QSpinBox(parent)
{
    setRange(AlertRules::MinWindowSeconds / 60, AlertRules::MaxWindowSeconds / 60);
    connect(this, &QSpinBox::valueChanged, this, [this] { m_exactSeconds.reset(); });
    retranslate();
}

void WindowSpinBox::setSeconds(int seconds)
{
    setValue(int(std::lround(seconds / 60.0)));
    m_exactSeconds = seconds; // after setValue: its valueChanged forgets the exact value
}

int WindowSpinBox::seconds() const
{
    return m_exactSeconds.value_or(value() * 60);
}

void WindowSpinBox::retranslate()
{
    //: a window's unit: minutes, after the number
    setSuffix(tr(" min"));
}

void WindowSpinBox::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QSpinBox::changeEvent(event);
}

} // namespace prego
