#pragma once

#include "domain/nodeannotations.h"
#include "historychartview.h"
#include "storage/historysample.h"
#include "types/node.h"

#include <QPointer>
#include <QWidget>

#include <array>
#include <optional>

class QButtonGroup;
class QLabel;
class QAbstractButton;

namespace prego {

class ChartEventList;
class ChartLegend;
class HistoryService;
class ServerClock;

// One node: identity, current values and charts of CPU, memory, disk and tenant count over
// 1 h … 30 d from the local history (asked of the HistoryService's reader thread, never the UI
// thread). A node that is no longer in the fleet keeps its history on screen, marked as gone.
// The charts carry the node's annotations (jobs, silences, firing periods), listed again under
// them for the keyboard, with a legend telling them from the push gaps.
class NodeDetailView final : public QWidget
{
    Q_OBJECT
public:
    enum class Range { Hour, SixHours, Day, Week, Month };
    static constexpr std::array<Range, 5> Ranges{Range::Hour, Range::SixHours, Range::Day,
                                                 Range::Week, Range::Month};
    static qint64 rangeMs(Range range);
    static QString rangeName(Range range);

    explicit NodeDetailView(const ServerClock *clock, QWidget *parent = nullptr);

    void setHistory(HistoryService *history);
    void setStaleAfterSeconds(int seconds);
    // Shows this node (asking for its history when it is another node than before).
    void showNode(const Node &node);
    // The node is not in the latest snapshot any more.
    void showNodeGone(const QString &nodeId);
    // The latest values of the node shown, from a new snapshot; the charts are asked again when
    // the node pushed since.
    void updateNode(const Node &node);
    // What happened to the node shown (NodeAnnotations::build); repaints and is kept across range
    // switches and refreshes. Showing another node clears them: set them after showNode().
    void setAnnotations(QList<ChartAnnotation> annotations);
    const QList<ChartAnnotation> &annotations() const { return m_annotations; }
    void setRange(Range range);
    Range range() const { return m_range; }
    QString nodeId() const { return m_nodeId; }
    // Asks the history again for the current range ending now.
    void refresh();
    // Once a second: the age of the last report.
    void tick();

    HistoryChartView *chart(HistoryChartView::Metric metric) const;
    QAbstractButton *rangeButton(Range range) const;
    ChartEventList *annotationList() const { return m_events; }
    ChartLegend *legend() const { return m_legend; }
    QString sourceText() const;
    QString fieldText(int field) const;
    bool isWaitingForHistory() const { return m_pendingRequest != 0; }

Q_SIGNALS:
    // The charts show the answer to the last request.
    void historyShown();
    // A job's marker on a chart was clicked, or its row in the list activated.
    void jobActivated(const QString &jobId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onSeries(int requestId, const QString &nodeId, const HistorySeries &series);
    void retranslate();
    void updateHeader();
    void showAnnotationList();

    const ServerClock *m_clock;
    QPointer<HistoryService> m_history;
    int m_staleAfterSeconds = 300;
    Range m_range = Range::Day;
    QString m_nodeId;
    std::optional<Node> m_node; // nullopt when gone
    int m_pendingRequest = 0;
    qint64 m_shownFromMs = 0;
    qint64 m_shownToMs = 0;
    std::optional<HistorySeries> m_series;
    QList<ChartAnnotation> m_annotations;

    enum Field {
        HostnameField,
        AddressField,
        RegionField,
        PlacementField,
        StatusField,
        TenantField,
        CreatedField,
        LastReportField,
        FreshnessField,
        CpuField,
        MemoryField,
        DiskField,
        TenantsField,
        FieldCount
    };
    static QString fieldName(Field field);

    QLabel *m_title;
    std::array<QLabel *, FieldCount> m_keys{};
    std::array<QLabel *, FieldCount> m_values{};
    QLabel *m_source;
    QButtonGroup *m_rangeGroup;
    std::array<HistoryChartView *, 4> m_charts{};
    ChartLegend *m_legend;
    ChartEventList *m_events;
};

} // namespace prego
