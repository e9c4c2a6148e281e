#include "profilestore.h"

#include "storageerror.h"

#include <QCoreApplication>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace prego {

ProfileStore::ProfileStore(QSettings &settings)
    : m_settings(settings)
{}

QList<Profile> ProfileStore::list() const
{
    QList<Profile> out;
    m_settings.beginGroup(u"profiles"_s);
    const QStringList names = m_settings.childGroups();
    m_settings.endGroup();
    for (const QString &name : names) {
        if (auto p = find(name))
            out.append(*p);
    }
    std::sort(out.begin(), out.end(),
              [](const Profile &a, const Profile &b) { return a.name < b.name; });
    return out;
}

std::optional<Profile> ProfileStore::find(const QString &name) const
{
    if (!Profile::isValidName(name))
        return std::nullopt;
    const QString group = u"profiles/"_s + name;
    if (!m_settings.childGroups().contains(u"profiles"_s))
        return std::nullopt;
    m_settings.beginGroup(group);
    const bool exists = m_settings.contains(u"url"_s);
    Profile p;
    p.name = name;
    p.baseUrl = QUrl(m_settings.value(u"url"_s).toString());
    p.pollIntervalSeconds =
        m_settings.value(u"poll_interval_s"_s, Profile::DefaultPollIntervalSeconds).toInt();
    p.staleAfterSeconds =
        m_settings.value(u"stale_after_s"_s, Profile::DefaultStaleAfterSeconds).toInt();
    p.caFile = m_settings.value(u"ca_file"_s).toString();
    m_settings.endGroup();
    if (!exists)
        return std::nullopt;
    return p;
}

QString ProfileStore::save(const Profile &p)
{
    if (const QString problem = p.validate(); !problem.isEmpty())
        return problem;
    const std::optional<Profile> before = find(p.name);
    writeProfile(p);
    m_settings.sync();
    m_lastError = writeError();
    if (!m_lastError.isEmpty()) {
        // Not in the file, so not in this process either (see remove()).
        if (before)
            writeProfile(*before);
        else {
            m_settings.beginGroup(u"profiles/"_s + p.name);
            m_settings.remove(QString());
            m_settings.endGroup();
        }
    }
    return m_lastError;
}

void ProfileStore::writeProfile(const Profile &p)
{
    m_settings.beginGroup(u"profiles/"_s + p.name);
    m_settings.setValue(u"url"_s, p.baseUrl.toString());
    m_settings.setValue(u"poll_interval_s"_s, p.pollIntervalSeconds);
    m_settings.setValue(u"stale_after_s"_s, p.staleAfterSeconds);
    if (p.caFile.isEmpty())
        m_settings.remove(u"ca_file"_s);
    else
        m_settings.setValue(u"ca_file"_s, p.caFile);
    m_settings.endGroup();
}

QString ProfileStore::writeError() const
{
    if (m_settings.status() == QSettings::NoError)
        return {};
    const QString file = m_settings.fileName();
    const QString cause = StorageError::likelyCause(QFileInfo(file).absolutePath());
    if (!cause.isEmpty())
        return QCoreApplication::translate("prego::ProfileStore",
                                           "The settings file %1 could not be written: %2.")
            .arg(file, cause);
    return QCoreApplication::translate("prego::ProfileStore",
                                       "The settings file %1 could not be written.")
        .arg(file);
}

bool ProfileStore::remove(const QString &name)
{
    m_lastError.clear();
    const std::optional<Profile> existing = find(name);
    if (!existing)
        return false;
    const QString last = lastUsed();
    m_settings.remove(u"profiles/"_s + name);
    if (last == name)
        m_settings.remove(u"last_profile"_s);
    m_settings.sync();
    m_lastError = writeError();
    if (!m_lastError.isEmpty()) {
        // The file still holds the profile: so must this process (QSettings shares its
        // in-memory copy with every QSettings of the same file), or it would vanish from the
        // lists until the next start.
        writeProfile(*existing);
        if (last == name)
            setLastUsed(name);
    }
    return m_lastError.isEmpty();
}

QString ProfileStore::lastUsed() const
{
    return m_settings.value(u"last_profile"_s).toString();
}

void ProfileStore::setLastUsed(const QString &name)
{
    m_settings.setValue(u"last_profile"_s, name);
}

} // namespace prego
