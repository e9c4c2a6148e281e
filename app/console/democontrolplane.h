#pragma once

#include <QObject>
#include <QProcess>
#include <QTimer>
#include <QUrl>

namespace prego {

// The demo's control plane: prego-cp-sim as a child process on 127.0.0.1 with a random port, a
// demo fleet and a random operator token handed over on its stdin (never on the command line).
// The token lives in memory only. The process is stopped when this object goes.
class DemoControlPlane final : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultFleetSize = 40;

    explicit DemoControlPlane(QObject *parent = nullptr);
    ~DemoControlPlane() override;

    // Where prego-cp-sim is: $PREGO_CP_SIM, the build tree's server/ directory, next to this
    // binary, then PATH. Empty when not found.
    static QString findBinary();

    void setFleetSize(int nodes) { m_fleetSize = nodes; }
    void start();
    void stop();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    QUrl baseUrl() const { return m_baseUrl; }
    QString token() const { return m_token; }
    static QString tokenName() { return QStringLiteral("demo-operator"); }

Q_SIGNALS:
    void started(const QUrl &baseUrl);
    void failed(const QString &reason);

private:
    void onReadyRead();
    void fail(const QString &reason);

    QProcess m_process;
    QTimer m_timeout;
    QUrl m_baseUrl;
    QString m_token;
    QByteArray m_stdout;
    int m_fleetSize = DefaultFleetSize;
    bool m_reported = false;
};

} // namespace prego
