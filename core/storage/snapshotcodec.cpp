#include "snapshotcodec.h"

#include <QDataStream>
#include <QIODevice>

namespace prego::SnapshotCodec {

namespace {
constexpr quint32 Magic = 0x50534E31; // "PSN1"
constexpr quint8 FormatVersion = 1;
constexpr quint64 MaxRawBytes = 256 * 1024 * 1024;

template<typename T> void put(QDataStream &s, const std::optional<T> &v)
{
    s << bool(v.has_value());
    if (v)
        s << *v;
}

template<typename T> void get(QDataStream &s, std::optional<T> &v)
{
    bool present = false;
    s >> present;
    if (present) {
        T value{};
        s >> value;
        v = value;
    } else {
        v.reset();
    }
}
} // namespace

QByteArray encode(const NodesSnapshot &snapshot)
{
    QByteArray raw;
    QDataStream s(&raw, QIODevice::WriteOnly);
    s.setVersion(QDataStream::Qt_6_4);
    s << Magic << FormatVersion << snapshot.serverTimeMs << quint32(snapshot.nodes.size());
    for (const Node &n : snapshot.nodes) {
        s << n.nodeId << n.hostname << n.ipv4 << n.region << n.placement << n.role;
        put(s, n.tenantId);
        put(s, n.stack);
        s << n.acceptsTenants << n.status;
        put(s, n.createdAtMs);
        s << bool(n.metrics.has_value());
        if (n.metrics) {
            put(s, n.metrics->cpuPct);
            put(s, n.metrics->memoryPct);
            put(s, n.metrics->diskPct);
            put(s, n.metrics->tenantCount);
            s << n.metrics->updatedAtMs;
        }
    }
    return qCompress(raw, 6);
}

std::optional<NodesSnapshot> decode(const QByteArray &blob)
{
    // qUncompress allocates the size the blob's first four bytes declare before it inflates
    // anything: a damaged blob could make every start-up allocate up to 2 GB. Deflate cannot
    // expand more than 1032:1, so a larger claim is a lie; MaxRawBytes bounds honest ones
    // (100,000 nodes take about 25 MB).
    if (blob.size() < 4)
        return std::nullopt;
    const quint64 declared = quint64(quint8(blob[0])) << 24 | quint64(quint8(blob[1])) << 16 |
                             quint64(quint8(blob[2])) << 8 | quint64(quint8(blob[3]));
    if (declared > MaxRawBytes || declared > quint64(blob.size() - 4) * 1032)
        return std::nullopt;
    const QByteArray raw = qUncompress(blob);
    if (raw.isEmpty())
        return std::nullopt;
    QDataStream s(raw);
    s.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0, count = 0;
    quint8 version = 0;
    NodesSnapshot snapshot;
    s >> magic >> version >> snapshot.serverTimeMs >> count;
    if (magic != Magic || version != FormatVersion || s.status() != QDataStream::Ok)
        return std::nullopt;
    for (quint32 i = 0; i < count && s.status() == QDataStream::Ok; ++i) {
        Node n;
        s >> n.nodeId >> n.hostname >> n.ipv4 >> n.region >> n.placement >> n.role;
        get(s, n.tenantId);
        get(s, n.stack);
        s >> n.acceptsTenants >> n.status;
        get(s, n.createdAtMs);
        bool hasMetrics = false;
        s >> hasMetrics;
        if (hasMetrics) {
            NodeMetrics m;
            get(s, m.cpuPct);
            get(s, m.memoryPct);
            get(s, m.diskPct);
            get(s, m.tenantCount);
            s >> m.updatedAtMs;
            n.metrics = m;
        }
        snapshot.nodes.append(n);
    }
    if (s.status() != QDataStream::Ok)
        return std::nullopt;
    return snapshot;
}

} // namespace prego::SnapshotCodec
