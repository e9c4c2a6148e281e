#pragma once

// A node detail view over a real history file: six hours of pushes with one known gap and one
// CPU spike, read back through the HistoryService's reader thread.
#include "../history/historytestdata.h"
#include "domain/serverclock.h"
#include "nodedetailview.h"
#include "storage/historyservice.h"
#include "storage/historystore.h"

#include <QAbstractButton>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <memory>

namespace prego::test {

inline constexpr qint64 Now = T0;
// Pushes every minute for the last six hours, none between 3 h and 2 h 20 min ago, and one CPU
// spike to 99 % an hour ago between values around 20 %.
inline constexpr qint64 GapFrom = Now - 3 * Hour;
inline constexpr qint64 GapTo = Now - 2 * Hour - 20 * Min;
inline constexpr qint64 SpikeAt = Now - Hour;

inline QList<HistorySample> sixHours()
{
    QList<HistorySample> out;
    for (qint64 t = Now - 6 * Hour; t <= Now; t += Min) {
        if (t >= GapFrom && t < GapTo)
            continue;
        out.append(
            sample(QStringLiteral("n1"), t, t == SpikeAt ? 99.0 : 20.0 + double((t / Min) % 7)));
    }
    return out;
}

inline bool writeHistory(const QString &path, const QList<HistorySample> &samples)
{
    HistoryStore store(HistoryStore::connectionNameForThisThread(QStringLiteral("test")));
    if (!store.open(path).ok)
        return false;
    return store.ingest(samples).error.isEmpty() && store.rollUp(Now) >= 0;
}

struct Detail
{
    QTemporaryDir dir;
    ServerClock clock;
    std::unique_ptr<HistoryService> history;
    std::unique_ptr<NodeDetailView> view;

    bool open()
    {
        const QString path = dir.filePath(QStringLiteral("history-test.sqlite"));
        if (!writeHistory(path, sixHours()))
            return false;
        clock.sync(Now);
        history = std::make_unique<HistoryService>(path);
        view = std::make_unique<NodeDetailView>(&clock);
        view->setStaleAfterSeconds(300);
        view->setHistory(history.get());
        view->resize(1100, 760);
        view->show();
        QSignalSpy shown(view.get(), &NodeDetailView::historyShown);
        view->showNode(node(QStringLiteral("n1"), Now, 21.0));
        return shown.wait(10000);
    }

    bool switchTo(NodeDetailView::Range range)
    {
        QSignalSpy shown(view.get(), &NodeDetailView::historyShown);
        view->rangeButton(range)->click();
        return shown.wait(10000);
    }
};

} // namespace prego::test
