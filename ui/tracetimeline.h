#pragma once

#include "types/job.h"

#include <QWidget>

#include <optional>

namespace prego {

// A job's trace as a Gantt chart: one row per stage, a bar from its start to its finish on a
// shared time axis (the running stage's bar grows to "now"), colored by status with the status
// also written in the row (never color alone); skipped stages show their reason instead of a
// bar; pending ones an empty row. Hover shows the stage's times and detail.
class TraceTimeline final : public QWidget
{
    Q_OBJECT
public:
    static constexpr int RowHeight = 26;
    static constexpr int AxisHeight = 22;

    explicit TraceTimeline(QWidget *parent = nullptr);

    // nowMs (server time) is where a running stage's bar ends.
    void setJob(const Job &job, qint64 nowMs);
    void setNow(qint64 nowMs);
    const Job &job() const { return m_job; }

    // The time window drawn: from the job's creation (or first start) to its end (or now).
    qint64 axisStartMs() const { return m_t0; }
    qint64 axisEndMs() const { return m_t1; }
    // Where the bar of stage i is, in widget coordinates; nullopt without a bar (pending, skipped).
    std::optional<QRectF> barRect(int stage) const;
    QRectF plotRect() const;
    int stageAt(const QPoint &pos) const;
    QString toolTipFor(int stage) const;

    // The bar colour of a stage status on this palette.
    static QColor colorOf(const QString &stageStatus, const QPalette &palette);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    void updateWindow();
    int labelWidth() const;
    double xFor(qint64 ms) const;

    Job m_job;
    qint64 m_nowMs = 0;
    qint64 m_t0 = 0;
    qint64 m_t1 = 1;
};

} // namespace prego
