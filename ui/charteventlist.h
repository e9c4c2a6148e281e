#pragma once

#include "domain/nodeannotations.h"

#include <QTreeWidget>

namespace prego {

// The annotations of the charts' time range as rows (when, what, who), so they can be read and
// reached from the keyboard as well as by hovering: Enter or a double click on a job opens it.
class ChartEventList final : public QTreeWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartEventList)
public:
    enum Column { WhenColumn, WhatColumn, WhoColumn, ColumnCount };
    static constexpr int JobIdRole = Qt::UserRole + 1;

    explicit ChartEventList(QWidget *parent = nullptr);

    // Lists those of `annotations` that overlap [fromMs, toMs], oldest first.
    void setAnnotations(const QList<ChartAnnotation> &annotations, qint64 fromMs, qint64 toMs);

    QSize sizeHint() const override;

Q_SIGNALS:
    void jobActivated(const QString &jobId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void rebuild();

    QList<ChartAnnotation> m_annotations;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
};

} // namespace prego
