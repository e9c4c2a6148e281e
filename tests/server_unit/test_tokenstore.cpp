#include "tokenstore.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using prego::sim::Role;
using prego::sim::TokenStore;

TEST(TokenStore, ParsesRolesAndBinding)
{
    TokenStore store;
    const QString error = store.load("# comment\n\nalice operator aaaaaaaaaaaaaaaaaaaa\n"
                                     "bob viewer bbbbbbbbbbbbbbbbbbbb\n"
                                     "n1 agent fsn1-shared-01 cccccccccccccccccccc\n");
    ASSERT_TRUE(error.isEmpty()) << qPrintable(error);
    EXPECT_EQ(store.size(), 3);
    const auto agent = store.lookup("cccccccccccccccccccc");
    ASSERT_TRUE(agent);
    EXPECT_EQ(agent->role, Role::Agent);
    EXPECT_EQ(agent->boundNodeId, u"fsn1-shared-01"_s);
    EXPECT_FALSE(store.lookup("cccccccccccccccccccd"));
    EXPECT_FALSE(store.lookup(""));
}

TEST(TokenStore, RefusesBadLinesWithoutEchoingTheToken)
{
    TokenStore store;
    const QString error = store.load("alice superuser secretsecretsecret1234\n");
    EXPECT_FALSE(error.isEmpty());
    EXPECT_FALSE(error.contains(u"secretsecret"_s));
    TokenStore bound;
    EXPECT_FALSE(bound.load("alice operator fsn1 secretsecretsecret1234\n").isEmpty());
}

TEST(TokenStore, RefusesAFileOthersCanRead)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"tokens"_s);
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("alice operator aaaaaaaaaaaaaaaaaaaa\n");
    f.close();
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
    TokenStore store;
    EXPECT_TRUE(store.loadFile(path).contains(u"chmod 600"_s));
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    EXPECT_TRUE(store.loadFile(path).isEmpty());
}
