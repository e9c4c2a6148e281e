#include "historycommand.h"

#include "storage/historystore.h"
#include "storage/profilestore.h"
#include "texttable.h"
#include "types/profile.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QStandardPaths>
#include <QTextStream>

#include <limits>

using namespace Qt::StringLiterals;

namespace prego {

namespace {
QString rfc3339(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

// CSV and JSON are for programs: '.' decimals whatever the locale.
QString plain(const std::optional<double> &v)
{
    return v ? QString::number(*v, 'f', 1) : QString();
}

QJsonValue json(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QString local(const std::optional<double> &v)
{
    return v ? QLocale().toString(*v, 'f', 1) : u"–"_s;
}
} // namespace

HistoryCommand::HistoryCommand(QSettings &settings, CtlApp::Io io, QString dataDir)
    : m_settings(settings)
    , m_io(io)
    , m_errors(*io.err)
    , m_dataDir(dataDir.isEmpty()
                    ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                    : std::move(dataDir))
{}

std::optional<qint64> HistoryCommand::parseDuration(const QString &text)
{
    static constexpr qint64 MaxMs = 10LL * 365 * 24 * 3600 * 1000;
    const QString t = text.trimmed().toLower();
    if (t.isEmpty())
        return std::nullopt;
    qint64 unit = 1000;
    QString number = t;
    switch (t.back().unicode()) {
    case 's':
        unit = 1000;
        break;
    case 'm':
        unit = 60 * 1000;
        break;
    case 'h':
        unit = 3600 * 1000;
        break;
    case 'd':
        unit = 24 * 3600 * 1000;
        break;
    default:
        number.append(u's'); // plain seconds
    }
    number.chop(1);
    bool ok = false;
    const qint64 n = number.toLongLong(&ok);
    if (!ok || n <= 0 || n > MaxMs / unit)
        return std::nullopt;
    return n * unit;
}

int HistoryCommand::run(const QStringList &args)
{
    QCommandLineParser p;
    p.addOptions({{u"profile"_s, {}, u"NAME"_s},
                  {u"node"_s, {}, u"ID"_s},
                  {u"since"_s, {}, u"DURATION"_s, u"24h"_s},
                  {u"output"_s, {}, u"FORMAT"_s, u"table"_s}});
    if (!p.parse(QStringList{u"prego-ctl"_s} + args))
        return m_errors.fail(CtlApp::Usage, p.errorText());
    const QString output = p.value(u"output"_s);
    if (output != u"table" && output != u"csv" && output != u"json")
        return m_errors.fail(CtlApp::Usage, tr("--output is table, csv or json."));
    const auto since = parseDuration(p.value(u"since"_s));
    if (!since)
        return m_errors.fail(CtlApp::Usage, tr("--since wants a duration such as 90m, 24h or 7d."));
    const QString nodeId = p.value(u"node"_s);
    if (nodeId.isEmpty())
        return m_errors.fail(CtlApp::Usage, tr("Name a node with --node ID."));
    const QString profileName = p.value(u"profile"_s);
    if (profileName.isEmpty())
        return m_errors.fail(CtlApp::Usage, tr("Name a profile with --profile NAME."));
    if (!ProfileStore(m_settings).find(profileName))
        return m_errors.fail(CtlApp::NotFound,
                             tr("There is no profile named %1; see 'prego-ctl profiles "
                                "list'.")
                                 .arg(profileName));

    const QString path = HistoryStore::pathFor(m_dataDir, profileName);
    if (!QFileInfo::exists(path))
        return m_errors.fail(
            CtlApp::NotFound,
            tr("No history has been recorded for profile %1 yet: the console records it "
               "while it is connected (expected at %2).")
                .arg(profileName, path));
    HistoryStoreOptions options;
    options.checkIntegrity = false; // a quick look, not the console's start-up check
    options.recoverCorrupt = false; // never move the console's database from under it
    HistoryStore store(HistoryStore::connectionNameForThisThread(u"ctl"_s), options);
    if (const HistoryOpenResult opened = store.open(path); !opened.ok)
        return m_errors.fail(CtlApp::Unreachable, opened.error);
    if (!store.nodeIds().contains(nodeId))
        return m_errors.fail(
            CtlApp::NotFound,
            tr("No samples are stored for node %1 in profile %2.").arg(nodeId, profileName));

    // Samples carry the server's time. The last snapshot tells how far our clock is from it.
    qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    if (const auto last = store.lastSnapshot())
        nowMs += last->snapshot.serverTimeMs - last->storedAtMs;
    const qint64 fromMs = nowMs - *since;
    const QList<HistorySample> samples =
        store.samples(nodeId, fromMs, std::numeric_limits<qint64>::max());

    if (output == u"csv") {
        *m_io.out << u"node_id,updated_at,cpu_pct,memory_pct,disk_pct,tenant_count\n"_s;
        for (const HistorySample &s : samples) {
            *m_io.out << nodeId << u',' << rfc3339(s.updatedAtMs) << u',' << plain(s.cpuPct) << u','
                      << plain(s.memoryPct) << u',' << plain(s.diskPct) << u','
                      << (s.tenantCount ? QString::number(*s.tenantCount) : QString()) << u'\n';
        }
        m_io.out->flush();
        return CtlApp::Ok;
    }
    if (output == u"json") {
        QJsonArray rows;
        for (const HistorySample &s : samples) {
            rows.append(QJsonObject{
                {u"updated_at"_s, rfc3339(s.updatedAtMs)},
                {u"cpu_pct"_s, json(s.cpuPct)},
                {u"memory_pct"_s, json(s.memoryPct)},
                {u"disk_pct"_s, json(s.diskPct)},
                {u"tenant_count"_s, s.tenantCount ? QJsonValue(*s.tenantCount) : QJsonValue()}});
        }
        const QJsonObject root{{u"profile"_s, profileName},
                               {u"node_id"_s, nodeId},
                               {u"since"_s, rfc3339(fromMs)},
                               {u"samples"_s, rows}};
        *m_io.out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
        return CtlApp::Ok;
    }

    if (samples.isEmpty()) {
        *m_io.out << tr("No samples for node %1 since %2.").arg(nodeId, rfc3339(fromMs))
                  << Qt::endl;
        return CtlApp::Ok;
    }
    TextTable table({tr("UPDATED AT"), tr("CPU %"), tr("MEM %"), tr("DISK %"), tr("TENANTS")});
    table.setRightAligned({1, 2, 3, 4});
    for (const HistorySample &s : samples)
        table.addRow({rfc3339(s.updatedAtMs), local(s.cpuPct), local(s.memoryPct), local(s.diskPct),
                      s.tenantCount ? QLocale().toString(*s.tenantCount) : u"–"_s});
    *m_io.out << table.render();
    *m_io.out << tr("%n sample(s) for node %1 since %2.", nullptr, int(samples.size()))
                     .arg(nodeId, rfc3339(fromMs))
              << Qt::endl;
    return CtlApp::Ok;
}

} // namespace prego
