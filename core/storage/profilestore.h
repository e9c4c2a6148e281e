#pragma once

#include "domain/profile.h"

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
    bool remove(const QString &name);

    QString lastUsed() const;
    void setLastUsed(const QString &name);

private:
    QSettings &m_settings;
};

} // namespace prego
