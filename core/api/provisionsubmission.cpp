#include "provisionsubmission.h"

#include "apicall.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace prego {

namespace {
// 4xx answers that say the control plane looked at the request and refused it: nothing created.
bool isRejection(const ApiError &e)
{
    return e.kind == ApiError::Kind::Http && e.httpStatus >= 400 && e.httpStatus < 500 &&
           e.httpStatus != 401 && e.httpStatus != 403 && e.httpStatus != 404 &&
           e.httpStatus != 408 && e.httpStatus != 429;
}

// A 2xx whose body cannot be read still says the control plane has the job.
bool answeredWithJob(const ApiResult<Job> &result)
{
    return result.ok() || result.error->kind == ApiError::Kind::Decode;
}
} // namespace

ProvisionSubmission::ProvisionSubmission(ControlPlane *controlPlane, JobOutbox *outbox,
                                         JobOutbox::Entry entry, Mode mode, Options options,
                                         QObject *parent)
    : QObject(parent)
    , m_controlPlane(controlPlane)
    , m_outbox(outbox)
    , m_entry(std::move(entry))
    , m_mode(mode)
    , m_options(options)
    , m_backoff(options.firstRetryMs, options.maxRetryMs)
    , m_state(m_entry.state)
{
    m_retryTimer.setSingleShot(true);
}

ProvisionSubmission *ProvisionSubmission::failed(SubmitResult result, QObject *parent)
{
    JobOutbox::Entry entry;
    entry.jobId = result.jobId;
    entry.state = result.state;
    auto *submission = new ProvisionSubmission(nullptr, nullptr, entry, Mode::Send, {}, parent);
    QTimer::singleShot(0, submission,
                       [submission, result] { submission->finish(std::move(result)); });
    return submission;
}

void ProvisionSubmission::start()
{
    if (m_done || !m_controlPlane || !m_outbox)
        return;
    if (m_mode == Mode::Resume)
        lookUp();
    else
        send();
}

void ProvisionSubmission::cancel()
{
    m_retryTimer.stop();
    if (m_call) {
        m_call->abort();
        return;
    }
    SubmitResult r;
    r.jobId = m_entry.jobId;
    r.state = m_state;
    r.message = tr("Sending job %1 was stopped; it stays in the local jobs database and is looked "
                   "up again on the next start.")
                    .arg(m_entry.jobId);
    finish(std::move(r));
}

void ProvisionSubmission::lookUp()
{
    m_call = m_controlPlane->job(m_entry.jobId, this, [this](ApiResult<Job> r) { onLookedUp(r); });
}

void ProvisionSubmission::send()
{
    ++m_attempts;
    // Recorded before the bytes leave: a crash from here on is recovered by a lookup.
    m_outbox->markSent(m_entry.jobId, QDateTime::currentMSecsSinceEpoch());
    if (m_state != JobOutbox::State::Unknown)
        setState(JobOutbox::State::Sent, tr("Sending job %1…").arg(m_entry.jobId));
    m_call = m_controlPlane->submit(m_entry.body, m_entry.jobId, this,
                                    [this](ApiResult<Job> r) { onSent(r); });
}

void ProvisionSubmission::onLookedUp(const ApiResult<Job> &result)
{
    if (answeredWithJob(result)) {
        m_outbox->markAccepted(m_entry.jobId, result.value ? result.value->status : QString());
        SubmitResult r;
        r.jobId = m_entry.jobId;
        r.state = JobOutbox::State::Accepted;
        r.job = result.value;
        r.replayed = true;
        finish(std::move(r));
        return;
    }
    const ApiError &e = *result.error;
    if (e.kind == ApiError::Kind::Http && e.httpStatus == 404) {
        send(); // the control plane never saw it: the same bytes, the same job id
        return;
    }
    if (e.isRetryable()) {
        transientFailure(e, true);
        return;
    }
    if (e.kind != ApiError::Kind::Cancelled)
        m_outbox->noteError(m_entry.jobId, e.message());
    SubmitResult r;
    r.jobId = m_entry.jobId;
    r.state = m_state;
    r.error = e;
    r.message = e.message();
    finish(std::move(r));
}

void ProvisionSubmission::onSent(const ApiResult<Job> &result)
{
    SubmitResult r;
    r.jobId = m_entry.jobId;
    if (answeredWithJob(result)) {
        m_outbox->markAccepted(m_entry.jobId, result.value ? result.value->status : QString());
        r.state = JobOutbox::State::Accepted;
        r.job = result.value;
        r.replayed = result.httpStatus == 200;
        finish(std::move(r));
        return;
    }
    const ApiError &e = *result.error;
    if (isRejection(e)) {
        r.state = JobOutbox::State::Rejected;
        r.error = e;
        r.fields = e.fields;
        r.message = e.message();
        m_outbox->markRejected(m_entry.jobId, e.code, r.message, e.fields);
        finish(std::move(r));
        return;
    }
    if (e.isRetryable()) {
        transientFailure(e, false);
        return;
    }
    // Refused token, TLS, redirect, cancelled…: says nothing about the job. The row stays
    // unresolved and is looked up on the next start.
    if (e.kind != ApiError::Kind::Cancelled)
        m_outbox->noteError(m_entry.jobId, e.message());
    r.state = m_state;
    r.error = e;
    r.message = e.message();
    finish(std::move(r));
}

void ProvisionSubmission::transientFailure(const ApiError &error, bool lookup)
{
    const QString reason = error.message();
    m_outbox->markUnknown(m_entry.jobId, reason);
    const int delayMs = m_backoff.nextDelayMs(error.retryAfterSeconds);
    if (m_options.maxAttempts > 0 && m_backoff.failures() >= m_options.maxAttempts) {
        m_state = JobOutbox::State::Unknown;
        SubmitResult r;
        r.jobId = m_entry.jobId;
        r.state = JobOutbox::State::Unknown;
        r.error = error;
        r.message = tr("The outcome of job %1 is unknown: %2 It stays in the local jobs database "
                       "and is looked up, and resent with the same job id only if the control "
                       "plane does not know it, on the next start.")
                        .arg(m_entry.jobId, reason);
        finish(std::move(r));
        return;
    }
    setState(JobOutbox::State::Unknown, tr("unknown — retrying with the same job id"));
    m_retryTimer.disconnect(this);
    connect(&m_retryTimer, &QTimer::timeout, this,
            lookup ? &ProvisionSubmission::lookUp : &ProvisionSubmission::send);
    m_retryTimer.start(delayMs);
}

void ProvisionSubmission::setState(JobOutbox::State state, const QString &note)
{
    m_state = state;
    Q_EMIT stateChanged(state, note);
}

void ProvisionSubmission::finish(SubmitResult result)
{
    if (m_done)
        return;
    m_done = true;
    m_retryTimer.stop();
    m_state = result.state;
    Q_EMIT finished(result);
    deleteLater();
}

} // namespace prego
