#include "secretserviceprobe.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusError>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCall>
#include <QDBusPendingCallWatcher>
#include <QDBusVariant>
#include <QVariantMap>

namespace prego {

namespace {

const auto SecretsName = QStringLiteral("org.freedesktop.secrets");
const auto SecretsPath = QStringLiteral("/org/freedesktop/secrets");
const auto ServiceInterface = QStringLiteral("org.freedesktop.Secret.Service");
const auto CollectionInterface = QStringLiteral("org.freedesktop.Secret.Collection");
// A local service that does not answer within this time is as good as absent for a diagnosis.
constexpr int ProbeTimeoutMs = 5000;

QList<QDBusObjectPath> objectPaths(const QVariant &argument)
{
    QList<QDBusObjectPath> paths;
    if (argument.canConvert<QDBusArgument>()) {
        argument.value<QDBusArgument>() >> paths;
    } else {
        paths = argument.value<QList<QDBusObjectPath>>();
    }
    return paths;
}

bool isServiceGone(const QString &errorName)
{
    return errorName == QLatin1String("org.freedesktop.DBus.Error.ServiceUnknown") ||
           errorName == QLatin1String("org.freedesktop.DBus.Error.NameHasNoOwner") ||
           errorName == QLatin1String("org.freedesktop.DBus.Error.Spawn.ChildExited") ||
           errorName == QLatin1String("org.freedesktop.DBus.Error.Spawn.Failed");
}

} // namespace

SecretServiceProbe::SecretServiceProbe(QString service, QString key, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
    , m_key(std::move(key))
{
    // SearchItems takes a{ss}; registering twice is harmless.
    qDBusRegisterMetaType<QMap<QString, QString>>();
}

SecretServiceProbe::~SecretServiceProbe() = default;

bool SecretServiceProbe::sessionBusConnected()
{
    return QDBusConnection::sessionBus().isConnected();
}

QString SecretServiceProbe::sessionBusError()
{
    const QDBusError error = QDBusConnection::sessionBus().lastError();
    if (error.isValid()) {
        return error.name() % QLatin1String(": ") % error.message();
    }
    return QStringLiteral("Not connected to the D-Bus session bus");
}

void SecretServiceProbe::start()
{
    if (!sessionBusConnected()) {
        m_findings.detail = sessionBusError();
        // Asynchronous like every other answer, so callers have one code path.
        QMetaObject::invokeMethod(
            this, [this] { finish(true); }, Qt::QueuedConnection);
        return;
    }
    m_findings.busConnected = true;
    askServiceOwner();
}

void SecretServiceProbe::askServiceOwner()
{
    auto message = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
        QStringLiteral("org.freedesktop.DBus"), QStringLiteral("NameHasOwner"));
    message << SecretsName;
    call(message, [this](const QDBusMessage &reply) {
        m_findings.serviceRunning = reply.arguments().value(0).toBool();
        if (!m_findings.serviceRunning) {
            finish(true);
            return;
        }
        askLockedItems();
    });
}

void SecretServiceProbe::askLockedItems()
{
    auto message = QDBusMessage::createMethodCall(SecretsName, SecretsPath, ServiceInterface,
                                                  QStringLiteral("SearchItems"));
    // Only attribute values go over the bus: the key names the profile, never the secret.
    const QMap<QString, QString> attributes{{QStringLiteral("user"), m_key},
                                            {QStringLiteral("server"), m_service}};
    message << QVariant::fromValue(attributes);
    call(message, [this](const QDBusMessage &reply) {
        m_findings.lockedEntryExists = !objectPaths(reply.arguments().value(1)).isEmpty();
        askDefaultCollection();
    });
}

void SecretServiceProbe::askDefaultCollection()
{
    auto message = QDBusMessage::createMethodCall(SecretsName, SecretsPath, ServiceInterface,
                                                  QStringLiteral("ReadAlias"));
    message << QStringLiteral("default");
    call(message, [this](const QDBusMessage &reply) {
        const QString path = reply.arguments().value(0).value<QDBusObjectPath>().path();
        m_findings.defaultCollectionExists = !path.isEmpty() && path != QLatin1String("/");
        if (!m_findings.defaultCollectionExists) {
            finish(true);
            return;
        }
        askDefaultCollectionLocked(path);
    });
}

void SecretServiceProbe::askDefaultCollectionLocked(const QString &path)
{
    auto message = QDBusMessage::createMethodCall(SecretsName, path,
                                                  QStringLiteral("org.freedesktop.DBus.Properties"),
                                                  QStringLiteral("Get"));
    message << CollectionInterface << QStringLiteral("Locked");
    call(message, [this](const QDBusMessage &reply) {
        m_findings.defaultCollectionLocked =
            reply.arguments().value(0).value<QDBusVariant>().variant().toBool();
        finish(true);
    });
}

void SecretServiceProbe::call(const QDBusMessage &message,
                              std::function<void(const QDBusMessage &)> onReply)
{
    auto *watcher = new QDBusPendingCallWatcher(
        QDBusConnection::sessionBus().asyncCall(message, ProbeTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, watcher, onReply = std::move(onReply)] {
                watcher->deleteLater();
                const QDBusMessage reply = watcher->reply();
                if (reply.type() != QDBusMessage::ReplyMessage) {
                    const QString name = reply.errorName();
                    m_findings.detail = name % QLatin1String(": ") % reply.errorMessage();
                    if (isServiceGone(name)) {
                        m_findings.serviceRunning = false;
                        finish(true);
                    } else {
                        finish(false);
                    }
                    return;
                }
                onReply(reply);
            });
}

void SecretServiceProbe::finish(bool complete)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_findings.complete = complete;
    Q_EMIT finished(m_findings);
}

} // namespace prego
