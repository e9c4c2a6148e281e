// Desktop integration: one console per user (a second start hands over its request), the
// size-capped log file, and the fleet state the tray shows.
#include "consoleapp.h"
#include "fleetnotifier.h"
#include "jobwindow.h"
#include "logfile.h"
#include "mainwindow.h"
#include "memorytuning.h"
#include "sanitized.h"
#include "settingsdialog.h"
#include "singleinstance.h"

#include <QCheckBox>
#include <QFile>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUuid>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <thread>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace Qt::StringLiterals;

TEST(SingleInstance, ASecondStartHandsItsRequestToTheFirst)
{
    const QString key = u"prego-test-"_s + QUuid::createUuid().toString(QUuid::Id128);
    prego::SingleInstance first(key);
    // Nobody listens yet: the first start becomes the running one.
    EXPECT_FALSE(first.sendToRunning({{u"node"_s, u"x"_s}}, 300));
    ASSERT_TRUE(first.listen());
    QSignalSpy received(&first, &prego::SingleInstance::messageReceived);

    // The second start is another process in life; here another thread with its own socket.
    std::atomic<bool> handedOver{false};
    std::thread second([&] {
        prego::SingleInstance other(key);
        handedOver = other.sendToRunning({{u"node"_s, u"fsn1-shared-01"_s}, {u"job"_s, u"j-9"_s}});
    });
    ASSERT_TRUE(received.wait(5000));
    second.join();
    EXPECT_TRUE(handedOver);
    const QJsonObject message = received.first().first().toJsonObject();
    EXPECT_EQ(message.value(u"node"_s).toString(), u"fsn1-shared-01"_s);
    EXPECT_EQ(message.value(u"job"_s).toString(), u"j-9"_s);
}

TEST(SingleInstance, TheRunningConsoleRaisesAndOpensWhatItIsHanded)
{
    QTemporaryDir home;
    QSettings settings(home.filePath(u"console.conf"_s), QSettings::IniFormat);
    QNetworkAccessManager nam;
    prego::ConsoleApp console(settings, nullptr, &nam);
    console.activate({{u"job"_s, u"0b9c3d6e-0000-4000-8000-000000000001"_s}});
    EXPECT_TRUE(console.window()->isVisible());
    ASSERT_NE(console.window()->jobWindow(), nullptr);
    EXPECT_EQ(console.window()->jobWindow()->jobId(), u"0b9c3d6e-0000-4000-8000-000000000001"_s);
}

#if defined(__GLIBC__)
// The soak's finding: glibc raises its mmap threshold to the largest block freed, after which a
// poll's large blocks (reply body, node list) come from the heaps and keep them grown. After
// MemoryTuning::apply() a large block is still mapped (and given back on free) even after a
// larger one was freed.
TEST(MemoryTuning, LargeBlocksStayMappedAfterALargerOneWasFreed)
{
    if (prego::test::Sanitized)
        GTEST_SKIP() << "ASan has its own allocator";
    ASSERT_TRUE(prego::MemoryTuning::apply());
    // Larger than all the heap space the process has, so that no free chunk left by earlier
    // tests can serve it: it comes from a new mapping or from growing a heap. Below 32 MiB,
    // where untuned glibc still raises its threshold.
    const size_t heapSpace = ::mallinfo2().arena;
    const size_t size = std::max<size_t>(1024 * 1024, heapSpace + 1024 * 1024);
    if (size + 1024 * 1024 > 32 * 1024 * 1024)
        GTEST_SKIP() << "the heaps already hold " << heapSpace << " bytes";
    void *big = std::malloc(size + 1024 * 1024);
    ASSERT_NE(big, nullptr);
    std::free(big); // untuned, this raises the threshold above `size`
    const size_t mappedBefore = ::mallinfo2().hblkhd;
    void *block = std::malloc(size);
    ASSERT_NE(block, nullptr);
    const size_t mappedWith = ::mallinfo2().hblkhd;
    std::free(block);
    EXPECT_GE(mappedWith, mappedBefore + size)
        << "a " << size << "-byte block came from a heap, not from its own mapping";
    EXPECT_EQ(::mallinfo2().hblkhd, mappedBefore) << "the mapping was not returned on free";
}
#endif

TEST(LogFile, WritesMessagesAndKeepsTheFileUnderItsCap)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"state/prego/prego-console.log"_s);
    ASSERT_TRUE(prego::LogFile::install(path, 4096));
    for (int i = 0; i < 200; ++i)
        qWarning("poll %d failed: connection refused", i);
    prego::LogFile::uninstall();
    QFile log(path), older(path + u".1"_s);
    ASSERT_TRUE(log.open(QIODevice::ReadOnly));
    ASSERT_TRUE(older.exists());
    EXPECT_LE(log.size(), 4096);
    EXPECT_LE(older.size(), 4096);
    const QByteArray text = log.readAll();
    EXPECT_TRUE(text.contains("warning default: poll 199 failed: connection refused"))
        << text.right(200).toStdString();
    // Only its owner may read it.
    EXPECT_EQ(log.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
              QFileDevice::Permissions());
}

TEST(Tray, TheWindowsNotifierFollowsTheFleetAndTheChoiceIsRemembered)
{
    QTemporaryDir home;
    QSettings settings(home.filePath(u"console.conf"_s), QSettings::IniFormat);
    QNetworkAccessManager nam;
    {
        prego::ConsoleApp console(settings, nullptr, &nam);
        prego::FleetNotifier *notifier = console.window()->notifier();
        EXPECT_EQ(notifier->state(), prego::FleetNotifier::State::Unknown);
        EXPECT_TRUE(notifier->isEnabled());
        // Settings → desktop notifications off: remembered.
        prego::SettingsDialog *dialog = console.window()->openSettings();
        dialog->notificationsCheck()->setChecked(false);
        dialog->accept();
        EXPECT_FALSE(notifier->isEnabled());
    }
    EXPECT_FALSE(settings.value(u"ui/notifications"_s).toBool());
    prego::ConsoleApp again(settings, nullptr, &nam);
    EXPECT_FALSE(again.window()->notifier()->isEnabled());
}
