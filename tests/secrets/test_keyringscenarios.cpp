// Keyring scenarios that must not disturb the shared test session (locking the keyring, no
// Secret Service, no bus at all): each runs prego-secrets-scenario in its own private D-Bus
// session with its own throwaway home, then checks the results and that no plain-text copy of
// the secrets was left anywhere under that home (XDG dirs, keyring directory).
#include "keyringscenario.h"
#include "secrets/secreterror.h"

#include <QDir>
#include <QFileInfo>

#include <gtest/gtest.h>

using prego::SecretError;
using prego::test::KeyringScenario;
using Bus = KeyringScenario::Bus;

namespace {

std::string describe(const KeyringScenario &scenario)
{
    return scenario.log().toStdString();
}

void expectStep(const KeyringScenario &scenario, int index, SecretError::Kind kind,
                const QString &value = QStringLiteral("-"))
{
    const KeyringScenario::Step step = scenario.step(index);
    EXPECT_EQ(step.kind, SecretError::kindName(kind))
        << "step " << index << ": " << step.detail.toStdString();
    EXPECT_EQ(step.value, value) << "step " << index;
    if (kind != SecretError::Kind::None) {
        EXPECT_EQ(step.message, SecretError::message(kind)) << "step " << index;
    }
}

void expectNoPlainText(const KeyringScenario &scenario)
{
    const QStringList hits = scenario.filesWithCanary();
    EXPECT_TRUE(hits.isEmpty()) << "plain-text copies in: "
                                << hits.join(QLatin1String(", ")).toStdString();
}

} // namespace

TEST(KeyringScenario, WorkingKeyring)
{
    KeyringScenario scenario(Bus::Private);
    ASSERT_TRUE(scenario.run({
        QStringLiteral("start-keyring"),     // 0
        QStringLiteral("write:lab:canary"),  // 1
        QStringLiteral("read:lab"),          // 2
        QStringLiteral("write:lab:canary2"), // 3
        QStringLiteral("read:lab"),          // 4
        QStringLiteral("secret-tool:lab"),   // 5
        QStringLiteral("remove:lab"),        // 6
        QStringLiteral("read:lab"),          // 7
        QStringLiteral("remove:lab"),        // 8
        QStringLiteral("write:kept:canary"), // 9: stays stored for the plain-text check
        QStringLiteral("read:kept"),         // 10
    })) << describe(scenario);
    using Kind = SecretError::Kind;
    expectStep(scenario, 1, Kind::None);
    expectStep(scenario, 2, Kind::None, QStringLiteral("canary"));
    expectStep(scenario, 3, Kind::None);
    expectStep(scenario, 4, Kind::None, QStringLiteral("canary2"));
    expectStep(scenario, 5, Kind::None, QStringLiteral("canary2"));
    expectStep(scenario, 6, Kind::None);
    expectStep(scenario, 7, Kind::NotFound);
    expectStep(scenario, 8, Kind::None);
    expectStep(scenario, 9, Kind::None);
    expectStep(scenario, 10, Kind::None, QStringLiteral("canary"));

    // The secret is in the keyring file, encrypted: the check below is not vacuous.
    EXPECT_TRUE(QFileInfo(scenario.dataHome() + QLatin1String("/keyrings/login.keyring")).size() >
                0);
    expectNoPlainText(scenario);
}

TEST(KeyringScenario, EntryMissing)
{
    KeyringScenario scenario(Bus::Private);
    ASSERT_TRUE(scenario.run({QStringLiteral("start-keyring"), QStringLiteral("read:nobody")}))
        << describe(scenario);
    expectStep(scenario, 1, SecretError::Kind::NotFound);
}

TEST(KeyringScenario, NoDBusSessionAddress)
{
    KeyringScenario scenario(Bus::Unset);
    ASSERT_TRUE(scenario.run({QStringLiteral("write:lab:canary"), QStringLiteral("read:lab"),
                              QStringLiteral("remove:lab")}))
        << describe(scenario);
    for (int i = 0; i < 3; ++i) {
        expectStep(scenario, i, SecretError::Kind::NoDBusSession);
    }
    expectNoPlainText(scenario);
}

TEST(KeyringScenario, DBusSessionAddressLeadsNowhere)
{
    KeyringScenario scenario(Bus::InvalidAddress);
    ASSERT_TRUE(scenario.run({QStringLiteral("write:lab:canary"), QStringLiteral("read:lab"),
                              QStringLiteral("remove:lab")}))
        << describe(scenario);
    for (int i = 0; i < 3; ++i) {
        expectStep(scenario, i, SecretError::Kind::NoDBusSession);
    }
    EXPECT_FALSE(scenario.step(0).detail.isEmpty()) << "the bus error is kept as detail";
    expectNoPlainText(scenario);
}

TEST(KeyringScenario, NoSecretService)
{
    KeyringScenario scenario(Bus::Private);
    ASSERT_TRUE(scenario.run({QStringLiteral("write:lab:canary"), QStringLiteral("read:lab"),
                              QStringLiteral("remove:lab")}))
        << describe(scenario);
    for (int i = 0; i < 3; ++i) {
        expectStep(scenario, i, SecretError::Kind::NoSecretService);
    }
    expectNoPlainText(scenario);
}

TEST(KeyringScenario, SecretServiceFailsToStart)
{
    KeyringScenario scenario(Bus::PrivateWithFailingService);
    ASSERT_TRUE(scenario.run({QStringLiteral("write:lab:canary"), QStringLiteral("read:lab")}))
        << describe(scenario);
    expectStep(scenario, 0, SecretError::Kind::NoSecretService);
    expectStep(scenario, 1, SecretError::Kind::NoSecretService);
    expectNoPlainText(scenario);
}

TEST(KeyringScenario, LockedKeyringIsNotNoToken)
{
    KeyringScenario scenario(Bus::Private);
    ASSERT_TRUE(scenario.run({
        QStringLiteral("start-keyring"),     // 0
        QStringLiteral("write:lab:canary"),  // 1
        QStringLiteral("lock"),              // 2
        QStringLiteral("read:lab"),          // 3: stored, locked
        QStringLiteral("read:other"),        // 4: not stored, but the keyring cannot tell
        QStringLiteral("write:lab:canary2"), // 5: no prompter to unlock
        QStringLiteral("write:new:canary2"), // 6
        QStringLiteral("remove:lab"),        // 7: libsecret skips locked items, says "done"
        QStringLiteral("count-locked:lab"),  // 8: still there
    })) << describe(scenario);
    using Kind = SecretError::Kind;
    expectStep(scenario, 1, Kind::None);
    expectStep(scenario, 3, Kind::Locked);
    expectStep(scenario, 4, Kind::Locked);
    expectStep(scenario, 5, Kind::Locked);
    expectStep(scenario, 6, Kind::Locked);
    expectStep(scenario, 7, Kind::Locked);
    expectStep(scenario, 8, Kind::None, QStringLiteral("locked=1"));
    expectNoPlainText(scenario);
}

TEST(KeyringScenario, WriteDenied)
{
    KeyringScenario scenario(Bus::Private);
    ASSERT_TRUE(scenario.run({
        QStringLiteral("start-keyring"),     // 0
        QStringLiteral("write:lab:canary"),  // 1
        QStringLiteral("break-keyring-dir"), // 2: the keyring can no longer save its file
        QStringLiteral("wait:1000"),         // 3: gnome-keyring has seen the change
        QStringLiteral("write:new:canary2"), // 4
        QStringLiteral("read:new"),          // 5: the refused write left nothing behind
        QStringLiteral("read:lab"),          // 6: reading still works
    })) << describe(scenario);
    using Kind = SecretError::Kind;
    expectStep(scenario, 1, Kind::None);
    // gnome-keyring reacts to the broken directory in one of two ways (about one run in six it
    // unloads the login collection instead of failing the save). Both are refusals with the
    // message that fits what the keyring now is; neither may store the token anywhere.
    if (scenario.step(4).kind == SecretError::kindName(Kind::NoDefaultKeyring)) {
        expectStep(scenario, 4, Kind::NoDefaultKeyring);
        expectStep(scenario, 5, Kind::NotFound);
    } else {
        expectStep(scenario, 4, Kind::WriteDenied);
        EXPECT_FALSE(scenario.step(4).detail.isEmpty());
        expectStep(scenario, 5, Kind::NotFound);
        expectStep(scenario, 6, Kind::None, QStringLiteral("canary"));
    }
    expectNoPlainText(scenario);
}

TEST(KeyringScenario, NoDefaultKeyring)
{
    KeyringScenario scenario(Bus::Private);
    ASSERT_TRUE(scenario.run({
        QStringLiteral("start-keyring-without-login"), // 0
        QStringLiteral("write:lab:canary"),            // 1
        QStringLiteral("read:lab"),                    // 2
        QStringLiteral("remove:lab"),                  // 3
    })) << describe(scenario);
    using Kind = SecretError::Kind;
    expectStep(scenario, 1, Kind::NoDefaultKeyring);
    expectStep(scenario, 2, Kind::NotFound);
    expectStep(scenario, 3, Kind::None);
    expectNoPlainText(scenario);
}
