#pragma once

#include "domain/verification.h"

#include <QSet>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace prego {

// View → Verification (Ctrl+5): the Definition-of-Done checklist on live data, re-evaluated on
// every poll while shown, each check expandable to the rows that prove it (a node or a job opens
// on double-click), and "Export report" to Markdown.
class VerificationView final : public QWidget
{
    Q_OBJECT
public:
    explicit VerificationView(QWidget *parent = nullptr);

    // The profile the checks are about; `connected` false: no control plane to ask.
    void setProfile(bool connected, const QString &profile, const QString &baseUrl,
                    int staleAfterSeconds);
    int staleAfterSeconds() const { return m_staleAfterSeconds; }
    // Asks for the checks again (evaluationRequested), when there is a control plane to ask.
    void evaluate();
    // The checks' results for the live data.
    void showResults(const QList<VerificationResult> &results);
    const QList<VerificationResult> &results() const { return m_results; }
    QTreeWidget *tree() const { return m_tree; }
    QString summaryText() const;
    QString markdown() const;
    // Writes the Markdown report; a translated error, or empty.
    QString exportReport(const QString &path) const;

Q_SIGNALS:
    void evaluated();
    // Intent: evaluate the checks on fresh data from the control plane.
    void evaluationRequested();
    void nodeActivated(const QString &nodeId);
    void jobActivated(const QString &jobId);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void fill();
    void retranslate();
    void exportInteractive();

    bool m_connected = false;
    QString m_profile;
    QString m_baseUrl;
    int m_staleAfterSeconds = 300;
    QList<VerificationResult> m_results;
    QSet<QString> m_expanded;

    QLabel *m_intro;
    QLabel *m_summary;
    QPushButton *m_evaluate;
    QPushButton *m_export;
    QTreeWidget *m_tree;
};

} // namespace prego
