#pragma once

#include "domain/freshnessheatmap.h"

#include <QAbstractScrollArea>

#include <optional>

namespace prego {

// The heatmap's cells: one row per node (worst first), one column per 5-minute slot of the last
// 24 h. Paints only the rows in view, so 10,000 nodes cost what a screenful costs. Hovering shows
// the node, the slot and its state; a click (or Enter on the current row) opens the node.
class HeatmapGrid final : public QAbstractScrollArea
{
    Q_OBJECT
public:
    static constexpr int RowHeight = 16;
    static constexpr int HeaderHeight = 22;

    explicit HeatmapGrid(QWidget *parent = nullptr);

    void setHeatmap(const Heatmap &heatmap);
    const Heatmap &heatmap() const { return m_heatmap; }

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

    Heatmap m_heatmap;
    int m_labelWidth = 0;
    int m_currentRow = -1;
};

} // namespace prego
