#pragma once

#include "types/node.h"

#include <QString>

#include <optional>

namespace prego::test {

// A node as most of a fleet is: shared (role shared), active and accepting tenants, so that the
// freshness rule binds it; in `region`, at 10.0.0.1, named "host-<id>.example.net" (not its id, so
// that a search can tell which of the two it matched). Its metrics (cpu as given, memory 50.5 %,
// disk 40.25 %, 3 tenants) were pushed at updatedAtMs; without it the node never reported. A test
// changes the fields its case is about on the node it gets back.
Node node(const QString &id, std::optional<qint64> updatedAtMs, std::optional<double> cpu = 10.0,
          const QString &region = QStringLiteral("fsn1"));

// The same nodes, their last push counted back from one server time, for tests that think in
// ages: with `const AgedNodes node{ServerNow};`, `node(u"a"_s, 10)` last pushed 10 s before
// ServerNow and `node(u"b"_s, {})` never did.
class AgedNodes
{
public:
    explicit constexpr AgedNodes(qint64 serverNowMs)
        : m_serverNowMs(serverNowMs)
    {}

    Node operator()(const QString &id, std::optional<qint64> ageSeconds,
                    std::optional<double> cpu = 10.0,
                    const QString &region = QStringLiteral("fsn1")) const;

private:
    qint64 m_serverNowMs;
};

} // namespace prego::test
