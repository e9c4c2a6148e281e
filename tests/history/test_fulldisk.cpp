// A full disk (issue 9): the history, the jobs outbox and the profiles are written on a real,
// tiny tmpfs that the test fills to the last byte, so every write meets ENOSPC exactly as it
// would on a full /home. Each must say so in translated words, keep its file intact
// (PRAGMA quick_check), lose nothing it had committed, and work again once space is freed.
//
// Mounting a tmpfs needs CAP_SYS_ADMIN (CI runs as root in its container). Without it the tests
// are skipped with the reason: RLIMIT_FSIZE is not a substitute (it raises SIGXFSZ / EFBIG, not
// ENOSPC, so it would test another error path), and unshare(CLONE_NEWUSER) is refused to a
// process that already runs threads, as every Qt test does.
#include "historytestdata.h"
#include "storage/historystore.h"
#include "storage/historywriter.h"
#include "storage/joboutbox.h"
#include "storage/profilestore.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>

#include <sys/mount.h>

using namespace prego;
using namespace prego::test;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 DiskBytes = 1024 * 1024;

QString quickCheck(const QString &path)
{
    static int serial = 0;
    const QString name = u"fulldisk-check-%1"_s.arg(++serial);
    QString answer;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (!db.open())
            return db.lastError().text();
        QSqlQuery q(db);
        if (!q.exec(u"PRAGMA quick_check"_s))
            answer = q.lastError().text();
        while (q.next())
            answer += q.value(0).toString();
    }
    QSqlDatabase::removeDatabase(name);
    return answer;
}

// A tmpfs of DiskBytes mounted on a temporary directory, and a file that fills it.
class FullDiskTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_mountPoint.isValid());
        const QByteArray where = QFile::encodeName(m_mountPoint.path());
        const QByteArray options = "size=" + QByteArray::number(DiskBytes) + ",mode=0700";
        if (::mount("tmpfs", where.constData(), "tmpfs", MS_NOSUID | MS_NODEV,
                    options.constData()) != 0) {
            GTEST_SKIP() << "a tmpfs cannot be mounted here (" << std::strerror(errno)
                         << "; needs CAP_SYS_ADMIN), so a full disk cannot be made real";
        }
        m_mounted = true;
        std::printf("[ fulldisk ] tmpfs of %lld bytes on %s\n", DiskBytes, where.constData());
    }

    void TearDown() override
    {
        if (m_mounted)
            ::umount2(QFile::encodeName(m_mountPoint.path()).constData(), MNT_DETACH);
    }

    QString disk() const { return m_mountPoint.path(); }

    // Writes until the file system refuses: returns the bytes the filler got.
    qint64 fill()
    {
        QFile filler(QDir(disk()).filePath(u"filler"_s));
        if (!filler.open(QIODevice::Append))
            return -1;
        const QByteArray chunk(4096, 'f');
        qint64 written = 0;
        for (;;) {
            const qint64 n = filler.write(chunk);
            if (n <= 0 || !filler.flush())
                break;
            written += n;
        }
        filler.close();
        // Whatever the last partial write left: the disk now has no free block.
        std::printf("[ fulldisk ] filled with %lld bytes, %lld bytes left\n", written,
                    QStorageInfo(disk()).bytesAvailable());
        return written;
    }

    void freeSpace() { QFile::remove(QDir(disk()).filePath(u"filler"_s)); }

    QTemporaryDir m_mountPoint;
    bool m_mounted = false;
};

} // namespace

TEST_F(FullDiskTest, TheHistoryWriterSaysTheDiskIsFullKeepsItsFileAndResumes)
{
    const QString path = HistoryStore::pathFor(disk(), u"full"_s);
    HistoryWriterOptions options;
    options.store.rawRetentionMs = 3650 * Day;
    // On this thread, as the worker thread would run it: the writer's own code and signals.
    HistoryWriter writer(path, options, [] { return T0; });
    QStringList failures;
    QObject::connect(&writer, &HistoryWriter::failed,
                     [&failures](const QString &message) { failures << message; });
    constexpr int Nodes = 2000;
    writer.ingest(fleet(Nodes, T0 + Sec, T0));
    ASSERT_TRUE(failures.isEmpty()) << failures.join(u'\n').toStdString();

    ASSERT_GT(fill(), 0);
    int poll = 1;
    for (; poll < 200 && failures.isEmpty(); ++poll)
        writer.ingest(fleet(Nodes, T0 + poll * Min + Sec, T0 + poll * Min));
    ASSERT_FALSE(failures.isEmpty()) << "a full disk took " << poll << " polls without an error";
    const QString message = failures.first();
    std::printf("[ fulldisk ] the writer said: %s\n", qPrintable(message));
    EXPECT_TRUE(message.contains(u"the disk is full"_s)) << message.toStdString();
    EXPECT_EQ(quickCheck(path), u"ok"_s) << "checked while the disk is still full";

    freeSpace();
    failures.clear();
    writer.ingest(fleet(Nodes, T0 + poll * Min + Sec, T0 + poll * Min));
    EXPECT_TRUE(failures.isEmpty()) << failures.join(u'\n').toStdString();
    writer.close();
    EXPECT_EQ(quickCheck(path), u"ok"_s);

    HistoryStore store(u"fulldisk-reader"_s, options.store);
    ASSERT_TRUE(store.open(path).ok);
    EXPECT_TRUE(store.open(path).recoveryNotice.isEmpty());
    // The first poll (committed before the disk filled) and the last (after space came back).
    for (const qint64 at : {T0, T0 + poll * Min}) {
        const QList<HistorySample> s = store.samples(u"node-00007"_s, at, at + 1000);
        ASSERT_EQ(s.size(), 1) << "poll at +" << (at - T0) / Min << " min";
        EXPECT_EQ(s.first().updatedAtMs, at + 7);
    }
}

TEST_F(FullDiskTest, TheJobsOutboxRefusesToSendWhatItCouldNotWriteAndResumes)
{
    const QString path = QDir(disk()).filePath(u"jobs-full.sqlite"_s);
    JobOutbox outbox(path);
    ASSERT_EQ(outbox.open(), QString());
    const QByteArray body(16 * 1024, 'b');
    ASSERT_TRUE(outbox.add(u"p"_s, u"job-before"_s, body).error.isEmpty());

    ASSERT_GT(fill(), 0);
    JobOutbox::Added added;
    int i = 0;
    for (; i < 200; ++i) {
        added = outbox.add(u"p"_s, u"job-full-%1"_s.arg(i), body);
        if (!added.error.isEmpty())
            break;
    }
    ASSERT_FALSE(added.error.isEmpty()) << "a full disk took " << i << " jobs without an error";
    std::printf("[ fulldisk ] the outbox said: %s\n", qPrintable(added.error));
    EXPECT_TRUE(added.error.contains(u"the disk is full"_s)) << added.error.toStdString();
    EXPECT_TRUE(added.error.contains(u"not sent"_s)) << added.error.toStdString();
    EXPECT_FALSE(outbox.find(u"job-full-%1"_s.arg(i)).has_value()) << "half-written row";

    freeSpace();
    EXPECT_EQ(quickCheck(path), u"ok"_s);
    EXPECT_TRUE(outbox.add(u"p"_s, u"job-after"_s, body).error.isEmpty());
    EXPECT_TRUE(outbox.find(u"job-before"_s).has_value());
    EXPECT_EQ(outbox.find(u"job-before"_s)->body, body);
}

TEST_F(FullDiskTest, SavingAProfileOnAFullDiskSaysSoAndKeepsTheOldFile)
{
    const QString file = QDir(disk()).filePath(u"prego.conf"_s);
    Profile p;
    p.name = u"prod"_s;
    p.baseUrl = QUrl(u"https://cp.example.net"_s);
    {
        QSettings settings(file, QSettings::IniFormat);
        ProfileStore store(settings);
        ASSERT_EQ(store.save(p), QString());
    }
    const QByteArray before = [&] {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    ASSERT_FALSE(before.isEmpty());

    ASSERT_GT(fill(), 0);
    {
        QSettings settings(file, QSettings::IniFormat);
        ProfileStore store(settings);
        Profile second = p;
        second.name = u"staging"_s;
        second.baseUrl = QUrl(u"https://staging.example.net/"_s + QString(4000, u'x'));
        const QString error = store.save(second);
        std::printf("[ fulldisk ] the profile store said: %s\n", qPrintable(error));
        EXPECT_TRUE(error.contains(u"could not be written"_s)) << error.toStdString();
        EXPECT_TRUE(error.contains(u"the disk is full"_s)) << error.toStdString();
        EXPECT_FALSE(store.find(u"staging"_s).has_value())
            << "listed though not saved: " << settings.allKeys().join(u' ').toStdString();
    }
    QFile f(file);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), before) << "the old settings file was damaged";
    f.close();

    freeSpace();
    QSettings settings(file, QSettings::IniFormat);
    ProfileStore store(settings);
    Profile third = p;
    third.name = u"staging"_s;
    EXPECT_EQ(store.save(third), QString());
    EXPECT_TRUE(store.find(u"prod"_s).has_value());
}
