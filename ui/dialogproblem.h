#pragma once

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QString>

namespace prego {

// A dialog's first problem with what was typed: shown under the fields and as the OK button's
// tooltip, the button disabled until there is none.
inline void showDialogProblem(QLabel *label, QDialogButtonBox *buttons, const QString &why)
{
    label->setText(why);
    label->setVisible(!why.isEmpty());
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(why.isEmpty());
    ok->setToolTip(why);
}

} // namespace prego
