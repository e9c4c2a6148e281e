#pragma once

#include "types/apierror.h"

#include <QByteArray>
#include <QMetaType>

#include <optional>

namespace prego {

// The final value of one call: either an HTTP answer the contract calls success (2xx or 304),
// or an error.
struct ApiResponse
{
    int httpStatus = 0;
    QByteArray body;
    QByteArray etag;
    std::optional<qint64> dateMs; // the Date header: the server's clock
    std::optional<ApiError> error;

    bool ok() const { return !error.has_value(); }
    bool notModified() const { return httpStatus == 304; }
};

} // namespace prego

Q_DECLARE_METATYPE(prego::ApiResponse)
