#pragma once

#include "domain/verification.h"

#include <QObject>
#include <QPointer>

namespace prego {

class ControlPlane;

// Reads what the Definition-of-Done checks need: GET /internal/nodes and
// GET /internal/provision-jobs (the newest 200) and, when offered, the silences in force, then
// emits one finished() with the input (errors included: a check that cannot be evaluated says why).
// Deletes itself after finished().
class VerificationLoader final : public QObject
{
    Q_OBJECT
public:
    VerificationLoader(ControlPlane *controlPlane, int staleAfterSeconds,
                       QObject *parent = nullptr);

    void start();

Q_SIGNALS:
    void finished(const prego::VerificationInput &input);

private:
    void loadJobs();
    void loadSilences();

    QPointer<ControlPlane> m_controlPlane;
    VerificationInput m_input;
};

} // namespace prego

Q_DECLARE_METATYPE(prego::VerificationInput)
