#pragma once

#include "types/outboxentry.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace prego {

// The local jobs database: every provisioning intent is written here, and committed with
// synchronous=FULL, before its POST leaves the machine. It is what lets a restart find requests
// that were sent but never answered and resend exactly the same bytes under the same job id.
// One SQLite file per profile; one named connection per instance, used on the thread that made it.
class JobOutbox
{
    Q_DECLARE_TR_FUNCTIONS(prego::JobOutbox)

public:
    static constexpr int SchemaVersion = 1;

    using State = OutboxState;
    using Entry = OutboxEntry;

    explicit JobOutbox(QString filePath);
    ~JobOutbox();
    JobOutbox(const JobOutbox &) = delete;
    JobOutbox &operator=(const JobOutbox &) = delete;

    // <AppDataLocation>/jobs-<profile>.sqlite
    static QString defaultPath(const QString &profile);

    // Opens (and creates or migrates) the database. A translated error, or empty on success.
    QString open();
    bool isOpen() const { return m_open; }
    QString filePath() const { return m_filePath; }

    struct Added
    {
        std::optional<Entry> entry;
        bool existed = false; // the job id was already there with the same body
        QString error;        // translated; set when nothing could be written or the id is taken
    };
    // Writes a Pending row and commits it. The same job id with the same body returns the row
    // as it is; the same job id with another body is refused (it would be a different intent).
    Added add(const QString &profile, const QString &jobId, const QByteArray &body);

    std::optional<Entry> find(const QString &jobId) const;
    QList<Entry> unresolved() const; // oldest first
    QList<Entry> all() const;        // newest first

    // State changes, each committed before it returns. A row the server has answered for sure
    // (Accepted, Rejected) is never moved back to Sent or Unknown by a late failure.
    bool markSent(const QString &jobId, qint64 atMs);
    bool markAccepted(const QString &jobId, const QString &serverStatus);
    bool markRejected(const QString &jobId, const QString &code, const QString &message,
                      const QMap<QString, QString> &fields);
    bool markUnknown(const QString &jobId, const QString &error);
    // A failure that says nothing about the job (e.g. the token was refused): kept for recovery.
    bool noteError(const QString &jobId, const QString &error);

    QString lastError() const { return m_lastError; }

    static QString stateKey(State state); // pending | sent | accepted | rejected | unknown
    static std::optional<State> stateFromKey(QStringView key);
    static QString stateText(State state); // translated, for people

private:
    bool exec(const QString &sql, const QVariantList &values = {});
    QList<Entry> select(const QString &where, const QVariantList &values,
                        const QString &order) const;

    QString m_filePath;
    QString m_connectionName;
    bool m_open = false;
    mutable QString m_lastError;
};

} // namespace prego
