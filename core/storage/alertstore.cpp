#include "alertstore.h"

#include "domain/alertrulescodec.h"
#include "storageerror.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace prego {

namespace {
QAtomicInteger<quint64> g_connectionCounter;

// SQLite's result codes for "this is not a (healthy) database file".
constexpr int SqliteCorrupt = 11;
constexpr int SqliteNotADb = 26;

bool isDamage(const QSqlError &e)
{
    const int code = e.nativeErrorCode().toInt() & 0xff;
    return code == SqliteCorrupt || code == SqliteNotADb;
}

// Version 1. A fresh file walks the whole ladder, so later migrations run on every new file.
const char *const SchemaV1[] = {
    // One row per (node, rule) alert that is pending, firing or unknown: all AlertTrack holds.
    ("CREATE TABLE tracks(node_id TEXT NOT NULL, rule TEXT NOT NULL, region TEXT NOT NULL, "
     "state TEXT NOT NULL, value REAL, detail TEXT NOT NULL, since_ms INTEGER NOT NULL, "
     "firing_since_ms INTEGER, last_sample_ms INTEGER NOT NULL, clearing_since_ms INTEGER, "
     "ack_who TEXT, ack_at_ms INTEGER, ack_comment TEXT, PRIMARY KEY(node_id, rule)) "
     "WITHOUT ROWID"),
    ("CREATE TABLE transitions(id INTEGER PRIMARY KEY, at_ms INTEGER NOT NULL, "
     "node_id TEXT NOT NULL, region TEXT NOT NULL, rule TEXT NOT NULL, from_state TEXT, "
     "to_state TEXT NOT NULL, value REAL, detail TEXT NOT NULL)"),
    "CREATE INDEX transitions_at ON transitions(at_ms)",
    ("CREATE TABLE rules(id INTEGER PRIMARY KEY CHECK(id = 1), json TEXT NOT NULL, "
     "saved_at_ms INTEGER NOT NULL)"),
};

QVariant nullable(const std::optional<qint64> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<qint64>());
}

QVariant nullable(const std::optional<double> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<double>());
}

std::optional<qint64> optionalInt(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
}

std::optional<double> optionalReal(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble());
}

// Qt Sql binds a null QString as NULL; these columns hold "" instead.
QString text(const QString &s)
{
    return s.isNull() ? u""_s : s;
}
} // namespace

AlertStore::AlertStore(QString filePath)
    : m_filePath(std::move(filePath))
    , m_connectionName(u"prego-alerts-%1"_s.arg(++g_connectionCounter))
{}

AlertStore::~AlertStore()
{
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

QString AlertStore::defaultPath(const QString &profile)
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           u"/alerts-%1.sqlite"_s.arg(profile);
}

QString AlertStore::open()
{
    if (m_open)
        return {};
    const QString dir = QFileInfo(m_filePath).absolutePath();
    if (!QDir().mkpath(dir))
        return tr("The folder %1 for the alerts database cannot be created.").arg(dir);
    const QString notOurs = tr("The file %1 is not an alerts database of this console. It was "
                               "left untouched; move it elsewhere so that alerts can be kept.")
                                .arg(m_filePath);
    // Nothing that is not SQLite is handed to SQLite, which might take it for an empty file.
    if (QFile file(m_filePath); file.exists() && file.size() > 0) {
        if (!file.open(QIODevice::ReadOnly))
            return tr("The alerts database %1 cannot be opened: %2")
                .arg(m_filePath, file.errorString());
        if (file.read(16) != QByteArrayView("SQLite format 3\0", 16))
            return notOurs;
    }

    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    db.setDatabaseName(m_filePath);
    // The console and prego-ctl may write at the same moment: wait for the other's transaction.
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
    if (!db.open())
        return tr("The alerts database %1 cannot be opened: %2")
            .arg(m_filePath, StorageError::describe(db.lastError()));
    const QString damaged = tr("The alerts database %1 is damaged (%2). It was left untouched; "
                               "move it elsewhere so that alerts can be kept.");

    // Read-only questions first: a file that is not ours is never written.
    QSqlQuery q(db);
    if (!q.exec(u"PRAGMA application_id"_s) || !q.next())
        return isDamage(q.lastError())
                   ? damaged.arg(m_filePath, q.lastError().text())
                   : tr("The alerts database %1 cannot be used: %2")
                         .arg(m_filePath, StorageError::describe(q.lastError()));
    const qint64 applicationId = q.value(0).toLongLong();
    if (!q.exec(u"SELECT count(*) FROM sqlite_master"_s) || !q.next())
        return damaged.arg(m_filePath, q.lastError().text());
    const bool empty = q.value(0).toLongLong() == 0;
    if (applicationId != ApplicationId && !(applicationId == 0 && empty))
        return notOurs;
    if (!q.exec(u"PRAGMA user_version"_s) || !q.next())
        return damaged.arg(m_filePath, q.lastError().text());
    const int version = q.value(0).toInt();
    if (version > SchemaVersion)
        return tr("The alerts database %1 was written by a newer version (schema %2); this "
                  "version understands schema %3.")
            .arg(m_filePath)
            .arg(version)
            .arg(SchemaVersion);
    if (!empty) {
        // A small file: checking it whole costs little and catches damaged pages before they
        // are trusted.
        if (!q.exec(u"PRAGMA quick_check"_s) || !q.next())
            return damaged.arg(m_filePath, q.lastError().text());
        if (q.value(0).toString() != u"ok")
            return damaged.arg(m_filePath, q.value(0).toString());
        q.finish();
    }
    // WAL: the console and prego-ctl read while the other writes. NORMAL: a power loss may cost
    // the last poll's changes, never the file.
    if (!q.exec(u"PRAGMA journal_mode=WAL"_s) || !q.exec(u"PRAGMA synchronous=NORMAL"_s))
        return tr("The alerts database %1 cannot be used: %2")
            .arg(m_filePath, StorageError::describe(q.lastError()));
    q.finish();
    if (version < SchemaVersion) {
        if (const QString error = setUp(); !error.isEmpty())
            return tr("The alerts database %1 cannot be set up: %2").arg(m_filePath, error);
    }
    m_open = true;
    changedElsewhere(); // the baseline
    return {};
}

QString AlertStore::setUp()
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(u"BEGIN IMMEDIATE"_s))
        return StorageError::describe(q.lastError());
    // Read again under the write lock: another process may have set the file up meanwhile.
    bool ok = q.exec(u"PRAGMA user_version"_s) && q.next();
    const int version = ok ? q.value(0).toInt() : 0;
    q.finish();
    if (ok && version < 1) {
        for (const char *sql : SchemaV1)
            ok = ok && q.exec(QString::fromLatin1(sql));
        ok = ok && q.exec(u"PRAGMA application_id = %1"_s.arg(ApplicationId)) &&
             q.exec(u"PRAGMA user_version = 1"_s);
    }
    ok = ok && q.exec(u"COMMIT"_s);
    if (ok)
        return {};
    const QString error = StorageError::describe(q.lastError());
    QSqlQuery(QSqlDatabase::database(m_connectionName, false)).exec(u"ROLLBACK"_s);
    return error;
}

AlertStore::StoredRules AlertStore::loadRules() const
{
    StoredRules out;
    if (!m_open) {
        out.error = tr("The alerts database is not open.");
        return out;
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(u"SELECT json FROM rules WHERE id = 1"_s)) {
        out.error = tr("The stored alert rules cannot be read, so the default rules apply: %1")
                        .arg(StorageError::describe(q.lastError()));
        return out;
    }
    if (!q.next())
        return out;
    const AlertRulesCodec::Decoded decoded =
        AlertRulesCodec::fromJson(q.value(0).toString().toUtf8());
    if (!decoded.rules) {
        out.error = tr("The stored alert rules cannot be used, so the default rules apply "
                       "until rules are saved again: %1")
                        .arg(decoded.error);
        return out;
    }
    out.rules = *decoded.rules;
    out.stored = true;
    return out;
}

QString AlertStore::saveRules(const AlertRules &rules, qint64 savedAtMs)
{
    if (!m_open)
        return tr("The alerts database is not open.");
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(u"INSERT OR REPLACE INTO rules(id, json, saved_at_ms) VALUES(1, ?, ?)"_s);
    q.addBindValue(QString::fromUtf8(AlertRulesCodec::toJson(rules)));
    q.addBindValue(savedAtMs);
    if (!q.exec())
        return tr("The alert rules could not be saved: %1")
            .arg(StorageError::describe(q.lastError()));
    return {};
}

AlertStore::StoredTracks AlertStore::loadTracks() const
{
    StoredTracks out;
    if (!m_open) {
        out.error = tr("The alerts database is not open.");
        return out;
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT node_id, rule, region, state, value, detail, since_ms, firing_since_ms, "
                "last_sample_ms, clearing_since_ms, ack_who, ack_at_ms, ack_comment "
                "FROM tracks"_s)) {
        out.error =
            tr("The stored alerts cannot be read: %1").arg(StorageError::describe(q.lastError()));
        return out;
    }
    int unreadable = 0;
    while (q.next()) {
        AlertTrack t;
        Alert &a = t.alert;
        a.nodeId = q.value(0).toString();
        const std::optional<AlertRule> rule = alertRuleFromKey(q.value(1).toString());
        const std::optional<AlertState> state = alertStateFromKey(q.value(3).toString());
        if (!rule || !state || *state == AlertState::Resolved || a.nodeId.isEmpty()) {
            ++unreadable;
            continue;
        }
        a.rule = *rule;
        a.region = q.value(2).toString();
        a.state = *state;
        a.value = optionalReal(q.value(4));
        a.detail = q.value(5).toString();
        a.sinceMs = q.value(6).toLongLong();
        a.firingSinceMs = optionalInt(q.value(7));
        t.lastSampleMs = q.value(8).toLongLong();
        t.clearingSinceMs = optionalInt(q.value(9));
        if (!q.value(10).isNull())
            a.ack =
                AlertAck{q.value(10).toString(), q.value(11).toLongLong(), q.value(12).toString()};
        out.tracks.append(std::move(t));
    }
    if (unreadable > 0)
        out.error =
            tr("%n stored alert(s) could not be read and were left out.", nullptr, unreadable);
    return out;
}

// The two statements that write tracks, prepared once per transaction: preparing costs more
// than the row.
struct AlertStore::TrackWriter
{
    explicit TrackWriter(const QSqlDatabase &db)
        : upsert(db)
        , remove(db)
    {
        upsert.prepare(u"INSERT OR REPLACE INTO tracks(node_id, rule, region, state, value, "
                       "detail, since_ms, firing_since_ms, last_sample_ms, clearing_since_ms, "
                       "ack_who, ack_at_ms, ack_comment) "
                       "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
        remove.prepare(u"DELETE FROM tracks WHERE node_id = ? AND rule = ?"_s);
    }
    QSqlQuery upsert;
    QSqlQuery remove;
};

bool AlertStore::writeTrack(TrackWriter &w, const AlertTrack &t)
{
    const Alert &a = t.alert;
    QSqlQuery &q = a.state == AlertState::Resolved ? w.remove : w.upsert;
    q.bindValue(0, a.nodeId);
    q.bindValue(1, alertRuleKey(a.rule));
    if (a.state != AlertState::Resolved) {
        const bool acked = a.ack.has_value();
        q.bindValue(2, text(a.region));
        q.bindValue(3, alertStateKey(a.state));
        q.bindValue(4, nullable(a.value));
        q.bindValue(5, text(a.detail));
        q.bindValue(6, a.sinceMs);
        q.bindValue(7, nullable(a.firingSinceMs));
        q.bindValue(8, t.lastSampleMs);
        q.bindValue(9, nullable(t.clearingSinceMs));
        q.bindValue(10,
                    acked ? QVariant(text(a.ack->who)) : QVariant(QMetaType::fromType<QString>()));
        q.bindValue(11, acked ? QVariant(a.ack->atMs) : QVariant(QMetaType::fromType<qint64>()));
        q.bindValue(12, acked ? QVariant(text(a.ack->comment))
                              : QVariant(QMetaType::fromType<QString>()));
    }
    if (!q.exec()) {
        m_lastError = StorageError::describe(q.lastError());
        return false;
    }
    return true;
}

QString AlertStore::save(const AlertEvaluation &evaluation, qint64 nowMs)
{
    if (!m_open)
        return tr("The alerts database is not open.");
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    // IMMEDIATE: take the write lock up front, waiting (busy timeout) for prego-ctl's transaction
    // instead of failing half-way.
    bool ok = q.exec(u"BEGIN IMMEDIATE"_s);
    if (!ok)
        m_lastError = StorageError::describe(q.lastError());
    TrackWriter writer(db);
    for (auto t = evaluation.changed.begin(); ok && t != evaluation.changed.end(); ++t)
        ok = writeTrack(writer, *t);
    if (ok && std::any_of(evaluation.transitions.begin(), evaluation.transitions.end(),
                          &AlertStore::isKeptInHistory)) {
        q.prepare(u"INSERT INTO transitions(at_ms, node_id, region, rule, from_state, to_state, "
                  "value, detail) VALUES(?, ?, ?, ?, ?, ?, ?, ?)"_s);
        for (auto t = evaluation.transitions.begin(); ok && t != evaluation.transitions.end();
             ++t) {
            if (!isKeptInHistory(*t))
                continue;
            q.bindValue(0, t->atMs);
            q.bindValue(1, t->nodeId);
            q.bindValue(2, text(t->region));
            q.bindValue(3, alertRuleKey(t->rule));
            q.bindValue(4, t->from ? QVariant(alertStateKey(*t->from))
                                   : QVariant(QMetaType::fromType<QString>()));
            q.bindValue(5, alertStateKey(t->to));
            q.bindValue(6, nullable(t->value));
            q.bindValue(7, text(t->detail));
            ok = q.exec();
        }
        if (!ok)
            m_lastError = StorageError::describe(q.lastError());
    }
    if (ok) {
        q.prepare(u"DELETE FROM transitions WHERE at_ms < ?"_s);
        q.addBindValue(nowMs - HistoryRetentionMs);
        ok = q.exec() && q.exec(u"COMMIT"_s);
        if (!ok)
            m_lastError = StorageError::describe(q.lastError());
    }
    if (ok)
        return {};
    QSqlQuery(db).exec(u"ROLLBACK"_s);
    return tr("The alerts could not be saved: %1").arg(m_lastError);
}

QString AlertStore::saveTrack(const AlertTrack &track)
{
    if (!m_open)
        return tr("The alerts database is not open.");
    TrackWriter writer(QSqlDatabase::database(m_connectionName, false));
    if (writeTrack(writer, track))
        return {};
    return tr("The alerts could not be saved: %1").arg(m_lastError);
}

bool AlertStore::isKeptInHistory(const AlertTransition &t)
{
    const auto notable = [](AlertState s) {
        return s == AlertState::Firing || s == AlertState::Unknown;
    };
    return notable(t.to) || (t.from && notable(*t.from));
}

QList<AlertTransition> AlertStore::history(qint64 sinceMs, int limit) const
{
    QList<AlertTransition> out;
    if (!m_open)
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    q.prepare(u"SELECT at_ms, node_id, region, rule, from_state, to_state, value, detail "
              "FROM transitions WHERE at_ms >= ? ORDER BY at_ms DESC, id DESC LIMIT ?"_s);
    q.addBindValue(sinceMs);
    q.addBindValue(limit);
    if (!q.exec()) {
        m_lastError = StorageError::describe(q.lastError());
        return out;
    }
    while (q.next()) {
        const std::optional<AlertRule> rule = alertRuleFromKey(q.value(3).toString());
        const std::optional<AlertState> to = alertStateFromKey(q.value(5).toString());
        if (!rule || !to)
            continue; // written by a newer console
        AlertTransition t;
        t.atMs = q.value(0).toLongLong();
        t.nodeId = q.value(1).toString();
        t.region = q.value(2).toString();
        t.rule = *rule;
        if (!q.value(4).isNull())
            t.from = alertStateFromKey(q.value(4).toString());
        t.to = *to;
        t.value = optionalReal(q.value(6));
        t.detail = q.value(7).toString();
        out.append(std::move(t));
    }
    return out;
}

bool AlertStore::changedElsewhere()
{
    if (!m_open)
        return false;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(u"PRAGMA data_version"_s) || !q.next())
        return false;
    const qint64 version = q.value(0).toLongLong();
    const bool changed = m_dataVersion >= 0 && version != m_dataVersion;
    m_dataVersion = version;
    return changed;
}

} // namespace prego
