#pragma once

#include "alertstore.h"
#include "domain/alertengine.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <memory>

namespace prego {

// One profile's alerting: an AlertEngine kept on disk by an AlertStore. Used on one thread:
// AlertMonitor's worker thread in the console, the main thread in prego-ctl (evaluateOnce).
//
// When the file cannot be used (not ours, damaged, a newer schema), the session says so once and
// keeps evaluating in memory: alerts still work, they are just not kept across a restart.
class AlertSession
{
    Q_DECLARE_TR_FUNCTIONS(prego::AlertSession)

public:
    // An empty path: in memory only (open() is then not needed).
    explicit AlertSession(const QString &path);
    ~AlertSession();
    AlertSession(const AlertSession &) = delete;
    AlertSession &operator=(const AlertSession &) = delete;

    // Opens the store, loads the rules and restores every track. A translated error, or empty;
    // a problem with the stored rules or some rows is reported here too, with what was kept.
    QString open();
    bool isPersistent() const { return m_store && m_store->isOpen(); }

    struct Observed
    {
        QList<AlertTransition> transitions;
        bool changed = false; // a state, window or value moved: current() differs
        QString error;        // translated: the evaluation could not be saved (it still counts)
        bool rulesReloaded = false; // another process changed the rules on disk
    };
    Observed observe(const NodesSnapshot &snapshot, int staleAfterSeconds);

    // Records the ack with the alert and on disk. A translated error, or empty.
    QString acknowledge(const QString &key, const AlertAck &ack);
    // Validates, saves and applies the rules (they take effect at the next evaluation). A
    // translated error, or empty; invalid rules change nothing.
    QString setRules(const AlertRules &rules, qint64 savedAtMs);

    const AlertRules &rules() const { return m_engine.rules(); }
    QList<Alert> current() const { return m_engine.current(); }
    const AlertEngine &engine() const { return m_engine; }
    QList<AlertTransition> history(qint64 sinceMs,
                                   int limit = AlertStore::DefaultHistoryLimit) const;

    // prego-ctl: open the profile's file, evaluate one snapshot on top of what it holds, save,
    // and return the current alerts. Unlike the console, a file that cannot be used is an error
    // here: one snapshot alone would show windows that never filled.
    struct OneShot
    {
        QList<Alert> current;
        QList<AlertTransition> transitions;
        AlertRules rules;
        QString error;   // translated; set when nothing could be evaluated or saved
        QString warning; // translated: evaluated, but e.g. with the default rules (see open())
    };
    static OneShot evaluateOnce(const QString &path, const NodesSnapshot &snapshot,
                                int staleAfterSeconds);

private:
    // Another process (prego-ctl, a second console) wrote to the file: take its tracks, acks and
    // rules, so the next evaluation continues from them instead of overwriting them.
    bool reloadIfChangedElsewhere();
    // Writes what is waiting (this evaluation, and any earlier one a failed write left behind).
    QString flush(qint64 nowMs);
    void remember(const QList<AlertTransition> &transitions, qint64 nowMs);

    std::unique_ptr<AlertStore> m_store;
    AlertEngine m_engine;
    // Not yet on disk: a failed write (a full disk) is retried with the next evaluation, so the
    // file never misses a change. Tracks by key, latest state only.
    QHash<QString, AlertTrack> m_unsavedTracks;
    QList<AlertTransition> m_unsavedTransitions;
    // Without a usable file: the last 7 days' transitions in memory, for the Alerts page.
    QList<AlertTransition> m_memoryHistory;
};

} // namespace prego
