#include "tokenfile.h"

#include <QFile>
#include <QList>
#include <QtEndian>

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <optional>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

namespace prego::agent {

using namespace Qt::StringLiterals;

namespace {
constexpr qsizetype MaxTokenFileSize = 16 * 1024;

// Closes the descriptor on every return path.
class FileDescriptor
{
public:
    explicit FileDescriptor(int fd)
        : m_fd(fd)
    {}
    ~FileDescriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor &) = delete;
    FileDescriptor &operator=(const FileDescriptor &) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};
// Who besides the owner may read the file according to its POSIX access ACL, parsed from the
// kernel's xattr format (little-endian: a u32 version, then {u16 tag, u16 perm, u32 id} entries).
// nullopt when the file has no ACL and the mode bits tell the whole story.
std::optional<bool> aclLetsOthersRead(int fd, uid_t self, uid_t owner)
{
    char buffer[4 + 8 * 64];
    const ssize_t size = ::fgetxattr(fd, "system.posix_acl_access", buffer, sizeof buffer);
    if (size < 4)
        return std::nullopt;
    enum : quint16 {
        UserObj = 0x01,
        User = 0x02,
        GroupObj = 0x04,
        Group = 0x08,
        Mask = 0x10,
        Other = 0x20
    };
    constexpr quint16 Read = 0x04;
    struct Entry
    {
        quint16 tag;
        quint16 perm;
        quint32 id;
    };
    QList<Entry> entries;
    quint16 mask = 0x07;
    for (ssize_t offset = 4; offset + 8 <= size; offset += 8) {
        const Entry entry{qFromLittleEndian<quint16>(buffer + offset),
                          qFromLittleEndian<quint16>(buffer + offset + 2),
                          qFromLittleEndian<quint32>(buffer + offset + 4)};
        if (entry.tag == Mask)
            mask = entry.perm;
        entries.append(entry);
    }
    for (const Entry &entry : std::as_const(entries)) {
        switch (entry.tag) {
        case User:
            // systemd's LoadCredential grants the service user read access this way.
            if ((entry.perm & mask & Read) && entry.id != self && entry.id != owner)
                return true;
            break;
        case GroupObj:
        case Group:
            if (entry.perm & mask & Read)
                return true;
            break;
        case Other:
            if (entry.perm & Read)
                return true;
            break;
        default:
            break;
        }
    }
    return false;
}
} // namespace

Result<QByteArray> TokenFile::read(const QString &path)
{
    if (path.isEmpty())
        return Result<QByteArray>::failure(tr("no token file given (--token-file)"));

    // Open first and check the opened file (fstat), so the file checked is the file read.
    // O_NONBLOCK keeps a FIFO from hanging the agent before the regular-file check refuses it.
    const FileDescriptor fd(
        ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    if (fd.get() < 0) {
        const int error = errno;
        if (error == ENOENT)
            return Result<QByteArray>::failure(tr("token file %1 does not exist").arg(path));
        return Result<QByteArray>::failure(
            tr("cannot open token file %1: %2").arg(path, qt_error_string(error)));
    }
    struct stat info = {};
    if (::fstat(fd.get(), &info) != 0) {
        return Result<QByteArray>::failure(
            tr("cannot inspect token file %1: %2").arg(path, qt_error_string(errno)));
    }
    if (!S_ISREG(info.st_mode))
        return Result<QByteArray>::failure(tr("token file %1 is not a regular file").arg(path));
    // With an ACL the group bits of the mode are the ACL's mask, not the group's permission.
    const std::optional<bool> aclOthers = aclLetsOthersRead(fd.get(), ::geteuid(), info.st_uid);
    if (aclOthers.value_or(false)) {
        return Result<QByteArray>::failure(
            tr("token file %1 is readable by other users (its ACL grants read access to a group, "
               "other users or everyone); remove the ACL with \"setfacl -b %1\" and make it "
               "private with \"chmod 600 %1\"")
                .arg(path));
    }
    if (!aclOthers && (info.st_mode & (S_IRGRP | S_IROTH)) != 0) {
        const QString mode = QString::number(info.st_mode & 07777, 8).rightJustified(4, u'0');
        return Result<QByteArray>::failure(
            tr("token file %1 is readable by other users (mode %2); make it private with "
               "\"chmod 600 %1\"")
                .arg(path, mode));
    }
    if (info.st_size > MaxTokenFileSize) {
        return Result<QByteArray>::failure(
            tr("token file %1 is too large to hold a token (%2 bytes)")
                .arg(path, QString::number(info.st_size)));
    }

    QByteArray content(MaxTokenFileSize + 1, Qt::Uninitialized);
    qsizetype length = 0;
    while (length < content.size()) {
        const ssize_t n =
            ::read(fd.get(), content.data() + length, size_t(content.size() - length));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            return Result<QByteArray>::failure(
                tr("cannot read token file %1: %2").arg(path, qt_error_string(errno)));
        }
        if (n == 0)
            break;
        length += n;
    }
    content.truncate(length);
    const QByteArray token = content.trimmed();
    if (token.isEmpty())
        return Result<QByteArray>::failure(tr("token file %1 is empty").arg(path));
    // The token goes into an HTTP header: only visible ASCII, no inner spaces or line breaks.
    const bool printable =
        std::all_of(token.cbegin(), token.cend(), [](char c) { return c > 0x20 && c < 0x7f; });
    if (!printable || token.size() > MaxTokenFileSize) {
        return Result<QByteArray>::failure(
            tr("token file %1 must contain only the token: one line of printable ASCII "
               "characters without spaces")
                .arg(path));
    }
    return Result<QByteArray>::success(token);
}

} // namespace prego::agent
