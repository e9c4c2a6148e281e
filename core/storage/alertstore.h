#pragma once

#include "domain/alertengine.h"
#include "types/alert.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace prego {

// One profile's alerts on disk: the engine's tracks (every open window and acknowledgement, so a
// restart resumes them exactly), the transitions of the last 7 days (the Alerts page's history)
// and the profile's rules as JSON (AlertRulesCodec).
//
// The history keeps what an operator acts on: transitions into or out of Firing or Unknown. A
// pending alert that ended without firing is left out: a value flapping at its threshold would
// otherwise write two rows a push (a million a day at 10,000 nodes with a few per cent flapping).
//
// One SQLite file per profile, WAL with a busy timeout so the console and prego-ctl can share it;
// one named connection per instance, used on the thread that opened it. The file carries an
// application id: a file that is not ours, or is damaged, is refused with a translated error
// and left exactly as it was.
class AlertStore
{
    Q_DECLARE_TR_FUNCTIONS(prego::AlertStore)

public:
    static constexpr int SchemaVersion = 1;
    static constexpr qint32 ApplicationId = 0x50524741; // "PRGA"
    static constexpr qint64 HistoryRetentionMs = 7LL * 24 * 3600 * 1000;
    static constexpr int DefaultHistoryLimit = 10000;

    explicit AlertStore(QString filePath);
    ~AlertStore();
    AlertStore(const AlertStore &) = delete;
    AlertStore &operator=(const AlertStore &) = delete;

    // <AppDataLocation>/alerts-<profile>.sqlite
    static QString defaultPath(const QString &profile);

    // Opens (and creates or migrates) the database. A translated error, or empty on success.
    QString open();
    bool isOpen() const { return m_open; }
    QString filePath() const { return m_filePath; }

    struct StoredRules
    {
        AlertRules rules; // the defaults when none are stored or the stored ones are unusable
        bool stored = false;
        QString error; // translated: the stored rules could not be used (the row is kept)
    };
    StoredRules loadRules() const;
    QString saveRules(const AlertRules &rules, qint64 savedAtMs);

    struct StoredTracks
    {
        QList<AlertTrack> tracks;
        QString error; // translated: rows that could not be read were left out
    };
    StoredTracks loadTracks() const;
    // One transaction: the changed tracks written (resolved ones deleted), the transitions kept
    // in the history appended, and transitions older than HistoryRetentionMs before nowMs pruned. A
    // translated error, or empty; on error nothing was written.
    QString save(const AlertEvaluation &evaluation, qint64 nowMs);
    // One track as it now stands (an acknowledgement).
    QString saveTrack(const AlertTrack &track);

    // Whether a transition belongs in the history (see above).
    static bool isKeptInHistory(const AlertTransition &transition);
    // Transitions at or after sinceMs, newest first, at most `limit`.
    QList<AlertTransition> history(qint64 sinceMs, int limit = DefaultHistoryLimit) const;

    // True when another connection (prego-ctl, another console) committed to the file since the
    // last call: the caller reloads what it keeps in memory.
    bool changedElsewhere();

    QString lastError() const { return m_lastError; }

private:
    struct TrackWriter;
    QString setUp();
    bool writeTrack(TrackWriter &writer, const AlertTrack &track);

    QString m_filePath;
    QString m_connectionName;
    bool m_open = false;
    qint64 m_dataVersion = -1;
    mutable QString m_lastError;
};

} // namespace prego
