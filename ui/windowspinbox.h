#pragma once

#include <QSpinBox>

#include <optional>

namespace prego {

// An alert window in whole minutes (0 to 24 h). A value in seconds that is not a whole number of
// minutes is shown rounded but given back exactly until the operator changes it, so opening and
// confirming a dialog never changes a rule.
class WindowSpinBox final : public QSpinBox
{
    Q_OBJECT
public:
    explicit WindowSpinBox(QWidget *parent = nullptr);

    void setSeconds(int seconds);
    int seconds() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    std::optional<int> m_exactSeconds;
};

} // namespace prego
