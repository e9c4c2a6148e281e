// Load on prego-cp-sim (issue 9): many concurrent clients, each on its own thread and its own
// keep-alive connection, push metrics for their own node through POST /internal/server-metrics
// (an agent token) and read GET /internal/nodes (a viewer token) every tenth request. Afterwards
// every push a client saw answered 204 must be accounted for: the server's counter of accepted
// pushes grew by exactly that many, and every node's stored metrics are the last push its client
// saw accepted, also after a restart from the database file.
//
// CI runs 200 clients for 10 s. PREGO_LOAD_CLIENTS and PREGO_LOAD_SECONDS change both;
// scripts/load.sh runs the 60-second version and prints the same figures.
#include "cpsimtest.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <latch>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace prego::test;

namespace {

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

QString loadNode(int i)
{
    return u"load-%1"_s.arg(i, 3, 10, QLatin1Char('0'));
}

struct ClientFigures
{
    qint64 pushesAccepted = 0; // 204
    qint64 readsOk = 0;        // 200
    qint64 errors = 0;
    qint64 lastAcceptedSeq = -1; // tenant_count of the last push answered 204
    std::vector<qint64> latencyUs;
    QStringList firstErrors;
};

// One request on a keep-alive connection, blocking; returns the status (0 on a transport error).
int exchange(QTcpSocket &socket, const QByteArray &request)
{
    socket.write(request);
    QByteArray data;
    qsizetype headerEnd = -1;
    qint64 contentLength = 0;
    int status = 0;
    QDeadlineTimer deadline(60000);
    while (!deadline.hasExpired()) {
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(1000)) {
            if (socket.state() != QAbstractSocket::ConnectedState)
                return 0;
            continue;
        }
        data += socket.readAll();
        if (headerEnd < 0) {
            headerEnd = data.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                continue;
            const QList<QByteArray> lines = data.left(headerEnd).split('\n');
            const QList<QByteArray> statusLine = lines.first().split(' ');
            status = statusLine.size() >= 2 ? statusLine.at(1).toInt() : 0;
            for (const QByteArray &line : lines) {
                const qsizetype colon = line.indexOf(':');
                if (colon > 0 && line.left(colon).trimmed().toLower() == "content-length")
                    contentLength = line.mid(colon + 1).trimmed().toLongLong();
            }
        }
        if (data.size() >= headerEnd + 4 + contentLength)
            return status;
    }
    return 0;
}

class CpSimLoad : public CpSimTest
{
protected:
    QStringList simArgs() const override
    {
        return {u"--enable-sim-admin"_s, u"--db"_s, m_dir.filePath(u"load.sqlite"_s)};
    }
    qint64 acceptedPushes()
    {
        const HttpResult stats = op->get(u"/sim/stats"_s);
        EXPECT_EQ(stats.status, 200) << describe(stats);
        return stats.json().value(u"metric_pushes_accepted"_s).toInteger(-1);
    }
    QTemporaryDir m_dir;
};

TEST_F(CpSimLoad, ConcurrentClientsPushWithoutErrorsAndEveryAcceptedPushIsCounted)
{
    const int clients = envInt("PREGO_LOAD_CLIENTS", 200);
    const int seconds = envInt("PREGO_LOAD_SECONDS", 10);
    for (int i = 0; i < clients; ++i)
        ASSERT_EQ(registerNode(nodeBody(loadNode(i))).status, 201);
    const qint64 countedBefore = acceptedPushes();

    const QUrl base = sim.baseUrl();
    const QByteArray host = "Host: " + base.host().toUtf8() + ':' + QByteArray::number(base.port());
    const QByteArray agentToken = sim.tokenFor(u"agent"_s).toUtf8();
    const QByteArray viewerToken = sim.tokenFor(u"viewer"_s).toUtf8();
    std::vector<ClientFigures> figures(static_cast<size_t>(clients));
    std::latch connected(clients + 1);
    std::atomic<bool> go{false};
    std::atomic<qint64> stopAtMs{0};
    QElapsedTimer clock;
    clock.start();

    std::vector<std::unique_ptr<QThread>> threads;
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back(QThread::create([&, c] {
            ClientFigures &f = figures[size_t(c)];
            f.latencyUs.reserve(4096);
            QTcpSocket socket;
            socket.connectToHost(base.host(), quint16(base.port()));
            const bool up = socket.waitForConnected(30000);
            connected.count_down();
            while (!go.load())
                QThread::usleep(200);
            if (!up) {
                ++f.errors;
                f.firstErrors << u"connect: "_s + socket.errorString();
                return;
            }
            const QString node = loadNode(c);
            for (qint64 seq = 0; clock.elapsed() < stopAtMs.load(); ++seq) {
                const bool read = seq % 10 == 9;
                QByteArray request;
                if (read) {
                    request = "GET /internal/nodes HTTP/1.1\r\n" + host +
                              "\r\nAuthorization: Bearer " + viewerToken + "\r\n\r\n";
                } else {
                    const QByteArray body =
                        u"{\"node_id\":\"%1\",\"cpu_pct\":%2,\"memory_pct\":50,\"disk_pct\":40,"
                        "\"tenant_count\":%3}"_s.arg(node)
                            .arg(double(seq % 1000) / 10.0)
                            .arg(seq)
                            .toUtf8();
                    request = "POST /internal/server-metrics HTTP/1.1\r\n" + host +
                              "\r\nAuthorization: Bearer " + agentToken +
                              "\r\nContent-Type: application/json\r\nContent-Length: " +
                              QByteArray::number(body.size()) + "\r\n\r\n" + body;
                }
                QElapsedTimer t;
                t.start();
                const int status = exchange(socket, request);
                f.latencyUs.push_back(t.nsecsElapsed() / 1000);
                if (read && status == 200) {
                    ++f.readsOk;
                } else if (!read && status == 204) {
                    ++f.pushesAccepted;
                    f.lastAcceptedSeq = seq;
                } else {
                    ++f.errors;
                    if (f.firstErrors.size() < 3)
                        f.firstErrors
                            << u"%1 answered %2"_s.arg(read ? u"GET"_s : u"POST"_s).arg(status);
                    if (socket.state() != QAbstractSocket::ConnectedState)
                        return; // the connection is gone: counted, not retried
                }
            }
        }));
        threads.back()->start();
    }
    connected.count_down();
    connected.wait();
    QElapsedTimer wall;
    wall.start();
    stopAtMs = clock.elapsed() + seconds * 1000LL;
    go = true;
    for (auto &t : threads)
        t->wait();
    const double elapsedS = double(wall.elapsed()) / 1000.0;

    qint64 pushes = 0;
    qint64 reads = 0;
    qint64 errors = 0;
    std::vector<qint64> latency;
    for (const ClientFigures &f : figures) {
        pushes += f.pushesAccepted;
        reads += f.readsOk;
        errors += f.errors;
        latency.insert(latency.end(), f.latencyUs.begin(), f.latencyUs.end());
        for (const QString &e : f.firstErrors)
            ADD_FAILURE() << e.toStdString();
    }
    std::sort(latency.begin(), latency.end());
    auto pct = [&](double p) {
        return latency.empty() ? 0.0
                               : double(latency[size_t(double(latency.size() - 1) * p)]) / 1000.0;
    };
    const qint64 counted = acceptedPushes() - countedBefore;
    std::printf("[ load     ] %d clients, %.1f s: %lld requests (%.0f/s), p50 %.2f ms, p99 %.2f "
                "ms, max %.2f ms, errors %lld; pushes accepted by clients %lld, counted by the "
                "server %lld; reads %lld\n",
                clients, elapsedS, qint64(latency.size()), double(latency.size()) / elapsedS,
                pct(0.5), pct(0.99), pct(1.0), errors, pushes, counted, reads);
    EXPECT_EQ(errors, 0);
    EXPECT_GT(pushes, clients) << "every client pushed at least once";
    EXPECT_EQ(counted, pushes) << "a push answered 204 was not counted, or one was counted twice";

    // Every node holds the last push its client saw accepted: in memory, and in the database a
    // restarted simulator reads.
    auto expectLastPushes = [&](const char *when) {
        const QJsonArray nodes = listNodes(*op);
        int checked = 0;
        for (int c = 0; c < clients; ++c) {
            const QJsonObject node = findNode(nodes, loadNode(c));
            const qint64 stored =
                node.value(u"metrics"_s).toObject().value(u"tenant_count"_s).toInteger(-1);
            EXPECT_EQ(stored, figures[size_t(c)].lastAcceptedSeq) << when << ' ' << loadNode(c);
            checked += stored == figures[size_t(c)].lastAcceptedSeq;
        }
        EXPECT_EQ(checked, clients) << when;
    };
    expectLastPushes("live");
    startSim(simArgs());
    ASSERT_FALSE(HasFatalFailure());
    expectLastPushes("after a restart from the database");
}

} // namespace
