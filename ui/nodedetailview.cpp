#include "nodedetailview.h"

#include "charteventlist.h"
#include "chartlegend.h"
#include "domain/agetext.h"
#include "domain/freshness.h"
#include "domain/pushgaps.h"
#include "domain/serverclock.h"
#include "nodetablemodel.h"
#include "storage/historyservice.h"

#include <QButtonGroup>
#include <QDateTime>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

using namespace Qt::StringLiterals;

namespace prego {

namespace {
constexpr qint64 HourMs = 3600LL * 1000;
} // namespace

qint64 NodeDetailView::rangeMs(Range range)
{
    switch (range) {
    case Range::Hour:
        return HourMs;
    case Range::SixHours:
        return 6 * HourMs;
    case Range::Day:
        return 24 * HourMs;
    case Range::Week:
        return 7 * 24 * HourMs;
    case Range::Month:
        return 30 * 24 * HourMs;
    }
    return 24 * HourMs;
}

QString NodeDetailView::rangeName(Range range)
{
    switch (range) {
    case Range::Hour:
        //: chart range: one hour
        return tr("1 h");
    case Range::SixHours:
        //: chart range: six hours
        return tr("6 h");
    case Range::Day:
        //: chart range: 24 hours
        return tr("24 h");
    case Range::Week:
        //: chart range: seven days
        return tr("7 d");
    case Range::Month:
        //: chart range: thirty days
        return tr("30 d");
    }
    return {};
}

QString NodeDetailView::fieldName(Field field)
{
    switch (field) {
    case HostnameField:
        return tr("Hostname");
    case AddressField:
        return tr("IPv4 address");
    case RegionField:
        return tr("Region");
    case PlacementField:
        return tr("Placement");
    case StatusField:
        return tr("Status");
    case TenantField:
        return tr("Tenant / stack");
    case CreatedField:
        return tr("Created");
    case LastReportField:
        return tr("Last report");
    case FreshnessField:
        return tr("Freshness");
    case CpuField:
        return tr("CPU");
    case MemoryField:
        return tr("Memory");
    case DiskField:
        return tr("Disk");
    case TenantsField:
        return tr("Tenants");
    case FieldCount:
        break;
    }
    return {};
}

NodeDetailView::NodeDetailView(const ServerClock *clock, QWidget *parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_title(new QLabel(this))
    , m_source(new QLabel(this))
    , m_rangeGroup(new QButtonGroup(this))
    , m_legend(new ChartLegend(this))
    , m_events(new ChartEventList(this))
{
    setObjectName(u"nodeDetail"_s);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *facts = new QGridLayout;
    facts->setHorizontalSpacing(12);
    for (int f = 0; f < FieldCount; ++f) {
        m_keys[f] = new QLabel(this);
        m_values[f] = new QLabel(this);
        m_values[f]->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_keys[f]->setBuddy(m_values[f]);
        // Identity in the first two column pairs, current values in the third.
        const int column = f >= CpuField ? 4 : (f % 2) * 2;
        const int row = f >= CpuField ? f - CpuField : f / 2;
        facts->addWidget(m_keys[f], row, column, Qt::AlignLeft | Qt::AlignTop);
        facts->addWidget(m_values[f], row, column + 1, Qt::AlignLeft | Qt::AlignTop);
    }
    facts->setColumnStretch(1, 1);
    facts->setColumnStretch(3, 1);
    facts->setColumnStretch(5, 1);

    auto *ranges = new QHBoxLayout;
    for (Range r : Ranges) {
        auto *button = new QPushButton(this);
        button->setCheckable(true);
        button->setChecked(r == m_range);
        button->setAutoDefault(false);
        m_rangeGroup->addButton(button, int(r));
        ranges->addWidget(button);
    }
    m_rangeGroup->setExclusive(true);
    connect(m_rangeGroup, &QButtonGroup::idClicked, this, [this](int id) { setRange(Range(id)); });
    ranges->addSpacing(12);
    m_source->setWordWrap(true);
    m_source->setObjectName(u"historySource"_s);
    ranges->addWidget(m_source, 1);

    auto *charts = new QGridLayout;
    const std::array<HistoryChartView::Metric, 4> metrics{
        HistoryChartView::Metric::Cpu, HistoryChartView::Metric::Memory,
        HistoryChartView::Metric::Disk, HistoryChartView::Metric::Tenants};
    for (int i = 0; i < 4; ++i) {
        m_charts[i] = new HistoryChartView(metrics[i], this);
        charts->addWidget(m_charts[i], i / 2, i % 2);
        connect(m_charts[i], &HistoryChartView::jobActivated, this, &NodeDetailView::jobActivated);
    }
    connect(m_events, &ChartEventList::jobActivated, this, &NodeDetailView::jobActivated);
    m_events->setObjectName(u"chartAnnotations"_s);
    m_events->hide(); // until something is marked in the range shown

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(facts);
    layout->addLayout(ranges);
    layout->addLayout(charts, 1);
    layout->addWidget(m_legend);
    layout->addWidget(m_events);
    resize(1100, 760);
    retranslate();
}

HistoryChartView *NodeDetailView::chart(HistoryChartView::Metric metric) const
{
    return m_charts[int(metric)];
}

QAbstractButton *NodeDetailView::rangeButton(Range range) const
{
    return m_rangeGroup->button(int(range));
}

QString NodeDetailView::sourceText() const
{
    return m_source->text();
}

QString NodeDetailView::fieldText(int field) const
{
    return field >= 0 && field < FieldCount ? m_values[field]->text() : QString();
}

void NodeDetailView::setHistory(HistoryService *history)
{
    if (m_history)
        disconnect(m_history, nullptr, this, nullptr);
    m_history = history;
    m_pendingRequest = 0;
    if (history)
        connect(history, &HistoryService::seriesRead, this, &NodeDetailView::onSeries);
    refresh();
}

void NodeDetailView::setStaleAfterSeconds(int seconds)
{
    m_staleAfterSeconds = seconds;
    m_legend->setStaleAfterSeconds(seconds);
}

void NodeDetailView::setAnnotations(QList<ChartAnnotation> annotations)
{
    m_annotations = std::move(annotations);
    for (HistoryChartView *c : m_charts)
        c->setAnnotations(m_annotations);
    showAnnotationList();
}

void NodeDetailView::showAnnotationList()
{
    // The range the charts show (before the first answer: the one asked for).
    const HistoryChartView *c = m_charts[0];
    const ChartFrame frame = c->frame();
    m_events->setAnnotations(m_annotations, frame.fromMs, frame.toMs);
    m_events->setVisible(m_events->topLevelItemCount() > 0);
}

void NodeDetailView::showNode(const Node &node)
{
    const bool other = node.nodeId != m_nodeId;
    m_nodeId = node.nodeId;
    m_node = node;
    if (other) {
        m_series.reset();
        for (HistoryChartView *c : m_charts)
            c->clear(m_clock->nowMs() - rangeMs(m_range), m_clock->nowMs());
        setAnnotations({}); // the previous node's
    }
    updateHeader();
    refresh();
}

void NodeDetailView::showNodeGone(const QString &nodeId)
{
    if (nodeId != m_nodeId || !m_node)
        return;
    m_node.reset();
    updateHeader();
}

void NodeDetailView::updateNode(const Node &node)
{
    if (node.nodeId != m_nodeId)
        return;
    const bool pushed = !m_node || m_node->updatedAtMs() != node.updatedAtMs();
    m_node = node;
    updateHeader();
    if (pushed)
        refresh();
}

void NodeDetailView::setRange(Range range)
{
    m_range = range;
    if (QAbstractButton *b = rangeButton(range))
        b->setChecked(true);
    refresh();
}

void NodeDetailView::refresh()
{
    if (!m_history || m_nodeId.isEmpty())
        return;
    const qint64 now = m_clock->nowMs();
    m_shownToMs = now;
    m_shownFromMs = now - rangeMs(m_range);
    m_pendingRequest = m_history->requestSeries(m_nodeId, m_shownFromMs, m_shownToMs);
    m_source->setText(tr("Reading the local history…"));
}

void NodeDetailView::onSeries(int requestId, const QString &nodeId, const HistorySeries &series)
{
    if (requestId != m_pendingRequest || nodeId != m_nodeId)
        return; // an answer to a question no longer asked
    m_pendingRequest = 0;
    m_series = series;
    std::array<QList<QPointF>, 4> points;
    for (auto &p : points)
        p.reserve(series.samples.size());
    for (const HistorySample &s : series.samples) {
        const double x = double(s.updatedAtMs);
        if (s.cpuPct)
            points[0].append(QPointF(x, *s.cpuPct));
        if (s.memoryPct)
            points[1].append(QPointF(x, *s.memoryPct));
        if (s.diskPct)
            points[2].append(QPointF(x, *s.diskPct));
        if (s.tenantCount)
            points[3].append(QPointF(x, double(*s.tenantCount)));
    }
    const QList<TimeSpan> gaps = PushGaps::find(series.pushTimesMs, m_shownFromMs, m_shownToMs,
                                                qint64(m_staleAfterSeconds) * 1000);
    for (int i = 0; i < 4; ++i)
        m_charts[i]->setData(m_shownFromMs, m_shownToMs, std::move(points[i]), gaps);
    showAnnotationList();
    retranslate();
    Q_EMIT historyShown();
}

void NodeDetailView::tick()
{
    if (m_node)
        updateHeader();
}

void NodeDetailView::updateHeader()
{
    const QLocale locale;
    const QString dash = u"—"_s;
    if (m_nodeId.isEmpty()) {
        m_title->setText(tr("No node selected"));
        for (QLabel *v : m_values)
            v->setText(dash);
        return;
    }
    setWindowTitle(tr("Node %1 — Prego Operator Console").arg(m_nodeId));
    if (!m_node) {
        m_title->setText(
            tr("%1 (no longer in the fleet; its history is still shown)").arg(m_nodeId));
        return;
    }
    const Node &n = *m_node;
    m_title->setText(n.nodeId);
    const auto orDash = [&](const QString &s) -> QString {
        return s.isEmpty() ? dash : s;
    };
    m_values[HostnameField]->setText(orDash(n.hostname));
    m_values[AddressField]->setText(orDash(n.ipv4));
    m_values[RegionField]->setText(orDash(n.region));
    m_values[PlacementField]->setText(NodeTableModel::placementText(n));
    const QString accepts = n.acceptsTenants ? tr("accepts tenants") : tr("accepts no tenants");
    m_values[StatusField]->setText(
        //: node status and whether it accepts tenants, e.g. "active, accepts tenants"
        tr("%1, %2").arg(NodeTableModel::statusName(n.status), accepts));
    m_values[TenantField]->setText(
        n.tenantId || n.stack ? tr("%1 / %2").arg(n.tenantId.value_or(dash), n.stack.value_or(dash))
                              : dash);
    m_values[CreatedField]->setText(
        n.createdAtMs
            ? locale.toString(QDateTime::fromMSecsSinceEpoch(*n.createdAtMs), QLocale::ShortFormat)
            : dash);
    const qint64 now = m_clock->nowMs();
    const auto age = FreshnessRule::ageSeconds(n.updatedAtMs(), now);
    m_values[LastReportField]->setText(
        n.updatedAtMs()
            ? tr("%1 (%2)").arg(AgeText::ago(age),
                                locale.toString(QDateTime::fromMSecsSinceEpoch(*n.updatedAtMs()),
                                                QLocale::ShortFormat))
            : AgeText::ago(std::nullopt));
    const Freshness f = FreshnessRule::classify(n.updatedAtMs(), now, m_staleAfterSeconds, true);
    m_values[FreshnessField]->setText(NodeTableModel::freshnessText(f));
    const auto pct = [&](const std::optional<double> &v) -> QString {
        return v ? HistoryChartView::formatValue(HistoryChartView::Metric::Cpu, *v) : dash;
    };
    const NodeMetrics m = n.metrics.value_or(NodeMetrics{});
    m_values[CpuField]->setText(pct(m.cpuPct));
    m_values[MemoryField]->setText(pct(m.memoryPct));
    m_values[DiskField]->setText(pct(m.diskPct));
    m_values[TenantsField]->setText(m.tenantCount ? locale.toString(*m.tenantCount) : dash);
}

void NodeDetailView::retranslate()
{
    for (int f = 0; f < FieldCount; ++f)
        m_keys[f]->setText(tr("%1:").arg(fieldName(Field(f))));
    for (Range r : Ranges)
        rangeButton(r)->setText(rangeName(r));
    if (m_pendingRequest != 0) {
        m_source->setText(tr("Reading the local history…"));
    } else if (!m_series) {
        m_source->setText(m_history ? QString() : tr("No local history for this profile."));
    } else if (m_series->samples.isEmpty()) {
        m_source->setText(tr("No history for this node in this range yet: the console stores "
                             "what it sees while it runs."));
    } else if (m_series->fromRollups) {
        m_source->setText(tr("From 5-minute roll-ups: each slot's lowest and highest value. "
                             "Shaded: no push for longer than %1.")
                              .arg(AgeText::duration(m_staleAfterSeconds)));
    } else {
        const int pushes = int(m_series->samples.size());
        m_source->setText(
            tr("%n push(es) in this range. Shaded: no push for longer than %1.", nullptr, pushes)
                .arg(AgeText::duration(m_staleAfterSeconds)));
    }
    updateHeader();
}

void NodeDetailView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace prego
