#pragma once

#include "types/alert.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;

namespace prego {

class WindowSpinBox;

// One per-node or per-region change to one alert rule, as the rules dialog lists them.
struct AlertOverrideEntry
{
    enum class Scope { Node, Region };
    Scope scope = Scope::Node;
    QString name; // node id or region
    AlertRule rule = AlertRule::Cpu;
    AlertOverride change;

    bool operator==(const AlertOverrideEntry &) const = default;
};

// Adds or edits one override: a node or a region, a rule, and which of its settings change
// (on/off, threshold, window, clear margin); what is not ticked comes from the level above.
// Freshness has only on/off (its window is the profile's stale threshold).
class AlertOverrideDialog final : public QDialog
{
    Q_OBJECT
public:
    AlertOverrideDialog(const QStringList &nodeIds, const QStringList &regions,
                        QWidget *parent = nullptr);

    void setEntry(const AlertOverrideEntry &entry);
    AlertOverrideEntry entry() const;
    // Why OK is refused now, or empty.
    QString problem() const;

    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fillNames();
    void updateState();

    QStringList m_nodeIds;
    QStringList m_regions;
    QLabel *m_intro;
    QLabel *m_scopeLabel, *m_nameLabel, *m_ruleLabel;
    QComboBox *m_scope;
    QComboBox *m_name;
    QComboBox *m_rule;
    QCheckBox *m_setEnabled;
    QComboBox *m_enabled;
    QCheckBox *m_setThreshold;
    QDoubleSpinBox *m_threshold;
    QCheckBox *m_setWindow;
    WindowSpinBox *m_window;
    QCheckBox *m_setMargin;
    QDoubleSpinBox *m_margin;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace prego
