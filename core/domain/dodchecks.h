#pragma once

#include "types/apierror.h"
#include "types/job.h"
#include "types/node.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace prego {

// What the Definition-of-Done checks look at: one answer of GET /internal/nodes and one of
// GET /internal/provision-jobs (or why there is none), the server's clock and the profile's
// stale threshold.
struct DodInput
{
    std::optional<NodesSnapshot> nodes;
    std::optional<ApiError> nodesError;
    std::optional<QList<Job>> jobs; // newest first, as the list endpoint returns them
    std::optional<ApiError> jobsError;
    qint64 serverNowMs = 0;
    int staleAfterSeconds = 300;
};

// One row of proof: a node with its age, a job, a stage of a job.
struct DodEvidence
{
    enum class Kind { Node, Job };
    Kind kind = Kind::Node;
    QString id;   // node id or job id
    QString text; // translated
};

struct DodResult
{
    enum class Id { M1, M2, M3, E1, E2, E3, E4 };
    enum class Outcome { Pass, Fail, NotEvaluable };

    Id id = Id::M1;
    Outcome outcome = Outcome::NotEvaluable;
    QString summary; // translated: why it passes, fails or cannot be evaluated
    QList<DodEvidence> evidence;
    qint64 evaluatedAtMs = 0; // server time
};

// The user's Definition of Done as checks on live data (console.md, Definition-of-Done
// verification): M1–M3 monitoring, E1–E4 provisioning scenarios. Shared by the console's
// Verification view and `prego-ctl verify`.
class DodChecks
{
    Q_DECLARE_TR_FUNCTIONS(prego::DodChecks)

public:
    static constexpr std::array<DodResult::Id, 7> All{
        DodResult::Id::M1, DodResult::Id::M2, DodResult::Id::M3, DodResult::Id::E1,
        DodResult::Id::E2, DodResult::Id::E3, DodResult::Id::E4};

    static QList<DodResult> evaluate(const DodInput &input);

    static QString key(DodResult::Id id);                   // "M1" … "E4"
    static QString title(DodResult::Id id);                 // translated: what the check asks
    static QString outcomeText(DodResult::Outcome outcome); // translated: pass, fail, …
    // Every check passed.
    static bool allPass(const QList<DodResult> &results);

    struct ReportMeta
    {
        QString profile;
        QString baseUrl;
        int staleAfterSeconds = 300;
    };
    // The results as a Markdown report (translated).
    static QString markdown(const QList<DodResult> &results, const ReportMeta &meta);

private:
    static DodResult m1(const DodInput &in);
    static DodResult m2(const DodInput &in);
    static DodResult m3(const DodInput &in);
    static DodResult e1(const DodInput &in);
    static DodResult e2(const DodInput &in);
    static DodResult e3(const DodInput &in);
    static DodResult e4(const DodInput &in, const QList<DodResult> &scenarios);
};

} // namespace prego
