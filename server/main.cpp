#include "apiserver.h"
#include "auditlog.h"
#include "demojobs.h"
#include "demosilences.h"
#include "fleet.h"
#include "fleetsimulator.h"
#include "pipeline.h"
#include "silences.h"
#include "simclock.h"
#include "simdatabase.h"
#include "simoptions.h"
#include "tokenstore.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using namespace prego::sim;

namespace {
int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(g_signalPipe[1], &c, 1);
}

int fail(int code, const QString &message)
{
    std::fprintf(stderr, "prego-cp-sim: %s\n", qPrintable(message));
    return code;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("prego-cp-sim"));

    SimOptions options;
    bool help = false;
    if (const QString error = SimOptions::parse(app.arguments(), &options, &help); !error.isEmpty())
        return fail(1, error + QStringLiteral(" (see --help)"));
    if (help) {
        std::fputs(qPrintable(SimOptions::helpText()), stdout);
        return 0;
    }

    TokenStore tokens;
    if (const QString error = tokens.loadFile(options.tokensFile); !error.isEmpty())
        return fail(1, error);

    SimDatabase db;
    if (const QString error = db.open(options.databasePath); !error.isEmpty())
        return fail(1, error);

    SimClock clock;
    Fleet fleet(db);
    fleet.loadFromDatabase();
    const quint64 seed =
        options.seedGiven ? options.seed : QRandomGenerator::global()->generate64();
    FleetSimulator simulator(db, fleet, clock, seed);
    Pipeline pipeline(db, fleet, clock, options.pipeline);
    // Nodes created by provisioning start pushing a little later, as if Ansible installed the
    // agent.
    QObject::connect(&pipeline, &Pipeline::nodeRegistered, &simulator,
                     [&simulator, &options](const QString &nodeId) {
                         const double scale = std::min(1.0, options.pipeline.timeScale);
                         simulator.startAgent(nodeId, qint64(100 + 3000 * scale));
                     });

    AuditLog audit(db);
    Silences silences(db, audit, fleet, clock);
    silences.loadFromDatabase();
    if (fleet.nodes().isEmpty() && options.demoFleet > 0) {
        simulator.createDemoFleet(options.demoFleet);
        seedDemoSilences(silences, fleet, clock.nowMs());
    } else {
        simulator.loadFromDatabase();
    }
    pipeline.loadFromDatabase();
    if (options.demoJobs && pipeline.jobCount() == 0) {
        if (const QString error = submitDemoJobs(pipeline, fleet, QStringLiteral("demo"));
            !error.isEmpty())
            return fail(1, error);
    }

    ApiServer server(tokens, fleet, pipeline, simulator, silences, audit, clock, options.simAdmin,
                     options.features);
    const quint16 port = server.listen(options.listenAddress, options.listenPort);
    if (port == 0)
        return fail(2, QStringLiteral("cannot listen on %1:%2")
                           .arg(options.listenAddress.toString())
                           .arg(options.listenPort));

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) == 0) {
        auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
        std::signal(SIGTERM, onSignal);
        std::signal(SIGINT, onSignal);
    }

    const QString host = options.listenAddress.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(options.listenAddress.toString())
                             : options.listenAddress.toString();
    std::printf("listening on http://%s:%u\n", qPrintable(host), unsigned(port));
    std::printf("nodes: %lld, jobs: %lld, database: %s\n", qlonglong(fleet.nodes().size()),
                qlonglong(pipeline.jobCount()), qPrintable(options.databasePath));
    std::fflush(stdout);
    const int rc = app.exec();
    std::fprintf(stderr, "prego-cp-sim: shutting down\n");
    return rc;
}
