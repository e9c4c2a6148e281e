#pragma once

#include <QtGlobal>

namespace prego::sim {

class Fleet;
class Silences;

// With the demo fleet (`--demo-fleet`): a silence in force on the stale node that has been silent
// longest ("kernel upgrade" by alice-laptop, ending in about 3 hours) and one on its region that
// ended early yesterday, so that the console's maintenance views are not empty. Seeds nothing
// when no shared node is stale (a fleet of fewer than four).
void seedDemoSilences(Silences &silences, const Fleet &fleet, qint64 nowMs);

} // namespace prego::sim
