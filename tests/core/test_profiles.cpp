#include "storage/profilestore.h"
#include "types/profile.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace prego;

namespace {
Profile valid()
{
    Profile p;
    p.name = u"prod-eu"_s;
    p.baseUrl = QUrl(u"https://cp.example.net"_s);
    return p;
}
} // namespace

TEST(Profile, DefaultsFollowTheSpec)
{
    const Profile p = valid();
    EXPECT_EQ(p.pollIntervalSeconds, 15);
    EXPECT_EQ(p.staleAfterSeconds, 300);
    EXPECT_TRUE(p.validate().isEmpty()) << p.validate().toStdString();
}

TEST(Profile, HttpOnlyForLoopback)
{
    Profile p = valid();
    p.baseUrl = QUrl(u"http://cp.example.net"_s);
    EXPECT_TRUE(p.validate().contains(u"https"_s));
    for (const char16_t *ok : {u"http://127.0.0.1:8787", u"http://localhost:1", u"http://[::1]:80",
                               u"http://127.8.9.10"}) {
        p.baseUrl = QUrl(QString::fromUtf16(ok));
        EXPECT_TRUE(p.validate().isEmpty()) << QString::fromUtf16(ok).toStdString();
    }
    p.baseUrl = QUrl(u"http://10.0.0.1"_s);
    EXPECT_FALSE(p.validate().isEmpty());
}

TEST(Profile, RejectsUnusableValues)
{
    Profile p = valid();
    p.pollIntervalSeconds = 4;
    EXPECT_TRUE(p.validate().contains(u"5"_s));
    p = valid();
    p.name = u"-bad"_s;
    EXPECT_FALSE(p.validate().isEmpty());
    p = valid();
    p.baseUrl = QUrl(u"https://user:secret@cp.example.net"_s);
    EXPECT_FALSE(p.validate().isEmpty());
    EXPECT_FALSE(p.validate().contains(u"secret"_s));
    p = valid();
    p.baseUrl = QUrl(u"ftp://cp.example.net"_s);
    EXPECT_FALSE(p.validate().isEmpty());
    p = valid();
    p.caFile = u"/nonexistent/ca.pem"_s;
    EXPECT_TRUE(p.validate().contains(u"/nonexistent/ca.pem"_s));
}

TEST(ProfileStore, RoundTripAndRemoveWithoutSecrets)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"settings.ini"_s);
    {
        QSettings settings(file, QSettings::IniFormat);
        ProfileStore store(settings);
        Profile p = valid();
        p.pollIntervalSeconds = 30;
        p.staleAfterSeconds = 120;
        ASSERT_TRUE(store.save(p).isEmpty());
        Profile local;
        local.name = u"demo"_s;
        local.baseUrl = QUrl(u"http://127.0.0.1:9999"_s);
        ASSERT_TRUE(store.save(local).isEmpty());
        Profile broken = valid();
        broken.name = u"broken"_s;
        broken.baseUrl = QUrl(u"http://remote.example"_s);
        EXPECT_FALSE(store.save(broken).isEmpty());
    }
    QSettings settings(file, QSettings::IniFormat);
    ProfileStore store(settings);
    const QList<Profile> all = store.list();
    ASSERT_EQ(all.size(), 2);
    EXPECT_EQ(all[0].name, u"demo"_s);
    EXPECT_EQ(all[1].pollIntervalSeconds, 30);
    EXPECT_EQ(all[1].staleAfterSeconds, 120);
    EXPECT_FALSE(store.find(u"broken"_s));
    EXPECT_TRUE(store.remove(u"demo"_s));
    EXPECT_FALSE(store.remove(u"demo"_s));
    EXPECT_EQ(store.list().size(), 1);

    QFile raw(file);
    ASSERT_TRUE(raw.open(QIODevice::ReadOnly));
    const QByteArray text = raw.readAll();
    EXPECT_FALSE(text.contains("token"));
    EXPECT_FALSE(text.contains("Bearer"));
}
