#pragma once

#include "storage/joboutbox.h"
#include "types/apierror.h"
#include "types/job.h"

#include <QMap>
#include <QMetaType>
#include <QString>

#include <optional>

namespace prego {

// The final value of one provisioning submit (or of the recovery of one outbox row).
struct SubmitResult
{
    QString jobId;
    JobOutbox::State state = JobOutbox::State::Pending;
    std::optional<Job> job;        // when Accepted and the answer could be read
    bool replayed = false;         // the control plane already had this job (200, or found by id)
    std::optional<ApiError> error; // why it is not Accepted (server's answer or transport)
    QMap<QString, QString> fields; // field -> reason: local validation or the server's 422 fields
    QString message;               // translated; empty when Accepted

    bool accepted() const { return state == JobOutbox::State::Accepted; }
    // The server or the local rules refused the request; nothing was created.
    bool rejected() const { return state == JobOutbox::State::Rejected; }
};

} // namespace prego

Q_DECLARE_METATYPE(prego::SubmitResult)
