// KeychainSecretStore against the real Secret Service of the shared test session
// (scripts/with-test-session.sh: a private D-Bus session with an unlocked gnome-keyring).
// Each test uses its own keychain service name and removes what it wrote.
#include "plaintextscan.h"
#include "secrets/keychainsecretstore.h"

#include <QProcess>
#include <QUuid>

#include <gtest/gtest.h>

using namespace prego;
using Kind = SecretError::Kind;

namespace {

QString uniqueToken(const QString &prefix)
{
    return prefix % QUuid::createUuid().toString(QUuid::Id128);
}

class KeychainSecretStoreTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (!qEnvironmentVariableIsSet("PREGO_IN_TEST_SESSION")) {
            GTEST_SKIP() << "needs the keyring of scripts/with-test-session.sh; never touches "
                            "the developer's own keyring";
        }
        m_store = std::make_unique<KeychainSecretStore>(
            uniqueToken(QStringLiteral("io.prego.console.test.")));
    }

    void TearDown() override
    {
        if (!m_store) {
            return;
        }
        for (const QString &profile : std::as_const(m_written)) {
            waitForSecretJob(m_store->remove(profile));
        }
    }

    SecretResult write(const QString &profile, const QString &secret)
    {
        m_written << profile;
        const SecretResult result = waitForSecretJob(m_store->write(profile, secret));
        if (result.error.kind == Kind::NoDefaultKeyring) {
            ADD_FAILURE() << "the test session has no default keyring: "
                             "scripts/with-test-session.sh must feed a newline (printf '\\n') "
                             "to gnome-keyring-daemon --unlock so the login keyring is created";
        }
        return result;
    }

    SecretResult read(const QString &profile) { return waitForSecretJob(m_store->read(profile)); }
    SecretResult remove(const QString &profile)
    {
        return waitForSecretJob(m_store->remove(profile));
    }

    static QStringList sessionDirectories()
    {
        QStringList dirs;
        for (const char *name :
             {"XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"}) {
            dirs << qEnvironmentVariable(name);
        }
        return dirs;
    }

    std::unique_ptr<KeychainSecretStore> m_store;
    QStringList m_written;
};

} // namespace

TEST(KeychainSecretStoreNames, ServiceAndKey)
{
    EXPECT_EQ(KeychainSecretStore::defaultServiceName(), QStringLiteral("io.prego.console"));
    EXPECT_EQ(KeychainSecretStore::keyForProfile(QStringLiteral("eu-prod")),
              QStringLiteral("profile/eu-prod"));
    KeychainSecretStore store;
    EXPECT_EQ(store.serviceName(), QStringLiteral("io.prego.console"));
    EXPECT_TRUE(store.isPersistent());
}

TEST_F(KeychainSecretStoreTest, WriteReadOverwriteDelete)
{
    const QString first = uniqueToken(QStringLiteral("canary-"));
    const QString second = uniqueToken(QStringLiteral("canary2-"));

    SecretResult result = write(QStringLiteral("lab"), first);
    ASSERT_TRUE(result.ok()) << result.error.message().toStdString() << " / "
                             << result.error.detail.toStdString();
    result = read(QStringLiteral("lab"));
    ASSERT_TRUE(result.ok()) << result.error.message().toStdString();
    EXPECT_TRUE(result.secret == first) << "read returned a different secret";

    ASSERT_TRUE(write(QStringLiteral("lab"), second).ok());
    result = read(QStringLiteral("lab"));
    ASSERT_TRUE(result.ok());
    EXPECT_TRUE(result.secret == second) << "overwrite did not replace the secret";

    result = remove(QStringLiteral("lab"));
    EXPECT_TRUE(result.ok()) << result.error.message().toStdString();
    result = read(QStringLiteral("lab"));
    EXPECT_EQ(result.error.kind, Kind::NotFound) << result.error.detail.toStdString();
    EXPECT_FALSE(result.secret.has_value());
    EXPECT_TRUE(remove(QStringLiteral("lab")).ok()) << "removing a missing secret succeeds";
}

TEST_F(KeychainSecretStoreTest, MissingEntryIsNotFoundWithItsMessage)
{
    const SecretResult result = read(QStringLiteral("never-written"));
    EXPECT_EQ(result.error.kind, Kind::NotFound) << result.error.detail.toStdString();
    EXPECT_FALSE(result.secret.has_value());
    EXPECT_EQ(result.error.message(), SecretError::message(Kind::NotFound));
    EXPECT_FALSE(result.error.message().isEmpty());
}

TEST_F(KeychainSecretStoreTest, ProfilesHaveTheirOwnEntries)
{
    const QString a = uniqueToken(QStringLiteral("canary-"));
    const QString b = uniqueToken(QStringLiteral("canary-"));
    ASSERT_TRUE(write(QStringLiteral("a"), a).ok());
    ASSERT_TRUE(write(QStringLiteral("b"), b).ok());
    ASSERT_TRUE(remove(QStringLiteral("a")).ok());
    EXPECT_EQ(read(QStringLiteral("a")).error.kind, Kind::NotFound);
    EXPECT_TRUE(read(QStringLiteral("b")).secret == b) << "removing one profile touched another";
}

// The entry is where other Secret Service clients find it, and nowhere in plain text.
TEST_F(KeychainSecretStoreTest, StoredInTheSecretServiceOnly)
{
    const QString secret = uniqueToken(QStringLiteral("canary-"));
    ASSERT_TRUE(write(QStringLiteral("lab"), secret).ok());

    QProcess tool;
    tool.start(QStringLiteral("secret-tool"),
               {QStringLiteral("lookup"), QStringLiteral("user"), QStringLiteral("profile/lab"),
                QStringLiteral("server"), m_store->serviceName()});
    ASSERT_TRUE(tool.waitForFinished(30000));
    EXPECT_EQ(tool.exitCode(), 0);
    EXPECT_TRUE(QString::fromUtf8(tool.readAllStandardOutput()) == secret)
        << "secret-tool sees a different value under user=profile/lab";

    const QStringList hits = test::filesContainingSecret(sessionDirectories(), secret);
    EXPECT_TRUE(hits.isEmpty()) << "plain-text copies in: "
                                << hits.join(QLatin1String(", ")).toStdString();
}
