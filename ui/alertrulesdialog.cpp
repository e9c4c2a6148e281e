#include "alertrulesdialog.h"

#include "dialogproblem.h"

#include "domain/agetext.h"
#include "domain/alerttext.h"
#include "statuscolors.h"
#include "windowspinbox.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace prego {

namespace {
constexpr std::array<AlertRule, 3> MetricRules{AlertRule::Cpu, AlertRule::Memory, AlertRule::Disk};
} // namespace

AlertRulesDialog::AlertRulesDialog(QWidget *parent)
    : QDialog(parent)
    , m_intro(new QLabel(this))
    , m_ruleHeader(new QLabel(this))
    , m_thresholdHeader(new QLabel(this))
    , m_windowHeader(new QLabel(this))
    , m_marginHeader(new QLabel(this))
    , m_freshnessNote(new QLabel(this))
    , m_overridesLabel(new QLabel(this))
    , m_table(new QTableWidget(0, 3, this))
    , m_add(new QPushButton(this))
    , m_edit(new QPushButton(this))
    , m_remove(new QPushButton(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"alertRulesDialog"_s);
    m_intro->setWordWrap(true);
    auto *grid = new QGridLayout;
    grid->addWidget(m_ruleHeader, 0, 0);
    grid->addWidget(m_thresholdHeader, 0, 1);
    grid->addWidget(m_windowHeader, 0, 2);
    grid->addWidget(m_marginHeader, 0, 3);
    for (AlertRule rule : AllAlertRules) {
        RuleRow &r = row(rule);
        const int line = int(rule) + 1;
        r.enabled = new QCheckBox(this);
        r.enabled->setObjectName(alertRuleKey(rule) + u"Enabled"_s);
        grid->addWidget(r.enabled, line, 0);
        connect(r.enabled, &QCheckBox::toggled, this, &AlertRulesDialog::updateState);
        if (rule == AlertRule::Freshness) {
            grid->addWidget(m_freshnessNote, line, 1, 1, 3);
            continue;
        }
        r.threshold = new QDoubleSpinBox(this);
        r.threshold->setObjectName(alertRuleKey(rule) + u"Threshold"_s);
        r.threshold->setRange(1, 100);
        r.threshold->setDecimals(1);
        r.window = new WindowSpinBox(this);
        r.window->setObjectName(alertRuleKey(rule) + u"Window"_s);
        r.margin = new QDoubleSpinBox(this);
        r.margin->setObjectName(alertRuleKey(rule) + u"Margin"_s);
        r.margin->setRange(0, 99);
        r.margin->setDecimals(1);
        grid->addWidget(r.threshold, line, 1);
        grid->addWidget(r.window, line, 2);
        grid->addWidget(r.margin, line, 3);
        connect(r.threshold, &QDoubleSpinBox::valueChanged, this, &AlertRulesDialog::updateState);
        connect(r.window, &QSpinBox::valueChanged, this, &AlertRulesDialog::updateState);
        connect(r.margin, &QDoubleSpinBox::valueChanged, this, &AlertRulesDialog::updateState);
    }
    m_freshnessNote->setWordWrap(true);

    m_table->setObjectName(u"overrideTable"_s);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_overridesLabel->setBuddy(m_table);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &AlertRulesDialog::updateState);
    connect(m_table, &QTableWidget::activated, this, &AlertRulesDialog::editOverride);
    m_add->setObjectName(u"addOverrideButton"_s);
    m_edit->setObjectName(u"editOverrideButton"_s);
    m_remove->setObjectName(u"removeOverrideButton"_s);
    connect(m_add, &QPushButton::clicked, this, &AlertRulesDialog::addOverride);
    connect(m_edit, &QPushButton::clicked, this, &AlertRulesDialog::editOverride);
    connect(m_remove, &QPushButton::clicked, this, &AlertRulesDialog::removeOverride);
    auto *overrideButtons = new QHBoxLayout;
    overrideButtons->addWidget(m_add);
    overrideButtons->addWidget(m_edit);
    overrideButtons->addWidget(m_remove);
    overrideButtons->addStretch(1);

    m_problem->setObjectName(u"validationError"_s);
    m_problem->setWordWrap(true);
    StatusColors::markErrorLabel(m_problem);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AlertRulesDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AlertRulesDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(grid);
    layout->addSpacing(8);
    layout->addWidget(m_overridesLabel);
    layout->addWidget(m_table, 1);
    layout->addLayout(overrideButtons);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    setMinimumWidth(620);
    setRules(AlertRules{});
    retranslate();
}

void AlertRulesDialog::setRules(const AlertRules &rules)
{
    m_rules = rules;
    for (AlertRule rule : AllAlertRules) {
        const AlertThreshold &t = rules.defaults(rule);
        RuleRow &r = row(rule);
        r.enabled->setChecked(t.enabled);
        if (rule == AlertRule::Freshness)
            continue;
        r.threshold->setValue(t.threshold);
        r.window->setSeconds(t.windowSeconds);
        r.margin->setValue(t.clearMargin);
    }
    m_overrides.clear();
    const auto collect = [this](const QMap<QString, AlertOverrides> &map,
                                AlertOverrideEntry::Scope scope) {
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            for (auto r = it->cbegin(); r != it->cend(); ++r) {
                if (!r->isEmpty())
                    m_overrides.append({scope, it.key(), r.key(), r.value()});
            }
        }
    };
    collect(rules.nodeOverrides, AlertOverrideEntry::Scope::Node);
    collect(rules.regionOverrides, AlertOverrideEntry::Scope::Region);
    fillTable();
    updateState();
}

AlertRules AlertRulesDialog::rules() const
{
    AlertRules r = m_rules;
    for (AlertRule rule : AllAlertRules) {
        AlertThreshold &t = r.defaults(rule);
        const RuleRow &w = row(rule);
        t.enabled = w.enabled->isChecked();
        if (rule == AlertRule::Freshness)
            continue;
        t.threshold = w.threshold->value();
        t.windowSeconds = w.window->seconds();
        t.clearMargin = w.margin->value();
    }
    r.nodeOverrides.clear();
    r.regionOverrides.clear();
    for (const AlertOverrideEntry &e : m_overrides) {
        auto &map =
            e.scope == AlertOverrideEntry::Scope::Node ? r.nodeOverrides : r.regionOverrides;
        map[e.name][e.rule] = e.change;
    }
    return r;
}

void AlertRulesDialog::setKnownTargets(const QStringList &nodeIds, const QStringList &regions)
{
    m_nodeIds = nodeIds;
    m_regions = regions;
}

QString AlertRulesDialog::validate(const AlertRules &rules)
{
    const auto problemOf = [](const AlertThreshold &t) -> QString {
        if (!(t.threshold >= 1 && t.threshold <= 100))
            return tr("the threshold must be between 1 % and 100 %.");
        if (t.windowSeconds < AlertRules::MinWindowSeconds ||
            t.windowSeconds > AlertRules::MaxWindowSeconds)
            return tr("the window must be at most 24 hours.");
        if (!(t.clearMargin >= 0 && t.clearMargin < t.threshold)) {
            return tr("the clear margin (%1) must be smaller than the threshold (%2).")
                .arg(AlertText::points(t.clearMargin), AlertText::percent(t.threshold));
        }
        return {};
    };
    for (AlertRule rule : MetricRules) {
        if (const QString p = problemOf(rules.defaults(rule)); !p.isEmpty()) {
            //: %1: a rule (CPU, Memory, Disk), %2: what is wrong with its values
            return tr("%1: %2").arg(AlertText::ruleName(rule), p);
        }
    }
    const auto checkOverrides = [&](const QMap<QString, AlertOverrides> &map) -> QString {
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            if (it.key().trimmed().isEmpty())
                return tr("An override names no node or region.");
            for (AlertRule rule : MetricRules) {
                const auto change = it->constFind(rule);
                if (change == it->cend())
                    continue;
                const AlertThreshold t = change->appliedTo(rules.defaults(rule));
                if (const QString p = problemOf(t); !p.isEmpty()) {
                    //: %1: a node id or region, %2: a rule, %3: what is wrong with its values
                    return tr("The override for %1, %2: %3")
                        .arg(it.key(), AlertText::ruleName(rule), p);
                }
            }
        }
        return {};
    };
    if (const QString p = checkOverrides(rules.regionOverrides); !p.isEmpty())
        return p;
    return checkOverrides(rules.nodeOverrides);
}

QString AlertRulesDialog::problem() const
{
    return validate(rules());
}

void AlertRulesDialog::accept()
{
    if (!problem().isEmpty()) {
        updateState();
        return;
    }
    QDialog::accept();
}

int AlertRulesDialog::selectedOverride() const
{
    const QList<QTableWidgetSelectionRange> ranges = m_table->selectedRanges();
    return ranges.isEmpty() ? -1 : ranges.first().topRow();
}

void AlertRulesDialog::addOverride()
{
    openOverride(AlertOverrideEntry{}, -1);
}

void AlertRulesDialog::editOverride()
{
    if (const int i = selectedOverride(); i >= 0 && i < m_overrides.size())
        openOverride(m_overrides.at(i), i);
}

void AlertRulesDialog::removeOverride()
{
    const int i = selectedOverride();
    if (i < 0 || i >= m_overrides.size())
        return;
    m_overrides.removeAt(i);
    fillTable();
    if (!m_overrides.isEmpty())
        m_table->selectRow(std::min(i, int(m_overrides.size()) - 1));
    updateState();
}

void AlertRulesDialog::openOverride(const AlertOverrideEntry &entry, int replacing)
{
    if (m_overrideDialog)
        m_overrideDialog->close();
    auto *dialog = new AlertOverrideDialog(m_nodeIds, m_regions, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setEntry(entry);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, replacing] { putOverride(dialog->entry(), replacing); });
    m_overrideDialog = dialog;
    dialog->open();
}

void AlertRulesDialog::putOverride(const AlertOverrideEntry &entry, int replacing)
{
    int at = replacing >= 0 && replacing < m_overrides.size() ? replacing : int(m_overrides.size());
    if (at < m_overrides.size())
        m_overrides.removeAt(at);
    // One override per node (or region) and rule: a second one for the same replaces it.
    for (int i = int(m_overrides.size()) - 1; i >= 0; --i) {
        const AlertOverrideEntry &e = m_overrides.at(i);
        if (e.scope == entry.scope && e.name == entry.name && e.rule == entry.rule) {
            m_overrides.removeAt(i);
            if (i < at)
                --at;
        }
    }
    m_overrides.insert(at, entry);
    fillTable();
    m_table->selectRow(at);
    updateState();
}

QString AlertRulesDialog::changesText(const AlertOverrideEntry &entry)
{
    QStringList parts;
    const AlertOverride &c = entry.change;
    if (c.enabled)
        parts.append(*c.enabled ? tr("on") : tr("off"));
    if (c.threshold)
        parts.append(tr("threshold %1").arg(AlertText::percent(*c.threshold)));
    if (c.windowSeconds)
        parts.append(tr("window %1").arg(AgeText::duration(*c.windowSeconds)));
    if (c.clearMargin)
        parts.append(tr("clear margin %1").arg(AlertText::points(*c.clearMargin)));
    return QLocale().createSeparatedList(parts);
}

void AlertRulesDialog::fillTable()
{
    m_table->setRowCount(int(m_overrides.size()));
    for (int i = 0; i < m_overrides.size(); ++i) {
        const AlertOverrideEntry &e = m_overrides.at(i);
        const QString target = e.scope == AlertOverrideEntry::Scope::Node
                                   ? tr("Node %1").arg(e.name)
                                   : tr("Region %1").arg(e.name);
        const QStringList cells{target, AlertText::ruleName(e.rule), changesText(e)};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setToolTip(cells.at(c));
            m_table->setItem(i, c, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setStretchLastSection(true);
}

void AlertRulesDialog::updateState()
{
    for (AlertRule rule : MetricRules) {
        RuleRow &r = row(rule);
        const bool on = r.enabled->isChecked();
        r.threshold->setEnabled(on);
        r.window->setEnabled(on);
        r.margin->setEnabled(on);
    }
    const bool selected = selectedOverride() >= 0;
    m_edit->setEnabled(selected);
    m_remove->setEnabled(selected);
    showDialogProblem(m_problem, m_buttons, problem());
}

void AlertRulesDialog::retranslate()
{
    setWindowTitle(tr("Alert rules"));
    m_intro->setText(tr("An alert is pending while a value stays at or above its threshold, and "
                        "fires once the window is full. It clears only after the value stays "
                        "below the threshold minus the clear margin for a whole window, so a "
                        "value hovering at the threshold fires once."));
    m_ruleHeader->setText(tr("Rule"));
    m_thresholdHeader->setText(tr("Threshold"));
    m_windowHeader->setText(tr("Window"));
    m_marginHeader->setText(tr("Clear margin"));
    m_freshnessNote->setText(tr("A node fires when it is stale or has never reported; the "
                                "window is the profile's stale threshold."));
    for (AlertRule rule : AllAlertRules) {
        RuleRow &r = row(rule);
        r.enabled->setText(AlertText::ruleName(rule));
        //: %1: a rule's name
        r.enabled->setAccessibleName(tr("%1 rule on").arg(AlertText::ruleName(rule)));
        if (rule == AlertRule::Freshness)
            continue;
        //: a percentage's unit, after the number
        r.threshold->setSuffix(tr(" %"));
        //: percentage points, after the number
        r.margin->setSuffix(tr(" points"));
        r.threshold->setAccessibleName(tr("%1 threshold").arg(AlertText::ruleName(rule)));
        r.window->setAccessibleName(tr("%1 window").arg(AlertText::ruleName(rule)));
        r.margin->setAccessibleName(tr("%1 clear margin").arg(AlertText::ruleName(rule)));
    }
    m_overridesLabel->setText(tr("&Overrides for nodes and regions:"));
    m_table->setHorizontalHeaderLabels({tr("Applies to"), tr("Rule"), tr("Changes")});
    m_table->setAccessibleName(tr("Overrides"));
    m_add->setText(tr("&Add…"));
    m_edit->setText(tr("&Edit…"));
    m_remove->setText(tr("Re&move"));
    const int selected = selectedOverride();
    fillTable();
    if (selected >= 0)
        m_table->selectRow(selected);
    updateState();
}

void AlertRulesDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::PaletteChange)
        StatusColors::restyleErrorLabels(this);
    QDialog::changeEvent(event);
}

} // namespace prego
