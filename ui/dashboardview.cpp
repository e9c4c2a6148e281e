#include "dashboardview.h"

#include "domain/agetext.h"
#include "domain/serverclock.h"
#include "emptystate.h"
#include "freshnessdelegate.h"
#include "nodefilterproxy.h"
#include "nodetablemodel.h"
#include "percentbardelegate.h"
#include "statuscolors.h"
#include "tablecolumns.h"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSet>
#include <QTableView>
#include <QVBoxLayout>

#include <cstdlib>

using namespace Qt::StringLiterals;

namespace prego {

namespace {
constexpr qint64 SkewWarningMs = 30000;

QString skewText(qint64 skewMs)
{
    const qint64 seconds = std::llabs(skewMs) / 1000;
    if (seconds < 120)
        return DashboardView::tr("%n second(s)", nullptr, int(seconds));
    if (seconds < 7200)
        return DashboardView::tr("%n minute(s)", nullptr, int(seconds / 60));
    return DashboardView::tr("%n hour(s)", nullptr, int(seconds / 3600));
}
} // namespace

DashboardView::DashboardView(NodeTableModel *model, const ServerClock *clock, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_clock(clock)
    , m_proxy(new NodeFilterProxy(this))
{
    m_proxy->setSourceModel(m_model);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);

    // Summary strip.
    auto *strip = new QFrame(this);
    strip->setObjectName(u"summaryStrip"_s);
    strip->setFrameShape(QFrame::StyledPanel);
    auto *stripLayout = new QHBoxLayout(strip);
    stripLayout->setSpacing(18);
    stripLayout->addWidget(makeCounter(&m_total, u"summaryTotal"_s, -1));
    stripLayout->addWidget(makeCounter(&m_bound, u"summaryBound"_s, -1));
    stripLayout->addWidget(makeCounter(&m_fresh, u"summaryFresh"_s, int(Freshness::Fresh)));
    stripLayout->addWidget(makeCounter(&m_stale, u"summaryStale"_s, int(Freshness::Stale)));
    stripLayout->addWidget(
        makeCounter(&m_never, u"summaryNeverReported"_s, int(Freshness::NeverReported)));
    stripLayout->addWidget(makeCounter(&m_unknown, u"summaryUnknown"_s, int(Freshness::Unknown)));
    stripLayout->addStretch();
    layout->addWidget(strip);

    // Problem banner: unreachable, token refused, role refused.
    m_bannerBox = new QFrame(this);
    m_bannerBox->setObjectName(u"offlineBanner"_s);
    auto *bannerLayout = new QHBoxLayout(m_bannerBox);
    m_banner = new QLabel(m_bannerBox);
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tokenButton = new QPushButton(m_bannerBox);
    connect(m_tokenButton, &QPushButton::clicked, this, &DashboardView::tokenPromptRequested);
    bannerLayout->addWidget(m_banner, 1);
    bannerLayout->addWidget(m_tokenButton);
    m_bannerBox->hide();
    layout->addWidget(m_bannerBox);

    m_skew = new QLabel(this);
    m_skew->setObjectName(u"skewWarning"_s);
    m_skew->setWordWrap(true);
    m_skew->hide();
    layout->addWidget(m_skew);

    // Local storage notice: a damaged history moved aside, a full disk, a read-only folder.
    m_storageBox = new QFrame(this);
    m_storageBox->setObjectName(u"storageNotice"_s);
    m_storageBox->setStyleSheet(
        u"#storageNotice { background: #fff4e5; border: 1px solid #f59e0b; border-radius: 4px; }"
        u" #storageNotice QLabel { color: #663c00; }"_s);
    auto *storageLayout = new QHBoxLayout(m_storageBox);
    m_storage = new QLabel(m_storageBox);
    m_storage->setWordWrap(true);
    m_storage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_storageDismiss = new QPushButton(m_storageBox);
    connect(m_storageDismiss, &QPushButton::clicked, this, &DashboardView::hideStorageNotice);
    storageLayout->addWidget(m_storage, 1);
    storageLayout->addWidget(m_storageDismiss);
    m_storageBox->hide();
    layout->addWidget(m_storageBox);

    // Filters.
    auto *filters = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(u"filterEdit"_s);
    m_filter->setClearButtonEnabled(true);
    m_region = new QComboBox(this);
    m_region->setObjectName(u"regionFilter"_s);
    m_placement = new QComboBox(this);
    m_placement->setObjectName(u"placementFilter"_s);
    m_freshness = new QComboBox(this);
    m_freshness->setObjectName(u"freshnessFilter"_s);
    m_region->addItem(QString());
    m_placement->addItem(QString());
    m_freshness->addItem(QString());
    for (const Freshness f :
         {Freshness::Fresh, Freshness::Stale, Freshness::NeverReported, Freshness::Unknown})
        m_freshness->addItem(QIcon(), QString(), int(f)); // icons: updateColors()
    m_region->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_placement->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_freshness->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_shown = new QLabel(this);
    filters->addWidget(m_filter, 1);
    filters->addWidget(m_region);
    filters->addWidget(m_placement);
    filters->addWidget(m_freshness);
    filters->addWidget(m_shown);
    layout->addLayout(filters);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &NodeFilterProxy::setText);
    connect(m_region, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setRegion(m_region->currentData().toString()); });
    connect(m_placement, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setPlacement(m_placement->currentData().toString()); });
    connect(m_freshness, &QComboBox::currentIndexChanged, this,
            &DashboardView::applyFreshnessFilter);

    // Table.
    m_table = new QTableView(this);
    m_table->setObjectName(u"nodeTable"_s);
    m_empty = new EmptyState(m_table);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    // Nodes that need attention first.
    m_table->sortByColumn(NodeTableModel::FreshnessColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; the arrows move in it
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // resizeColumnsToContents() below measures at most this many rows (not 10,000).
    m_table->horizontalHeader()->setResizeContentsPrecision(200);
    auto *bars = new PercentBarDelegate(m_table);
    for (const int c :
         {NodeTableModel::CpuColumn, NodeTableModel::MemoryColumn, NodeTableModel::DiskColumn})
        m_table->setItemDelegateForColumn(c, bars);
    m_table->setItemDelegateForColumn(NodeTableModel::FreshnessColumn,
                                      new FreshnessDelegate(m_table));
    layout->addWidget(m_table, 1);
    // Double-click or Enter opens the node.
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const QString id = index.data(NodeTableModel::NodeIdRole).toString();
        if (!id.isEmpty())
            Q_EMIT nodeActivated(id);
    });

    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &position) {
        if (QMenu *menu = rowMenu(position))
            menu->popup(m_table->viewport()->mapToGlobal(position));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DashboardView::rememberCurrent);
    connect(m_model, &NodeTableModel::nodesUpdated, this, [this] {
        updateFilterChoices();
        updateSummary();
        restoreCurrent();
        if (!m_keepColumnWidths && m_table->horizontalHeader()->sectionSize(0) <=
                                       m_table->horizontalHeader()->defaultSectionSize())
            fitColumnsToContents(m_table);
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &DashboardView::updateSummary);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &DashboardView::updateSummary);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &DashboardView::updateSummary);

    updateColors();
    retranslate();
    updateSummary();
}

void DashboardView::updateColors()
{
    // Set on the children only: a style sheet on this widget would change its palette and
    // send it another PaletteChange.
    const QPalette pal = palette();
    m_bannerBox->setStyleSheet(
        StatusColors::bannerStyle(m_bannerBox->objectName(), StatusColors::problemBanner(pal)));
    const StatusColors::Banner skew = StatusColors::warningBanner(pal);
    m_skew->setStyleSheet(u"QLabel { background: %1; color: %2; border: 1px solid %3; "
                          u"border-radius: 4px; padding: 6px; }"_s.arg(
                              skew.background.name(), skew.text.name(), skew.border.name()));
    for (const Counter *c : {&m_fresh, &m_stale, &m_never, &m_unknown}) {
        const Freshness f = Freshness(c->icon->property("freshness").toInt());
        c->icon->setPixmap(FreshnessDelegate::icon(f, 16, pal).pixmap(16, 16));
    }
    for (int i = 1; i < m_freshness->count(); ++i)
        m_freshness->setItemIcon(
            i, FreshnessDelegate::icon(Freshness(m_freshness->itemData(i).toInt()), 16, pal));
}

QWidget *DashboardView::makeCounter(Counter *counter, const QString &objectName, int freshness)
{
    auto *box = new QWidget(this);
    auto *grid = new QHBoxLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(6);
    if (freshness >= 0) {
        counter->icon = new QLabel(box);
        counter->icon->setProperty("freshness", freshness); // drawn by updateColors()
        grid->addWidget(counter->icon);
    }
    counter->value = new QLabel(u"0"_s, box);
    counter->value->setObjectName(objectName);
    QFont big = counter->value->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    counter->value->setFont(big);
    counter->caption = new QLabel(box);
    grid->addWidget(counter->value);
    grid->addWidget(counter->caption);
    return box;
}

void DashboardView::setSilenceAvailable(bool available, const QString &reason)
{
    m_silenceAvailable = available;
    m_silenceUnavailableReason = reason;
}

QStringList DashboardView::nodeIdsAt(const QPoint &position) const
{
    QStringList ids;
    const QModelIndex clicked = m_table->indexAt(position);
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    // The selection when the click was on it (or came from the keyboard), else the row clicked.
    if (!clicked.isValid() || m_table->selectionModel()->isRowSelected(clicked.row(), {})) {
        for (const QModelIndex &index : selected)
            ids.append(index.data(NodeTableModel::NodeIdRole).toString());
    } else {
        ids.append(clicked.data(NodeTableModel::NodeIdRole).toString());
    }
    ids.removeAll(QString());
    return ids;
}

QMenu *DashboardView::rowMenu(const QPoint &position)
{
    const QStringList ids = nodeIdsAt(position);
    if (ids.isEmpty())
        return nullptr;
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->setToolTipsVisible(true);
    QAction *open = menu->addAction(tr("Open details"));
    connect(open, &QAction::triggered, this,
            [this, id = ids.first()] { Q_EMIT nodeActivated(id); });
    QAction *silence = menu->addAction(tr("Silence…"));
    silence->setObjectName(u"silenceNodesAction"_s);
    silence->setEnabled(m_silenceAvailable);
    if (!m_silenceAvailable)
        silence->setToolTip(m_silenceUnavailableReason);
    connect(silence, &QAction::triggered, this, [this, ids] { Q_EMIT silenceRequested(ids); });
    return menu;
}

void DashboardView::retranslate()
{
    m_total.caption->setText(tr("nodes"));
    m_storageDismiss->setText(tr("Dismiss"));
    m_bound.caption->setText(tr("bound"));
    m_bound.caption->setToolTip(tr("Shared, active nodes that accept tenants: the nodes the "
                                   "Definition of Done checks. Fresh, stale and never reported "
                                   "count these."));
    m_bound.value->setToolTip(m_bound.caption->toolTip());
    m_fresh.caption->setText(NodeTableModel::freshnessText(Freshness::Fresh));
    m_stale.caption->setText(NodeTableModel::freshnessText(Freshness::Stale));
    m_never.caption->setText(NodeTableModel::freshnessText(Freshness::NeverReported));
    m_unknown.caption->setText(NodeTableModel::freshnessText(Freshness::Unknown));
    m_filter->setPlaceholderText(tr("Filter by node, host, region or tenant…"));
    m_filter->setAccessibleName(tr("Node filter"));
    m_region->setItemText(0, tr("All regions"));
    m_region->setAccessibleName(tr("Region filter"));
    m_placement->setItemText(0, tr("All placements"));
    for (int i = 1; i < m_placement->count(); ++i)
        m_placement->setItemText(
            i, NodeTableModel::placementName(m_placement->itemData(i).toString()));
    m_placement->setAccessibleName(tr("Placement filter"));
    m_freshness->setItemText(0, tr("Any freshness"));
    m_freshness->setAccessibleName(tr("Freshness filter"));
    for (int i = 1; i < m_freshness->count(); ++i)
        m_freshness->setItemText(
            i, NodeTableModel::freshnessText(Freshness(m_freshness->itemData(i).toInt())));
    m_table->setAccessibleName(tr("Nodes"));
    m_tokenButton->setText(tr("Enter token…"));
    updateBanner();
    updateSummary();
}

void DashboardView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        m_model->retranslate();
    }
    if (event->type() == QEvent::PaletteChange)
        updateColors();
    QWidget::changeEvent(event);
}

QString DashboardView::emptyText() const
{
    return m_empty->message();
}

void DashboardView::updateSummary()
{
    const FleetSummary s = m_model->summary();
    const QLocale locale;
    m_total.value->setText(locale.toString(s.total));
    m_bound.value->setText(locale.toString(s.bound));
    m_fresh.value->setText(locale.toString(s.fresh));
    m_stale.value->setText(locale.toString(s.stale));
    m_never.value->setText(locale.toString(s.neverReported));
    m_unknown.value->setText(locale.toString(s.unknown));
    m_unknown.value->parentWidget()->setVisible(s.unknown > 0);
    m_shown->setText(tr("%1 of %n node(s) shown", nullptr, m_model->rowCount())
                         .arg(locale.toString(m_proxy->rowCount())));
    QString empty; // nothing to say before the first snapshot
    if (m_model->hasSnapshot() && m_proxy->rowCount() == 0) {
        empty = m_model->rowCount() > 0
                    ? tr("No node matches the filters.")
                    : tr("The control plane lists no nodes yet. A tenant provisioned on a new "
                         "shared node or on a dedicated stack registers its servers here.");
    }
    m_empty->setMessage(empty);
}

void DashboardView::updateFilterChoices()
{
    const auto refill = [](QComboBox *combo, QStringList values, auto textOf) {
        values.sort();
        QStringList current;
        for (int i = 1; i < combo->count(); ++i)
            current.append(combo->itemData(i).toString());
        if (current == values)
            return;
        const QString selected = combo->currentData().toString();
        const QSignalBlocker block(combo);
        while (combo->count() > 1)
            combo->removeItem(1);
        for (const QString &v : values)
            combo->addItem(textOf(v), v);
        const int at = combo->findData(selected);
        combo->setCurrentIndex(at < 0 ? 0 : at);
    };
    // A fleet has a handful of regions and placements, and the decoder shares one string per
    // value between nodes: a short list compared by data pointer first is several times cheaper
    // than hashing 200,000 strings into sets on every poll (a set takes over past a few dozen).
    struct Distinct
    {
        QStringList values;
        QSet<QString> many;
        void add(const QString &v)
        {
            if (!many.isEmpty()) {
                many.insert(v);
                return;
            }
            for (const QString &known : std::as_const(values))
                if (known.constData() == v.constData() || known == v)
                    return;
            values.append(v);
            if (values.size() > 32)
                many = QSet<QString>(values.begin(), values.end());
        }
        QStringList list() const
        {
            return many.isEmpty() ? values : QStringList(many.begin(), many.end());
        }
    };
    Distinct regions, placements;
    for (const Node &n : m_model->nodes()) {
        regions.add(n.region);
        placements.add(n.placement);
    }
    refill(m_region, regions.list(), [](const QString &v) { return v; });
    refill(m_placement, placements.list(), &NodeTableModel::placementName);
    // A filter value that vanished falls back to "all": tell the proxy.
    m_proxy->setRegion(m_region->currentData().toString());
    m_proxy->setPlacement(m_placement->currentData().toString());
}

void DashboardView::applyFreshnessFilter()
{
    const QVariant v = m_freshness->currentData();
    m_proxy->setFreshness(v.isValid() ? std::optional<int>(v.toInt()) : std::nullopt);
}

void DashboardView::rememberCurrent()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (current.isValid())
        m_currentNodeId = current.data(NodeTableModel::NodeIdRole).toString();
}

void DashboardView::restoreCurrent()
{
    // Incremental updates keep the selection by themselves; this covers rows that were filtered
    // out and came back.
    if (m_currentNodeId.isEmpty() || m_table->selectionModel()->hasSelection())
        return;
    const int sourceRow = m_model->rowOf(m_currentNodeId);
    if (sourceRow < 0)
        return;
    const QModelIndex proxyIndex = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!proxyIndex.isValid())
        return;
    m_table->selectionModel()->setCurrentIndex(proxyIndex, QItemSelectionModel::ClearAndSelect |
                                                               QItemSelectionModel::Rows);
}

QString DashboardView::asOfText(qint64 serverTimeMs) const
{
    // The time alone when it is today, else the date too: a stored snapshot may be days old.
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(serverTimeMs).toLocalTime();
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(m_clock->nowMs()).toLocalTime();
    return t.date() == now.date() ? QLocale().toString(t.time(), QLocale::LongFormat)
                                  : QLocale().toString(t, QLocale::ShortFormat);
}

void DashboardView::showStoredData(qint64 dataServerTimeMs)
{
    m_storedData = true;
    m_dataServerTimeMs = dataServerTimeMs;
    updateBanner();
}

void DashboardView::showConnected()
{
    m_storedData = false;
    m_error.reset();
    updateBanner();
    // The summary was updated with the rows (nodesUpdated) and moves on with tick(): counting
    // 100,000 nodes once more here on every poll is not needed.
    updateSkew();
}

void DashboardView::showPollFailed(const ApiError &error, std::optional<qint64> dataServerTimeMs)
{
    m_error = error;
    m_dataServerTimeMs = dataServerTimeMs;
    updateBanner();
}

void DashboardView::updateBanner()
{
    if (!m_error && m_storedData && m_dataServerTimeMs) {
        const auto age = FreshnessRule::ageSeconds(*m_dataServerTimeMs, m_clock->nowMs());
        m_banner->setText(tr("Showing the data stored as of %1 (%2) until the control plane "
                             "answers.")
                              .arg(asOfText(*m_dataServerTimeMs), AgeText::ago(age)));
        m_tokenButton->hide();
        m_bannerBox->show();
        return;
    }
    if (!m_error) {
        m_bannerBox->hide();
        return;
    }
    const ApiError &e = *m_error;
    const bool unauthorized = e.kind == ApiError::Kind::Http && e.httpStatus == 401;
    const bool forbidden = e.kind == ApiError::Kind::Http && e.httpStatus == 403;
    QString text;
    if (unauthorized) {
        text = tr("The control plane did not accept this profile's token. Enter a valid token to "
                  "continue. %1")
                   .arg(e.message());
    } else if (forbidden) {
        text = tr("This token's role may not list the nodes. Use an operator or viewer token. %1")
                   .arg(e.message());
    } else if (m_dataServerTimeMs) {
        const QString asOf = asOfText(*m_dataServerTimeMs);
        const auto age = FreshnessRule::ageSeconds(*m_dataServerTimeMs, m_clock->nowMs());
        text = tr("Control plane unreachable — data as of %1 (%2). %3")
                   .arg(asOf, AgeText::ago(age), e.message());
    } else {
        text = tr("Control plane unreachable — no data yet. %1").arg(e.message());
    }
    m_banner->setText(text);
    m_tokenButton->setVisible(unauthorized);
    m_bannerBox->show();
}

void DashboardView::refreshStatus()
{
    updateSkew();
    if (m_error)
        updateBanner();
    updateSummary();
}

void DashboardView::updateSkew()
{
    if (m_clock->isSynced() && std::llabs(m_clock->skewMs()) > SkewWarningMs) {
        const QString amount = skewText(m_clock->skewMs());
        m_skew->setText(m_clock->skewMs() > 0
                            ? tr("This computer's clock is %1 behind the control plane's. Ages "
                                 "are computed on the control plane's clock.")
                                  .arg(amount)
                            : tr("This computer's clock is %1 ahead of the control plane's. Ages "
                                 "are computed on the control plane's clock.")
                                  .arg(amount));
        m_skew->show();
    } else {
        m_skew->hide();
    }
}

} // namespace prego

namespace prego {

void DashboardView::showStorageNotice(const QString &text)
{
    m_storage->setText(text);
    m_storageBox->show();
}

void DashboardView::hideStorageNotice()
{
    m_storage->clear();
    m_storageBox->hide();
}

QString DashboardView::storageNotice() const
{
    return m_storageBox->isHidden() ? QString() : m_storage->text();
}

} // namespace prego
