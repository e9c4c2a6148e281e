// prego-secrets-scenario: runs keychain steps inside the D-Bus session it was started in, for the
// keyring scenario tests (which start it inside private sessions). One line per step on stdout:
//   RESULT <index> <kind> <value>   value: canary, canary2, other, empty, "-" or locked=<n>
//   MESSAGE <index> <translated message>
//   DETAIL <index> <backend text>
// Steps: start-keyring, start-keyring-without-login, lock, break-keyring-dir, wait:<ms>,
// write:<profile>:<canary|canary2>, read:<profile>, remove:<profile>, count-locked:<profile>,
// secret-tool:<profile> (what libsecret's own tool finds under our attributes).
// Secrets come from the environment (PREGO_SCENARIO_CANARY, PREGO_SCENARIO_CANARY2) and are only
// ever compared, never printed.
#include "secrets/keychainsecretstore.h"
#include "secrets/secretjob.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusReply>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTextStream>
#include <QThread>

#include <cstdlib>

namespace {

constexpr int StepTimeoutMs = 20000;
const auto SecretsName = QStringLiteral("org.freedesktop.secrets");
const auto SecretsPath = QStringLiteral("/org/freedesktop/secrets");
const auto ServiceInterface = QStringLiteral("org.freedesktop.Secret.Service");

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

[[noreturn]] void setupFailed(const QString &why)
{
    out() << "SETUP-FAILED " << why << Qt::endl;
    std::exit(2);
}

QString secretValue(const QString &name)
{
    if (name == QLatin1String("canary")) {
        return qEnvironmentVariable("PREGO_SCENARIO_CANARY");
    }
    if (name == QLatin1String("canary2")) {
        return qEnvironmentVariable("PREGO_SCENARIO_CANARY2");
    }
    setupFailed(QStringLiteral("unknown secret name %1").arg(name));
}

QString valueTag(const std::optional<QString> &value)
{
    if (!value) {
        return QStringLiteral("-");
    }
    if (value->isEmpty()) {
        return QStringLiteral("empty");
    }
    if (*value == qEnvironmentVariable("PREGO_SCENARIO_CANARY")) {
        return QStringLiteral("canary");
    }
    if (*value == qEnvironmentVariable("PREGO_SCENARIO_CANARY2")) {
        return QStringLiteral("canary2");
    }
    return QStringLiteral("other");
}

void report(int index, const prego::SecretResult &result)
{
    out() << "RESULT " << index << ' ' << prego::SecretError::kindName(result.error.kind) << ' '
          << valueTag(result.secret) << Qt::endl;
    out() << "MESSAGE " << index << ' ' << result.error.message() << Qt::endl;
    if (!result.error.detail.isEmpty()) {
        out() << "DETAIL " << index << ' ' << result.error.detail << Qt::endl;
    }
}

bool secretServiceRunning()
{
    const auto bus = QDBusConnection::sessionBus();
    return bus.isConnected() && bus.interface()->isServiceRegistered(SecretsName).value();
}

// gnome-keyring-daemon --unlock reads the login password from stdin. A newline is an empty
// password and creates an (encrypted) login keyring; no input at all creates none.
void startKeyring(bool withLoginKeyring)
{
    const QString runtimeDir = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (runtimeDir.isEmpty() || !QDir(runtimeDir).exists()) {
        setupFailed(QStringLiteral("XDG_RUNTIME_DIR is not set up"));
    }
    QProcess daemon;
    daemon.start(QStringLiteral("gnome-keyring-daemon"),
                 {QStringLiteral("--unlock"), QStringLiteral("--components=secrets")});
    if (!daemon.waitForStarted(10000)) {
        setupFailed(
            QStringLiteral("gnome-keyring-daemon did not start: %1").arg(daemon.errorString()));
    }
    if (withLoginKeyring) {
        daemon.write("\n");
    }
    daemon.closeWriteChannel();
    if (!daemon.waitForFinished(15000) || daemon.exitCode() != 0) {
        setupFailed(QStringLiteral("gnome-keyring-daemon --unlock failed"));
    }
    for (int i = 0; i < 100 && !secretServiceRunning(); ++i) {
        QThread::msleep(100);
    }
    if (!secretServiceRunning()) {
        setupFailed(QStringLiteral("the Secret Service did not appear on the bus"));
    }
}

QString defaultCollection()
{
    auto message = QDBusMessage::createMethodCall(SecretsName, SecretsPath, ServiceInterface,
                                                  QStringLiteral("ReadAlias"));
    message << QStringLiteral("default");
    const QDBusReply<QDBusObjectPath> reply = QDBusConnection::sessionBus().call(message);
    if (!reply.isValid() || reply.value().path() == QLatin1String("/")) {
        setupFailed(QStringLiteral("no default collection to lock"));
    }
    return reply.value().path();
}

// Locking needs no prompt (unlocking would).
void lockDefaultCollection()
{
    auto message = QDBusMessage::createMethodCall(SecretsName, SecretsPath, ServiceInterface,
                                                  QStringLiteral("Lock"));
    message << QVariant::fromValue(QList<QDBusObjectPath>{QDBusObjectPath(defaultCollection())});
    const QDBusMessage reply = QDBusConnection::sessionBus().call(message);
    if (reply.type() != QDBusMessage::ReplyMessage) {
        setupFailed(QStringLiteral("Lock failed: %1").arg(reply.errorMessage()));
    }
}

// The keyring can no longer save its file: its directory becomes a plain file.
void breakKeyringDirectory()
{
    const QString dataHome = qEnvironmentVariable("XDG_DATA_HOME");
    const QString keyrings = dataHome + QLatin1String("/keyrings");
    if (!QDir(dataHome).rename(QStringLiteral("keyrings"), QStringLiteral("keyrings.moved"))) {
        setupFailed(QStringLiteral("could not move the keyring directory"));
    }
    QFile blocker(keyrings);
    if (!blocker.open(QIODevice::WriteOnly)) {
        setupFailed(QStringLiteral("could not block the keyring directory"));
    }
}

int lockedItemCount(const QString &service, const QString &profile)
{
    auto message = QDBusMessage::createMethodCall(SecretsName, SecretsPath, ServiceInterface,
                                                  QStringLiteral("SearchItems"));
    const QMap<QString, QString> attributes{
        {QStringLiteral("user"), prego::KeychainSecretStore::keyForProfile(profile)},
        {QStringLiteral("server"), service}};
    message << QVariant::fromValue(attributes);
    const QDBusMessage reply = QDBusConnection::sessionBus().call(message);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().size() != 2) {
        setupFailed(QStringLiteral("SearchItems failed: %1").arg(reply.errorMessage()));
    }
    QList<QDBusObjectPath> locked;
    reply.arguments().at(1).value<QDBusArgument>() >> locked;
    return int(locked.size());
}

// What secret-tool (libsecret, outside QtKeychain) sees under our attributes.
void lookupWithSecretTool(int index, const QString &service, const QString &profile)
{
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"), {QStringLiteral("lookup"), QStringLiteral("user"),
                                               prego::KeychainSecretStore::keyForProfile(profile),
                                               QStringLiteral("server"), service});
    if (!tool.waitForFinished(StepTimeoutMs)) {
        setupFailed(QStringLiteral("secret-tool did not finish"));
    }
    const bool found = tool.exitCode() == 0;
    const QString value = QString::fromUtf8(tool.readAllStandardOutput());
    out() << "RESULT " << index << ' ' << (found ? "None" : "NotFound") << ' '
          << (found ? valueTag(value) : QStringLiteral("-")) << Qt::endl;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    qDBusRegisterMetaType<QMap<QString, QString>>();
    const QString service = qEnvironmentVariable("PREGO_SCENARIO_SERVICE");
    if (service.isEmpty()) {
        setupFailed(QStringLiteral("PREGO_SCENARIO_SERVICE is not set"));
    }
    prego::KeychainSecretStore store(service);

    const QStringList steps = app.arguments().mid(1);
    for (int index = 0; index < steps.size(); ++index) {
        const QStringList parts = steps.at(index).split(QLatin1Char(':'));
        const QString &verb = parts.first();
        const QString profile = parts.value(1);
        if (verb == QLatin1String("start-keyring")) {
            startKeyring(true);
            out() << "RESULT " << index << " None -" << Qt::endl;
        } else if (verb == QLatin1String("start-keyring-without-login")) {
            startKeyring(false);
            out() << "RESULT " << index << " None -" << Qt::endl;
        } else if (verb == QLatin1String("lock")) {
            lockDefaultCollection();
            out() << "RESULT " << index << " None -" << Qt::endl;
        } else if (verb == QLatin1String("break-keyring-dir")) {
            breakKeyringDirectory();
            out() << "RESULT " << index << " None -" << Qt::endl;
        } else if (verb == QLatin1String("write")) {
            report(index, prego::waitForSecretJob(store.write(profile, secretValue(parts.value(2))),
                                                  StepTimeoutMs));
        } else if (verb == QLatin1String("read")) {
            report(index, prego::waitForSecretJob(store.read(profile), StepTimeoutMs));
        } else if (verb == QLatin1String("remove")) {
            report(index, prego::waitForSecretJob(store.remove(profile), StepTimeoutMs));
        } else if (verb == QLatin1String("wait")) {
            QThread::msleep(profile.toULong());
            QCoreApplication::processEvents();
            out() << "RESULT " << index << " None -" << Qt::endl;
        } else if (verb == QLatin1String("count-locked")) {
            out() << "RESULT " << index << " None locked=" << lockedItemCount(service, profile)
                  << Qt::endl;
        } else if (verb == QLatin1String("secret-tool")) {
            lookupWithSecretTool(index, service, profile);
        } else {
            setupFailed(QStringLiteral("unknown step %1").arg(steps.at(index)));
        }
    }
    return 0;
}
