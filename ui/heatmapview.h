#pragma once

#include "domain/freshnessheatmap.h"
#include "types/silence.h"

#include <QWidget>

#include <array>
#include <functional>

class QLabel;

namespace prego {

class HeatmapGrid;

// View → Heatmap (Ctrl+2): the fleet's pushes over the last 24 h, worst nodes first, with a
// legend that names every color, a one-line summary, and the grid.
class HeatmapView final : public QWidget
{
    Q_OBJECT
public:
    explicit HeatmapView(QWidget *parent = nullptr);

    void setHeatmap(const Heatmap &heatmap);
    // The silences as listed (active and recently ended): their slots are hatched.
    void setSilences(const QList<Silence> &silences);
    // A node's region by its id, for silences of a whole region.
    void setRegionLookup(std::function<QString(const QString &nodeId)> regionOf);
    // The history is not available (failed to open): say so instead of an empty grid.
    void setUnavailable(const QString &reason);
    HeatmapGrid *grid() const { return m_grid; }
    QString summaryText() const;

Q_SIGNALS:
    void nodeActivated(const QString &nodeId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateSwatches();

    HeatmapGrid *m_grid;
    QLabel *m_explanation;
    QLabel *m_summary;
    std::array<QLabel *, 5> m_legendText{};
    std::array<QLabel *, 5> m_swatches{};
    QLabel *m_silencedSwatch;
    QLabel *m_silencedText;
    QString m_unavailable;
    bool m_hasHeatmap = false;
};

} // namespace prego
