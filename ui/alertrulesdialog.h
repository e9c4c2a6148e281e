#pragma once

#include "alertoverridedialog.h"
#include "types/alert.h"

#include <QDialog>
#include <QPointer>

#include <array>

class QCheckBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace prego {

class WindowSpinBox;

// "Rules…": the profile's alert rules — each rule on or off, its threshold, window and clear
// margin (Freshness: on or off; its window is the profile's stale threshold) — and the per-node
// and per-region overrides (add, edit, remove). OK is refused, with the reason shown, while a
// value is inconsistent; rules() gives what OK confirms.
class AlertRulesDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit AlertRulesDialog(QWidget *parent = nullptr);

    void setRules(const AlertRules &rules);
    AlertRules rules() const;
    // Node ids and regions offered when adding an override.
    void setKnownTargets(const QStringList &nodeIds, const QStringList &regions);
    // Why OK is refused now, or empty.
    QString problem() const;
    // A rule set's first inconsistency as a translated sentence, or empty.
    static QString validate(const AlertRules &rules);

    // The overrides as listed, in the table's order.
    const QList<AlertOverrideEntry> &overrides() const { return m_overrides; }
    QTableWidget *overrideTable() const { return m_table; }
    // Opens the override dialog for a new override, or for the selected one.
    void addOverride();
    void editOverride();
    void removeOverride();
    // The override dialog while it is open.
    AlertOverrideDialog *overrideDialog() const { return m_overrideDialog; }

    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    struct RuleRow
    {
        QCheckBox *enabled = nullptr;
        QDoubleSpinBox *threshold = nullptr;
        WindowSpinBox *window = nullptr;
        QDoubleSpinBox *margin = nullptr;
    };
    RuleRow &row(AlertRule rule) { return m_rows.at(std::size_t(rule)); }
    const RuleRow &row(AlertRule rule) const { return m_rows.at(std::size_t(rule)); }
    void retranslate();
    void fillTable();
    void updateState();
    void openOverride(const AlertOverrideEntry &entry, int replacing);
    void putOverride(const AlertOverrideEntry &entry, int replacing);
    int selectedOverride() const;
    static QString changesText(const AlertOverrideEntry &entry);

    AlertRules m_rules; // what setRules() gave: the settings this dialog does not edit
    QList<AlertOverrideEntry> m_overrides;
    QStringList m_nodeIds;
    QStringList m_regions;
    std::array<RuleRow, AllAlertRules.size()> m_rows;
    QPointer<AlertOverrideDialog> m_overrideDialog;

    QLabel *m_intro;
    QLabel *m_ruleHeader, *m_thresholdHeader, *m_windowHeader, *m_marginHeader;
    QLabel *m_freshnessNote;
    QLabel *m_overridesLabel;
    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_remove;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace prego
