#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace prego::sim {

// The server's clock: the system clock plus an offset that /sim/clock can change (clock-skew
// tests).
class SimClock
{
public:
    qint64 nowMs() const;
    void setOffsetSeconds(qint64 seconds) { m_offsetMs = seconds * 1000; }

    static QString rfc3339(qint64 ms);     // 2026-11-26T20:00:05.123Z
    static QByteArray httpDate(qint64 ms); // Thu, 26 Nov 2026 20:00:05 GMT
    // An RFC 3339 date-time with Z or an offset; fractions beyond milliseconds are cut.
    static std::optional<qint64> parseRfc3339(const QString &text);

private:
    qint64 m_offsetMs = 0;
};

} // namespace prego::sim
