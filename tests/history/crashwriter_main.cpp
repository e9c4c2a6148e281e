// prego-history-crashwriter (test only): writes polls into a history file with the real
// HistoryWriter on its worker thread until it is killed. tests/history/test_history_crash.cpp
// SIGKILLs it at random moments and then checks the file.
//
//   prego-history-crashwriter PATH FIRST_POLL NODES
//
// Poll i is a fleet of NODES nodes whose metrics were pushed at T0 + i * 10 min (server time), so
// a 5-minute slot closes on every poll (roll-up) and an hour closes every sixth (compaction of
// every node's hour into blocks). On stdout, written with write(2) so that nothing waits in a
// buffer when the kill comes:
//   "C i"  poll i was committed (HistoryWriter::ingested without error: the transaction returned)
//   "M i"  maintenance (roll-up; compaction when an hour closed) of poll i begins
//   "m i"  it ended
//   "E message" an error
#include "historytestdata.h"
#include "storage/historywriter.h"

#include <QCoreApplication>
#include <QThread>

#include <unistd.h>

using namespace prego;
using namespace prego::test;
using namespace Qt::StringLiterals;

namespace {
void say(const QByteArray &line)
{
    const QByteArray out = line + '\n';
    qsizetype done = 0;
    while (done < out.size()) {
        const ssize_t n = ::write(STDOUT_FILENO, out.constData() + done, size_t(out.size() - done));
        if (n <= 0)
            return;
        done += n;
    }
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        say("E usage: prego-history-crashwriter PATH FIRST_POLL NODES");
        return 2;
    }
    const QString path = args.at(1);
    const qint64 firstPoll = args.at(2).toLongLong();
    const int nodes = args.at(3).toInt();
    constexpr qint64 Step = 10 * Min;

    HistoryWriterOptions options;
    // Nothing ages out: every committed sample must still be readable at the end of the test.
    options.store.rawRetentionMs = 3650 * Day;
    options.store.rollupRetentionMs = 3650 * Day;
    // The writer's wall clock follows the polls, so the snapshot is rewritten on every poll too.
    auto clockMs = std::make_shared<std::atomic<qint64>>(T0);
    auto *writer = new HistoryWriter(path, options, [clockMs] { return clockMs->load(); });
    QThread thread;
    writer->moveToThread(&thread);
    QObject::connect(&thread, &QThread::finished, writer, &QObject::deleteLater);

    // Emitted on the worker thread; the receivers have no context object, so they run there, in
    // order with the writer's work: "C" is out before the maintenance that follows begins.
    auto current = std::make_shared<qint64>(0);
    QObject::connect(writer, &HistoryWriter::opened, [](const HistoryOpenResult &r) {
        if (!r.ok)
            say("E open: " + r.error.toUtf8());
        else if (!r.recoveryNotice.isEmpty())
            say("E recovered: " + r.recoveryNotice.toUtf8());
    });
    QObject::connect(writer, &HistoryWriter::ingested,
                     [current](const HistoryIngestResult &r, qint64) {
                         if (!r.error.isEmpty()) {
                             say("E ingest: " + r.error.toUtf8());
                             return;
                         }
                         say("C " + QByteArray::number(*current));
                         say("M " + QByteArray::number(*current));
                     });
    QObject::connect(writer, &HistoryWriter::maintained, [current](int slots, qint64 pruned) {
        if (slots < 0 || pruned < 0)
            say("E maintenance failed");
        say("m " + QByteArray::number(*current));
    });
    QObject::connect(writer, &HistoryWriter::failed,
                     [](const QString &message) { say("E " + message.toUtf8()); });
    thread.start();

    QMetaObject::invokeMethod(writer, [=] {
        for (qint64 i = firstPoll;; ++i) {
            *current = i;
            const qint64 at = T0 + i * Step;
            clockMs->store(at);
            writer->ingest(fleet(nodes, at + 30 * Sec, at));
        }
    });
    return app.exec();
}
