#include "agentoptions.h"

#include <QCommandLineParser>
#include <QHostAddress>

#include <algorithm>

namespace prego::agent {

using namespace Qt::StringLiterals;

namespace {

// QCommandLineParser translates its own errors in the "QCommandLineParser" context. Listing them
// here puts them in this program's catalogue, so they are translated along with everything else.
[[maybe_unused]] constexpr const char *ParserMessages[] = {
    QT_TRANSLATE_NOOP("QCommandLineParser", "Unknown option '%1'."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Unknown options: %1."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Missing value after '%1'."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Unexpected value after '%1'."),
};

struct OptionSpec
{
    const char *name;
    const char *shortName; // nullptr when there is none
    const char *valueName; // nullptr for flags
    const char *description;
};

// One table drives both the parser and --help, so they cannot disagree. The value names (URL,
// FILE…) are the placeholders --help shows after an option.
constexpr OptionSpec Options[] = {
    {"url", nullptr, QT_TRANSLATE_NOOP("AgentOptions", "URL"),
     QT_TRANSLATE_NOOP("AgentOptions", "Control plane base URL. https is required, except for "
                                       "loopback hosts (127.0.0.0/8, ::1, localhost).")},
    {"node-id", nullptr, QT_TRANSLATE_NOOP("AgentOptions", "ID"),
     QT_TRANSLATE_NOOP("AgentOptions", "This node's id as registered on the control plane "
                                       "(1 to 63 characters of a-z, 0-9 and -).")},
    {"token-file", nullptr, QT_TRANSLATE_NOOP("AgentOptions", "FILE"),
     QT_TRANSLATE_NOOP("AgentOptions", "File holding the agent token. It must be a regular file "
                                       "that only its owner can read (chmod 600).")},
    {"ca-file", nullptr, QT_TRANSLATE_NOOP("AgentOptions", "FILE"),
     QT_TRANSLATE_NOOP("AgentOptions", "Extra CA certificates (PEM) to trust for the control "
                                       "plane's TLS certificate.")},
    {"interval", nullptr, QT_TRANSLATE_NOOP("AgentOptions", "SECONDS"),
     QT_TRANSLATE_NOOP("AgentOptions", "Seconds between pushes (default 60, at least 5).")},
    {"once", nullptr, nullptr,
     QT_TRANSLATE_NOOP("AgentOptions", "Collect and push once, then exit with one of the exit "
                                       "codes below.")},
    {"timeout", nullptr, QT_TRANSLATE_NOOP("AgentOptions", "SECONDS"),
     QT_TRANSLATE_NOOP("AgentOptions", "Seconds a request may go without progress before it is "
                                       "abandoned (default 15).")},
    {"tenant-count-file", nullptr, QT_TRANSLATE_NOOP("AgentOptions", "FILE"),
     QT_TRANSLATE_NOOP("AgentOptions", "Read tenant_count from this file (a non-negative "
                                       "integer).")},
    {"tenant-count-cmd", nullptr, QT_TRANSLATE_NOOP("AgentOptions", "COMMAND"),
     QT_TRANSLATE_NOOP("AgentOptions", "Run this command with /bin/sh -c (at most 10 seconds) and "
                                       "read tenant_count from its output.")},
    {"proc-root", nullptr, QT_TRANSLATE_NOOP("AgentOptions", "DIR"),
     QT_TRANSLATE_NOOP("AgentOptions", "Read the proc files from this directory (default "
                                       "/proc).")},
    {"root-path", nullptr, QT_TRANSLATE_NOOP("AgentOptions", "DIR"),
     QT_TRANSLATE_NOOP("AgentOptions", "Report the use of the filesystem holding this path "
                                       "(default /).")},
    {"lang", nullptr, "en|ko",
     QT_TRANSLATE_NOOP("AgentOptions", "Language of the messages (default: from LC_ALL, "
                                       "LC_MESSAGES or LANG).")},
    {"help", "h", nullptr, QT_TRANSLATE_NOOP("AgentOptions", "Show this help and exit.")},
    {"version", nullptr, nullptr, QT_TRANSLATE_NOOP("AgentOptions", "Show the version and exit.")},
};

constexpr int MinInterval = 5;
constexpr int MaxInterval = 24 * 3600;
constexpr int MaxTimeout = 600;

// Terminal columns of a text: Hangul syllables and jamo take two, so the Korean help stays
// aligned.
qsizetype displayWidth(const QString &text)
{
    qsizetype width = 0;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool wide = (u >= 0x1100 && u <= 0x115f) || (u >= 0x3130 && u <= 0x318f) ||
                          (u >= 0xac00 && u <= 0xd7a3);
        width += wide ? 2 : 1;
    }
    return width;
}

QString valueNameOf(const OptionSpec &spec)
{
    if (!spec.valueName)
        return {};
    // "en|ko" is not a word to translate.
    if (QLatin1StringView(spec.valueName) == "en|ko"_L1)
        return QString::fromLatin1(spec.valueName);
    return QCoreApplication::translate("AgentOptions", spec.valueName);
}

} // namespace

bool AgentOptions::isLoopbackHost(const QString &host)
{
    if (host.compare("localhost"_L1, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool AgentOptions::isValidNodeId(const QString &nodeId)
{
    // [a-z0-9-]{1,63}, spelled out: no regular expression engine (and its JIT, which
    // MemoryDenyWriteExecute= forbids) for eleven characters of rules.
    return !nodeId.isEmpty() && nodeId.size() <= 63 &&
           std::all_of(nodeId.cbegin(), nodeId.cend(), [](QChar c) {
               return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-';
           });
}

Result<QUrl> AgentOptions::parseUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    // A URL with credentials is not echoed: the password would end up in the logs.
    if (!url.userInfo().isEmpty()) {
        return Result<QUrl>::failure(tr("--url must not contain a user name or password; the "
                                        "token file is the only credential"));
    }
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != "https"_L1 && url.scheme() != "http"_L1)) {
        return Result<QUrl>::failure(
            tr("--url \"%1\" is not an http(s) URL such as https://cp.example.net").arg(text));
    }
    if (url.hasQuery() || url.hasFragment()) {
        return Result<QUrl>::failure(
            tr("--url \"%1\" must not have a query or fragment").arg(text));
    }
    if (url.scheme() == "http"_L1 && !isLoopbackHost(url.host())) {
        return Result<QUrl>::failure(
            tr("--url \"%1\" uses plain http, which would send the token unencrypted; use "
               "https (plain http is only allowed for 127.0.0.0/8, ::1 and localhost)")
                .arg(text));
    }
    return Result<QUrl>::success(url);
}

QString AgentOptions::versionText()
{
    return u"prego-metrics-agent "_s + QStringLiteral(PREGO_AGENT_VERSION);
}

QString AgentOptions::helpText()
{
    QStringList lines;
    lines << tr("Usage: %1 --url URL --node-id ID --token-file FILE [options]")
                 .arg(u"prego-metrics-agent"_s)
          << QString()
          << tr("Collects this node's CPU, memory and root filesystem use and pushes them to the "
                "Prego control plane, every --interval seconds or once with --once.")
          << tr("The token is read only from --token-file, never from the command line.")
          << QString() << tr("Options:");

    QList<QPair<QString, QString>> rows;
    qsizetype width = 0;
    for (const OptionSpec &spec : Options) {
        QString names = u"--"_s + QLatin1StringView(spec.name);
        if (spec.shortName)
            names = u"-"_s + QLatin1StringView(spec.shortName) + u", "_s + names;
        if (spec.valueName)
            names += u' ' + valueNameOf(spec);
        width = std::max(width, displayWidth(names));
        rows.append({names, QCoreApplication::translate("AgentOptions", spec.description)});
    }
    for (const auto &[names, description] : std::as_const(rows)) {
        const QString padding(width + 2 - displayWidth(names), u' ');
        lines << u"  "_s + names + padding + description;
    }

    lines << QString() << tr("Exit codes:")
          << u"  0  "_s + tr("the metrics were pushed (--once), or --help/--version was shown")
          << u"  1  "_s + tr("usage or configuration error (options, token file, CA file)")
          << u"  2  "_s +
                 tr("the control plane refused the push: token rejected (401), token not "
                    "allowed for this node (403), node not registered (404), invalid metrics "
                    "(422) or another refusal")
          << u"  3  "_s +
                 tr("the control plane could not be reached or stayed unavailable after the "
                    "retries (network, TLS, 429, 5xx)")
          << QString();
    return lines.join(u'\n');
}

Result<AgentOptions::Parsed> AgentOptions::parse(const QStringList &arguments)
{
    using R = Result<Parsed>;

    for (const QString &argument : arguments) {
        if (argument == "--"_L1)
            break;
        // Checked before parsing so the value after it is never echoed in an error.
        if (argument == "--token"_L1 || argument.startsWith("--token="_L1)) {
            return R::failure(tr("there is no --token option: the token is read only from a "
                                 "file (--token-file) so it never appears in command lines"));
        }
    }

    QCommandLineParser parser;
    for (const OptionSpec &spec : Options) {
        QStringList names;
        if (spec.shortName)
            names << QString::fromLatin1(spec.shortName);
        names << QString::fromLatin1(spec.name);
        QCommandLineOption option(names);
        if (spec.valueName)
            option.setValueName(QString::fromLatin1(spec.valueName));
        parser.addOption(option);
    }
    if (!parser.parse(arguments))
        return R::failure(parser.errorText());

    Parsed parsed;
    if (parser.isSet(u"help"_s)) {
        parsed.action = Action::ShowHelp;
        return R::success(parsed);
    }
    if (parser.isSet(u"version"_s)) {
        parsed.action = Action::ShowVersion;
        return R::success(parsed);
    }
    // Positional arguments are counted, not quoted: one may be a token typed by mistake.
    if (!parser.positionalArguments().isEmpty()) {
        return R::failure(tr("unexpected arguments (%n); every setting is an option (see --help)",
                             nullptr, int(parser.positionalArguments().size())));
    }

    if (parser.isSet(u"lang"_s)) {
        const QString lang = parser.value(u"lang"_s);
        if (lang != "en"_L1 && lang != "ko"_L1)
            return R::failure(tr("--lang must be \"en\" or \"ko\", not \"%1\"").arg(lang));
    }

    for (const char *required : {"url", "node-id", "token-file"}) {
        if (parser.value(QString::fromLatin1(required)).isEmpty())
            return R::failure(tr("--%1 is required (see --help)").arg(QLatin1StringView(required)));
    }

    AgentConfig &config = parsed.config;
    const Result<QUrl> url = parseUrl(parser.value(u"url"_s));
    if (!url.ok())
        return R::failure(url.error());
    config.url = url.value();

    config.nodeId = parser.value(u"node-id"_s);
    if (!isValidNodeId(config.nodeId)) {
        return R::failure(tr("--node-id \"%1\" is not a node id: use 1 to 63 characters of a-z, "
                             "0-9 and -")
                              .arg(config.nodeId));
    }

    config.tokenFile = parser.value(u"token-file"_s);
    config.caFile = parser.value(u"ca-file"_s);
    config.once = parser.isSet(u"once"_s);

    const auto seconds = [&parser](const QString &name, int min, int max) -> std::optional<int> {
        bool ok = false;
        const int value = parser.value(name).toInt(&ok);
        if (!ok || value < min || value > max)
            return std::nullopt;
        return value;
    };
    if (parser.isSet(u"interval"_s)) {
        const std::optional<int> interval = seconds(u"interval"_s, MinInterval, MaxInterval);
        if (!interval) {
            return R::failure(tr("--interval must be a whole number of seconds from %1 to %2")
                                  .arg(MinInterval)
                                  .arg(MaxInterval));
        }
        config.interval = std::chrono::seconds(*interval);
    }
    if (parser.isSet(u"timeout"_s)) {
        const std::optional<int> timeout = seconds(u"timeout"_s, 1, MaxTimeout);
        if (!timeout) {
            return R::failure(
                tr("--timeout must be a whole number of seconds from 1 to %1").arg(MaxTimeout));
        }
        config.timeout = std::chrono::seconds(*timeout);
    }

    if (parser.isSet(u"proc-root"_s))
        config.procRoot = parser.value(u"proc-root"_s);
    if (parser.isSet(u"root-path"_s))
        config.rootPath = parser.value(u"root-path"_s);
    if (config.procRoot.isEmpty() || config.rootPath.isEmpty())
        return R::failure(tr("--proc-root and --root-path must not be empty"));

    config.tenantCountFile = parser.value(u"tenant-count-file"_s);
    config.tenantCountCommand = parser.value(u"tenant-count-cmd"_s);
    if (!config.tenantCountFile.isEmpty() && !config.tenantCountCommand.isEmpty()) {
        return R::failure(tr("--tenant-count-file and --tenant-count-cmd cannot be used together"));
    }
    return R::success(parsed);
}

} // namespace prego::agent
