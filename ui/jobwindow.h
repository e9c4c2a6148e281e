#pragma once

#include "types/job.h"

#include <QTimer>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTableWidget;
class QTabWidget;
class QPlainTextEdit;
class QFrame;
class QSplitter;

namespace prego {

class ColumnFitter;
class ServerClock;
class TraceTimeline;
struct ApiError;

// One provisioning job: status header, the error pinned on top of a Failed job with Retry (same
// job id), the trace as a Gantt timeline that grows while the job runs, the stage table, the
// servers it made (each opens its node), the audit, the request; copy as text and export JSON.
// It shows what it is given; the composition root follows the job (JobFollower) and answers its
// intents (jobRequested, retryRequested).
class JobWindow final : public QWidget
{
    Q_OBJECT
public:
    static constexpr int FollowIntervalMs = 1000;

    explicit JobWindow(const ServerClock *clock, QWidget *parent = nullptr);

    // Shows this job (empty until its state arrives) and asks for it with jobRequested().
    void showJob(const QString &jobId);
    // The job's state as the control plane last sent it (`raw`: its body, for Export JSON).
    void setJob(const Job &job, const QByteArray &raw);
    // The job could not be read (or followed to its end).
    void showLoadError(const ApiError &error);
    // The answer to retryRequested(): the error, or none when the job was resumed.
    void showRetryResult(const std::optional<ApiError> &error);
    QString jobId() const { return m_jobId; }
    const std::optional<Job> &job() const { return m_job; }
    // The server's last answer for this job, as it sent it (what Export JSON writes).
    QByteArray rawJson() const { return m_raw; }

    TraceTimeline *timeline() const { return m_timeline; }
    QSplitter *splitter() const { return m_splitter; }
    QPushButton *retryButton() const { return m_retry; }
    QTableWidget *stageTable() const { return m_stages; }
    QTableWidget *serverTable() const { return m_servers; }
    QTableWidget *auditTable() const { return m_audit; }
    // Tables (by object name) whose column widths were restored from the profile's layout: they
    // are not fitted to their contents again. A table whose columns the operator resizes joins
    // them; the others are fitted on every refresh.
    void setKeepColumnWidths(const QStringList &tables);
    // The pinned error: translated stage, code and explanation, then the server's own message.
    QString errorText() const;
    // The line under the title: job id, path, stack, target, times.
    QString summaryText() const;
    QString traceText() const;
    QString statusText() const;

    // The text "Copy as text" puts on the clipboard.
    QString asText() const;
    // Writes the server's JSON (indented) to a file; a translated error, or empty.
    QString exportJson(const QString &path) const;
    void retry();

Q_SIGNALS:
    void jobShown(const prego::Job &job);
    // Intents: show (and follow) this job; resume this failed job.
    void jobRequested(const QString &jobId);
    void retryRequested(const QString &jobId);
    void nodeActivated(const QString &nodeId);
    void loadFailed(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void fitColumns();
    void showProblem(const QString &message);
    void retranslate();
    void updateColors();
    void fillTables();
    void copyText();
    void exportJsonInteractive();

    const ServerClock *m_clock;
    QString m_jobId;
    std::optional<Job> m_job;
    QByteArray m_raw;
    QString m_problem;
    QList<ColumnFitter *> m_columnFitters; // of the stage, server and audit tables
    QTimer m_tick;

    QLabel *m_title;
    QLabel *m_summary;
    QFrame *m_errorBox;
    QLabel *m_error;
    QLabel *m_serverMessage;
    QPushButton *m_retry;
    QLabel *m_trace;
    QPushButton *m_copyTrace;
    QSplitter *m_splitter;
    TraceTimeline *m_timeline;
    QTabWidget *m_tabs;
    QTableWidget *m_stages;
    QTableWidget *m_servers;
    QTableWidget *m_audit;
    QPlainTextEdit *m_request;
    QPushButton *m_copy;
    QPushButton *m_export;
};

} // namespace prego
