// What the agent reads from the control plane's answer to a push (agent/pushresult,
// agent/retryafter): the error body (message and fields, quoted in the log), Retry-After and
// Date. Input: status byte pair, then header values and body separated by "\n\n".
// Properties: no crash, the quoted message stays bounded, a Retry-After is never negative.
#include "fuzzcheck.h"
#include "pushresult.h"
#include "retryafter.h"

#include <QDateTime>

using namespace prego::agent;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray input = prego::fuzz::bytes(data, size);
    if (input.size() < 2)
        return 0;
    const int status = 100 + (quint8(input.at(0)) << 8 | quint8(input.at(1))) % 500;
    input.remove(0, 2);
    const auto [retryAfter, rest] = prego::fuzz::splitOnce(input, "\n\n");
    const auto [date, body] = prego::fuzz::splitOnce(rest, "\n\n");
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(1795000000000, Qt::UTC);

    if (const auto wait = RetryAfter::parse(retryAfter, date, now))
        FUZZ_CHECK(wait->count() >= 0);
    (void)RetryAfter::parseHttpDate(retryAfter);

    const PushResult result = PushResult::fromHttp(status, body, retryAfter, date,
                                                   "https://elsewhere.example/", u"node-1"_qs, now);
    FUZZ_CHECK(!result.message.isEmpty() || result.ok());
    if (result.retryAfter)
        FUZZ_CHECK(result.retryAfter->count() >= 0);
    // The server's own words are capped (500 for the message, 200 per field) before they are
    // logged; the whole line stays proportionate to the body.
    FUZZ_CHECK(result.message.size() <= 2000 + 2 * body.size());
    return 0;
}
