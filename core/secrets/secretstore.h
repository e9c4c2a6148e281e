#pragma once

#include "secretjob.h"

#include <QObject>
#include <QString>

namespace prego {

// The only way the console keeps secrets (profile tokens). Every call returns a job that the
// store owns until it finished; connect to SecretJob::finished right away.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~SecretStore() override;

    // Result: the secret, or NotFound (or another error).
    virtual SecretJob *read(const QString &profileName) = 0;
    // Stores or replaces the profile's secret.
    virtual SecretJob *write(const QString &profileName, const QString &secret) = 0;
    // Removes the profile's secret; removing a missing secret succeeds.
    virtual SecretJob *remove(const QString &profileName) = 0;

    // False for a store that forgets everything when the console quits.
    virtual bool isPersistent() const = 0;
};

} // namespace prego
