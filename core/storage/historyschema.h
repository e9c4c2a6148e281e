#pragma once

#include "historystore.h"

namespace prego {

class HistoryDatabase;

// Owns the file's shape: opening with the integrity check, moving a damaged file aside, the
// schema version and the migrations up to HistoryStore::SchemaVersion.
class HistorySchema
{
public:
    HistorySchema(HistoryDatabase &db, const HistoryStoreOptions &options);
    HistorySchema(const HistorySchema &) = delete;
    HistorySchema &operator=(const HistorySchema &) = delete;

    // Opens (creating when missing), checks, migrates, then reads the marks.
    HistoryOpenResult open(const QString &path);
    // PRAGMA user_version, or -1 when it cannot be read.
    int version() const;

private:
    enum class OpenOutcome { Ok, Corrupt, Failed, NotReady };

    OpenOutcome openAndPrepare(HistoryOpenResult *result);
    bool migrate(int from, HistoryOpenResult *result);
    bool migrateRollupsV2();

    HistoryDatabase &m_db;
    HistoryStoreOptions m_options;
};

} // namespace prego
