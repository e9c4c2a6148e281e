#pragma once

#include "types/apierror.h"
#include "types/job.h"
#include "types/node.h"
#include "types/silence.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace prego {

// What the Definition-of-Done checks look at: one answer of GET /internal/nodes and one of
// GET /internal/provision-jobs (or why there is none), the server's clock and the profile's
// stale threshold.
struct VerificationInput
{
    std::optional<NodesSnapshot> nodes;
    std::optional<ApiError> nodesError;
    std::optional<QList<Job>> jobs; // newest first, as the list endpoint returns them
    std::optional<ApiError> jobsError;
    qint64 serverNowMs = 0;
    int staleAfterSeconds = 300;
    // The control plane's silences, when it offers them: a silenced node that does not push is
    // excused in M1 (listed with who, until when and why) instead of failing the check.
    QList<Silence> silences;
};

// One row of proof: a node with its age, a job, a stage of a job.
struct VerificationEvidence
{
    enum class Kind { Node, Job };
    Kind kind = Kind::Node;
    QString id;           // node id or job id
    QString text;         // translated
    bool excused = false; // under a maintenance silence: listed, not counted against the check
};

struct VerificationResult
{
    enum class Id { M1, M2, M3, E1, E2, E3, E4 };
    enum class Outcome { Pass, Fail, NotEvaluable };

    Id id = Id::M1;
    Outcome outcome = Outcome::NotEvaluable;
    QString summary; // translated: why it passes, fails or cannot be evaluated
    QList<VerificationEvidence> evidence;
    qint64 evaluatedAtMs = 0; // server time
};

// The user's Definition of Done as checks on live data (console.md, Definition-of-Done
// verification): M1–M3 monitoring, E1–E4 provisioning scenarios. Shared by the console's
// Verification view and `prego-ctl verify`.
class Verification
{
    Q_DECLARE_TR_FUNCTIONS(prego::Verification)

public:
    static constexpr std::array<VerificationResult::Id, 7> All{
        VerificationResult::Id::M1, VerificationResult::Id::M2, VerificationResult::Id::M3,
        VerificationResult::Id::E1, VerificationResult::Id::E2, VerificationResult::Id::E3,
        VerificationResult::Id::E4};

    static QList<VerificationResult> evaluate(const VerificationInput &input);

    static QString key(VerificationResult::Id id);   // "M1" … "E4"
    static QString title(VerificationResult::Id id); // translated: what the check asks
    static QString outcomeText(VerificationResult::Outcome outcome); // translated: pass, fail, …
    // Every check passed.
    static bool allPass(const QList<VerificationResult> &results);

    struct ReportMeta
    {
        QString profile;
        QString baseUrl;
        int staleAfterSeconds = 300;
    };
    // The results as a Markdown report (translated).
    static QString markdown(const QList<VerificationResult> &results, const ReportMeta &meta);

private:
    static VerificationResult m1(const VerificationInput &in);
    static VerificationResult m2(const VerificationInput &in);
    static VerificationResult m3(const VerificationInput &in);
    static VerificationResult e1(const VerificationInput &in);
    static VerificationResult e2(const VerificationInput &in);
    static VerificationResult e3(const VerificationInput &in);
    static VerificationResult e4(const VerificationInput &in,
                                 const QList<VerificationResult> &scenarios);
};

} // namespace prego
