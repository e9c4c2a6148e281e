#pragma once

#include "types/profile.h"

#include <QList>
#include <QSettings>

#include <optional>

namespace prego {

// Profiles in QSettings (group "profiles/<name>"). Holds no secret: tokens are in the SecretStore.
class ProfileStore
{
public:
    explicit ProfileStore(QSettings &settings);

    QList<Profile> list() const; // sorted by name
    std::optional<Profile> find(const QString &name) const;
    // Returns a translated error, or empty on success (the settings are synced to disk).
    QString save(const Profile &profile);
    // False when there is no such profile, or when the settings could not be written (then
    // lastError() says why, translated, and the profile is still in the file).
    bool remove(const QString &name);
    QString lastError() const { return m_lastError; }

    QString lastUsed() const;
    void setLastUsed(const QString &name);

private:
    void writeProfile(const Profile &profile); // in memory; sync() writes it
    // After sync(): a translated sentence when the settings file could not be written.
    QString writeError() const;

    QSettings &m_settings;
    QString m_lastError;
};

} // namespace prego
