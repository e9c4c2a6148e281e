#include "alertcommands.h"

#include "api/controlplane.h"
#include "api/waitfor.h"
#include "domain/agetext.h"
#include "domain/alertmarks.h"
#include "domain/alerttext.h"
#include "domain/jobtext.h"
#include "storage/alertsession.h"
#include "storage/alertstore.h"
#include "texttable.h"
#include "types/profile.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace prego {

namespace {

using JobText::rfc3339;

const Silence *silenceOf(const QList<Silence> &silences, const Alert &alert, qint64 nowMs)
{
    for (const Silence &s : silences) {
        if (s.isActiveAt(nowMs) && s.covers(alert.nodeId, alert.region))
            return &s;
    }
    return nullptr;
}

} // namespace

AlertCommands::AlertCommands(QSettings &settings, SecretStore &secrets, QNetworkAccessManager &nam,
                             CtlApp::Io io)
    : m_io(io)
    , m_errors(*io.err)
    , m_session(settings, secrets, nam, *io.err)
{}

bool AlertCommands::handles(const QString &command)
{
    return command == u"alerts" || command == u"ack";
}

QString AlertCommands::helpText()
{
    return tr("\n"
              "Alert commands:\n"
              "  alerts --profile NAME [--output table|json] [--exit-code]\n"
              "                            poll once, evaluate the alert rules and list what is\n"
              "                            firing, pending or unknown; --exit-code exits 8 while\n"
              "                            an alert of a node that is not silenced fires\n"
              "  ack NODE[/RULE]… --comment TEXT --profile NAME\n"
              "                            acknowledge alerts (all of a node's, or one rule's:\n"
              "                            freshness, cpu, memory, disk); they stay quiet until\n"
              "                            they resolve\n");
}

int AlertCommands::run(const QString &command, const QStringList &args)
{
    return command == u"alerts" ? alerts(args) : ack(args);
}

int AlertCommands::alerts(const QStringList &args)
{
    QCommandLineParser p;
    p.addOptions({{u"profile"_s, {}, u"NAME"_s},
                  {u"exit-code"_s, {}},
                  {u"output"_s, {}, u"FORMAT"_s, u"table"_s}});
    if (!p.parse(QStringList{u"prego-ctl"_s} + args))
        return m_errors.fail(CtlApp::Usage, p.errorText());
    const QString output = p.value(u"output"_s);
    if (output != u"table" && output != u"json")
        return m_errors.fail(CtlApp::Usage, tr("--output is table or json."));
    int code = CtlApp::Ok;
    if (!m_session.open(p.value(u"profile"_s), &code))
        return code;
    ControlPlane &api = m_session.controlPlane();
    const ApiResult<WhoAmI> who = waitFor<WhoAmI>(
        [&](QObject *context, auto done) { return api.whoami(context, std::move(done)); });
    if (!who.ok())
        return m_errors.failApi(*who.error);
    const ApiResult<NodesSnapshot> nodes = waitFor<NodesSnapshot>(
        [&](QObject *context, auto done) { return api.nodes(context, std::move(done)); });
    if (!nodes.ok())
        return m_errors.failApi(*nodes.error);
    QList<Silence> silences;
    if (api.offers(Feature::Silences)) {
        const ApiResult<SilencesList> listed = waitFor<SilencesList>(
            [&](QObject *context, auto done) { return api.silences(true, context, done); });
        // Without the list no alert counts as silenced: --exit-code then errs on the loud side.
        if (listed.ok())
            silences = listed.value->silences;
        else
            *m_io.err << u"prego-ctl: "_s << listed.error->message() << Qt::endl;
    }

    const Profile &profile = m_session.profile();
    const NodesSnapshot &snapshot = *nodes.value;
    const AlertSession::OneShot result = AlertSession::evaluateOnce(
        AlertStore::defaultPath(profile.name), snapshot, profile.staleAfterSeconds);
    if (!result.error.isEmpty())
        return m_errors.fail(CtlApp::Usage, result.error);
    if (!result.warning.isEmpty())
        *m_io.err << u"prego-ctl: "_s << result.warning << Qt::endl;

    QList<Alert> alerts = result.current;
    // The worst first (firing, pending, unknown), by node within each.
    std::sort(alerts.begin(), alerts.end(), [](const Alert &a, const Alert &b) {
        return std::pair(-AlertMarks::severity(a.state), a.key()) <
               std::pair(-AlertMarks::severity(b.state), b.key());
    });
    const qint64 now = snapshot.serverTimeMs;
    bool loud = false;
    for (const Alert &a : std::as_const(alerts))
        loud = loud || (a.state == AlertState::Firing && !silenceOf(silences, a, now));

    if (output == u"json") {
        QJsonArray array;
        for (const Alert &a : std::as_const(alerts)) {
            const Silence *silence = silenceOf(silences, a, now);
            QJsonObject o{
                {u"key"_s, a.key()},
                {u"node_id"_s, a.nodeId},
                {u"region"_s, a.region},
                {u"rule"_s, alertRuleKey(a.rule)},
                {u"state"_s, alertStateKey(a.state)},
                {u"value"_s, a.value ? QJsonValue(*a.value) : QJsonValue()},
                {u"detail"_s, a.detail.isEmpty() ? QJsonValue() : QJsonValue(a.detail)},
                {u"since"_s, rfc3339(a.sinceMs)},
                {u"firing_since"_s,
                 a.firingSinceMs ? QJsonValue(rfc3339(*a.firingSinceMs)) : QJsonValue()},
                {u"silence_id"_s, silence ? QJsonValue(silence->silenceId) : QJsonValue()}};
            if (a.ack)
                o.insert(u"ack"_s, QJsonObject{{u"by"_s, a.ack->who},
                                               {u"at"_s, rfc3339(a.ack->atMs)},
                                               {u"comment"_s, a.ack->comment}});
            else
                o.insert(u"ack"_s, QJsonValue());
            array.append(o);
        }
        const QJsonObject root{{u"server_time"_s, rfc3339(now)}, {u"alerts"_s, array}};
        *m_io.out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
    } else {
        TextTable table({tr("NODE"), tr("RULE"), tr("STATE"), tr("VALUE"), tr("SINCE"),
                         tr("ACKNOWLEDGED"), tr("SILENCED")});
        for (const Alert &a : std::as_const(alerts)) {
            const Silence *silence = silenceOf(silences, a, now);
            const AlertThreshold threshold = result.rules.effective(a.rule, a.nodeId, a.region);
            table.addRow(
                {a.nodeId, AlertText::ruleLabel(a.rule, threshold), AlertText::stateName(a.state),
                 AlertText::value(a.value, a.detail),
                 AgeText::ago(std::max<qint64>(0, (now - a.sinceMs) / 1000)),
                 a.ack ? tr("%1: %2").arg(a.ack->who, a.ack->comment) : u"–"_s,
                 silence ? tr("until %1 (%2)").arg(rfc3339(silence->endsAtMs), silence->createdBy)
                         : u"–"_s});
        }
        if (alerts.isEmpty())
            *m_io.out << tr("No alert is pending or firing.") << Qt::endl;
        else
            *m_io.out << table.render() << tr("%n alert(s)", nullptr, int(alerts.size()))
                      << Qt::endl;
    }
    return p.isSet(u"exit-code"_s) && loud ? CtlApp::Firing : CtlApp::Ok;
}

int AlertCommands::ack(const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(u"alerts"_s, {});
    p.addOptions({{u"profile"_s, {}, u"NAME"_s}, {u"comment"_s, {}, u"TEXT"_s}});
    if (!p.parse(QStringList{u"prego-ctl"_s} + args))
        return m_errors.fail(CtlApp::Usage, p.errorText());
    if (p.positionalArguments().isEmpty())
        return m_errors.fail(CtlApp::Usage,
                             tr("Name the alerts: NODE for all of a node's, NODE/RULE for one."));
    const QString comment = p.value(u"comment"_s).trimmed();
    if (comment.isEmpty() || comment.size() > 500)
        return m_errors.fail(CtlApp::Usage, tr("--comment wants a text of 1 to 500 characters."));
    int code = CtlApp::Ok;
    if (!m_session.open(p.value(u"profile"_s), &code))
        return code;
    const ApiResult<WhoAmI> who = waitFor<WhoAmI>([&](QObject *context, auto done) {
        return m_session.controlPlane().whoami(context, std::move(done));
    });
    if (!who.ok())
        return m_errors.failApi(*who.error);

    AlertSession session(AlertStore::defaultPath(m_session.profile().name));
    if (const QString error = session.open(); !session.isPersistent())
        return m_errors.fail(CtlApp::Usage, error);
    const QList<Alert> current = session.current();
    QStringList keys;
    for (const QString &name : p.positionalArguments()) {
        const qsizetype before = keys.size();
        for (const Alert &a : current) {
            if (a.key() == name || a.nodeId == name)
                keys.append(a.key());
        }
        if (keys.size() == before)
            return m_errors.fail(CtlApp::NotFound,
                                 tr("No pending, firing or unknown alert matches %1; "
                                    "prego-ctl alerts lists them.")
                                     .arg(name));
    }
    const AlertAck ack{who.value->tokenName, who.value->serverTimeMs, comment};
    for (const QString &key : std::as_const(keys)) {
        if (const QString error = session.acknowledge(key, ack); !error.isEmpty())
            return m_errors.fail(CtlApp::Usage, error);
        *m_io.out << tr("Acknowledged %1.").arg(key) << Qt::endl;
    }
    return CtlApp::Ok;
}

} // namespace prego
