#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

#include <optional>

namespace prego {

// Where a provisioning intent stands in the local jobs outbox (storage/joboutbox.h).
enum class OutboxState {
    Pending,  // written, not sent yet
    Sent,     // sent, no answer that says what happened
    Accepted, // the control plane has the job (202, 200 replay, or found by id)
    Rejected, // the control plane refused it (422, 409); nothing was created
    Unknown,  // timeout, network error or 5xx: retried with the same job id and body
};

// One row of the outbox: the exact request and what the control plane last said of it.
struct OutboxEntry
{
    QString jobId;
    QString profile;
    QByteArray body; // the exact bytes sent
    OutboxState state = OutboxState::Pending;
    qint64 createdAtMs = 0;
    std::optional<qint64> lastAttemptAtMs;
    int attempts = 0;
    QString lastError;                  // translated text of the last failure
    QString errorCode;                  // the contract's error.code of a rejection
    QMap<QString, QString> errorFields; // the contract's error.fields of a 422
    QString serverStatus;               // the job status the control plane last reported

    // Sent but not answered for sure: looked up by id on start.
    bool isUnresolved() const
    {
        return state == OutboxState::Pending || state == OutboxState::Sent ||
               state == OutboxState::Unknown;
    }
};

} // namespace prego
