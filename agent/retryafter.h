#pragma once

#include <QByteArray>
#include <QDateTime>

#include <chrono>
#include <optional>

namespace prego::agent {

// The Retry-After header: delay-seconds or an HTTP-date (RFC 9110 section 10.2.3).
class RetryAfter
{
public:
    // An HTTP-date is measured against the response's own Date header when there is one, so a
    // wrong local clock does not stretch or skip the wait; otherwise against `now`.
    static std::optional<std::chrono::milliseconds>
    parse(const QByteArray &value, const QByteArray &dateHeader, const QDateTime &now);

    // IMF-fixdate, plus the obsolete RFC 850 and asctime forms recipients must accept.
    static QDateTime parseHttpDate(const QByteArray &value);
};

} // namespace prego::agent
