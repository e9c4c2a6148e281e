#pragma once

#include "types/apierror.h"
#include "types/node.h"
#include "types/whoami.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringView>

#include <optional>

namespace prego {

template<typename T> struct Decoded
{
    std::optional<T> value;
    QString error; // translated detail when value is empty
};

// JSON codecs for the control-plane contract (the console's own; the reference server has
// separate code). Unknown fields are ignored; nulls are tolerated where the contract allows them;
// wrong types become a clear error or, inside one node, a warning and a null.
namespace ApiCodec {

// RFC 3339 with 'Z' or an offset, fractions of any length. Milliseconds since the epoch.
std::optional<qint64> parseTimestamp(QStringView text);
// IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), as in Date and Retry-After.
std::optional<qint64> parseHttpDate(const QByteArray &text);
// Retry-After as seconds or as an HTTP date (relative to serverNowMs). Clamped to 0..3600.
std::optional<int> parseRetryAfter(const QByteArray &value, qint64 serverNowMs);

// The body as a JSON object, or a translated error saying why it is not one.
QJsonDocument parseObject(const QByteArray &body, QString *error);

// GET /internal/nodes. A pure function (no state, no Qt event loop): it runs on the poller's
// worker thread. Plain strict JSON is read in one pass by JsonReader; anything else (invalid or
// lax JSON, duplicate keys, deep nesting, lone surrogates) goes through
// decodeNodesWithQJsonDocument, which then decides and words the error.
Decoded<NodesSnapshot> decodeNodes(const QByteArray &body);
// The reference decoder through QJsonDocument: the same results as decodeNodes, slower. Tests
// and fuzzers compare the two.
Decoded<NodesSnapshot> decodeNodesWithQJsonDocument(const QByteArray &body);
Decoded<Node> decodeNode(const QByteArray &body);
Decoded<WhoAmI> decodeWhoAmI(const QByteArray &body);
// The node's own fields as the contract names them, without metrics.
QJsonObject nodeFields(const Node &node);
// The body of POST /internal/nodes: nodeFields as compact JSON.
QByteArray encodeNode(const Node &node);
// Fills code, serverMessage and fields from an error body when it has the contract's shape.
void decodeErrorBody(const QByteArray &body, ApiError *error);

} // namespace ApiCodec
} // namespace prego
