#pragma once

#include <QByteArray>

namespace prego {

// The benchmarks' time zero (2025-11-24T16:00:00Z).
constexpr qint64 BenchEpochMs = 1'764'000'000'000;

// A GET /internal/nodes body of n nodes as the contract writes it (about 380 bytes a node);
// `round` moves a fifth of the nodes' pushes on (a poll every ~10 s against pushes every
// 30–60 s; the others keep their earlier push, so two fifths differ between consecutive rounds).
// Shared by bench_console and the instruction-count guards.
QByteArray nodesBody(int n, int round);

} // namespace prego
