#pragma once

#include <QString>

namespace prego::sim {

class Fleet;
class Pipeline;

// `--demo-jobs`: on a simulator without jobs, submits one job of each provisioning path through
// the ordinary pipeline, so that the demo's job list is not empty and shows jobs running, one
// completing on an existing node, one creating a node, and one (a dedicated stack) failing in
// `ansible` on its first attempt so that Retry can be tried. Returns an error message (empty when
// all three were accepted).
QString submitDemoJobs(Pipeline &pipeline, const Fleet &fleet, const QString &actor);

} // namespace prego::sim
