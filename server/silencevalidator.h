#pragma once

#include "simmodel.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace prego::sim {

class Fleet;

// Field-level checks of a POST /internal/silences body (control-plane-api.md, Silences), written
// independently of the console's rules so that each checks the other in tests.
class SilenceValidator
{
public:
    static constexpr qsizetype MaxNodes = 500;
    static constexpr qsizetype MaxReasonCharacters = 500;
    static constexpr qint64 MaxAheadMs = 7LL * 24 * 3600 * 1000;

    struct Result
    {
        SilenceRequest request;
        QMap<QString, QString> fields; // field -> why; empty when valid
    };

    // The body's shape alone: what a replay with the same silence_id is compared on, so that a
    // replay answers the same after the clock or the fleet moved on.
    static Result parse(const QJsonObject &body);
    // What a new silence must also satisfy now: known nodes, a region with nodes, an end after
    // nowMs and at most 7 days ahead.
    static QMap<QString, QString> check(const SilenceRequest &request, const Fleet &fleet,
                                        qint64 nowMs);

    // Unicode characters (code points), not UTF-16 units or bytes.
    static qsizetype characterCount(const QString &text);
};

} // namespace prego::sim
