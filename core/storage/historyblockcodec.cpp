#include "historyblockcodec.h"

#include <bit>
#include <cmath>
#include <cstring>

namespace prego {

namespace {

constexpr quint8 BlockFormat = 1;
constexpr quint8 RollupFormat = 1;

// A column's kind (low two bits of its mode byte); bit 2 says a presence bitmap follows.
enum Kind : quint8 { None = 0, Decimal = 1, Raw = 2 };
constexpr quint8 HasBitmap = 4;
constexpr int MaxScale = 9;
constexpr double Pow10[MaxScale + 1] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
constexpr double Exact = 9007199254740992.0; // 2^53: every integer below is a double exactly
constexpr double AverageScale = 1e4;

quint64 zigzag(qint64 v)
{
    return (quint64(v) << 1) ^ quint64(v >> 63);
}

qint64 unzigzag(quint64 v)
{
    return qint64((v >> 1) ^ (~(v & 1) + 1));
}

// k with k / 10^s == v bit for bit, if there is one.
std::optional<qint64> decimalAt(double v, int s)
{
    const double scaled = v * Pow10[s];
    if (!(std::fabs(scaled) < Exact))
        return std::nullopt; // also NaN and infinities
    const qint64 k = std::llround(scaled);
    if (std::bit_cast<quint64>(double(k) / Pow10[s]) != std::bit_cast<quint64>(v))
        return std::nullopt; // also -0.0
    return k;
}

// The smallest scale at which every value is an exact decimal, or -1.
int decimalScale(const QList<double> &values)
{
    for (int s = 0; s <= MaxScale; ++s) {
        bool all = true;
        for (double v : values) {
            if (!decimalAt(v, s)) {
                all = false;
                break;
            }
        }
        if (all)
            return s;
    }
    return -1;
}

class Writer
{
public:
    void byte(quint8 b) { m_out.append(char(b)); }
    void varint(quint64 v)
    {
        while (v >= 0x80) {
            m_out.append(char(quint8(v) | 0x80));
            v >>= 7;
        }
        m_out.append(char(quint8(v)));
    }
    void signedVarint(qint64 v) { varint(zigzag(v)); }
    // Differences wrap instead of overflowing: the reader undoes them with the same wrap.
    void delta(qint64 v, qint64 &previous)
    {
        signedVarint(qint64(quint64(v) - quint64(previous)));
        previous = v;
    }
    void raw(double v)
    {
        const quint64 bits = std::bit_cast<quint64>(v);
        for (int i = 0; i < 8; ++i)
            m_out.append(char(quint8(bits >> (8 * i))));
    }
    void bitmap(const QList<bool> &present)
    {
        for (qsizetype i = 0; i < present.size(); i += 8) {
            quint8 b = 0;
            for (qsizetype j = 0; j < 8 && i + j < present.size(); ++j)
                b |= quint8(present.at(i + j) ? 1u << j : 0u);
            byte(b);
        }
    }
    QByteArray take() { return std::move(m_out); }

private:
    QByteArray m_out;
};

class Reader
{
public:
    explicit Reader(QByteArrayView in)
        : m_in(in)
    {}
    bool atEnd() const { return m_at == m_in.size(); }
    qsizetype left() const { return m_in.size() - m_at; }
    bool byte(quint8 &b)
    {
        if (m_at >= m_in.size())
            return false;
        b = quint8(m_in.at(m_at++));
        return true;
    }
    bool varint(quint64 &v)
    {
        v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            quint8 b;
            if (!byte(b))
                return false;
            if (shift == 63 && b > 1)
                return false; // more than 64 bits
            v |= quint64(b & 0x7f) << shift;
            if (!(b & 0x80))
                return true;
        }
        return false;
    }
    bool signedVarint(qint64 &v)
    {
        quint64 u;
        if (!varint(u))
            return false;
        v = unzigzag(u);
        return true;
    }
    bool delta(qint64 &previous)
    {
        qint64 d;
        if (!signedVarint(d))
            return false;
        previous = qint64(quint64(previous) + quint64(d));
        return true;
    }
    bool raw(double &v)
    {
        if (left() < 8)
            return false;
        quint64 bits = 0;
        for (int i = 0; i < 8; ++i)
            bits |= quint64(quint8(m_in.at(m_at + i))) << (8 * i);
        m_at += 8;
        v = std::bit_cast<double>(bits);
        return true;
    }
    bool bitmap(qsizetype count, QList<bool> &present)
    {
        const qsizetype bytes = (count + 7) / 8;
        if (left() < bytes)
            return false;
        present.resize(count);
        for (qsizetype i = 0; i < count; ++i)
            present[i] = (quint8(m_in.at(m_at + i / 8)) >> (i % 8)) & 1;
        m_at += bytes;
        return true;
    }

private:
    QByteArrayView m_in;
    qsizetype m_at = 0;
};

// One nullable column of n values: mode byte, [scale], [bitmap], values.
void writeColumn(Writer &w, const QList<std::optional<double>> &column, bool integers)
{
    QList<double> present;
    QList<bool> bits;
    bits.reserve(column.size());
    for (const auto &v : column) {
        bits.append(v.has_value());
        if (v)
            present.append(*v);
    }
    if (present.isEmpty()) {
        w.byte(None);
        return;
    }
    const bool bitmap = present.size() != column.size();
    const int scale = integers ? (decimalScale(present) == 0 ? 0 : -1) : decimalScale(present);
    w.byte(quint8((scale >= 0 ? Decimal : Raw) | (bitmap ? HasBitmap : 0)));
    if (scale >= 0)
        w.byte(quint8(scale));
    if (bitmap)
        w.bitmap(bits);
    qint64 previous = 0;
    for (double v : present) {
        if (scale >= 0)
            w.delta(*decimalAt(v, scale), previous);
        else
            w.raw(v);
    }
}

// The header every column starts with: its mode (kind and bitmap flag), a Decimal column's
// scale, and which rows have a value. False when malformed.
bool readColumnHeader(Reader &r, qsizetype n, quint8 &kind, quint8 &scale, QList<bool> &present)
{
    quint8 mode;
    if (!r.byte(mode) || (mode & ~quint8(3 | HasBitmap)))
        return false;
    kind = mode & 3;
    if (kind == None)
        return mode == None;
    if (kind != Decimal && kind != Raw)
        return false;
    if (kind == Decimal && (!r.byte(scale) || scale > MaxScale))
        return false;
    present = QList<bool>(n, true);
    return !(mode & HasBitmap) || r.bitmap(n, present);
}

bool readColumn(Reader &r, qsizetype n, QList<std::optional<double>> &column)
{
    column = QList<std::optional<double>>(n, std::nullopt);
    quint8 kind = None, scale = 0;
    QList<bool> present;
    if (!readColumnHeader(r, n, kind, scale, present))
        return false;
    if (kind == None)
        return true;
    qint64 previous = 0;
    for (qsizetype i = 0; i < n; ++i) {
        if (!present.at(i))
            continue;
        if (kind == Decimal) {
            if (!r.delta(previous) || !(std::fabs(double(previous)) < Exact))
                return false;
            column[i] = double(previous) / Pow10[scale];
        } else {
            double v;
            if (!r.raw(v))
                return false;
            column[i] = v;
        }
    }
    return true;
}

std::optional<double> fromInt(const std::optional<qint64> &v)
{
    return v ? std::optional<double>(double(*v)) : std::nullopt;
}

// Per metric of a roll-up blob: min and max (exact, like samples) and the average.
void writeAggregates(Writer &w, const QList<HistoryAggregate> &aggregates)
{
    QList<double> minMax;
    QList<bool> bits;
    bool averagesExact = true;
    for (const HistoryAggregate &a : aggregates) {
        const bool has = a.min && a.max && a.avg;
        bits.append(has);
        if (!has)
            continue;
        minMax.append(*a.min);
        minMax.append(*a.max);
        const double scaled = *a.avg * AverageScale;
        averagesExact = averagesExact && std::fabs(scaled) < Exact &&
                        std::bit_cast<quint64>(double(std::llround(scaled)) / AverageScale) ==
                            std::bit_cast<quint64>(*a.avg);
    }
    if (minMax.isEmpty()) {
        w.byte(None);
        return;
    }
    const bool bitmap = minMax.size() / 2 != aggregates.size();
    const int scale = averagesExact ? decimalScale(minMax) : -1;
    w.byte(quint8((scale >= 0 ? Decimal : Raw) | (bitmap ? HasBitmap : 0)));
    if (scale >= 0)
        w.byte(quint8(scale));
    if (bitmap)
        w.bitmap(bits);
    qint64 pMin = 0, pMax = 0, pAvg = 0;
    for (const HistoryAggregate &a : aggregates) {
        if (!(a.min && a.max && a.avg))
            continue;
        if (scale >= 0) {
            w.delta(*decimalAt(*a.min, scale), pMin);
            w.delta(*decimalAt(*a.max, scale), pMax);
            w.delta(std::llround(*a.avg * AverageScale), pAvg);
        } else {
            w.raw(*a.min);
            w.raw(*a.max);
            w.raw(*a.avg);
        }
    }
}

bool readAggregates(Reader &r, qsizetype n, QList<HistoryAggregate> &out)
{
    out = QList<HistoryAggregate>(n, HistoryAggregate{});
    quint8 kind = None, scale = 0;
    QList<bool> present;
    if (!readColumnHeader(r, n, kind, scale, present))
        return false;
    if (kind == None)
        return true;
    qint64 pMin = 0, pMax = 0, pAvg = 0;
    for (qsizetype i = 0; i < n; ++i) {
        if (!present.at(i))
            continue;
        HistoryAggregate &a = out[i];
        if (kind == Decimal) {
            if (!r.delta(pMin) || !r.delta(pMax) || !r.delta(pAvg))
                return false;
            if (!(std::fabs(double(pMin)) < Exact) || !(std::fabs(double(pMax)) < Exact) ||
                !(std::fabs(double(pAvg)) < Exact))
                return false;
            a.min = double(pMin) / Pow10[scale];
            a.max = double(pMax) / Pow10[scale];
            a.avg = double(pAvg) / AverageScale;
        } else {
            double mn, mx, avg;
            if (!r.raw(mn) || !r.raw(mx) || !r.raw(avg))
                return false;
            a.min = mn;
            a.max = mx;
            a.avg = avg;
        }
    }
    return true;
}

} // namespace

QByteArray HistoryBlockCodec::encodeBlock(const QList<HistorySample> &samples)
{
    Writer w;
    w.byte(BlockFormat);
    w.varint(quint64(samples.size()));
    qint64 previous = 0, previousDelta = 0;
    for (qsizetype i = 0; i < samples.size(); ++i) {
        const qint64 t = samples.at(i).updatedAtMs;
        if (i == 0) {
            w.signedVarint(t);
        } else {
            const qint64 d = qint64(quint64(t) - quint64(previous));
            w.signedVarint(qint64(quint64(d) - quint64(previousDelta)));
            previousDelta = d;
        }
        previous = t;
    }
    QList<std::optional<double>> column(samples.size());
    const auto put = [&](auto member) {
        for (qsizetype i = 0; i < samples.size(); ++i)
            column[i] = samples.at(i).*member;
        writeColumn(w, column, false);
    };
    put(&HistorySample::cpuPct);
    put(&HistorySample::memoryPct);
    put(&HistorySample::diskPct);
    // Tenant counts past 2^53 (no such fleet) would fall back to doubles and lose their last bits.
    for (qsizetype i = 0; i < samples.size(); ++i)
        column[i] = fromInt(samples.at(i).tenantCount);
    writeColumn(w, column, true);
    return w.take();
}

std::optional<QList<HistorySample>> HistoryBlockCodec::decodeBlock(QByteArrayView bytes)
{
    Reader r(bytes);
    quint8 format;
    quint64 count;
    if (!r.byte(format) || format != BlockFormat || !r.varint(count) || count == 0 ||
        count > quint64(MaxBlockSamples) || count > quint64(r.left()))
        return std::nullopt; // each sample takes at least one byte: a count cannot lie by much
    const auto n = qsizetype(count);
    QList<HistorySample> out(n);
    qint64 previous = 0, previousDelta = 0;
    for (qsizetype i = 0; i < n; ++i) {
        qint64 v;
        if (!r.signedVarint(v))
            return std::nullopt;
        if (i == 0) {
            out[i].updatedAtMs = v;
        } else {
            previousDelta = qint64(quint64(previousDelta) + quint64(v));
            const qint64 t = qint64(quint64(previous) + quint64(previousDelta));
            if (previousDelta <= 0 || t <= previous)
                return std::nullopt; // strictly increasing, as written
            out[i].updatedAtMs = t;
        }
        // Times beyond ±2^53 ms (285,000 years) are damage: the roll-up's slot arithmetic
        // (floor to 5 minutes, then + 5 minutes) would overflow on them.
        if (out[i].updatedAtMs > MaxAbsTimeMs || out[i].updatedAtMs < -MaxAbsTimeMs)
            return std::nullopt;
        previous = out[i].updatedAtMs;
    }
    QList<std::optional<double>> column;
    const auto get = [&](auto member) {
        if (!readColumn(r, n, column))
            return false;
        for (qsizetype i = 0; i < n; ++i)
            out[i].*member = column.at(i);
        return true;
    };
    if (!get(&HistorySample::cpuPct) || !get(&HistorySample::memoryPct) ||
        !get(&HistorySample::diskPct) || !readColumn(r, n, column))
        return std::nullopt;
    for (qsizetype i = 0; i < n; ++i) {
        const auto &v = column.at(i);
        // A count is a whole number a qint64 holds (2^63 is exact as a double); converting
        // anything else (1e180, infinity) is undefined behaviour, so a damaged column is refused.
        if (v && (*v != std::trunc(*v) || !(std::fabs(*v) < 9223372036854775808.0)))
            return std::nullopt;
        out[i].tenantCount = v ? std::optional<qint64>(qint64(*v)) : std::nullopt;
    }
    if (!r.atEnd())
        return std::nullopt;
    return out;
}

QByteArray HistoryBlockCodec::encodeRollups(qint64 hourStartMs, const QList<HistoryRollup> &rollups)
{
    Writer w;
    w.byte(RollupFormat);
    quint16 mask = 0;
    for (const HistoryRollup &r : rollups)
        mask |= quint16(1u << ((r.slotStartMs - hourStartMs) / SlotMs));
    w.byte(quint8(mask));
    w.byte(quint8(mask >> 8));
    for (const HistoryRollup &r : rollups)
        w.varint(quint64(r.pushes));
    qint64 pFirst = 0, pSpan = 0;
    for (const HistoryRollup &r : rollups)
        w.delta(r.firstMs - r.slotStartMs, pFirst);
    for (const HistoryRollup &r : rollups)
        w.delta(r.lastMs - r.firstMs, pSpan);
    QList<HistoryAggregate> column(rollups.size());
    for (auto member : {&HistoryRollup::cpu, &HistoryRollup::memory, &HistoryRollup::disk,
                        &HistoryRollup::tenants}) {
        for (qsizetype i = 0; i < rollups.size(); ++i)
            column[i] = rollups.at(i).*member;
        writeAggregates(w, column);
    }
    return w.take();
}

std::optional<QList<HistoryRollup>> HistoryBlockCodec::decodeRollups(QByteArrayView bytes,
                                                                     qint64 hourStartMs)
{
    Reader r(bytes);
    quint8 format, lo, hi;
    if (!r.byte(format) || format != RollupFormat || !r.byte(lo) || !r.byte(hi))
        return std::nullopt;
    const quint16 mask = quint16(lo | (hi << 8));
    if (mask == 0 || (mask >> SlotsPerHour))
        return std::nullopt;
    QList<HistoryRollup> out;
    for (int slot = 0; slot < SlotsPerHour; ++slot) {
        if (mask & (1u << slot)) {
            HistoryRollup h;
            h.slotStartMs = hourStartMs + slot * SlotMs;
            out.append(h);
        }
    }
    for (HistoryRollup &h : out) {
        quint64 pushes;
        if (!r.varint(pushes) || pushes == 0 || pushes > quint64(MaxBlockSamples))
            return std::nullopt;
        h.pushes = int(pushes);
    }
    qint64 pFirst = 0, pSpan = 0;
    for (HistoryRollup &h : out) {
        if (!r.delta(pFirst) || pFirst < 0 || pFirst >= SlotMs)
            return std::nullopt;
        h.firstMs = h.slotStartMs + pFirst;
    }
    for (HistoryRollup &h : out) {
        if (!r.delta(pSpan) || pSpan < 0 || pSpan >= SlotMs ||
            h.firstMs - h.slotStartMs + pSpan >= SlotMs)
            return std::nullopt;
        h.lastMs = h.firstMs + pSpan;
    }
    QList<HistoryAggregate> column;
    for (auto member : {&HistoryRollup::cpu, &HistoryRollup::memory, &HistoryRollup::disk,
                        &HistoryRollup::tenants}) {
        if (!readAggregates(r, out.size(), column))
            return std::nullopt;
        for (qsizetype i = 0; i < out.size(); ++i)
            out[i].*member = column.at(i);
    }
    if (!r.atEnd())
        return std::nullopt;
    return out;
}

double HistoryBlockCodec::roundAverage(double mean)
{
    const double scaled = mean * AverageScale;
    if (!(std::fabs(scaled) < Exact))
        return mean;
    return double(std::llround(scaled)) / AverageScale;
}

QList<HistoryRollup> HistoryBlockCodec::rollUp(const QList<HistorySample> &sortedSamples)
{
    QList<HistoryRollup> out;
    struct Acc
    {
        double sum = 0;
        int n = 0;
        HistoryAggregate a;
        void add(const std::optional<double> &v)
        {
            if (!v)
                return;
            a.min = a.min ? std::min(*a.min, *v) : *v;
            a.max = a.max ? std::max(*a.max, *v) : *v;
            sum += *v;
            ++n;
        }
        HistoryAggregate done() const
        {
            HistoryAggregate r = a;
            if (n > 0)
                r.avg = roundAverage(sum / n);
            return r;
        }
    };
    qsizetype i = 0;
    while (i < sortedSamples.size()) {
        HistoryRollup h;
        h.slotStartMs = floorDiv(sortedSamples.at(i).updatedAtMs, SlotMs) * SlotMs;
        h.firstMs = sortedSamples.at(i).updatedAtMs;
        Acc cpu, mem, disk, tenants;
        for (; i < sortedSamples.size() && sortedSamples.at(i).updatedAtMs < h.slotStartMs + SlotMs;
             ++i) {
            const HistorySample &s = sortedSamples.at(i);
            ++h.pushes;
            h.lastMs = s.updatedAtMs;
            cpu.add(s.cpuPct);
            mem.add(s.memoryPct);
            disk.add(s.diskPct);
            tenants.add(fromInt(s.tenantCount));
        }
        h.cpu = cpu.done();
        h.memory = mem.done();
        h.disk = disk.done();
        h.tenants = tenants.done();
        out.append(h);
    }
    return out;
}

} // namespace prego
