#pragma once

#include "secreterror.h"

#include <QMetaType>
#include <QString>

#include <optional>
#include <utility>

namespace prego {

// The outcome of a secret store call: the secret (reads only) or an error value.
struct SecretResult
{
    std::optional<QString> secret;
    SecretError error;

    bool ok() const { return !error.isError(); }

    static SecretResult success(std::optional<QString> value = std::nullopt)
    {
        return SecretResult{std::move(value), SecretError{}};
    }
    static SecretResult failure(SecretError::Kind kind, QString detail = {})
    {
        return SecretResult{std::nullopt, SecretError{kind, std::move(detail)}};
    }
};

} // namespace prego

Q_DECLARE_METATYPE(prego::SecretResult)
