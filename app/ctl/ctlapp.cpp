#include "ctlapp.h"

#include "alertcommands.h"
#include "api/apicodec.h"
#include "api/controlplane.h"
#include "api/waitfor.h"
#include "ctlsession.h"
#include "domain/agetext.h"
#include "domain/freshness.h"
#include "historycommand.h"
#include "jobquerycommands.h"
#include "provisioncommands.h"
#include "secrets/secretjob.h"
#include "secrets/secretstore.h"
#include "silencecommands.h"
#include "storage/profilestore.h"
#include "texttable.h"
#include "types/profile.h"
#include "verifycommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>

#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace prego {

namespace {
QString pct(const std::optional<double> &v)
{
    return v ? QLocale().toString(*v, 'f', 1) : u"–"_s;
}

QJsonValue json(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QString rfc3339(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString freshnessText(Freshness f)
{
    switch (f) {
    case Freshness::Fresh:
        return QCoreApplication::translate("prego::CtlApp", "fresh");
    case Freshness::Stale:
        return QCoreApplication::translate("prego::CtlApp", "stale");
    case Freshness::NeverReported:
        return QCoreApplication::translate("prego::CtlApp", "never reported");
    case Freshness::Unknown:
        return QCoreApplication::translate("prego::CtlApp", "unknown");
    }
    return {};
}
} // namespace

CtlApp::CtlApp(QSettings &settings, SecretStore &secrets, QNetworkAccessManager &nam, Io io,
               QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_nam(nam)
    , m_io(io)
    , m_errors(*io.err)
{}

QString CtlApp::helpText()
{
    return tr("Usage: prego-ctl [--lang ko|en] COMMAND [OPTIONS]\n"
              "\n"
              "Commands:\n"
              "  profiles add NAME --url URL [--poll-interval S] [--stale-after S] [--ca-file F]\n"
              "  profiles list\n"
              "  profiles remove NAME\n"
              "  login --profile NAME      read a token from standard input and keep it in the "
              "keychain\n"
              "  logout --profile NAME     remove the profile's token from the keychain\n"
              "  whoami --profile NAME     show the token's name and role, and the optional\n"
              "                            capabilities the control plane offers\n"
              "  nodes --profile NAME [--output table|json]\n"
              "                            list nodes with their freshness and age\n"
              "  history --profile NAME --node ID [--since 24h] [--output table|csv|json]\n"
              "\n"
              "Exit codes:\n"
              "  0  success\n"
              "  1  invalid arguments or input\n"
              "  2  not authorized: no token, token refused (401) or role not allowed (403)\n"
              "  3  the control plane could not be reached or answered wrongly\n"
              "  4  the keychain could not be used\n"
              "  5  unknown profile or item\n") +
           ProvisionCommands::helpText() + AlertCommands::helpText() + SilenceCommands::helpText();
}

std::optional<QString> CtlApp::profileOption(const QStringList &args, int *exitCode)
{
    QCommandLineParser p;
    p.addOptions({{u"profile"_s, {}, u"NAME"_s}});
    if (!p.parse(QStringList{u"prego-ctl"_s} + args)) {
        *exitCode = m_errors.fail(Usage, p.errorText());
        return std::nullopt;
    }
    return p.value(u"profile"_s);
}

QString CtlApp::readToken()
{
    if (m_io.inIsTerminal) {
        *m_io.err << tr("Token (input hidden): ") << Qt::flush;
        termios old{};
        const bool tty = ::tcgetattr(STDIN_FILENO, &old) == 0;
        if (tty) {
            termios silent = old;
            silent.c_lflag &= ~tcflag_t(ECHO);
            ::tcsetattr(STDIN_FILENO, TCSANOW, &silent);
        }
        const QByteArray line = m_io.in->readLine(64 * 1024);
        if (tty)
            ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
        *m_io.err << Qt::endl;
        return QString::fromUtf8(line).trimmed();
    }
    return QString::fromUtf8(m_io.in->read(64 * 1024)).trimmed();
}

QString CtlApp::offersText(const WhoAmI &who)
{
    if (who.features.isEmpty())
        return tr("Offers: nothing beyond the Definition of Done");
    QStringList keys;
    for (Feature feature : who.features)
        keys.append(featureKey(feature));
    //: %1: the capabilities' names as the contract spells them ("silences, plans"), not translated
    return tr("Offers: %1").arg(keys.join(u", "_s));
}

int CtlApp::run(const QStringList &arguments)
{
    QStringList args = arguments;
    if (args.isEmpty() || args.first() == u"--help" || args.first() == u"-h" ||
        args.first() == u"help") {
        *m_io.out << helpText();
        return args.isEmpty() ? Usage : Ok;
    }
    const QString command = args.takeFirst();
    if (command == u"profiles")
        return profiles(args);
    if (command == u"login")
        return login(args);
    if (command == u"logout")
        return logout(args);
    if (command == u"whoami")
        return whoami(args);
    if (command == u"nodes")
        return nodes(args);
    if (command == u"history")
        return HistoryCommand(m_settings, m_io).run(args);
    if (JobQueryCommands::handles(command))
        return JobQueryCommands(m_settings, m_secrets, m_nam, m_io).run(command, args);
    if (AlertCommands::handles(command))
        return AlertCommands(m_settings, m_secrets, m_nam, m_io).run(command, args);
    if (SilenceCommands::handles(command))
        return SilenceCommands(m_settings, m_secrets, m_nam, m_io).run(command, args);
    if (ProvisionCommands::handles(command))
        return ProvisionCommands(m_settings, m_secrets, m_nam, m_io).run(command, args);
    if (command == u"verify")
        return VerifyCommand(m_settings, m_secrets, m_nam, m_io).run(args);
    return m_errors.fail(Usage, tr("Unknown command %1; see 'prego-ctl --help'.").arg(command));
}

int CtlApp::profiles(const QStringList &args)
{
    ProfileStore store(m_settings);
    const QString sub = args.value(0);
    if (sub == u"list") {
        const QList<Profile> all = store.list();
        if (all.isEmpty()) {
            *m_io.out << tr("No profiles yet. Add one with 'prego-ctl profiles add NAME --url "
                            "URL'.")
                      << Qt::endl;
            return Ok;
        }
        TextTable table({tr("PROFILE"), tr("URL"), tr("POLL"), tr("STALE AFTER"), tr("CA FILE")});
        for (const Profile &p : all)
            table.addRow({p.name, p.baseUrl.toString(), tr("%n s", nullptr, p.pollIntervalSeconds),
                          tr("%n s", nullptr, p.staleAfterSeconds),
                          p.caFile.isEmpty() ? u"–"_s : p.caFile});
        *m_io.out << table.render();
        return Ok;
    }
    if (sub == u"remove") {
        const QString name = args.value(1);
        if (name.isEmpty())
            return m_errors.fail(Usage,
                                 tr("Name the profile to remove: prego-ctl profiles remove NAME."));
        if (!store.remove(name)) {
            // A read-only or full settings folder: the profile (and so its token) stays.
            if (!store.lastError().isEmpty())
                return m_errors.fail(Usage, store.lastError());
            return m_errors.fail(NotFound, tr("There is no profile named %1.").arg(name));
        }
        // The token goes with the profile; a keyring that cannot be reached is reported, not fatal.
        const SecretResult removed = waitForSecretJob(m_secrets.remove(name));
        if (!removed.ok() && removed.error.kind != SecretError::Kind::NotFound)
            *m_io.err << tr("prego-ctl: the profile was removed, but its token could not be "
                            "removed from the keychain: %1")
                             .arg(removed.error.message())
                      << Qt::endl;
        *m_io.out << tr("Profile %1 removed.").arg(name) << Qt::endl;
        return Ok;
    }
    if (sub != u"add")
        return m_errors.fail(Usage,
                             tr("Use 'profiles add', 'profiles list' or 'profiles remove'."));

    QCommandLineParser p;
    p.addPositionalArgument(u"name"_s, {});
    p.addOptions({{u"url"_s, {}, u"URL"_s},
                  {u"poll-interval"_s, {}, u"S"_s},
                  {u"stale-after"_s, {}, u"S"_s},
                  {u"ca-file"_s, {}, u"F"_s}});
    if (!p.parse(QStringList{u"prego-ctl"_s} + args.mid(1)))
        return m_errors.fail(Usage, p.errorText());
    if (p.positionalArguments().size() != 1)
        return m_errors.fail(Usage,
                             tr("Give exactly one profile name: prego-ctl profiles add NAME --url "
                                "URL."));
    if (!p.isSet(u"url"_s))
        return m_errors.fail(Usage, tr("Give the control plane's address with --url URL."));
    Profile profile;
    profile.name = p.positionalArguments().first();
    profile.baseUrl = QUrl(p.value(u"url"_s), QUrl::StrictMode);
    bool ok = true;
    if (p.isSet(u"poll-interval"_s))
        profile.pollIntervalSeconds = p.value(u"poll-interval"_s).toInt(&ok);
    if (!ok)
        return m_errors.fail(Usage, tr("--poll-interval wants a whole number of seconds."));
    if (p.isSet(u"stale-after"_s))
        profile.staleAfterSeconds = p.value(u"stale-after"_s).toInt(&ok);
    if (!ok)
        return m_errors.fail(Usage, tr("--stale-after wants a whole number of seconds."));
    if (p.isSet(u"ca-file"_s))
        profile.caFile = QFileInfo(p.value(u"ca-file"_s)).absoluteFilePath();
    const bool existed = store.find(profile.name).has_value();
    if (const QString error = store.save(profile); !error.isEmpty())
        return m_errors.fail(Usage, error);
    *m_io.out << (existed ? tr("Profile %1 updated.") : tr("Profile %1 added.")).arg(profile.name)
              << Qt::endl;
    return Ok;
}

int CtlApp::login(const QStringList &args)
{
    int code = Ok;
    const auto profileName = profileOption(args, &code);
    CtlSession session(m_settings, m_secrets, m_nam, *m_io.err);
    if (!profileName || !session.findProfile(*profileName, &code))
        return code;
    const Profile &profile = session.profile();
    const QString token = readToken();
    if (token.isEmpty())
        return m_errors.fail(Usage, tr("No token was given on standard input."));
    if (token.size() > 4096 || token.contains(u' ') || token.contains(u'\n'))
        return m_errors.fail(Usage,
                             tr("That does not look like a bearer token (one line, no spaces)."));

    // Check the token before keeping it, so a typo is found now and not at the next poll.
    session.useToken(token);
    const ApiResult<WhoAmI> who = waitFor<WhoAmI>([&](QObject *context, auto done) {
        return session.controlPlane().whoami(context, std::move(done));
    });
    if (!who.ok())
        return m_errors.failApi(*who.error);
    const SecretResult stored = waitForSecretJob(m_secrets.write(profile.name, token));
    if (!stored.ok())
        return m_errors.fail(Keyring, stored.error.message());
    *m_io.out << tr("Signed in to %1 as %2 (%3); the token is in the keychain.")
                     .arg(profile.name, who.value->tokenName, who.value->role)
              << Qt::endl;
    return Ok;
}

int CtlApp::logout(const QStringList &args)
{
    int code = Ok;
    const auto profileName = profileOption(args, &code);
    CtlSession session(m_settings, m_secrets, m_nam, *m_io.err);
    if (!profileName || !session.findProfile(*profileName, &code))
        return code;
    const QString name = session.profile().name;
    const SecretResult removed = waitForSecretJob(m_secrets.remove(name));
    if (!removed.ok() && removed.error.kind != SecretError::Kind::NotFound)
        return m_errors.fail(Keyring, removed.error.message());
    *m_io.out << tr("Signed out of %1; the token was removed from the keychain.").arg(name)
              << Qt::endl;
    return Ok;
}

int CtlApp::whoami(const QStringList &args)
{
    int code = Ok;
    const auto profileName = profileOption(args, &code);
    CtlSession session(m_settings, m_secrets, m_nam, *m_io.err);
    if (!profileName || !session.open(*profileName, &code))
        return code;
    const ApiResult<WhoAmI> who = waitFor<WhoAmI>([&](QObject *context, auto done) {
        return session.controlPlane().whoami(context, std::move(done));
    });
    if (!who.ok())
        return m_errors.failApi(*who.error);
    *m_io.out << tr("Token %1, role %2, on %3.")
                     .arg(who.value->tokenName, who.value->role,
                          session.profile().baseUrl.toString())
              << Qt::endl;
    *m_io.out << offersText(*who.value) << Qt::endl;
    return Ok;
}

int CtlApp::nodes(const QStringList &args)
{
    QCommandLineParser p;
    p.addOptions({{u"profile"_s, {}, u"NAME"_s}, {u"output"_s, {}, u"FORMAT"_s, u"table"_s}});
    if (!p.parse(QStringList{u"prego-ctl"_s} + args))
        return m_errors.fail(Usage, p.errorText());
    const QString output = p.value(u"output"_s);
    if (output != u"table" && output != u"json")
        return m_errors.fail(Usage, tr("--output is table or json."));
    int code = Ok;
    CtlSession session(m_settings, m_secrets, m_nam, *m_io.err);
    if (!session.open(p.value(u"profile"_s), &code))
        return code;
    const Profile &profile = session.profile();
    const ApiResult<NodesSnapshot> answer =
        waitFor<NodesSnapshot>([&](QObject *context, auto done) {
            return session.controlPlane().nodes(context, std::move(done));
        });
    if (!answer.ok())
        return m_errors.failApi(*answer.error);
    const NodesSnapshot &snap = *answer.value;
    for (const QString &warning : snap.warnings)
        *m_io.err << u"prego-ctl: "_s << warning << Qt::endl;

    if (output == u"json") {
        QJsonArray nodes;
        for (const Node &n : snap.nodes) {
            const auto age = FreshnessRule::ageSeconds(n.updatedAtMs(), snap.serverTimeMs);
            const Freshness f = FreshnessRule::classify(n.updatedAtMs(), snap.serverTimeMs,
                                                        profile.staleAfterSeconds, true);
            QJsonObject o = ApiCodec::nodeFields(n);
            o[u"bound_by_freshness_rule"_s] =
                FreshnessRule::isBound(n.placement, n.acceptsTenants, n.status);
            o[u"freshness"_s] = FreshnessRule::key(f);
            o[u"age_seconds"_s] = age ? QJsonValue(*age) : QJsonValue();
            if (n.metrics) {
                o[u"metrics"] = QJsonObject{
                    {u"cpu_pct"_s, json(n.metrics->cpuPct)},
                    {u"memory_pct"_s, json(n.metrics->memoryPct)},
                    {u"disk_pct"_s, json(n.metrics->diskPct)},
                    {u"tenant_count"_s,
                     n.metrics->tenantCount ? QJsonValue(*n.metrics->tenantCount) : QJsonValue()},
                    {u"updated_at"_s, rfc3339(n.metrics->updatedAtMs)}};
            } else {
                o[u"metrics"] = QJsonValue();
            }
            nodes.append(o);
        }
        const QJsonObject root{{u"server_time"_s, rfc3339(snap.serverTimeMs)},
                               {u"stale_after_seconds"_s, profile.staleAfterSeconds},
                               {u"nodes"_s, nodes}};
        *m_io.out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
        return Ok;
    }

    TextTable table({tr("NODE"), tr("REGION"), tr("PLACEMENT"), tr("STATUS"), tr("TENANTS"),
                     tr("CPU %"), tr("MEM %"), tr("DISK %"), tr("LAST REPORT"), tr("FRESHNESS")});
    table.setRightAligned({4, 5, 6, 7});
    int stale = 0, never = 0;
    for (const Node &n : snap.nodes) {
        const auto age = FreshnessRule::ageSeconds(n.updatedAtMs(), snap.serverTimeMs);
        const Freshness f = FreshnessRule::classify(n.updatedAtMs(), snap.serverTimeMs,
                                                    profile.staleAfterSeconds, true);
        if (FreshnessRule::isBound(n.placement, n.acceptsTenants, n.status)) {
            stale += f == Freshness::Stale;
            never += f == Freshness::NeverReported;
        }
        const std::optional<qint64> tenants = n.metrics ? n.metrics->tenantCount : std::nullopt;
        table.addRow({n.nodeId, n.region, n.placement == u"dedicated" ? n.role : n.placement,
                      n.status, tenants ? QLocale().toString(*tenants) : u"–"_s,
                      pct(n.metrics ? n.metrics->cpuPct : std::nullopt),
                      pct(n.metrics ? n.metrics->memoryPct : std::nullopt),
                      pct(n.metrics ? n.metrics->diskPct : std::nullopt), AgeText::ago(age),
                      freshnessText(f)});
    }
    *m_io.out << table.render();
    *m_io.out << tr("%n node(s)", nullptr, int(snap.nodes.size())) << u"; "_s
              << tr("%n stale", nullptr, stale) << u"; "_s
              << tr("%n never reported", nullptr, never) << u" ("_s
              << tr("server time %1").arg(rfc3339(snap.serverTimeMs)) << u")"_s << Qt::endl;
    return Ok;
}

} // namespace prego
