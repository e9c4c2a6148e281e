#include "provisionsubmitter.h"

#include "controlplane.h"
#include "domain/provisionrequest.h"
#include "storage/joboutbox.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace prego {

ProvisionSubmitter::ProvisionSubmitter(ControlPlane *controlPlane, JobOutbox *outbox,
                                       QObject *parent)
    : QObject(parent)
    , m_controlPlane(controlPlane)
    , m_outbox(outbox)
{}

ProvisionSubmission *ProvisionSubmitter::running(const QString &jobId) const
{
    const QPointer<ProvisionSubmission> s = m_running.value(jobId);
    return s && !s->isFinished() ? s.data() : nullptr;
}

ProvisionSubmission *ProvisionSubmitter::track(ProvisionSubmission *submission)
{
    m_running.insert(submission->jobId(), submission);
    connect(submission, &ProvisionSubmission::finished, this,
            [this, id = submission->jobId()](const SubmitResult &result) {
                m_running.remove(id);
                Q_EMIT submissionFinished(result);
            });
    return submission;
}

ProvisionSubmission *ProvisionSubmitter::submit(const ProvisionRequest &request,
                                                const QString &profile)
{
    if (ProvisionSubmission *s = running(request.jobId))
        return s;
    SubmitResult refused;
    refused.jobId = request.jobId;
    refused.state = JobOutbox::State::Rejected;
    refused.fields = request.validate();
    if (!refused.fields.isEmpty()) {
        refused.message = tr("The request is not valid; nothing was sent.");
        return ProvisionSubmission::failed(std::move(refused), this);
    }
    const QByteArray body = request.toJson();
    const JobOutbox::Added added = m_outbox->add(profile, request.jobId, body);
    if (!added.entry) {
        refused.state = JobOutbox::State::Pending;
        refused.message = added.error;
        return ProvisionSubmission::failed(std::move(refused), this);
    }
    auto *submission = new ProvisionSubmission(m_controlPlane, m_outbox, *added.entry,
                                               ProvisionSubmission::Mode::Send, m_options, this);
    track(submission);
    // Started on the next event-loop turn, so the caller can connect to every state change.
    QTimer::singleShot(0, submission, &ProvisionSubmission::start);
    return submission;
}

QList<ProvisionSubmission *> ProvisionSubmitter::recover()
{
    QList<ProvisionSubmission *> started;
    for (const JobOutbox::Entry &entry : m_outbox->unresolved()) {
        if (running(entry.jobId))
            continue;
        auto *submission = new ProvisionSubmission(
            m_controlPlane, m_outbox, entry, ProvisionSubmission::Mode::Resume, m_options, this);
        track(submission);
        started.append(submission);
    }
    // Started on the next event-loop turn, like submit().
    for (ProvisionSubmission *s : std::as_const(started))
        QTimer::singleShot(0, s, &ProvisionSubmission::start);
    return started;
}

} // namespace prego
