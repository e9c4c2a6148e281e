#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace prego::agent {

// A value, or the translated reason why there is none. Errors travel as values so every caller
// decides what a failure means for it (a null metric, an exit code, a log line).
template<typename T> class Result
{
public:
    static Result success(T value)
    {
        Result result;
        result.m_value = std::move(value);
        return result;
    }
    static Result failure(QString error)
    {
        Result result;
        result.m_error = std::move(error);
        return result;
    }

    bool ok() const { return m_value.has_value(); }
    const T &value() const { return *m_value; }
    const QString &error() const { return m_error; }

private:
    Result() = default;

    std::optional<T> m_value;
    QString m_error;
};

} // namespace prego::agent
