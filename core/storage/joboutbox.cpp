#include "joboutbox.h"

#include "storageerror.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace prego {

namespace {
QAtomicInteger<quint64> g_connectionCounter;

const QString kColumns = u"job_id, profile, body, state, created_at, last_attempt_at, attempts, "
                         "last_error, error_code, error_fields, server_status"_s;

QString fieldsToJson(const QMap<QString, QString> &fields)
{
    QJsonObject o;
    for (auto it = fields.begin(); it != fields.end(); ++it)
        o.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QMap<QString, QString> fieldsFromJson(const QString &json)
{
    QMap<QString, QString> out;
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}
} // namespace

JobOutbox::JobOutbox(QString filePath)
    : m_filePath(std::move(filePath))
    , m_connectionName(u"prego-jobs-%1"_s.arg(++g_connectionCounter))
{}

JobOutbox::~JobOutbox()
{
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

QString JobOutbox::defaultPath(const QString &profile)
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           u"/jobs-%1.sqlite"_s.arg(profile);
}

QString JobOutbox::open()
{
    if (m_open)
        return {};
    const QString dir = QFileInfo(m_filePath).absolutePath();
    if (!QDir().mkpath(dir))
        return tr("The folder %1 for the local jobs database cannot be created.").arg(dir);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    db.setDatabaseName(m_filePath);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
    if (!db.open())
        return tr("The local jobs database %1 cannot be opened: %2")
            .arg(m_filePath, StorageError::describe(db.lastError()));
    QSqlQuery q(db);
    // FULL: a committed row survives a crash or power loss, so a job is never sent unrecorded.
    // WAL: the console and prego-ctl may have the same file open.
    if (!q.exec(u"PRAGMA journal_mode=WAL"_s) || !q.exec(u"PRAGMA synchronous=FULL"_s) ||
        !q.exec(u"PRAGMA user_version"_s) || !q.next())
        return tr("The local jobs database %1 cannot be used: %2")
            .arg(m_filePath, StorageError::describe(q.lastError()));
    const int version = q.value(0).toInt();
    if (version > SchemaVersion)
        return tr("The local jobs database %1 was written by a newer version (schema %2); this "
                  "version understands schema %3.")
            .arg(m_filePath)
            .arg(version)
            .arg(SchemaVersion);
    if (version < 1) {
        if (!db.transaction() ||
            !q.exec(u"CREATE TABLE IF NOT EXISTS jobs ("
                    "job_id TEXT PRIMARY KEY NOT NULL, "
                    "profile TEXT NOT NULL, "
                    "body BLOB NOT NULL, "
                    "state TEXT NOT NULL CHECK (state IN "
                    "('pending','sent','accepted','rejected','unknown')), "
                    "created_at INTEGER NOT NULL, "
                    "last_attempt_at INTEGER, "
                    "attempts INTEGER NOT NULL DEFAULT 0, "
                    "last_error TEXT NOT NULL DEFAULT '', "
                    "error_code TEXT NOT NULL DEFAULT '', "
                    "error_fields TEXT NOT NULL DEFAULT '{}', "
                    "server_status TEXT NOT NULL DEFAULT '')"_s) ||
            !q.exec(u"CREATE INDEX IF NOT EXISTS jobs_state ON jobs(state)"_s) ||
            !q.exec(u"PRAGMA user_version = 1"_s) || !db.commit()) {
            const QString error = StorageError::describe(q.lastError());
            db.rollback();
            return tr("The local jobs database %1 cannot be set up: %2").arg(m_filePath, error);
        }
    }
    m_open = true;
    return {};
}

bool JobOutbox::exec(const QString &sql, const QVariantList &values)
{
    if (!m_open) {
        m_lastError = tr("The local jobs database is not open.");
        return false;
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        m_lastError = StorageError::describe(q.lastError());
        return false;
    }
    return true;
}

QList<JobOutbox::Entry> JobOutbox::select(const QString &where, const QVariantList &values,
                                          const QString &order) const
{
    QList<Entry> out;
    if (!m_open)
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(u"SELECT "_s + kColumns + u" FROM jobs "_s + where + u" ORDER BY "_s + order);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        m_lastError = StorageError::describe(q.lastError());
        return out;
    }
    while (q.next()) {
        Entry e;
        e.jobId = q.value(0).toString();
        e.profile = q.value(1).toString();
        e.body = q.value(2).toByteArray();
        e.state = stateFromKey(q.value(3).toString()).value_or(State::Unknown);
        e.createdAtMs = q.value(4).toLongLong();
        if (!q.value(5).isNull())
            e.lastAttemptAtMs = q.value(5).toLongLong();
        e.attempts = q.value(6).toInt();
        e.lastError = q.value(7).toString();
        e.errorCode = q.value(8).toString();
        e.errorFields = fieldsFromJson(q.value(9).toString());
        e.serverStatus = q.value(10).toString();
        out.append(std::move(e));
    }
    return out;
}

JobOutbox::Added JobOutbox::add(const QString &profile, const QString &jobId,
                                const QByteArray &body)
{
    Added out;
    const bool before = find(jobId).has_value();
    // One statement, so two processes adding the same id at once cannot both win.
    if (!exec(u"INSERT INTO jobs (job_id, profile, body, state, created_at) VALUES (?, ?, ?, "
              "'pending', ?) ON CONFLICT(job_id) DO NOTHING"_s,
              {jobId, profile, body, QDateTime::currentMSecsSinceEpoch()})) {
        out.error = tr("The job could not be written to the local jobs database, so it was not "
                       "sent: %1")
                        .arg(m_lastError);
        return out;
    }
    out.entry = find(jobId);
    if (!out.entry) {
        out.error = tr("The job could not be read back from the local jobs database, so it was "
                       "not sent: %1")
                        .arg(m_lastError);
        return out;
    }
    if (out.entry->body != body) {
        out.error = tr("Job id %1 was already used for a different request; make a new job id "
                       "for a new request.")
                        .arg(jobId);
        out.entry.reset();
        return out;
    }
    out.existed = before;
    return out;
}

std::optional<JobOutbox::Entry> JobOutbox::find(const QString &jobId) const
{
    const QList<Entry> rows = select(u"WHERE job_id = ?"_s, {jobId}, u"job_id"_s);
    if (rows.isEmpty())
        return std::nullopt;
    return rows.first();
}

QList<JobOutbox::Entry> JobOutbox::unresolved() const
{
    return select(u"WHERE state IN ('pending','sent','unknown')"_s, {}, u"created_at ASC"_s);
}

QList<JobOutbox::Entry> JobOutbox::all() const
{
    return select({}, {}, u"created_at DESC"_s);
}

bool JobOutbox::markSent(const QString &jobId, qint64 atMs)
{
    // A rejected row may be sent again (nothing was created); an accepted one stays accepted.
    return exec(u"UPDATE jobs SET state = CASE WHEN state = 'accepted' THEN state ELSE 'sent' "
                "END, last_attempt_at = ?, attempts = attempts + 1 WHERE job_id = ?"_s,
                {atMs, jobId});
}

bool JobOutbox::markAccepted(const QString &jobId, const QString &serverStatus)
{
    return exec(u"UPDATE jobs SET state = 'accepted', server_status = ?, last_error = '', "
                "error_code = '', error_fields = '{}' WHERE job_id = ?"_s,
                {serverStatus, jobId});
}

bool JobOutbox::markRejected(const QString &jobId, const QString &code, const QString &message,
                             const QMap<QString, QString> &fields)
{
    return exec(u"UPDATE jobs SET state = 'rejected', error_code = ?, last_error = ?, "
                "error_fields = ? WHERE job_id = ? AND state != 'accepted'"_s,
                {code, message, fieldsToJson(fields), jobId});
}

bool JobOutbox::markUnknown(const QString &jobId, const QString &error)
{
    return exec(u"UPDATE jobs SET state = 'unknown', last_error = ? WHERE job_id = ? AND state "
                "IN ('pending','sent','unknown')"_s,
                {error, jobId});
}

bool JobOutbox::noteError(const QString &jobId, const QString &error)
{
    return exec(u"UPDATE jobs SET last_error = ? WHERE job_id = ?"_s, {error, jobId});
}

QString JobOutbox::stateKey(State state)
{
    switch (state) {
    case State::Pending:
        return u"pending"_s;
    case State::Sent:
        return u"sent"_s;
    case State::Accepted:
        return u"accepted"_s;
    case State::Rejected:
        return u"rejected"_s;
    case State::Unknown:
        return u"unknown"_s;
    }
    return {};
}

std::optional<JobOutbox::State> JobOutbox::stateFromKey(QStringView key)
{
    for (State s :
         {State::Pending, State::Sent, State::Accepted, State::Rejected, State::Unknown}) {
        if (key == stateKey(s))
            return s;
    }
    return std::nullopt;
}

QString JobOutbox::stateText(State state)
{
    switch (state) {
    case State::Pending:
        return tr("not sent yet");
    case State::Sent:
        return tr("sent, waiting for the answer");
    case State::Accepted:
        return tr("accepted by the control plane");
    case State::Rejected:
        return tr("rejected by the control plane");
    case State::Unknown:
        return tr("unknown — retrying with the same job id");
    }
    return {};
}

} // namespace prego
