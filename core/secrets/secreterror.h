#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>

namespace prego {

// What went wrong with a secret store call. A value, never an exception; it never carries the
// secret itself.
struct SecretError
{
    Q_GADGET

public:
    enum class Kind {
        None,             // the call succeeded
        NotFound,         // the keyring answered: no token for this profile
        NoDBusSession,    // no D-Bus session bus, so no keyring can be reached
        NoSecretService,  // the session bus has no Secret Service (org.freedesktop.secrets)
        NoDefaultKeyring, // the Secret Service has no default keyring to store into
        Locked,           // the keyring is locked (never reported as NotFound)
        WriteDenied,      // the keyring refused to store or remove the token
        AccessDenied,     // the keyring refused this application access
        Other,            // anything else; see detail
    };
    Q_ENUM(Kind)

    Kind kind = Kind::None;
    // Backend text for diagnostics (untranslated, English). Never contains a secret.
    QString detail;

    bool isError() const { return kind != Kind::None; }

    // Translated: one sentence on what happened and one on what to do.
    QString message() const;
    static QString message(Kind kind);

    // Stable name of a kind for logs and test output ("Locked").
    static QString kindName(Kind kind);
};

} // namespace prego

Q_DECLARE_METATYPE(prego::SecretError)
