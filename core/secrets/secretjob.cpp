#include "secretjob.h"

#include <QEventLoop>
#include <QPointer>
#include <QTimer>

namespace prego {

SecretJob::SecretJob(QObject *parent)
    : QObject(parent)
{}

SecretJob::~SecretJob() = default;

void SecretJob::finish(const SecretResult &result)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    Q_EMIT finished(result);
    deleteLater();
}

void SecretJob::finishLater(const SecretResult &result)
{
    if (m_finished || m_finishQueued) {
        return;
    }
    m_finishQueued = true;
    QMetaObject::invokeMethod(
        this, [this, result] { finish(result); }, Qt::QueuedConnection);
}

SecretResult waitForSecretJob(SecretJob *job, int timeoutMs)
{
    if (job == nullptr) {
        return SecretResult::failure(SecretError::Kind::Other,
                                     QStringLiteral("No job to wait for"));
    }
    std::optional<SecretResult> result;
    QEventLoop loop;
    QObject::connect(job, &SecretJob::finished, &loop, [&result, &loop](const SecretResult &r) {
        result = r;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    if (!result) {
        return SecretResult::failure(
            SecretError::Kind::Other,
            QStringLiteral("The keyring did not answer within %1 ms").arg(timeoutMs));
    }
    return *result;
}

} // namespace prego
