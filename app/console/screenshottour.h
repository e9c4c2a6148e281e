#pragma once

#include <QObject>
#include <QString>

class QWidget;

namespace prego {

class HistoryService;
class MainWindow;

// --screenshot DIR: once the fleet is shown, saves each view of the console to DIR as
// VIEW-LANG.png (the dashboard, the heatmap, a node's detail, the jobs, the verification and the
// settings; with the demo also the wizard's pages and a job's trace) and the tray icon of each
// fleet state at 100 % and 200 %, then finishes. Gives up when that takes longer than 30 s.
class ScreenshotTour final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScreenshotTour)
public:
    // `node`: the node whose detail is shown (empty: the worst row of the heatmap).
    ScreenshotTour(MainWindow *window, const QString &dir, const QString &node,
                   QObject *parent = nullptr);

    // The first snapshot is shown and kept in `history`. `demo`: the demo's control plane answers,
    // so its simulated past is awaited and a job is submitted for the pictures (never on a real
    // control plane).
    void begin(HistoryService *history, bool demo);

Q_SIGNALS:
    // 0: every picture was saved; 1: not all of them, or not in time.
    void finished(int exitCode);

private:
    enum class Stage {
        Waiting,
        Dashboard,
        Heatmap,
        Alerts,
        Maintenance,
        Node,
        Jobs,
        Verification,
        WizardPath,
        WizardPlacement,
        WizardReview,
        Job,
        Done
    };
    void step();
    // Runs step() once the view had time to lay out and paint.
    void settleThenStep();
    bool save(QWidget *widget, const QString &view);
    void finish();

    MainWindow *m_window;
    QString m_dir;
    QString m_node;
    bool m_demo = false;
    Stage m_stage = Stage::Waiting;
    int m_saved = 0;
};

} // namespace prego
