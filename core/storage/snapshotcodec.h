#pragma once

#include "types/node.h"

#include <QByteArray>

#include <optional>

namespace prego::SnapshotCodec {

// A NodesSnapshot as a compact, compressed binary blob for the history database. Versioned so a
// newer console can still read what an older one stored; an unreadable blob decodes to nullopt
// (the console then simply waits for its first poll).
QByteArray encode(const NodesSnapshot &snapshot);
std::optional<NodesSnapshot> decode(const QByteArray &blob);

} // namespace prego::SnapshotCodec
