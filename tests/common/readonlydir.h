#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

#include <cerrno>
#include <cstring>
#include <string>

#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

namespace prego::test {

// A directory made read-only for real while this lives: a read-only bind mount of itself when
// running as root (root ignores permission bits, and CI runs as root), its permission bits
// otherwise. ok() is false, with why(), when neither can be done.
class ReadOnlyDir
{
public:
    explicit ReadOnlyDir(const QString &dir)
        : m_dir(QFile::encodeName(dir))
    {
        if (::geteuid() != 0) {
            m_ok = ::chmod(m_dir.constData(), 0555) == 0;
            if (!m_ok)
                m_why = std::strerror(errno);
            return;
        }
        if (::mount(m_dir.constData(), m_dir.constData(), nullptr, MS_BIND, nullptr) != 0) {
            m_why = std::strerror(errno);
            return;
        }
        m_mounted = true;
        m_ok = ::mount(nullptr, m_dir.constData(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY,
                       nullptr) == 0;
        if (!m_ok)
            m_why = std::strerror(errno);
    }
    ~ReadOnlyDir()
    {
        if (m_mounted)
            ::umount2(m_dir.constData(), MNT_DETACH);
        else
            ::chmod(m_dir.constData(), 0755);
    }
    ReadOnlyDir(const ReadOnlyDir &) = delete;
    ReadOnlyDir &operator=(const ReadOnlyDir &) = delete;

    bool ok() const { return m_ok; }
    std::string why() const { return m_why; }

private:
    QByteArray m_dir;
    bool m_mounted = false;
    bool m_ok = false;
    std::string m_why;
};

} // namespace prego::test
