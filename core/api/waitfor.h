#pragma once

#include "controlplane.h"

#include <QEventLoop>

#include <optional>
#include <utility>

namespace prego {

// Runs one typed control-plane call to its end, for a command that has nothing else to do in the
// meantime. `start(context, done)` starts the call; a local event loop runs until `done` ran, and
// its result is returned:
//
//     const ApiResult<Job> r = waitFor<Job>([&](QObject *context, auto done) {
//         return controlPlane.job(id, context, std::move(done));
//     });
template<typename T, typename Start> ApiResult<T> waitFor(Start &&start)
{
    std::optional<ApiResult<T>> result;
    QEventLoop loop;
    std::forward<Start>(start)(&loop, ControlPlane::Handler<T>([&](ApiResult<T> r) {
        result = std::move(r);
        loop.quit();
    }));
    if (!result)
        loop.exec();
    return std::move(*result);
}

} // namespace prego
