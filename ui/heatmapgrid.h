#pragma once

#include "domain/freshnessheatmap.h"
#include "domain/silenceindex.h"

#include <QAbstractScrollArea>

#include <functional>
#include <optional>

namespace prego {

// The heatmap's cells: one row per node (worst first), one column per 5-minute slot of the last
// 24 h. Paints only the rows in view, so 10,000 nodes cost what a screenful costs. Hovering shows
// the node, the slot and its state; a click (or Enter on the current row) opens the node. Slots
// that a maintenance silence covered (or covers) are hatched over their colour, and their tooltip
// says who silenced the node, until when and why.
class HeatmapGrid final : public QAbstractScrollArea
{
    Q_OBJECT
public:
    static constexpr int RowHeight = 16;
    static constexpr int HeaderHeight = 22;
    // A node's region, for silences of a whole region (the heatmap knows nodes by id only).
    using RegionLookup = std::function<QString(const QString &nodeId)>;

    explicit HeatmapGrid(QWidget *parent = nullptr);

    void setHeatmap(const Heatmap &heatmap);
    const Heatmap &heatmap() const { return m_heatmap; }
    // The silences as listed (active and recently ended): each hatches the slots of its nodes
    // from its start to its end, or to when it was ended early.
    void setSilences(const QList<Silence> &silences);
    // Without it, silences of a region hatch nothing.
    void setRegionLookup(RegionLookup regionOf);
    // The silence over a cell, or nullptr.
    const Silence *silenceAt(int row, int column) const;

    struct Cell
    {
        int row = -1;
        int column = -1; // -1: on the node's name
    };
    // The cell under a viewport position, or nullopt outside the rows.
    std::optional<Cell> cellAt(const QPoint &viewportPos) const;
    // Where a cell is painted, in viewport coordinates (for tests, and for tooltips).
    QRect cellRect(int row, int column) const;
    QString toolTipFor(const Cell &cell) const;
    int currentRow() const { return m_currentRow; }

    // The cell colour on this palette ("no data" and "pending" are darker on a dark one).
    static QColor colorOf(HeatCell state, const QPalette &palette);
    static QString stateName(HeatCell state);
    // The hatching of a silenced slot over a cell of colour `under` (and the legend's swatch).
    static void paintHatch(QPainter *painter, const QRect &rect, const QColor &under);

Q_SIGNALS:
    void nodeActivated(const QString &nodeId);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    void updateScrollBars();
    int labelWidth() const;
    double cellWidth() const;
    void setCurrentRow(int row);
    void updateSilencedSlots();

    Heatmap m_heatmap;
    SilenceIndex m_silences;
    RegionLookup m_regionOf;
    // Per row (only while some silence is known): the columns each silence covers.
    struct SilencedSlots
    {
        int first = 0;
        int last = -1;
        const Silence *silence = nullptr; // in m_silences
    };
    QList<QList<SilencedSlots>> m_silenced;
    int m_labelWidth = 0;
    int m_currentRow = -1;
};

} // namespace prego
