#pragma once

#include "api/submitresult.h"
#include "domain/provisionrequest.h"
#include "types/node.h"

#include <QMap>
#include <QWizard>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;
class QStackedWidget;
class QTableWidget;

namespace prego {

// File → New provisioning… (Ctrl+N): tenant and path, placement, review and submit. The job id
// and trace id are made when the wizard opens and kept while the intent stays the same; the
// submit is an intent its owner carries to a ProvisionSubmitter (outbox row committed before the
// POST, Idempotency-Key), so double clicks, retries and crashes never make a second job. A 422
// leads back to the page of the offending field with the server's reason.
class ProvisionWizard final : public QWizard
{
    Q_OBJECT
public:
    enum PageId { TenantPage, PlacementPage, ReviewPage };

    explicit ProvisionWizard(QWidget *parent = nullptr);
    ~ProvisionWizard() override;

    // The live fleet, for the target list and the existing-stack warning.
    void setFleet(const QList<Node> &nodes, qint64 serverNowMs, int staleAfterSeconds);

    // The request as the pages describe it now (with the wizard's job id and trace id).
    ProvisionRequest request() const;

    // The answers to submitRequested(): progress (e.g. "unknown — retrying with the same job id")
    // and the final result.
    void showSubmissionProgress(const QString &note);
    void showSubmissionResult(const prego::SubmitResult &result);

    // For tests and for the owner.
    QLineEdit *tenantEdit() const { return m_tenant; }
    QRadioButton *pathButton(ProvisionRequest::Path path) const;
    QTableWidget *targetTable() const { return m_targets; }
    QComboBox *regionBox() const { return m_region; }
    QCheckBox *staleOverride() const { return m_staleOverride; }
    QCheckBox *confirmation() const { return m_confirm; }
    // The error shown for a request field (tenant_id, target_server_id, region, …), or empty.
    QString fieldError(const QString &field) const;
    QString stackPreview() const;
    QString submitStatus() const;
    QString dedicatedWarning() const;
    bool selectTarget(const QString &nodeId);

Q_SIGNALS:
    // The control plane has the job: the wizard closes and the owner opens the job.
    void jobSubmitted(const QString &jobId);
    // Intent: submit this request (its owner answers with showSubmissionProgress/Result).
    void submitRequested(const prego::ProvisionRequest &request);

protected:
    bool validateCurrentPage() override;
    void initializePage(int id) override;
    void changeEvent(QEvent *event) override;

private:
    QWizardPage *buildTenantPage();
    QWizardPage *buildPlacementPage();
    QWizardPage *buildReviewPage();
    ProvisionRequest::Path currentPath() const;
    void updateTenantPreview();
    void fillTargets();
    void updatePlacement();
    void updateReview();
    void showFieldErrors(const QMap<QString, QString> &fields);
    void submit();
    void setBusy(bool busy);
    void retranslate();

    ProvisionRequest m_ids; // holds the job id and trace id of this intent
    QList<Node> m_nodes;
    qint64 m_serverNowMs = 0;
    int m_staleAfterSeconds = 300;
    bool m_submitting = false; // a submission runs: a second click adds nothing
    QMap<QString, QString> m_errors;
    bool m_done = false;

    // Tenant and path
    QLabel *m_tenantLabel;
    QLineEdit *m_tenant;
    QLabel *m_tenantHint;
    QLabel *m_tenantError;
    QLabel *m_pathLabel;
    QButtonGroup *m_paths;
    QRadioButton *m_existing;
    QRadioButton *m_new;
    QRadioButton *m_dedicated;
    QLabel *m_existingText;
    QLabel *m_newText;
    QLabel *m_dedicatedText;
    // Placement
    QLabel *m_regionLabel;
    QComboBox *m_region;
    QStackedWidget *m_placementStack;
    QLabel *m_targetsLabel;
    QTableWidget *m_targets;
    QCheckBox *m_staleOverride;
    QLabel *m_targetError;
    QLabel *m_newSummary;
    QLabel *m_dedicatedSummary;
    QLabel *m_dedicatedWarning;
    QLabel *m_regionError;
    // Review
    QLabel *m_description;
    QLabel *m_idsLabel;
    QPlainTextEdit *m_json;
    QCheckBox *m_confirm;
    QLabel *m_reviewError;
    QLabel *m_status;
};

} // namespace prego
