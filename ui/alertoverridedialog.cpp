#include "alertoverridedialog.h"

#include "dialogproblem.h"

#include "domain/alerttext.h"
#include "statuscolors.h"
#include "windowspinbox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace prego {

AlertOverrideDialog::AlertOverrideDialog(const QStringList &nodeIds, const QStringList &regions,
                                         QWidget *parent)
    : QDialog(parent)
    , m_nodeIds(nodeIds)
    , m_regions(regions)
    , m_intro(new QLabel(this))
    , m_scopeLabel(new QLabel(this))
    , m_nameLabel(new QLabel(this))
    , m_ruleLabel(new QLabel(this))
    , m_scope(new QComboBox(this))
    , m_name(new QComboBox(this))
    , m_rule(new QComboBox(this))
    , m_setEnabled(new QCheckBox(this))
    , m_enabled(new QComboBox(this))
    , m_setThreshold(new QCheckBox(this))
    , m_threshold(new QDoubleSpinBox(this))
    , m_setWindow(new QCheckBox(this))
    , m_window(new WindowSpinBox(this))
    , m_setMargin(new QCheckBox(this))
    , m_margin(new QDoubleSpinBox(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"alertOverrideDialog"_s);
    m_nodeIds.sort();
    m_regions.sort();
    m_intro->setWordWrap(true);
    m_scope->setObjectName(u"overrideScope"_s);
    m_name->setObjectName(u"overrideName"_s);
    m_name->setEditable(true);
    m_name->setInsertPolicy(QComboBox::NoInsert);
    m_rule->setObjectName(u"overrideRule"_s);
    m_scopeLabel->setBuddy(m_scope);
    m_nameLabel->setBuddy(m_name);
    m_ruleLabel->setBuddy(m_rule);
    m_setEnabled->setObjectName(u"overrideSetEnabled"_s);
    m_enabled->setObjectName(u"overrideEnabled"_s);
    m_setThreshold->setObjectName(u"overrideSetThreshold"_s);
    m_threshold->setObjectName(u"overrideThreshold"_s);
    m_threshold->setRange(1, 100);
    m_threshold->setDecimals(1);
    m_threshold->setValue(90);
    m_setWindow->setObjectName(u"overrideSetWindow"_s);
    m_window->setObjectName(u"overrideWindow"_s);
    m_window->setSeconds(600);
    m_setMargin->setObjectName(u"overrideSetMargin"_s);
    m_margin->setObjectName(u"overrideMargin"_s);
    m_margin->setRange(0, 99);
    m_margin->setDecimals(1);
    m_margin->setValue(5);
    m_problem->setObjectName(u"validationError"_s);
    m_problem->setWordWrap(true);
    StatusColors::markErrorLabel(m_problem);

    auto *form = new QFormLayout;
    form->addRow(m_scopeLabel, m_scope);
    form->addRow(m_nameLabel, m_name);
    form->addRow(m_ruleLabel, m_rule);
    auto *grid = new QGridLayout;
    grid->addWidget(m_setEnabled, 0, 0);
    grid->addWidget(m_enabled, 0, 1);
    grid->addWidget(m_setThreshold, 1, 0);
    grid->addWidget(m_threshold, 1, 1);
    grid->addWidget(m_setWindow, 2, 0);
    grid->addWidget(m_window, 2, 1);
    grid->addWidget(m_setMargin, 3, 0);
    grid->addWidget(m_margin, 3, 1);
    grid->setColumnStretch(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addLayout(grid);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_scope, &QComboBox::currentIndexChanged, this, [this] {
        fillNames();
        updateState();
    });
    connect(m_name, &QComboBox::currentTextChanged, this, &AlertOverrideDialog::updateState);
    connect(m_rule, &QComboBox::currentIndexChanged, this, &AlertOverrideDialog::updateState);
    for (QCheckBox *box : {m_setEnabled, m_setThreshold, m_setWindow, m_setMargin})
        connect(box, &QCheckBox::toggled, this, &AlertOverrideDialog::updateState);
    connect(m_threshold, &QDoubleSpinBox::valueChanged, this, &AlertOverrideDialog::updateState);
    connect(m_margin, &QDoubleSpinBox::valueChanged, this, &AlertOverrideDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AlertOverrideDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AlertOverrideDialog::reject);
    setMinimumWidth(420);
    retranslate();
}

void AlertOverrideDialog::setEntry(const AlertOverrideEntry &entry)
{
    m_scope->setCurrentIndex(m_scope->findData(int(entry.scope)));
    m_name->setEditText(entry.name);
    m_rule->setCurrentIndex(m_rule->findData(int(entry.rule)));
    const AlertOverride &c = entry.change;
    m_setEnabled->setChecked(c.enabled.has_value());
    m_enabled->setCurrentIndex(m_enabled->findData(c.enabled.value_or(true)));
    m_setThreshold->setChecked(c.threshold.has_value());
    if (c.threshold)
        m_threshold->setValue(*c.threshold);
    m_setWindow->setChecked(c.windowSeconds.has_value());
    if (c.windowSeconds)
        m_window->setSeconds(*c.windowSeconds);
    m_setMargin->setChecked(c.clearMargin.has_value());
    if (c.clearMargin)
        m_margin->setValue(*c.clearMargin);
    updateState();
}

AlertOverrideEntry AlertOverrideDialog::entry() const
{
    AlertOverrideEntry e;
    e.scope = AlertOverrideEntry::Scope(m_scope->currentData().toInt());
    e.name = m_name->currentText().trimmed();
    e.rule = AlertRule(m_rule->currentData().toInt());
    const bool metric = e.rule != AlertRule::Freshness;
    if (m_setEnabled->isChecked())
        e.change.enabled = m_enabled->currentData().toBool();
    if (metric && m_setThreshold->isChecked())
        e.change.threshold = m_threshold->value();
    if (metric && m_setWindow->isChecked())
        e.change.windowSeconds = m_window->seconds();
    if (metric && m_setMargin->isChecked())
        e.change.clearMargin = m_margin->value();
    return e;
}

QString AlertOverrideDialog::problem() const
{
    const AlertOverrideEntry e = entry();
    if (e.name.isEmpty()) {
        return e.scope == AlertOverrideEntry::Scope::Node ? tr("Enter the node id.")
                                                          : tr("Enter the region.");
    }
    if (e.change.isEmpty())
        return tr("Tick at least one setting to change.");
    if (e.change.threshold && e.change.clearMargin &&
        *e.change.clearMargin >= *e.change.threshold) {
        return tr("The clear margin (%1) must be smaller than the threshold (%2).")
            .arg(AlertText::points(*e.change.clearMargin), AlertText::percent(*e.change.threshold));
    }
    return {};
}

void AlertOverrideDialog::accept()
{
    if (!problem().isEmpty()) {
        updateState();
        return;
    }
    QDialog::accept();
}

void AlertOverrideDialog::fillNames()
{
    const QString typed = m_name->currentText();
    const bool region = m_scope->currentData().toInt() == int(AlertOverrideEntry::Scope::Region);
    const QSignalBlocker block(m_name);
    m_name->clear();
    m_name->addItems(region ? m_regions : m_nodeIds);
    m_name->setEditText(typed);
    m_name->lineEdit()->setPlaceholderText(region ? tr("region, e.g. fsn1")
                                                  : tr("node id, e.g. fsn1-shared-07"));
    m_name->setAccessibleName(region ? tr("Region") : tr("Node id"));
}

void AlertOverrideDialog::updateState()
{
    const bool metric = AlertRule(m_rule->currentData().toInt()) != AlertRule::Freshness;
    m_enabled->setEnabled(m_setEnabled->isChecked());
    for (QCheckBox *box : {m_setThreshold, m_setWindow, m_setMargin})
        box->setEnabled(metric);
    m_threshold->setEnabled(metric && m_setThreshold->isChecked());
    m_window->setEnabled(metric && m_setWindow->isChecked());
    m_margin->setEnabled(metric && m_setMargin->isChecked());
    showDialogProblem(m_problem, m_buttons, problem());
}

void AlertOverrideDialog::retranslate()
{
    setWindowTitle(tr("Alert rule override"));
    m_intro->setText(tr("Changes one rule for one node or for every node of a region. What is "
                        "not ticked comes from the region's override, then from the defaults; a "
                        "node's override wins over its region's."));
    m_scopeLabel->setText(tr("&Applies to:"));
    m_nameLabel->setText(tr("&Name:"));
    m_ruleLabel->setText(tr("&Rule:"));
    const QSignalBlocker blockScope(m_scope);
    const QSignalBlocker blockRule(m_rule);
    const QSignalBlocker blockEnabled(m_enabled);
    const int scope = m_scope->currentData().isValid() ? m_scope->currentData().toInt()
                                                       : int(AlertOverrideEntry::Scope::Node);
    m_scope->clear();
    m_scope->addItem(tr("A node"), int(AlertOverrideEntry::Scope::Node));
    m_scope->addItem(tr("Every node of a region"), int(AlertOverrideEntry::Scope::Region));
    m_scope->setCurrentIndex(m_scope->findData(scope));
    const int rule =
        m_rule->currentData().isValid() ? m_rule->currentData().toInt() : int(AlertRule::Cpu);
    m_rule->clear();
    for (AlertRule r : AllAlertRules)
        m_rule->addItem(AlertText::ruleName(r), int(r));
    m_rule->setCurrentIndex(m_rule->findData(rule));
    const bool enabled = !m_enabled->currentData().isValid() || m_enabled->currentData().toBool();
    m_enabled->clear();
    m_enabled->addItem(tr("On"), true);
    m_enabled->addItem(tr("Off"), false);
    m_enabled->setCurrentIndex(m_enabled->findData(enabled));
    m_enabled->setAccessibleName(tr("Rule on or off"));
    m_setEnabled->setText(tr("Rule &on or off:"));
    m_setThreshold->setText(tr("&Threshold:"));
    m_setWindow->setText(tr("&Window:"));
    m_setMargin->setText(tr("&Clear margin:"));
    //: a percentage's unit, after the number
    m_threshold->setSuffix(tr(" %"));
    //: percentage points, after the number
    m_margin->setSuffix(tr(" points"));
    fillNames();
    updateState();
}

void AlertOverrideDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::PaletteChange)
        StatusColors::restyleErrorLabels(this);
    QDialog::changeEvent(event);
}

} // namespace prego
