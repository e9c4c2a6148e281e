#pragma once

#include "apicodec.h"
#include "types/silence.h"

#include <QByteArray>

namespace prego {

// JSON codecs for maintenance silences (control-plane-api.md, Silences), in the style of
// ApiCodec: unknown fields are ignored, and a body that cannot be a silence is a clear error.
namespace SilenceCodec {

Decoded<Silence> decodeSilence(const QByteArray &body);
// GET /internal/silences. An entry that is not a silence is skipped: one bad row must not hide
// the others.
Decoded<SilencesList> decodeSilences(const QByteArray &body);
// The body of POST /internal/silences.
QByteArray encodeRequest(const SilenceRequest &request);
// RFC 3339 UTC with milliseconds and 'Z', as the contract writes times.
QString formatTimestamp(qint64 ms);

} // namespace SilenceCodec
} // namespace prego
