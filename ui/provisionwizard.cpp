#include "provisionwizard.h"

#include "domain/agetext.h"
#include "domain/freshness.h"
#include "domain/tenantid.h"
#include "historychartview.h"
#include "nodetablemodel.h"
#include "statuscolors.h"
#include "tablecolumns.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace prego {

namespace {
constexpr int NodeIdRole = Qt::UserRole + 1;

QLabel *errorLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    StatusColors::markErrorLabel(label);
    label->hide();
    return label;
}

QLabel *explanation(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setIndent(24);
    return label;
}

bool eligible(const Node &n)
{
    return n.status == u"active" && n.placement == u"shared" && n.acceptsTenants;
}
} // namespace

ProvisionWizard::ProvisionWizard(QWidget *parent)
    : QWizard(parent)
    , m_ids(ProvisionRequest::create(ProvisionRequest::Path::SharedExisting))
{
    setObjectName(u"provisionWizard"_s);
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveHelpButton, false);
    setPage(TenantPage, buildTenantPage());
    setPage(PlacementPage, buildPlacementPage());
    setPage(ReviewPage, buildReviewPage());
    resize(820, 620);
    retranslate();
}

ProvisionWizard::~ProvisionWizard() = default;

QRadioButton *ProvisionWizard::pathButton(ProvisionRequest::Path path) const
{
    switch (path) {
    case ProvisionRequest::Path::SharedExisting:
        return m_existing;
    case ProvisionRequest::Path::SharedNew:
        return m_new;
    case ProvisionRequest::Path::Dedicated:
        return m_dedicated;
    }
    return m_existing;
}

QWizardPage *ProvisionWizard::buildTenantPage()
{
    auto *page = new QWizardPage(this);
    m_tenantLabel = new QLabel(page);
    m_tenant = new QLineEdit(page);
    m_tenant->setObjectName(u"tenantEdit"_s);
    m_tenant->setMaxLength(TenantId::MaxLength);
    m_tenantLabel->setBuddy(m_tenant);
    m_tenantHint = new QLabel(page);
    m_tenantHint->setObjectName(u"stackPreview"_s);
    m_tenantError = errorLabel(page);
    connect(m_tenant, &QLineEdit::textChanged, this, &ProvisionWizard::updateTenantPreview);

    m_pathLabel = new QLabel(page);
    m_paths = new QButtonGroup(page);
    m_existing = new QRadioButton(page);
    m_new = new QRadioButton(page);
    m_dedicated = new QRadioButton(page);
    m_existing->setChecked(true);
    m_paths->addButton(m_existing, int(ProvisionRequest::Path::SharedExisting));
    m_paths->addButton(m_new, int(ProvisionRequest::Path::SharedNew));
    m_paths->addButton(m_dedicated, int(ProvisionRequest::Path::Dedicated));
    m_existingText = explanation(page);
    m_newText = explanation(page);
    m_dedicatedText = explanation(page);
    connect(m_paths, &QButtonGroup::idToggled, this, [this](int, bool on) {
        if (on)
            updateTenantPreview();
    });

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_tenantLabel);
    layout->addWidget(m_tenant);
    layout->addWidget(m_tenantHint);
    layout->addWidget(m_tenantError);
    layout->addSpacing(12);
    layout->addWidget(m_pathLabel);
    layout->addWidget(m_existing);
    layout->addWidget(m_existingText);
    layout->addWidget(m_new);
    layout->addWidget(m_newText);
    layout->addWidget(m_dedicated);
    layout->addWidget(m_dedicatedText);
    layout->addStretch(1);
    return page;
}

QWizardPage *ProvisionWizard::buildPlacementPage()
{
    auto *page = new QWizardPage(this);
    m_regionLabel = new QLabel(page);
    m_region = new QComboBox(page);
    m_region->setObjectName(u"regionBox"_s);
    for (const QString &r : ProvisionRequest::regions())
        m_region->addItem(r, r);
    m_regionLabel->setBuddy(m_region);
    m_regionError = errorLabel(page);
    connect(m_region, &QComboBox::currentIndexChanged, this, &ProvisionWizard::updatePlacement);

    m_placementStack = new QStackedWidget(page);
    // Existing shared node: pick the target.
    auto *existing = new QWidget(m_placementStack);
    m_targetsLabel = new QLabel(existing);
    m_targets = new QTableWidget(existing);
    m_targets->setObjectName(u"targetTable"_s);
    m_targets->setColumnCount(7);
    m_targets->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_targets->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_targets->setTabKeyNavigation(false); // Tab leaves the table; the arrows move in it
    m_targets->setSelectionMode(QAbstractItemView::SingleSelection);
    m_targets->verticalHeader()->hide();
    m_targets->horizontalHeader()->setStretchLastSection(true);
    m_targetsLabel->setBuddy(m_targets);
    m_staleOverride = new QCheckBox(existing);
    m_staleOverride->setObjectName(u"staleOverride"_s);
    m_targetError = errorLabel(existing);
    connect(m_targets, &QTableWidget::itemSelectionChanged, this,
            &ProvisionWizard::updatePlacement);
    auto *existingLayout = new QVBoxLayout(existing);
    existingLayout->setContentsMargins(0, 0, 0, 0);
    existingLayout->addWidget(m_targetsLabel);
    existingLayout->addWidget(m_targets, 1);
    existingLayout->addWidget(m_staleOverride);
    existingLayout->addWidget(m_targetError);
    // New shared node.
    m_newSummary = new QLabel(m_placementStack);
    m_newSummary->setWordWrap(true);
    m_newSummary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    // Dedicated stack.
    auto *dedicated = new QWidget(m_placementStack);
    m_dedicatedSummary = new QLabel(dedicated);
    m_dedicatedSummary->setWordWrap(true);
    m_dedicatedWarning = errorLabel(dedicated);
    m_dedicatedWarning->setObjectName(u"dedicatedWarning"_s);
    auto *dedicatedLayout = new QVBoxLayout(dedicated);
    dedicatedLayout->setContentsMargins(0, 0, 0, 0);
    dedicatedLayout->addWidget(m_dedicatedSummary);
    dedicatedLayout->addWidget(m_dedicatedWarning);
    dedicatedLayout->addStretch(1);
    m_placementStack->addWidget(existing);
    m_placementStack->addWidget(m_newSummary);
    m_placementStack->addWidget(dedicated);

    auto *regionRow = new QHBoxLayout;
    regionRow->addWidget(m_regionLabel);
    regionRow->addWidget(m_region);
    regionRow->addStretch(1);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(regionRow);
    layout->addWidget(m_regionError);
    layout->addWidget(m_placementStack, 1);
    return page;
}

QWizardPage *ProvisionWizard::buildReviewPage()
{
    auto *page = new QWizardPage(this);
    page->setFinalPage(true);
    m_description = new QLabel(page);
    m_description->setWordWrap(true);
    m_description->setObjectName(u"reviewDescription"_s);
    m_idsLabel = new QLabel(page);
    m_idsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_json = new QPlainTextEdit(page);
    m_json->setReadOnly(true);
    m_json->setObjectName(u"reviewJson"_s);
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_confirm = new QCheckBox(page);
    m_confirm->setObjectName(u"confirmServers"_s);
    m_reviewError = errorLabel(page);
    m_status = new QLabel(page);
    m_status->setWordWrap(true);
    m_status->setObjectName(u"submitStatus"_s);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_description);
    layout->addWidget(m_idsLabel);
    layout->addWidget(m_json, 1);
    layout->addWidget(m_confirm);
    layout->addWidget(m_reviewError);
    layout->addWidget(m_status);
    return page;
}

void ProvisionWizard::setFleet(const QList<Node> &nodes, qint64 serverNowMs, int staleAfterSeconds)
{
    m_nodes = nodes;
    m_serverNowMs = serverNowMs;
    m_staleAfterSeconds = staleAfterSeconds;
    fillTargets();
    updatePlacement();
}

ProvisionRequest::Path ProvisionWizard::currentPath() const
{
    return ProvisionRequest::Path(std::max(0, m_paths->checkedId()));
}

ProvisionRequest ProvisionWizard::request() const
{
    ProvisionRequest r = m_ids;
    r.path = currentPath();
    r.tenantId = m_tenant->text().trimmed();
    r.targetServerId.clear();
    if (r.path == ProvisionRequest::Path::SharedExisting) {
        const auto rows = m_targets->selectionModel()->selectedRows();
        if (!rows.isEmpty()) {
            const QTableWidgetItem *item = m_targets->item(rows.first().row(), 0);
            r.targetServerId = item->data(NodeIdRole).toString();
            r.region = m_targets->item(rows.first().row(), 1)->text();
        } else {
            r.region.clear();
        }
    } else {
        r.region = m_region->currentData().toString();
    }
    return r;
}

bool ProvisionWizard::selectTarget(const QString &nodeId)
{
    for (int row = 0; row < m_targets->rowCount(); ++row) {
        if (m_targets->item(row, 0)->data(NodeIdRole).toString() == nodeId) {
            m_targets->selectRow(row);
            return true;
        }
    }
    return false;
}

QString ProvisionWizard::fieldError(const QString &field) const
{
    return m_errors.value(field);
}

QString ProvisionWizard::stackPreview() const
{
    return m_tenantHint->text();
}

QString ProvisionWizard::submitStatus() const
{
    return m_status->text();
}

QString ProvisionWizard::dedicatedWarning() const
{
    return m_dedicatedWarning->isVisibleTo(m_dedicatedWarning->parentWidget())
               ? m_dedicatedWarning->text()
               : QString();
}

void ProvisionWizard::updateTenantPreview()
{
    const QString tenant = m_tenant->text().trimmed();
    if (tenant.isEmpty()) {
        m_tenantHint->setText(tr("Letters, digits, '.', '_' and '-'; up to 63 characters."));
    } else if (!TenantId::isValid(tenant)) {
        m_tenantHint->setText(tr("Not a valid tenant id: use 1–63 letters, digits, '.', '_' or "
                                 "'-', starting with a letter or digit."));
    } else if (currentPath() == ProvisionRequest::Path::Dedicated) {
        m_tenantHint->setText(tr("Stack: %1").arg(TenantId::dedicatedStack(tenant)));
    } else {
        m_tenantHint->setText(tr("Sanitized for stacks: %1").arg(TenantId::sanitize(tenant)));
    }
}

void ProvisionWizard::fillTargets()
{
    const QString selected = request().targetServerId;
    QList<Node> targets;
    for (const Node &n : std::as_const(m_nodes)) {
        if (eligible(n))
            targets.append(n);
    }
    // The fresh, least loaded nodes first.
    std::sort(targets.begin(), targets.end(), [this](const Node &a, const Node &b) {
        const bool af = FreshnessRule::classify(a.updatedAtMs(), m_serverNowMs, m_staleAfterSeconds,
                                                true) == Freshness::Fresh;
        const bool bf = FreshnessRule::classify(b.updatedAtMs(), m_serverNowMs, m_staleAfterSeconds,
                                                true) == Freshness::Fresh;
        if (af != bf)
            return af;
        const auto tenants = [](const Node &n) {
            return n.metrics ? n.metrics->tenantCount.value_or(0) : 0;
        };
        if (tenants(a) != tenants(b))
            return tenants(a) < tenants(b);
        return a.nodeId < b.nodeId;
    });
    const QSignalBlocker block(m_targets);
    m_targets->setRowCount(int(targets.size()));
    const QString dash = u"—"_s;
    for (int row = 0; row < targets.size(); ++row) {
        const Node &n = targets.at(row);
        const Freshness f =
            FreshnessRule::classify(n.updatedAtMs(), m_serverNowMs, m_staleAfterSeconds, true);
        const auto pct = [&](const std::optional<double> &v) -> QString {
            return v ? HistoryChartView::formatValue(HistoryChartView::Metric::Cpu, *v) : dash;
        };
        const NodeMetrics m = n.metrics.value_or(NodeMetrics{});
        const QString freshness =
            f == Freshness::Fresh || f == Freshness::Stale
                //: freshness and age, e.g. "Fresh (42 s ago)"
                ? tr("%1 (%2)").arg(
                      NodeTableModel::freshnessText(f),
                      AgeText::ago(FreshnessRule::ageSeconds(n.updatedAtMs(), m_serverNowMs)))
                : NodeTableModel::freshnessText(f);
        const QStringList cells{n.nodeId,
                                n.region,
                                freshness,
                                pct(m.cpuPct),
                                pct(m.memoryPct),
                                pct(m.diskPct),
                                m.tenantCount ? QString::number(*m.tenantCount) : dash};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setData(NodeIdRole, n.nodeId);
            item->setData(Qt::UserRole + 2, int(f));
            m_targets->setItem(row, c, item);
        }
        if (n.nodeId == selected)
            m_targets->selectRow(row);
    }
    fitColumnsToContents(m_targets);
}

void ProvisionWizard::updatePlacement()
{
    const ProvisionRequest r = request();
    const auto path = currentPath();
    m_placementStack->setCurrentIndex(int(path));
    m_regionLabel->setVisible(path != ProvisionRequest::Path::SharedExisting);
    m_region->setVisible(path != ProvisionRequest::Path::SharedExisting);
    const QString region = m_region->currentData().toString();
    m_newSummary->setText(
        tr("Pulumi creates one new shared server in %1 on the region's stack %2. It registers as "
           "a node, starts pushing metrics, and the tenant is placed on it. The server costs "
           "money.")
            .arg(region, region));
    const QString tenant = m_tenant->text().trimmed();
    const QString stack = TenantId::isValid(tenant) ? TenantId::dedicatedStack(tenant) : QString();
    m_dedicatedSummary->setText(tr("Pulumi creates the stack %1 in %2 with three servers for this "
                                   "tenant alone: app, db and redis. The servers cost money.")
                                    .arg(stack, region));
    int existing = 0;
    for (const Node &n : std::as_const(m_nodes))
        existing += !stack.isEmpty() && n.stack && *n.stack == stack;
    m_dedicatedWarning->setText(
        tr("Stack %1 already exists among the nodes (%n server(s)). Submitting asks the control "
           "plane for it again; it refuses to create a second one.",
           nullptr, existing)
            .arg(stack));
    m_dedicatedWarning->setVisible(existing > 0);
    // A stale target needs the explicit override.
    bool stale = false;
    const auto rows = m_targets->selectionModel()->selectedRows();
    if (!rows.isEmpty()) {
        const auto f =
            Freshness(m_targets->item(rows.first().row(), 0)->data(Qt::UserRole + 2).toInt());
        stale = f != Freshness::Fresh;
    }
    m_staleOverride->setVisible(stale);
    if (!stale)
        m_staleOverride->setChecked(false);
    m_staleOverride->setText(tr("Place the tenant on %1 although it has not reported within %2")
                                 .arg(r.targetServerId, AgeText::duration(m_staleAfterSeconds)));
}

void ProvisionWizard::updateReview()
{
    const ProvisionRequest r = request();
    m_description->setText(r.describe());
    m_idsLabel->setText(tr("Job id %1 · trace id %2").arg(r.jobId, r.traceId));
    m_json->setPlainText(
        QString::fromUtf8(QJsonDocument::fromJson(r.toJson()).toJson(QJsonDocument::Indented)));
    const int servers = r.serversCreated();
    m_confirm->setVisible(servers > 0);
    m_confirm->setText(
        tr("I understand that %n new server(s) will be created and billed.", nullptr, servers));
    setButtonText(QWizard::FinishButton, tr("&Submit"));
}

void ProvisionWizard::initializePage(int id)
{
    if (id == PlacementPage) {
        fillTargets();
        updatePlacement();
    } else if (id == ReviewPage) {
        updateReview();
    }
    QWizard::initializePage(id);
}

void ProvisionWizard::showFieldErrors(const QMap<QString, QString> &fields)
{
    m_errors = fields;
    const auto show = [&](QLabel *label, const QStringList &keys) {
        QStringList texts;
        for (const QString &k : keys) {
            if (fields.contains(k))
                texts << fields.value(k);
        }
        label->setText(texts.join(u'\n'));
        label->setVisible(!texts.isEmpty());
    };
    show(m_tenantError, {u"tenant_id"_s});
    show(m_targetError, {u"target_server_id"_s});
    show(m_regionError, {u"region"_s});
    QStringList other;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        if (ProvisionRequest::stepForField(it.key()) == ProvisionRequest::Step::Review)
            other << tr("%1: %2").arg(it.key(), it.value());
    }
    m_reviewError->setText(other.join(u'\n'));
    m_reviewError->setVisible(!other.isEmpty());
}

bool ProvisionWizard::validateCurrentPage()
{
    const ProvisionRequest r = request();
    QMap<QString, QString> all = r.validate();
    QMap<QString, QString> here;
    const int page = currentId();
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        const auto step = ProvisionRequest::stepForField(it.key());
        if ((page == TenantPage && step == ProvisionRequest::Step::TenantAndPath) ||
            (page == PlacementPage && step == ProvisionRequest::Step::Placement) ||
            page == ReviewPage)
            here.insert(it.key(), it.value());
    }
    if (page == PlacementPage && r.path == ProvisionRequest::Path::SharedExisting &&
        r.targetServerId.isEmpty())
        here.insert(u"target_server_id"_s, tr("Choose the node to place the tenant on."));
    if (page == PlacementPage && m_staleOverride->isVisible() && !m_staleOverride->isChecked())
        here.insert(u"target_server_id"_s,
                    tr("%1 has not reported within %2. Choose a fresh node, or confirm that you "
                       "want this one.")
                        .arg(r.targetServerId, AgeText::duration(m_staleAfterSeconds)));
    showFieldErrors(here);
    if (!here.isEmpty())
        return false;
    if (page != ReviewPage)
        return true;
    if (m_done)
        return true; // accepted: let the wizard close
    if (m_confirm->isVisible() && !m_confirm->isChecked()) {
        m_reviewError->setText(tr("Confirm that new servers may be created."));
        m_reviewError->show();
        return false;
    }
    submit();
    return false; // the wizard closes when the control plane has the job
}

void ProvisionWizard::submit()
{
    if (m_submitting)
        return; // a second click: the same submission is running
    m_submitting = true;
    setBusy(true);
    m_status->setText(tr("Submitting job %1…").arg(m_ids.jobId));
    Q_EMIT submitRequested(request());
}

void ProvisionWizard::showSubmissionProgress(const QString &note)
{
    m_status->setText(note);
}

void ProvisionWizard::showSubmissionResult(const SubmitResult &result)
{
    m_submitting = false;
    setBusy(false);
    if (result.accepted()) {
        m_done = true;
        m_status->setText(result.replayed
                              ? tr("The control plane already had job %1.").arg(result.jobId)
                              : tr("Job %1 accepted.").arg(result.jobId));
        Q_EMIT jobSubmitted(result.jobId);
        accept();
        return;
    }
    if (result.rejected()) {
        // Nothing was created for the refused request: a corrected one is a new intent.
        const ProvisionRequest::Path path = currentPath();
        m_ids = ProvisionRequest::create(path);
        m_status->setText(tr("The control plane refused the request; nothing was created. %1")
                              .arg(result.message));
        showFieldErrors(result.fields);
        // Back to the page of the first offending field.
        int target = ReviewPage;
        for (auto it = result.fields.cbegin(); it != result.fields.cend(); ++it) {
            const auto step = ProvisionRequest::stepForField(it.key());
            target =
                std::min(target, step == ProvisionRequest::Step::TenantAndPath ? int(TenantPage)
                                 : step == ProvisionRequest::Step::Placement   ? int(PlacementPage)
                                                                               : int(ReviewPage));
        }
        while (currentId() > target)
            back();
        if (target == ReviewPage)
            updateReview();
        return;
    }
    m_status->setText(result.message);
}

void ProvisionWizard::setBusy(bool busy)
{
    for (auto which : {QWizard::BackButton, QWizard::FinishButton})
        if (QAbstractButton *b = button(which))
            b->setEnabled(!busy);
}

void ProvisionWizard::retranslate()
{
    setWindowTitle(tr("New provisioning"));
    page(TenantPage)->setTitle(tr("Tenant and path"));
    page(TenantPage)->setSubTitle(tr("Who the tenant is and where it will run."));
    page(PlacementPage)->setTitle(tr("Placement"));
    page(ReviewPage)->setTitle(tr("Review and submit"));
    m_tenantLabel->setText(tr("&Tenant id:"));
    m_tenant->setPlaceholderText(tr("e.g. acme-corp"));
    m_tenant->setAccessibleName(tr("Tenant id"));
    m_pathLabel->setText(tr("Path:"));
    m_existing->setText(tr("On an &existing shared node"));
    m_existingText->setText(tr("Adds the tenant to a shared node that is already running. "
                               "Creates no server; Pulumi does not run."));
    m_new->setText(tr("On a &new shared node"));
    m_newText->setText(tr("Pulumi creates one new shared server on the region's stack and places "
                          "the tenant on it. The new server costs money."));
    m_dedicated->setText(tr("On a &dedicated stack"));
    m_dedicatedText->setText(tr("Pulumi creates three servers (app, db and redis) for this tenant "
                                "alone, on stack dedicated-{tenant}. The servers cost money."));
    m_regionLabel->setText(tr("&Region:"));
    m_region->setAccessibleName(tr("Region"));
    m_targetsLabel->setText(tr("&Target node (active shared nodes that accept tenants):"));
    m_targets->setHorizontalHeaderLabels({tr("Node"), tr("Region"), tr("Freshness"), tr("CPU"),
                                          tr("Memory"), tr("Disk"), tr("Tenants")});
    m_targets->setAccessibleName(tr("Target node"));
    setButtonText(QWizard::FinishButton, tr("&Submit"));
    // QWizard sets its own button texts once, when it is made: set them again so a language
    // switch reaches them (the words are Qt's, from qtbase's translation).
    setButtonText(QWizard::BackButton, QCoreApplication::translate("QWizard", "< &Back"));
    setButtonText(QWizard::NextButton, QCoreApplication::translate("QWizard", "&Next >"));
    setButtonText(QWizard::CancelButton, QCoreApplication::translate("QWizard", "Cancel"));
    updateTenantPreview();
    fillTargets();
    updatePlacement();
    if (currentId() == ReviewPage)
        updateReview();
}

void ProvisionWizard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::PaletteChange)
        StatusColors::restyleErrorLabels(this);
    QWizard::changeEvent(event);
}

} // namespace prego
