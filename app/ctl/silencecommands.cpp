#include "silencecommands.h"

#include "api/controlplane.h"
#include "api/silencecodec.h"
#include "api/waitfor.h"
#include "historycommand.h"
#include "texttable.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace prego {

namespace {

QString stateKey(const Silence &s, qint64 nowMs)
{
    if (s.endedAtMs)
        return u"ended"_s;
    if (nowMs < s.startsAtMs)
        return u"scheduled"_s;
    return nowMs < s.endsAtMs ? u"active"_s : u"expired"_s;
}

QJsonObject toJson(const Silence &s, qint64 nowMs)
{
    using SilenceCodec::formatTimestamp;
    return QJsonObject{
        {u"silence_id"_s, s.silenceId},
        {u"node_ids"_s, QJsonArray::fromStringList(s.nodeIds)},
        {u"region"_s, s.region ? QJsonValue(*s.region) : QJsonValue()},
        {u"starts_at"_s, formatTimestamp(s.startsAtMs)},
        {u"ends_at"_s, formatTimestamp(s.endsAtMs)},
        {u"ended_at"_s, s.endedAtMs ? QJsonValue(formatTimestamp(*s.endedAtMs)) : QJsonValue()},
        {u"reason"_s, s.reason},
        {u"created_by"_s, s.createdBy},
        {u"created_at"_s, formatTimestamp(s.createdAtMs)},
        {u"state"_s, stateKey(s, nowMs)}};
}

} // namespace

SilenceCommands::SilenceCommands(QSettings &settings, SecretStore &secrets,
                                 QNetworkAccessManager &nam, CtlApp::Io io)
    : m_io(io)
    , m_errors(*io.err)
    , m_session(settings, secrets, nam, *io.err)
{}

bool SilenceCommands::handles(const QString &command)
{
    return command == u"silence" || command == u"silences" || command == u"unsilence";
}

QString SilenceCommands::helpText()
{
    return tr(
        "\n"
        "Maintenance commands (when the control plane offers silences):\n"
        "  silence NODE… | --region R  --for DURATION | --until TIME  --reason TEXT\n"
        "          --profile NAME    silence nodes or a region until an end (at most 7 days;\n"
        "                            DURATION such as 90m, 4h or 1d; TIME in RFC 3339)\n"
        "  silences --profile NAME [--active] [--output table|json]\n"
        "                            list silences in force and those ended in 7 days\n"
        "  unsilence ID --profile NAME\n"
        "                            end a silence now (ID or its first characters)\n"
        "Exit code 7: the control plane does not offer this capability.\n");
}

int SilenceCommands::run(const QString &command, const QStringList &args)
{
    if (command == u"silence")
        return silence(args);
    return command == u"silences" ? silences(args) : unsilence(args);
}

bool SilenceCommands::openOffering(const QString &profileName, qint64 *serverNowMs, int *exitCode)
{
    if (!m_session.open(profileName, exitCode))
        return false;
    const ApiResult<WhoAmI> who = waitFor<WhoAmI>([&](QObject *context, auto done) {
        return m_session.controlPlane().whoami(context, std::move(done));
    });
    if (!who.ok()) {
        *exitCode = m_errors.failApi(*who.error);
        return false;
    }
    if (!who.value->offers(Feature::Silences)) {
        *exitCode =
            m_errors.fail(CtlApp::NotOffered, ControlPlane::missingFeatureText(Feature::Silences));
        return false;
    }
    *serverNowMs = who.value->serverTimeMs;
    return true;
}

int SilenceCommands::silence(const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(u"nodes"_s, {});
    p.addOptions({{u"profile"_s, {}, u"NAME"_s},
                  {u"region"_s, {}, u"R"_s},
                  {u"for"_s, {}, u"DURATION"_s},
                  {u"until"_s, {}, u"TIME"_s},
                  {u"reason"_s, {}, u"TEXT"_s},
                  {u"output"_s, {}, u"FORMAT"_s, u"text"_s}});
    if (!p.parse(QStringList{u"prego-ctl"_s} + args))
        return m_errors.fail(CtlApp::Usage, p.errorText());
    const QStringList nodes = p.positionalArguments();
    if (nodes.isEmpty() == !p.isSet(u"region"_s))
        return m_errors.fail(CtlApp::Usage,
                             tr("Name the nodes to silence or give --region R, not both."));
    for (const QString &node : nodes) {
        if (!Node::isValidId(node))
            return m_errors.fail(CtlApp::Usage, tr("%1 is not a node id.").arg(node));
    }
    if (nodes.size() > SilenceRequest::MaxNodes)
        return m_errors.fail(CtlApp::Usage, tr("One silence names at most %n node(s).", nullptr,
                                               SilenceRequest::MaxNodes));
    if (p.isSet(u"for"_s) == p.isSet(u"until"_s))
        return m_errors.fail(CtlApp::Usage, tr("Give the end: --for DURATION or --until TIME."));
    const QString reason = p.value(u"reason"_s).trimmed();
    if (reason.isEmpty() || reason.size() > SilenceRequest::MaxReasonLength)
        return m_errors.fail(CtlApp::Usage, tr("--reason wants a text of 1 to %1 characters.")
                                                .arg(SilenceRequest::MaxReasonLength));
    const QString output = p.value(u"output"_s);
    if (output != u"text" && output != u"json")
        return m_errors.fail(CtlApp::Usage, tr("--output is text or json."));
    std::optional<qint64> forMs;
    std::optional<qint64> untilMs;
    if (p.isSet(u"for"_s)) {
        forMs = HistoryCommand::parseDuration(p.value(u"for"_s));
        if (!forMs || *forMs <= 0 || *forMs > SilenceRequest::MaxDurationMs)
            return m_errors.fail(
                CtlApp::Usage, tr("--for wants a duration such as 90m, 4h or 1d, at most 7 days."));
    } else {
        untilMs = ApiCodec::parseTimestamp(p.value(u"until"_s));
        if (!untilMs)
            return m_errors.fail(CtlApp::Usage,
                                 tr("--until wants a time such as 2026-12-24T18:00:00Z."));
    }

    int code = CtlApp::Ok;
    qint64 serverNow = 0;
    if (!openOffering(p.value(u"profile"_s), &serverNow, &code))
        return code;
    SilenceRequest request;
    request.silenceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    request.nodeIds = nodes;
    if (p.isSet(u"region"_s))
        request.region = p.value(u"region"_s);
    request.endsAtMs = forMs ? serverNow + *forMs : *untilMs;
    request.reason = reason;
    // Checked against the server's clock, so a wrong local clock cannot make a silence that is
    // over before it starts.
    if (request.endsAtMs <= serverNow)
        return m_errors.fail(CtlApp::Usage,
                             tr("The end %1 is not after the control plane's time %2.")
                                 .arg(SilenceCodec::formatTimestamp(request.endsAtMs),
                                      SilenceCodec::formatTimestamp(serverNow)));
    if (request.endsAtMs - serverNow > SilenceRequest::MaxDurationMs)
        return m_errors.fail(CtlApp::Usage, tr("A silence lasts at most 7 days."));

    const ApiResult<Silence> answer = waitFor<Silence>([&](QObject *context, auto done) {
        return m_session.controlPlane().createSilence(request, context, std::move(done));
    });
    if (!answer.ok())
        return m_errors.failApi(*answer.error);
    if (output == u"json") {
        *m_io.out << QString::fromUtf8(
            QJsonDocument(toJson(*answer.value, std::max(serverNow, answer.value->startsAtMs)))
                .toJson(QJsonDocument::Indented));
        return CtlApp::Ok;
    }
    printSilence(*answer.value, serverNow);
    return CtlApp::Ok;
}

void SilenceCommands::printSilence(const Silence &s, qint64 serverNowMs)
{
    using SilenceCodec::formatTimestamp;
    // The answer was made after `serverNowMs` was read: it is at least as late as what it says.
    serverNowMs = std::max({serverNowMs, s.startsAtMs, s.endedAtMs.value_or(0)});
    const QString target = s.region ? tr("region %1").arg(*s.region) : s.nodeIds.join(u", "_s);
    *m_io.out << tr("Silence %1 (%2): %3").arg(s.silenceId, stateKey(s, serverNowMs), target)
              << Qt::endl;
    *m_io.out << tr("  from %1 until %2, set by %3: %4")
                     .arg(formatTimestamp(s.startsAtMs), formatTimestamp(s.effectiveEndMs()),
                          s.createdBy, s.reason)
              << Qt::endl;
}

int SilenceCommands::silences(const QStringList &args)
{
    QCommandLineParser p;
    p.addOptions({{u"profile"_s, {}, u"NAME"_s},
                  {u"active"_s, {}},
                  {u"output"_s, {}, u"FORMAT"_s, u"table"_s}});
    if (!p.parse(QStringList{u"prego-ctl"_s} + args))
        return m_errors.fail(CtlApp::Usage, p.errorText());
    const QString output = p.value(u"output"_s);
    if (output != u"table" && output != u"json")
        return m_errors.fail(CtlApp::Usage, tr("--output is table or json."));
    int code = CtlApp::Ok;
    qint64 serverNow = 0;
    if (!openOffering(p.value(u"profile"_s), &serverNow, &code))
        return code;
    const ApiResult<SilencesList> answer = waitFor<SilencesList>([&](QObject *context, auto done) {
        return m_session.controlPlane().silences(p.isSet(u"active"_s), context, std::move(done));
    });
    if (!answer.ok())
        return m_errors.failApi(*answer.error);
    const SilencesList &list = *answer.value;
    if (output == u"json") {
        QJsonArray array;
        for (const Silence &s : list.silences)
            array.append(toJson(s, list.serverTimeMs));
        const QJsonObject root{{u"server_time"_s, SilenceCodec::formatTimestamp(list.serverTimeMs)},
                               {u"silences"_s, array}};
        *m_io.out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
        return CtlApp::Ok;
    }
    TextTable table(
        {tr("SILENCE"), tr("STATE"), tr("TARGET"), tr("UNTIL"), tr("SET BY"), tr("REASON")});
    for (const Silence &s : list.silences) {
        table.addRow({s.silenceId.left(8), stateKey(s, list.serverTimeMs),
                      s.region ? tr("region %1").arg(*s.region) : s.nodeIds.join(u","_s),
                      SilenceCodec::formatTimestamp(s.effectiveEndMs()), s.createdBy, s.reason});
    }
    *m_io.out << table.render();
    *m_io.out << tr("%n silence(s)", nullptr, int(list.silences.size())) << Qt::endl;
    return CtlApp::Ok;
}

int SilenceCommands::unsilence(const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(u"id"_s, {});
    p.addOptions({{u"profile"_s, {}, u"NAME"_s}});
    if (!p.parse(QStringList{u"prego-ctl"_s} + args))
        return m_errors.fail(CtlApp::Usage, p.errorText());
    if (p.positionalArguments().size() != 1 || p.positionalArguments().first().isEmpty())
        return m_errors.fail(
            CtlApp::Usage,
            tr("Give exactly one silence id: prego-ctl unsilence ID --profile NAME."));
    QString id = p.positionalArguments().first();
    int code = CtlApp::Ok;
    qint64 serverNow = 0;
    if (!openOffering(p.value(u"profile"_s), &serverNow, &code))
        return code;
    // The table shows the first eight characters; accept them when they name one silence.
    if (QUuid::fromString(id).isNull()) {
        const ApiResult<SilencesList> list =
            waitFor<SilencesList>([&](QObject *context, auto done) {
                return m_session.controlPlane().silences(false, context, std::move(done));
            });
        if (!list.ok())
            return m_errors.failApi(*list.error);
        QStringList matches;
        for (const Silence &s : list.value->silences) {
            if (s.silenceId.startsWith(id))
                matches.append(s.silenceId);
        }
        if (matches.isEmpty())
            return m_errors.fail(CtlApp::NotFound, tr("No silence starts with %1.").arg(id));
        if (matches.size() > 1)
            return m_errors.fail(
                CtlApp::Usage,
                tr("%1 could be %2: give more of the id.").arg(id, matches.join(u", "_s)));
        id = matches.first();
    }
    const ApiResult<Silence> answer = waitFor<Silence>([&](QObject *context, auto done) {
        return m_session.controlPlane().endSilence(id, context, std::move(done));
    });
    if (!answer.ok())
        return m_errors.failApi(*answer.error);
    printSilence(*answer.value, serverNow);
    return CtlApp::Ok;
}

} // namespace prego
