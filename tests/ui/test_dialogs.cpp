#include "api/connectioncheck.h"
#include "percentbardelegate.h"
#include "profiledialog.h"
#include "secrets/memorysecretstore.h"
#include "secrets/secretjob.h"
#include "simprocess.h"
#include "tokendialog.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace {

// A keychain that always fails the way a locked keyring does.
class LockedStore final : public prego::SecretStore
{
public:
    prego::SecretJob *fail()
    {
        auto *job = new prego::SecretJob(this);
        job->finishLater(prego::SecretResult::failure(prego::SecretError::Kind::Locked));
        return job;
    }
    prego::SecretJob *read(const QString &) override { return fail(); }
    prego::SecretJob *write(const QString &, const QString &) override { return fail(); }
    prego::SecretJob *remove(const QString &) override { return fail(); }
    bool isPersistent() const override { return true; }
};

void fill(prego::ProfileDialog &dialog, const QString &name, const QString &url,
          const QString &token)
{
    dialog.findChild<QLineEdit *>(u"nameEdit"_s)->setText(name);
    dialog.findChild<QLineEdit *>(u"urlEdit"_s)->setText(url);
    dialog.findChild<QLineEdit *>(u"tokenEdit"_s)->setText(token);
}

} // namespace

TEST(ProfileDialog, TestConnectionShowsTokenNameAndRole)
{
    prego::test::SimProcess sim;
    ASSERT_TRUE(sim.start()) << sim.error().toStdString();
    QNetworkAccessManager nam;
    prego::ProfileDialog dialog;
    // The console's wiring: the dialog asks, a ConnectionCheck answers.
    prego::ConnectionCheck check(&nam);
    QObject::connect(&dialog, &prego::ProfileDialog::connectionTestRequested, &check,
                     &prego::ConnectionCheck::check);
    QObject::connect(&check, &prego::ConnectionCheck::checked, &dialog,
                     &prego::ProfileDialog::showConnectionResult);
    fill(dialog, u"local"_s, sim.baseUrl().toString(), sim.tokenFor(u"viewer"_s));
    QSignalSpy tested(&dialog, &prego::ProfileDialog::connectionTested);
    dialog.testConnection();
    ASSERT_TRUE(tested.wait(10000));
    EXPECT_TRUE(tested.at(0).at(0).toBool());
    EXPECT_EQ(dialog.testResult(), u"Token test-viewer, role viewer"_s);

    // A wrong token: the error's message, not a success.
    fill(dialog, u"local"_s, sim.baseUrl().toString(), u"wrong-token-0123456789"_s);
    dialog.testConnection();
    ASSERT_TRUE(tested.wait(10000));
    EXPECT_FALSE(tested.at(1).at(0).toBool());
}

TEST(ProfileDialog, RefusesAnInvalidProfile)
{
    prego::ProfileDialog dialog;
    fill(dialog, u"remote"_s, u"http://cp.example.com"_s, {});
    dialog.show();
    dialog.accept();
    EXPECT_NE(dialog.result(), QDialog::Accepted);
    auto *error = dialog.findChild<QLabel *>(u"validationError"_s);
    ASSERT_NE(error, nullptr);
    EXPECT_TRUE(error->isVisible());
    EXPECT_FALSE(error->text().isEmpty());
    EXPECT_EQ(dialog.profile().pollIntervalSeconds, prego::Profile::DefaultPollIntervalSeconds);
}

TEST(TokenDialog, OffersSessionOnlyWhenTheKeychainFails)
{
    LockedStore keychain;
    prego::MemorySecretStore session;
    prego::TokenDialog dialog(u"prod"_s, &keychain, &session);
    dialog.show();
    dialog.findChild<QLineEdit *>(u"tokenEdit"_s)->setText(u"abcdefghijklmnop1234"_s);
    auto *sessionOnly = dialog.findChild<QCheckBox *>(u"sessionOnlyCheck"_s);
    ASSERT_FALSE(sessionOnly->isChecked());
    dialog.accept();
    auto *error = dialog.findChild<QLabel *>(u"keychainError"_s);
    ASSERT_TRUE(QTest::qWaitFor([&] { return error->isVisible(); }, 5000));
    EXPECT_TRUE(
        error->text().contains(prego::SecretError{prego::SecretError::Kind::Locked, {}}.message()));
    EXPECT_TRUE(sessionOnly->isChecked());
    EXPECT_FALSE(session.contains(u"prod"_s));

    QSignalSpy stored(&dialog, &prego::TokenDialog::tokenStored);
    dialog.accept();
    ASSERT_TRUE(stored.wait(5000));
    EXPECT_TRUE(stored.at(0).at(0).toBool());
    EXPECT_TRUE(session.contains(u"prod"_s));
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
}
