#include "errorreporter.h"

#include "ctlapp.h"
#include "types/apierror.h"

#include <QTextStream>

using namespace Qt::StringLiterals;

namespace prego {

ErrorReporter::ErrorReporter(QTextStream &err)
    : m_err(err)
{}

int ErrorReporter::fail(int exitCode, const QString &message) const
{
    m_err << u"prego-ctl: "_s << message << Qt::endl;
    return exitCode;
}

int ErrorReporter::failApi(const ApiError &error) const
{
    const int code = fail(exitCodeFor(error), error.message());
    // 422 validation_failed names each refused field and why: one more line each.
    for (auto it = error.fields.cbegin(); it != error.fields.cend(); ++it)
        m_err << u"prego-ctl: "_s << it.key() << u": "_s << it.value() << Qt::endl;
    return code;
}

int ErrorReporter::exitCodeFor(const ApiError &error)
{
    if (error.kind == ApiError::Kind::Http) {
        if (error.httpStatus == 401 || error.httpStatus == 403)
            return CtlApp::NotAuthorized;
        if (error.httpStatus == 404)
            return CtlApp::NotFound;
        if (error.httpStatus < 500 && error.httpStatus != 429)
            return CtlApp::Usage;
    } else if (error.kind == ApiError::Kind::Config) {
        return CtlApp::Usage;
    }
    return CtlApp::Unreachable;
}

} // namespace prego
