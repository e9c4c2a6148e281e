#pragma once

#include "ctlapp.h"
#include "ctlsession.h"
#include "domain/verification.h"
#include "errorreporter.h"

#include <QCoreApplication>
#include <QStringList>

class QNetworkAccessManager;
class QSettings;

namespace prego {

class SecretStore;

// `prego-ctl verify`: the Definition-of-Done checks (Verification) on the profile's live data,
// printed check by check and, with --report, written as a Markdown report. With --run-scenarios it
// first submits E1, E2 and E3 through the wizard's submitter and follows them to their end.
// Exit codes: 0 every check passes, 1 a check fails or lacks data, 2 the control plane could not be
// asked; the CtlApp ones for what stops it before the checks.
class VerifyCommand
{
    Q_DECLARE_TR_FUNCTIONS(prego::VerifyCommand)

public:
    VerifyCommand(QSettings &settings, SecretStore &secrets, QNetworkAccessManager &nam,
                  CtlApp::Io io);

    int run(const QStringList &args);

private:
    // Submits E1, E2 and E3 as the wizard would and follows them; false (exit code set) when they
    // could not be started.
    bool runScenarios(int *exitCode);
    VerificationInput loadVerificationInput();

    QSettings &m_settings;
    CtlApp::Io m_io;
    ErrorReporter m_errors;
    CtlSession m_session;
    int m_followIntervalMs = 1000;
};

} // namespace prego
