#pragma once

#include "types/profile.h"

#include <QUrl>

namespace prego::test {

// A profile for a control plane a test started on loopback.
inline Profile profileFor(const QUrl &url, int pollSeconds = Profile::DefaultPollIntervalSeconds,
                          const QString &name = QStringLiteral("test"))
{
    Profile p;
    p.name = name;
    p.baseUrl = url;
    p.pollIntervalSeconds = pollSeconds;
    return p;
}

} // namespace prego::test
