#include "tokenfile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtEndian>

#include <gtest/gtest.h>

#include <cerrno>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

using namespace prego::agent;
using namespace Qt::StringLiterals;

namespace {
const QByteArray Secret = "agt-7f3c9e1b2d4a6f8e0c1b3d5f7a9e2c4b";

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content,
                  mode_t mode)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    EXPECT_EQ(::chmod(QFile::encodeName(path).constData(), mode), 0);
    return path;
}

void expectNoSecret(const Result<QByteArray> &result)
{
    EXPECT_FALSE(result.error().contains(QString::fromLatin1(Secret)))
        << "the token leaked into: " << result.error().toStdString();
}
} // namespace

TEST(TokenFile, PrivateFileIsAcceptedAndTrimmed)
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, u"token"_s, "  \n" + Secret + "\n\n", 0600);
    const Result<QByteArray> token = TokenFile::read(path);
    ASSERT_TRUE(token.ok()) << token.error().toStdString();
    EXPECT_EQ(token.value(), Secret);

    const QString readOnly = writeFile(dir, u"token-0400"_s, Secret, 0400);
    EXPECT_TRUE(TokenFile::read(readOnly).ok());
}

TEST(TokenFile, WorldReadableFileIsRefusedWithTheReason)
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, u"token"_s, Secret + '\n', 0644);
    const Result<QByteArray> token = TokenFile::read(path);
    ASSERT_FALSE(token.ok());
    EXPECT_TRUE(token.error().contains(path));
    EXPECT_TRUE(token.error().contains(u"readable by other users"_s))
        << token.error().toStdString();
    EXPECT_TRUE(token.error().contains(u"0644"_s));
    EXPECT_TRUE(token.error().contains(u"chmod 600"_s));
    expectNoSecret(token);
}

TEST(TokenFile, GroupReadableFileIsRefused)
{
    QTemporaryDir dir;
    const Result<QByteArray> token = TokenFile::read(writeFile(dir, u"token"_s, Secret, 0640));
    ASSERT_FALSE(token.ok());
    EXPECT_TRUE(token.error().contains(u"0640"_s)) << token.error().toStdString();
    expectNoSecret(token);
}

TEST(TokenFile, EmptyAndBlankFilesAreRefused)
{
    QTemporaryDir dir;
    for (const QByteArray &content : {QByteArray(), QByteArray(" \n\t\n")}) {
        const Result<QByteArray> token = TokenFile::read(writeFile(dir, u"token"_s, content, 0600));
        ASSERT_FALSE(token.ok());
        EXPECT_TRUE(token.error().contains(u"is empty"_s)) << token.error().toStdString();
    }
}

TEST(TokenFile, MissingFileIsRefused)
{
    QTemporaryDir dir;
    const Result<QByteArray> token = TokenFile::read(dir.filePath(u"absent"_s));
    ASSERT_FALSE(token.ok());
    EXPECT_TRUE(token.error().contains(u"does not exist"_s)) << token.error().toStdString();
    EXPECT_TRUE(token.error().contains(dir.filePath(u"absent"_s)));

    EXPECT_FALSE(TokenFile::read({}).ok());
}

TEST(TokenFile, DirectoryAndFifoAreNotRegularFiles)
{
    QTemporaryDir dir;
    const Result<QByteArray> directory = TokenFile::read(dir.path());
    ASSERT_FALSE(directory.ok());
    EXPECT_TRUE(directory.error().contains(u"not a regular file"_s))
        << directory.error().toStdString();

    // A FIFO would block a naive reader forever; it must be refused at once.
    const QString fifo = dir.filePath(u"fifo"_s);
    ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const Result<QByteArray> pipe = TokenFile::read(fifo);
    ASSERT_FALSE(pipe.ok());
    EXPECT_TRUE(pipe.error().contains(u"not a regular file"_s)) << pipe.error().toStdString();
}

TEST(TokenFile, TwoTokensOrControlCharactersAreRefusedWithoutQuotingThem)
{
    QTemporaryDir dir;
    const QList<QByteArray> contents{QByteArray(Secret + "\n" + Secret),
                                     QByteArray(Secret + " extra"), QByteArray(Secret + "\x01"),
                                     QByteArray("t\xc3\xa9st")};
    for (const QByteArray &content : contents) {
        const Result<QByteArray> token = TokenFile::read(writeFile(dir, u"token"_s, content, 0600));
        ASSERT_FALSE(token.ok());
        EXPECT_TRUE(token.error().contains(u"must contain only the token"_s))
            << token.error().toStdString();
        expectNoSecret(token);
    }
}

// systemd's LoadCredential= writes the credential 0400 and grants the service's user read access
// with a POSIX ACL; stat() then shows the ACL mask in the group bits (mode 0440). That is not
// "readable by the group" and must be accepted, while an ACL that lets others read is refused.
TEST(TokenFile, AclOnlyForThisUserIsAcceptedAclForOthersIsRefused)
{
    QTemporaryDir dir;
    const auto withAcl = [&dir](const QString &name, quint32 namedUser, quint16 groupPerm) {
        const QString path = writeFile(dir, name, Secret, 0400);
        // Kernel xattr format: version 2, then {tag, perm, id} entries sorted by tag.
        QByteArray acl(4, '\0');
        qToLittleEndian<quint32>(2, acl.data());
        const auto entry = [&acl](quint16 tag, quint16 perm, quint32 id) {
            QByteArray bytes(8, '\0');
            qToLittleEndian<quint16>(tag, bytes.data());
            qToLittleEndian<quint16>(perm, bytes.data() + 2);
            qToLittleEndian<quint32>(id, bytes.data() + 4);
            acl += bytes;
        };
        entry(0x01, 4, 0xffffffff);         // owner r--
        entry(0x02, 4, namedUser);          // named user r--
        entry(0x04, groupPerm, 0xffffffff); // owning group
        entry(0x10, 4, 0xffffffff);         // mask r--
        entry(0x20, 0, 0xffffffff);         // other ---
        const int rc = ::setxattr(QFile::encodeName(path).constData(), "system.posix_acl_access",
                                  acl.constData(), size_t(acl.size()), 0);
        return rc == 0 ? path : QString();
    };

    const QString mine = withAcl(u"credential"_s, ::geteuid(), 0);
    if (mine.isEmpty())
        GTEST_SKIP() << "no POSIX ACL support on this file system (errno " << errno << ")";
    struct stat info = {};
    ASSERT_EQ(::stat(QFile::encodeName(mine).constData(), &info), 0);
    ASSERT_EQ(info.st_mode & 0777, 0440u) << "the ACL mask shows in the group bits";
    const Result<QByteArray> accepted = TokenFile::read(mine);
    ASSERT_TRUE(accepted.ok()) << accepted.error().toStdString();
    EXPECT_EQ(accepted.value(), Secret);

    const Result<QByteArray> otherUser = TokenFile::read(withAcl(u"other-user"_s, 65534, 0));
    ASSERT_FALSE(otherUser.ok());
    EXPECT_TRUE(otherUser.error().contains(u"readable by other users"_s))
        << otherUser.error().toStdString();
    expectNoSecret(otherUser);

    const Result<QByteArray> group = TokenFile::read(withAcl(u"group"_s, ::geteuid(), 4));
    ASSERT_FALSE(group.ok());
    EXPECT_TRUE(group.error().contains(u"readable by other users"_s));
}
