// The console's own costs at fleet scale, each beside a naive baseline measured in the same run
// (the ratio is the result: this machine is noisy). Run through ./bench.sh, which prints the
// table docs/performance.md records.
//
//  PollApply      UI-thread work per poll: apply a decoded snapshot to the model, the sorting
//                 proxy and the summary    vs  decode on the UI thread and reset the model
//  Decode         ApiCodec::decodeNodes (runs on the poller's worker thread)
//                                          vs  a plain QJsonDocument walk into the same structs
//                                          and simdjson (On-Demand) reading every field of the
//                                          same bytes without building anything: the limit
//  ChartSwitch    node detail, 30 days of 1-minute samples x 3 series: thin to the plot width
//                 and paint (the self-painted chart)  vs  a Qt Charts chart with every point
//                 replace()d into its QLineSeries, then painted
//  HistoryIngest  10,000 samples (one poll) in one transaction, appended to the time-ordered
//                 `recent` table
//                                          vs  one transaction per row
//  HistoryRead    one node's 24 h and 30 d  vs  a plain table with a separate index
#include "api/apiclient.h"
#include "api/apicodec.h"
#include "api/controlplane.h"
#include "api/fleetpoller.h"
#include "domain/freshness.h"
#include "domain/seriesthinning.h"
#include "domain/serverclock.h"
#include "fleetsummary.h"
#include "fleettable.h"
#include "historychartview.h"
#include "nodefilterproxy.h"
#include "nodesbody.h"
#include "nodetablemodel.h"
#include "simprocess.h"
#include "storage/historystore.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineSeries>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPixmap>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
#include <QValueAxis>

#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <ctime>
#include <memory>

using namespace Qt::StringLiterals;
using namespace prego;

namespace {

constexpr qint64 T0 = BenchEpochMs;
constexpr qint64 Minute = 60 * 1000;

NodesSnapshot decoded(int n, int round)
{
    return *ApiCodec::decodeNodes(nodesBody(n, round)).value;
}

// --- PollApply -------------------------------------------------------------------------------

void PollApply_Incremental(benchmark::State &state)
{
    const int n = int(state.range(0));
    const NodesSnapshot a = decoded(n, 1), b = decoded(n, 2);
    FleetTable table(b.serverTimeMs, a);
    NodeTableModel &model = table.model;
    const ServerClock &clock = table.clock;
    bool flip = false;
    for (auto _ : state) {
        model.applySnapshot(flip ? a : b);
        benchmark::DoNotOptimize(FleetSummary::compute(model.nodes(), clock.nowMs(), 300, true));
        flip = !flip;
    }
}

// As the console applies a poll: the decode thread has found which positions changed since the
// snapshot the model holds (SnapshotDelta, off the UI thread, not timed here), so the model
// copies only those. a and b alternate, each marked against the other.
void PollApply_Delta(benchmark::State &state)
{
    const int n = int(state.range(0));
    NodesSnapshot a = decoded(n, 1), b = decoded(n, 2);
    SnapshotDelta::mark(nullptr, a);
    SnapshotDelta::mark(&a, b); // b after a
    NodesSnapshot again = a;
    SnapshotDelta::mark(&b, again);  // a after b ...
    again.generation = a.generation; // ... numbered as a, so that b follows it again
    FleetTable table(b.serverTimeMs, a);
    NodeTableModel &model = table.model;
    const ServerClock &clock = table.clock;
    state.counters["changed"] = double(b.changedPositions.size());
    bool flip = false;
    for (auto _ : state) {
        model.applySnapshot(flip ? again : b);
        benchmark::DoNotOptimize(FleetSummary::compute(model.nodes(), clock.nowMs(), 300, true));
        flip = !flip;
    }
}

void PollApply_NaiveReset(benchmark::State &state)
{
    const int n = int(state.range(0));
    const QByteArray a = nodesBody(n, 1), b = nodesBody(n, 2);
    ServerClock clock;
    NodeFilterProxy proxy;
    proxy.sort(NodeTableModel::FreshnessColumn);
    std::unique_ptr<NodeTableModel> model;
    bool flip = false;
    for (auto _ : state) {
        // Decode on the UI thread, then a new model: every row inserted, the proxy re-sorts.
        const NodesSnapshot s = *ApiCodec::decodeNodes(flip ? a : b).value;
        clock.sync(s.serverTimeMs);
        auto next = std::make_unique<NodeTableModel>(&clock);
        next->applySnapshot(s);
        proxy.setSourceModel(next.get());
        model = std::move(next);
        benchmark::DoNotOptimize(FleetSummary::compute(model->nodes(), clock.nowMs(), 300, true));
        flip = !flip;
    }
}

// The once-a-second tick (ages and freshness move with the clock) and the first snapshot (every
// row inserted and sorted): the other UI-thread tasks that grow with the fleet.
void PollApply_Tick(benchmark::State &state)
{
    const NodesSnapshot a = decoded(int(state.range(0)), 1);
    FleetTable table(a.serverTimeMs, a);
    for (auto _ : state) {
        table.model.tick();
        benchmark::DoNotOptimize(table.proxy.rowCount());
    }
}

void PollApply_FirstSnapshot(benchmark::State &state)
{
    const NodesSnapshot a = decoded(int(state.range(0)), 1);
    ServerClock clock;
    clock.sync(a.serverTimeMs);
    for (auto _ : state) {
        {
            NodeTableModel model(&clock);
            NodeFilterProxy proxy;
            proxy.setSourceModel(&model);
            proxy.sort(NodeTableModel::FreshnessColumn);
            model.applySnapshot(a);
            benchmark::DoNotOptimize(proxy.rowCount());
            state.PauseTiming(); // not the teardown
        }
        state.ResumeTiming();
    }
}

// --- Poll over HTTP: 304 against a full answer ------------------------------------------------
// A real prego-cp-sim with 10,000 demo nodes. The figure is the console process's CPU time per
// poll (every thread: the HTTP thread, the decode worker and the UI thread's apply), from
// pollNow() to the poller's answer handled; wall time would mostly measure the server.

double processCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}

struct PollRig
{
    test::SimProcess sim;
    QNetworkAccessManager nam;
    std::unique_ptr<ApiClient> client;
    bool ok = false;

    PollRig()
    {
        if (!sim.start({u"--enable-sim-admin"_s, u"--demo-fleet"_s, u"10000"_s}, 120000))
            return;
        Profile profile;
        profile.name = u"bench"_s;
        profile.baseUrl = sim.baseUrl();
        profile.pollIntervalSeconds = 3600; // only pollNow() polls
        client = std::make_unique<ApiClient>(&nam, profile);
        client->setToken(sim.tokenFor(u"operator"_s));
        ok = true;
    }
    static PollRig &instance()
    {
        static PollRig rig;
        return rig;
    }
    void setPushing(bool pushing)
    {
        QNetworkRequest request(sim.baseUrl().resolved(QUrl(u"/sim/fleet"_s)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        request.setRawHeader("Authorization", "Bearer " + sim.tokenFor(u"operator"_s).toUtf8());
        QNetworkReply *reply =
            nam.post(request, pushing ? R"({"pushing":true})"_ba : R"({"pushing":false})"_ba);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
    }
};

void pollLoop(benchmark::State &state, bool quiet)
{
    PollRig &rig = PollRig::instance();
    if (!rig.ok) {
        state.SkipWithError("prego-cp-sim did not start");
        return;
    }
    rig.setPushing(!quiet);
    ServerClock clock;
    NodeTableModel model(&clock);
    NodeFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(NodeTableModel::FreshnessColumn);
    ControlPlane controlPlane(rig.client.get());
    FleetPoller poller(&controlPlane, &clock);
    int answers = 0, notModified = 0;
    QEventLoop loop;
    QObject::connect(&poller, &FleetPoller::snapshotReceived, [&](const NodesSnapshot &s) {
        model.applySnapshot(s);
        benchmark::DoNotOptimize(model.summary());
        ++answers;
        loop.quit();
    });
    QObject::connect(&poller, &FleetPoller::notModified, [&] {
        ++answers;
        ++notModified;
        loop.quit();
    });
    QObject::connect(&poller, &FleetPoller::pollFailed, [&] { loop.quit(); });
    poller.pollNow(); // the first answer is whole either way (no ETag yet)
    loop.exec();
    if (quiet) { // the fleet went quiet after that ETag? one more whole answer then
        poller.pollNow();
        loop.exec();
    }
    answers = notModified = 0;
    for (auto _ : state) {
        if (!quiet) { // the simulator moves its pushes on once a second: let one pass
            QEventLoop wait;
            QTimer::singleShot(1100, &wait, &QEventLoop::quit);
            wait.exec();
        }
        const double cpu = processCpuMs();
        poller.pollNow();
        loop.exec();
        state.SetIterationTime((processCpuMs() - cpu) / 1000.0);
    }
    if (answers != int(state.iterations()) || (quiet && notModified != answers) ||
        (!quiet && notModified != 0))
        state.SkipWithError(QStringLiteral("the answers were not what this benchmark measures: "
                                           "%1 answers, %2 of them 304, %3 polls")
                                .arg(answers)
                                .arg(notModified)
                                .arg(state.iterations())
                                .toUtf8()
                                .constData());
    poller.stop();
}

void Poll_NotModified(benchmark::State &state)
{
    pollLoop(state, true);
}

void Poll_FullAnswer(benchmark::State &state)
{
    pollLoop(state, false);
}

// --- Decode ----------------------------------------------------------------------------------

void Decode_ApiCodec(benchmark::State &state)
{
    const QByteArray body = nodesBody(int(state.range(0)), 1);
    for (auto _ : state)
        benchmark::DoNotOptimize(ApiCodec::decodeNodes(body));
    state.SetBytesProcessed(qint64(state.iterations()) * body.size());
}

// Every value of the document read by simdjson On-Demand: strings as views, numbers as doubles.
struct SimdjsonSink
{
    double sum = 0;
    size_t chars = 0;
};

void simdjsonWalk(simdjson::ondemand::value v, SimdjsonSink *sink)
{
    switch (v.type().value()) {
    case simdjson::ondemand::json_type::object:
        for (auto field : v.get_object()) {
            sink->chars += field.unescaped_key().value().size();
            simdjsonWalk(field.value().value(), sink);
        }
        break;
    case simdjson::ondemand::json_type::array:
        for (auto element : v.get_array())
            simdjsonWalk(element.value(), sink);
        break;
    case simdjson::ondemand::json_type::string:
        sink->chars += v.get_string().value().size();
        break;
    case simdjson::ondemand::json_type::number:
        sink->sum += v.get_double().value();
        break;
    case simdjson::ondemand::json_type::boolean:
        sink->sum += v.get_bool().value();
        break;
    case simdjson::ondemand::json_type::null:
        sink->sum += v.is_null().value();
        break;
    }
}

void Decode_SimdjsonParseOnly(benchmark::State &state)
{
    const QByteArray body = nodesBody(int(state.range(0)), 1);
    const simdjson::padded_string json(body.constData(), size_t(body.size()));
    simdjson::ondemand::parser parser;
    for (auto _ : state) {
        SimdjsonSink sink;
        simdjson::ondemand::document doc = parser.iterate(json);
        simdjsonWalk(doc.get_value().value(), &sink);
        benchmark::DoNotOptimize(sink);
    }
    state.SetBytesProcessed(qint64(state.iterations()) * body.size());
}

void Decode_QJsonWalk(benchmark::State &state)
{
    const QByteArray body = nodesBody(int(state.range(0)), 1);
    for (auto _ : state) {
        const QJsonObject root = QJsonDocument::fromJson(body).object();
        NodesSnapshot s;
        for (const QJsonValue &v : root.value(u"nodes").toArray()) {
            const QJsonObject o = v.toObject();
            Node n;
            n.nodeId = o.value(u"node_id").toString();
            n.hostname = o.value(u"hostname").toString();
            n.ipv4 = o.value(u"ipv4").toString();
            n.region = o.value(u"region").toString();
            n.placement = o.value(u"placement").toString();
            n.role = o.value(u"role").toString();
            n.status = o.value(u"status").toString();
            n.acceptsTenants = o.value(u"accepts_tenants").toBool();
            const QJsonObject m = o.value(u"metrics").toObject();
            NodeMetrics metrics;
            metrics.cpuPct = m.value(u"cpu_pct").toDouble();
            metrics.memoryPct = m.value(u"memory_pct").toDouble();
            metrics.diskPct = m.value(u"disk_pct").toDouble();
            metrics.tenantCount = m.value(u"tenant_count").toInteger();
            metrics.updatedAtMs =
                QDateTime::fromString(m.value(u"updated_at").toString(), Qt::ISODateWithMs)
                    .toMSecsSinceEpoch();
            n.metrics = metrics;
            s.nodes.append(std::move(n));
        }
        benchmark::DoNotOptimize(s);
    }
    state.SetBytesProcessed(qint64(state.iterations()) * body.size());
}

// --- ChartSwitch -----------------------------------------------------------------------------

QList<QPointF> month(int phase)
{
    QList<QPointF> points;
    points.reserve(30 * 24 * 60);
    for (int i = 0; i < 30 * 24 * 60; ++i)
        points.append(
            QPointF(double(T0 + i * Minute),
                    50 + 40 * std::sin(double(i + phase) / 300.0) + (i % 97 == 0 ? 9 : 0)));
    return points;
}

// What the window system's backing store is: one image a chart paints into, kept between frames
// (grab() would allocate and clear a new pixmap per call). Both chart benchmarks paint this way.
struct BackingStore
{
    QImage image{QSize(1100, 250), QImage::Format_ARGB32_Premultiplied};
    void paint(QWidget *w)
    {
        w->render(&image);
        benchmark::DoNotOptimize(image.constBits());
    }
};

struct Charts
{
    QWidget window;
    QList<HistoryChartView *> views;
    BackingStore backingStore;
    Charts()
    {
        window.resize(1100, 760);
        for (auto m : {HistoryChartView::Metric::Cpu, HistoryChartView::Metric::Memory,
                       HistoryChartView::Metric::Disk}) {
            auto *v = new HistoryChartView(m, &window);
            v->setGeometry(0, int(views.size()) * 250, 1100, 250);
            views.append(v);
        }
        window.show();
        QApplication::processEvents();
    }
    void paint(QWidget *w) { backingStore.paint(w); }
};

// The naive chart: Qt Charts set up as the node detail's charts were until they painted
// themselves (a QLineSeries on a date-time and a value axis, no animation, the palette's flat
// colours instead of the theme's gradient), with every point handed to the series by replace().
struct NaiveCharts
{
    QWidget window;
    QList<QChartView *> views;
    QList<QLineSeries *> series;
    BackingStore backingStore;
    NaiveCharts()
    {
        window.resize(1100, 760);
        for (int i = 0; i < 3; ++i) {
            const QPalette pal = window.palette();
            auto *chart = new QChart;
            chart->setAnimationOptions(QChart::NoAnimation);
            chart->legend()->hide();
            chart->setMargins(QMargins(2, 2, 2, 2));
            chart->setBackgroundRoundness(0);
            QFont titleFont = chart->titleFont();
            titleFont.setBold(true);
            chart->setTitleFont(titleFont);
            chart->setTitle(u"CPU"_s);
            chart->setBackgroundBrush(pal.color(QPalette::Base));
            chart->setTitleBrush(pal.color(QPalette::Text));
            auto *line = new QLineSeries;
            QPen pen(QColor(0x1f, 0x77, 0xb4));
            pen.setWidthF(1.5);
            line->setPen(pen);
            chart->addSeries(line);
            auto *x = new QDateTimeAxis;
            x->setTickCount(7);
            x->setFormat(u"MM-dd"_s);
            x->setRange(QDateTime::fromMSecsSinceEpoch(T0),
                        QDateTime::fromMSecsSinceEpoch(T0 + 30LL * 24 * 60 * Minute));
            auto *y = new QValueAxis;
            y->setRange(0, 100);
            y->setLabelFormat(u"%d%%"_s);
            y->setTickCount(5);
            QColor grid = pal.color(QPalette::Text);
            grid.setAlpha(40);
            for (QAbstractAxis *axis :
                 {static_cast<QAbstractAxis *>(x), static_cast<QAbstractAxis *>(y)}) {
                axis->setLabelsBrush(pal.color(QPalette::Text));
                axis->setLinePenColor(pal.color(QPalette::Mid));
                axis->setGridLineColor(grid);
            }
            chart->addAxis(x, Qt::AlignBottom);
            chart->addAxis(y, Qt::AlignLeft);
            line->attachAxis(x);
            line->attachAxis(y);
            auto *view = new QChartView(chart, &window);
            view->setRenderHint(QPainter::Antialiasing);
            view->setGeometry(0, i * 250, 1100, 250);
            views.append(view);
            series.append(line);
        }
        window.show();
        QApplication::processEvents();
    }
    void paint(QWidget *w) { backingStore.paint(w); }
};

void ChartSwitch_Thinned(benchmark::State &state)
{
    Charts charts;
    const QList<QPointF> a = month(0), b = month(100);
    const qint64 from = T0, to = T0 + 30LL * 24 * 60 * Minute;
    bool flip = false;
    for (auto _ : state) {
        for (HistoryChartView *v : charts.views) {
            v->setData(from, to, flip ? a : b, {});
            charts.paint(v); // the paint the operator waits for
        }
        flip = !flip;
    }
}

void ChartSwitch_AllPoints(benchmark::State &state)
{
    NaiveCharts charts;
    const QList<QPointF> a = month(0), b = month(100);
    bool flip = false;
    for (auto _ : state) {
        for (qsizetype i = 0; i < charts.views.size(); ++i) {
            charts.series.at(i)->replace(flip ? a : b);
            charts.paint(charts.views.at(i));
        }
        flip = !flip;
    }
}

// --- History ---------------------------------------------------------------------------------

QList<HistorySample> poll(int nodes, qint64 at)
{
    QList<HistorySample> samples;
    samples.reserve(nodes);
    for (int i = 0; i < nodes; ++i)
        samples.append({u"fsn1-shared-%1"_s.arg(i, 6, 10, QLatin1Char('0')), at + i, 12.5 + i % 50,
                        40.0, 30.0, qint64(i % 40)});
    return samples;
}

void HistoryIngest_OneTransaction(benchmark::State &state)
{
    QTemporaryDir dir;
    HistoryStore store(HistoryStore::connectionNameForThisThread(u"bench"_s));
    store.open(dir.filePath(u"h.sqlite"_s));
    // The first poll also registers every node id (a row in `nodes` each, once per node and
    // file): not timed, so every size measures the steady poll. With it timed, the few
    // iterations a 100,000-sample poll gets were mostly that first one (1.9 s instead of 0.27 s).
    qint64 at = T0;
    store.ingest(poll(int(state.range(0)), at));
    for (auto _ : state) {
        at += Minute;
        benchmark::DoNotOptimize(store.ingest(poll(int(state.range(0)), at)));
    }
}

void HistoryIngest_RowByRow(benchmark::State &state)
{
    QTemporaryDir dir;
    const QString name = u"bench-rows"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(dir.filePath(u"plain.sqlite"_s));
        db.open();
        QSqlQuery q(db);
        q.exec(u"PRAGMA journal_mode=WAL"_s);
        q.exec(u"PRAGMA synchronous=NORMAL"_s);
        q.exec(u"CREATE TABLE samples(node_id TEXT, updated_at_ms INTEGER, cpu REAL, mem REAL, "
               "disk REAL, tenants INTEGER, PRIMARY KEY(node_id, updated_at_ms))"_s);
        qint64 at = T0;
        for (auto _ : state) {
            at += Minute;
            for (const HistorySample &s : poll(int(state.range(0)), at)) {
                db.transaction();
                q.prepare(u"INSERT OR IGNORE INTO samples VALUES(?,?,?,?,?,?)"_s);
                q.addBindValue(s.nodeId);
                q.addBindValue(s.updatedAtMs);
                q.addBindValue(*s.cpuPct);
                q.addBindValue(*s.memoryPct);
                q.addBindValue(*s.diskPct);
                q.addBindValue(*s.tenantCount);
                q.exec();
                db.commit();
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
}

// 20 nodes x 30 days of one-minute pushes (864,000 rows), rolled up and compacted as the writer
// does, raw older than 7 days pruned into roll-up blobs; then one node's range.
struct HistoryFixture
{
    QTemporaryDir dir;
    std::unique_ptr<HistoryStore> store;
    std::unique_ptr<HistoryStore> reader; // as the console's reader thread opens it
    QString plain = u"bench-plain"_s;
    static constexpr int Nodes = 20;

    HistoryFixture()
    {
        store =
            std::make_unique<HistoryStore>(HistoryStore::connectionNameForThisThread(u"bench"_s));
        store->open(dir.filePath(u"h.sqlite"_s));
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, plain);
        db.setDatabaseName(dir.filePath(u"plain.sqlite"_s));
        db.open();
        QSqlQuery q(db);
        q.exec(u"PRAGMA journal_mode=WAL"_s);
        // The naive layout: a rowid table in arrival order with a separate index.
        q.exec(u"CREATE TABLE samples(node_id TEXT, updated_at_ms INTEGER, cpu REAL, mem REAL, "
               "disk REAL, tenants INTEGER)"_s);
        q.exec(u"CREATE INDEX samples_node_time ON samples(node_id, updated_at_ms)"_s);
        // An hour of pushes per transaction, rolled up as the writer does after each.
        for (int h = 0; h < 30 * 24; ++h) {
            QList<HistorySample> hour;
            for (int m = 0; m < 60; ++m)
                hour.append(poll(Nodes, T0 + (h * 60 + m) * Minute));
            store->ingest(hour);
            store->rollUp(T0 + (h + 1) * 60 * Minute);
            db.transaction();
            q.prepare(u"INSERT INTO samples VALUES(?,?,?,?,?,?)"_s);
            QVariantList ids, ats, cpu, mem, disk, tenants;
            for (const HistorySample &x : std::as_const(hour)) {
                ids << x.nodeId;
                ats << x.updatedAtMs;
                cpu << *x.cpuPct;
                mem << *x.memoryPct;
                disk << *x.diskPct;
                tenants << *x.tenantCount;
            }
            q.addBindValue(ids);
            q.addBindValue(ats);
            q.addBindValue(cpu);
            q.addBindValue(mem);
            q.addBindValue(disk);
            q.addBindValue(tenants);
            q.execBatch();
            db.commit();
        }
        // As a console that ran all month keeps it: raw for the last 7 days, roll-up blobs before.
        store->prune(T0 + 30LL * 24 * 60 * Minute);
        reader = std::make_unique<HistoryStore>(
            HistoryStore::connectionNameForThisThread(u"bench-reader"_s),
            HistoryStoreOptions::reader());
        reader->open(dir.filePath(u"h.sqlite"_s));
    }
    ~HistoryFixture()
    {
        reader.reset();
        store.reset();
        QSqlDatabase::removeDatabase(plain);
    }
};

HistoryFixture &history()
{
    static HistoryFixture f;
    return f;
}

constexpr qint64 End = T0 + 30LL * 24 * 60 * Minute;

void HistoryRead_Store(benchmark::State &state)
{
    HistoryFixture &f = history();
    const qint64 span = state.range(0) * 3600 * 1000;
    for (auto _ : state)
        benchmark::DoNotOptimize(f.reader->series(u"fsn1-shared-000012"_s, End - span, End));
}

void HistoryRead_PlainIndex(benchmark::State &state)
{
    HistoryFixture &f = history();
    const qint64 span = state.range(0) * 3600 * 1000;
    QSqlDatabase db = QSqlDatabase::database(f.plain);
    for (auto _ : state) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(u"SELECT updated_at_ms, cpu, mem, disk, tenants FROM samples "
                  "WHERE node_id = ? AND updated_at_ms >= ? AND updated_at_ms < ? "
                  "ORDER BY updated_at_ms"_s);
        q.addBindValue(u"fsn1-shared-000012"_s);
        q.addBindValue(End - span);
        q.addBindValue(End);
        q.exec();
        QList<HistorySample> out;
        while (q.next())
            out.append({u"fsn1-shared-000012"_s, q.value(0).toLongLong(), q.value(1).toDouble(),
                        q.value(2).toDouble(), q.value(3).toDouble(), q.value(4).toLongLong()});
        benchmark::DoNotOptimize(out);
    }
}

} // namespace

BENCHMARK(PollApply_Incremental)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(PollApply_Delta)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(PollApply_Tick)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(PollApply_FirstSnapshot)
    ->Arg(1000)
    ->Arg(10000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(PollApply_NaiveReset)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(Poll_FullAnswer)->UseManualTime()->Iterations(10)->Unit(benchmark::kMillisecond);
BENCHMARK(Poll_NotModified)->UseManualTime()->Iterations(30)->Unit(benchmark::kMillisecond);
BENCHMARK(Decode_ApiCodec)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(Decode_QJsonWalk)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(Decode_SimdjsonParseOnly)
    ->Arg(1000)
    ->Arg(10000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(ChartSwitch_Thinned)->Unit(benchmark::kMillisecond);
BENCHMARK(ChartSwitch_AllPoints)->Unit(benchmark::kMillisecond);
BENCHMARK(HistoryIngest_OneTransaction)
    ->Arg(1000)
    ->Arg(10000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(HistoryIngest_RowByRow)->Arg(10000)->Iterations(3)->Unit(benchmark::kMillisecond);
BENCHMARK(HistoryRead_Store)->Arg(24)->Arg(720)->Unit(benchmark::kMillisecond);
BENCHMARK(HistoryRead_PlainIndex)->Arg(24)->Arg(720)->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
