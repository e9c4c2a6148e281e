#pragma once

// Helpers shared by the fuzz targets: a check that aborts (libFuzzer then keeps the input as a
// crash) and comparisons that treat NaN and -0.0 exactly, bit for bit.

#include <QByteArray>
#include <QList>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>

#define FUZZ_CHECK(condition)                                                                      \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "FUZZ_CHECK failed: %s (%s:%d)\n", #condition, __FILE__,          \
                         __LINE__);                                                                \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

namespace prego::fuzz {

// The input as a QByteArray that owns a copy: decoders may keep references past the call.
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

inline bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

inline bool sameBits(const std::optional<double> &a, const std::optional<double> &b)
{
    return a.has_value() == b.has_value() && (!a || sameBits(*a, *b));
}

// Splits the input at the first occurrence of `separator` (a byte sequence libFuzzer's
// dictionary knows): the part before and the part after. No separator: all of it is `first`.
inline std::pair<QByteArray, QByteArray> splitOnce(const QByteArray &input, const char *separator)
{
    const qsizetype at = input.indexOf(separator);
    if (at < 0)
        return {input, QByteArray()};
    return {input.left(at), input.mid(at + qsizetype(std::strlen(separator)))};
}

// A 64-bit number from the first 8 bytes (fewer: zero-padded), consumed from `input`.
inline qint64 takeInt64(QByteArray *input)
{
    quint64 v = 0;
    const qsizetype n = std::min<qsizetype>(8, input->size());
    for (qsizetype i = 0; i < n; ++i)
        v = (v << 8) | quint8(input->at(i));
    input->remove(0, n);
    return qint64(v);
}

} // namespace prego::fuzz
