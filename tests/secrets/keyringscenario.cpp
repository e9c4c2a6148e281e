#include "keyringscenario.h"

#include "plaintextscan.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QUuid>

namespace prego::test {

namespace {

constexpr int ScenarioTimeoutMs = 120000;

QString randomToken(const QString &prefix)
{
    return prefix % QUuid::createUuid().toString(QUuid::Id128);
}

} // namespace

KeyringScenario::KeyringScenario(Bus bus)
    : m_bus(bus)
    , m_home(QDir::tempPath() + QLatin1String("/prego-secrets-XXXXXX"))
    , m_service(randomToken(QStringLiteral("io.prego.console.test.")))
    , m_canary(randomToken(QStringLiteral("canary-")))
    , m_canary2(randomToken(QStringLiteral("canary2-")))
{}

QString KeyringScenario::dataHome() const
{
    return m_home.filePath(QStringLiteral("data"));
}

QStringList KeyringScenario::filesWithCanary() const
{
    return filesContainingSecret({m_home.path()}, m_canary) +
           filesContainingSecret({m_home.path()}, m_canary2);
}

// A session bus of our own: no service directories but the one we choose, so nothing (no
// keyring, no password prompter) is started behind the test's back.
void KeyringScenario::writeBusConfig()
{
    const QString services = m_home.filePath(QStringLiteral("services"));
    QDir().mkpath(services);
    if (m_bus == Bus::PrivateWithFailingService) {
        QFile service(services + QLatin1String("/org.freedesktop.secrets.service"));
        if (service.open(QIODevice::WriteOnly)) {
            service.write("[D-BUS Service]\nName=org.freedesktop.secrets\nExec=/bin/false\n");
        }
    }
    m_busConfig = m_home.filePath(QStringLiteral("session.conf"));
    QFile config(m_busConfig);
    if (!config.open(QIODevice::WriteOnly)) {
        return;
    }
    const QString text =
        QStringLiteral(
            "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
            " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
            "<busconfig>\n"
            "  <type>session</type>\n"
            "  <listen>unix:dir=%1</listen>\n"
            "  <auth>EXTERNAL</auth>\n"
            "  <servicedir>%2</servicedir>\n"
            "  <policy context=\"default\">\n"
            "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
            "    <allow eavesdrop=\"true\"/>\n"
            "    <allow own=\"*\"/>\n"
            "  </policy>\n"
            "</busconfig>\n")
            .arg(m_home.filePath(QStringLiteral("runtime")), services);
    config.write(text.toUtf8());
}

bool KeyringScenario::run(const QStringList &steps)
{
    m_steps.clear();
    m_log.clear();
    if (!m_home.isValid()) {
        m_log = QStringLiteral("could not create a temporary home");
        return false;
    }
    for (const char *dir : {"data", "config", "cache", "state", "runtime"}) {
        QDir(m_home.path()).mkpath(QString::fromLatin1(dir));
    }
    QFile::setPermissions(m_home.filePath(QStringLiteral("runtime")),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_home.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("XDG_STATE_HOME"), m_home.filePath(QStringLiteral("state")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_home.filePath(QStringLiteral("runtime")));
    env.insert(QStringLiteral("PREGO_SCENARIO_SERVICE"), m_service);
    env.insert(QStringLiteral("PREGO_SCENARIO_CANARY"), m_canary);
    env.insert(QStringLiteral("PREGO_SCENARIO_CANARY2"), m_canary2);
    // No display: a password prompt must fail instead of opening a window.
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "GNOME_KEYRING_CONTROL", "SSH_AUTH_SOCK",
                             "DBUS_SESSION_BUS_ADDRESS", "PREGO_IN_TEST_SESSION"}) {
        env.remove(QString::fromLatin1(name));
    }

    const QString helper = QStringLiteral(PREGO_SECRETS_SCENARIO_BINARY);
    QString program;
    QStringList arguments;
    switch (m_bus) {
    case Bus::Private:
    case Bus::PrivateWithFailingService:
        writeBusConfig();
        program = QStringLiteral("dbus-run-session");
        arguments << QLatin1String("--config-file=") % m_busConfig << QStringLiteral("--") << helper
                  << steps;
        break;
    case Bus::InvalidAddress:
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QLatin1String("unix:path=") % m_home.filePath(QStringLiteral("no-bus")));
        program = helper;
        arguments = steps;
        break;
    case Bus::Unset:
        program = helper;
        arguments = steps;
        break;
    }

    QProcess process;
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(ScenarioTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        m_log = QString::fromUtf8(process.readAll()) %
                QLatin1String("\n(scenario did not finish: ") % process.errorString() %
                QLatin1Char(')');
        return false;
    }
    m_log = QString::fromUtf8(process.readAll());

    for (const QString &line : m_log.split(QLatin1Char('\n'))) {
        const QStringList fields = line.split(QLatin1Char(' '));
        if (fields.size() < 3) {
            continue;
        }
        bool isIndex = false;
        const int index = fields.at(1).toInt(&isIndex);
        if (!isIndex || index < 0 || index >= steps.size()) {
            continue;
        }
        while (m_steps.size() <= index) {
            m_steps.append(Step{});
        }
        const QString rest = fields.mid(2).join(QLatin1Char(' '));
        if (fields.at(0) == QLatin1String("RESULT") && fields.size() >= 4) {
            m_steps[index].kind = fields.at(2);
            m_steps[index].value = fields.at(3);
        } else if (fields.at(0) == QLatin1String("MESSAGE")) {
            m_steps[index].message = rest;
        } else if (fields.at(0) == QLatin1String("DETAIL")) {
            m_steps[index].detail = rest;
        }
    }
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0 &&
           m_steps.size() == steps.size();
}

} // namespace prego::test
