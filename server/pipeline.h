#pragma once

#include "simdatabase.h"
#include "simmodel.h"

#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QRegularExpression>
#include <QSet>

namespace prego::sim {

class Fleet;
class SimClock;

struct PipelineOptions
{
    double timeScale = 1.0;
    struct StageFault
    {
        QString stage;
        QString tenantGlob; // empty = every tenant
    };
    QList<StageFault> failStages;
    QStringList dnsExternalGlobs;
};

// The simulated provisioning pipeline: accepts provision requests (idempotently), runs each job's
// stages on timers, records stages, audit rows and outputs, and registers created nodes through
// the same code as POST /internal/nodes.
class Pipeline final : public QObject
{
    Q_OBJECT
public:
    Pipeline(SimDatabase &db, Fleet &fleet, const SimClock &clock, PipelineOptions options,
             QObject *parent = nullptr);
    ~Pipeline() override;

    // Loads jobs and stack resources; resumes jobs that were running when the process stopped.
    void loadFromDatabase();

    struct Outcome
    {
        int httpStatus = 0;
        QString errorCode; // empty on success
        QString message;
        QMap<QString, QString> fields;
        const Job *job = nullptr;
    };
    Outcome submit(const QJsonObject &body, const QByteArray &idempotencyKey, const QString &actor);
    Outcome retry(const QString &jobId, const QString &actor);

    const Job *job(const QString &jobId) const;
    // Newest first, after the job with sequence number afterSeq (0 = from the newest).
    QList<const Job *> list(const QString &status, const QString &tenantId, int limit,
                            qint64 beforeSeq, bool *hasMore) const;
    qsizetype jobCount() const { return m_jobs.size(); }

    void addFailStage(const PipelineOptions::StageFault &fault);

    static QByteArray toJson(const Job &job, bool includeAudit);
    static QStringList stageNames(const QString &path);

Q_SIGNALS:
    void nodeRegistered(const QString &nodeId);

private:
    struct StageResult
    {
        bool ok = true;
        QString detail;
        QString skipReason;
        QString errorMessage;
    };

    void schedule(const QString &jobId, qint64 delayMs);
    void advance(const QString &jobId, quint64 generation);
    void startStage(Job &job, int index);
    void finishStage(Job &job, int index);
    StageResult runStage(Job &job, const QString &stage);
    StageResult pulumiUp(Job &job);
    StageResult registerNodes(Job &job);
    bool injectedFailure(Job &job, const QString &stage) const;
    qint64 stageDurationMs(const Job &job, const QString &stage) const;
    void audit(Job &job, const QString &actor, const QString &action, const QString &detail);
    void save(Job &job);
    QString allocateIpv4();
    QString stackOwner(const QString &stack) const;

    SimDatabase &m_db;
    Fleet &m_fleet;
    const SimClock &m_clock;
    PipelineOptions m_options;
    QHash<QString, Job> m_jobs;
    QMap<qint64, QString> m_jobsBySeq;
    QHash<QString, quint64> m_generation;      // invalidates timers of a job that was retried
    QHash<QString, StackResource> m_resources; // "stack\x1fkey" -> resource
    QSet<QString> m_usedIpv4;
    qint64 m_nextSeq = 1;
};

} // namespace prego::sim
