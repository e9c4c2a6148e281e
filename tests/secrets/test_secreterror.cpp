#include "i18n/translations.h"
#include "secrets/secreterror.h"

#include <QMetaEnum>
#include <QSet>

#include <gtest/gtest.h>

using prego::SecretError;
using Kind = SecretError::Kind;

namespace {

QList<Kind> allKinds()
{
    QList<Kind> kinds;
    const QMetaEnum meta = QMetaEnum::fromType<Kind>();
    for (int i = 0; i < meta.keyCount(); ++i) {
        kinds << static_cast<Kind>(meta.value(i));
    }
    return kinds;
}

} // namespace

TEST(SecretError, EveryKindHasItsOwnMessage)
{
    const QList<Kind> kinds = allKinds();
    ASSERT_EQ(kinds.size(), 9);
    QSet<QString> messages;
    for (const Kind kind : kinds) {
        const QString message = SecretError::message(kind);
        EXPECT_FALSE(message.trimmed().isEmpty()) << SecretError::kindName(kind).toStdString();
        messages.insert(message);
    }
    EXPECT_EQ(messages.size(), kinds.size()) << "two kinds share a message";
}

TEST(SecretError, KeyringFailuresOfferTheSessionOnlyToken)
{
    for (const Kind kind : {Kind::NoDBusSession, Kind::NoSecretService, Kind::NoDefaultKeyring,
                            Kind::Locked, Kind::WriteDenied, Kind::AccessDenied, Kind::Other}) {
        EXPECT_TRUE(SecretError::message(kind).contains(QLatin1String("for this session only")))
            << SecretError::kindName(kind).toStdString();
    }
}

TEST(SecretError, MessageNeverRepeatsTheBackendDetail)
{
    const SecretError error{Kind::Other, QStringLiteral("backend-said-something-xyz")};
    EXPECT_TRUE(error.isError());
    EXPECT_FALSE(error.message().contains(QLatin1String("backend-said-something-xyz")));
    EXPECT_EQ(error.message(), SecretError::message(Kind::Other));
}

TEST(SecretError, DefaultIsNoError)
{
    const SecretError error;
    EXPECT_FALSE(error.isError());
    EXPECT_EQ(error.kind, Kind::None);
}

TEST(SecretError, KindNamesAreStable)
{
    EXPECT_EQ(SecretError::kindName(Kind::Locked), QStringLiteral("Locked"));
    EXPECT_EQ(SecretError::kindName(Kind::NotFound), QStringLiteral("NotFound"));
    EXPECT_EQ(SecretError::kindName(Kind::NoDBusSession), QStringLiteral("NoDBusSession"));
}

TEST(SecretError, KoreanMessagesAreCompleteAndDistinct)
{
    QStringList english;
    for (const Kind kind : allKinds()) {
        english << SecretError::message(kind);
    }
    struct RestoreEnglish
    {
        ~RestoreEnglish()
        {
            prego::Translations::install(QLocale(QLocale::English, QLocale::UnitedStates));
        }
    } restore;
    ASSERT_TRUE(prego::Translations::install(QLocale(QLocale::Korean, QLocale::SouthKorea)));

    QSet<QString> korean;
    const QList<Kind> kinds = allKinds();
    for (qsizetype i = 0; i < kinds.size(); ++i) {
        const QString message = SecretError::message(kinds.at(i));
        EXPECT_NE(message, english.at(i))
            << "untranslated: " << SecretError::kindName(kinds.at(i)).toStdString();
        korean.insert(message);
    }
    EXPECT_EQ(korean.size(), kinds.size());
    EXPECT_TRUE(SecretError::message(Kind::Locked).contains(QStringLiteral("키링")));
    EXPECT_TRUE(SecretError::message(Kind::NoDBusSession).contains(QLatin1String("D-Bus")));
}
