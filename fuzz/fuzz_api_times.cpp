// The time fields of every answer: RFC 3339 timestamps (server_time, updated_at, created_at…),
// the HTTP Date header and Retry-After (seconds or a date, relative to the server's clock).
// Input: 8 bytes of "server now" (bounded to years 0..9999, what parseTimestamp can produce),
// then the text.
#include "api/apicodec.h"
#include "fuzzcheck.h"

#include <QString>

using namespace prego;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray input = fuzz::bytes(data, size);
    constexpr qint64 Span = 253402300800000; // 9999-12-31 in ms since the epoch, roughly
    const qint64 nowMs = fuzz::takeInt64(&input) % (2 * Span) - Span;

    (void)ApiCodec::parseTimestamp(QString::fromUtf8(input));
    (void)ApiCodec::parseTimestamp(QString::fromLatin1(input));
    (void)ApiCodec::parseHttpDate(input);
    if (const std::optional<int> seconds = ApiCodec::parseRetryAfter(input, nowMs))
        FUZZ_CHECK(*seconds >= 0 && *seconds <= 3600);
    return 0;
}
