#include "secreterror.h"

#include <QCoreApplication>
#include <QMetaEnum>

namespace prego {

QString SecretError::message() const
{
    return message(kind);
}

QString SecretError::message(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QCoreApplication::translate("prego::SecretError", "The token operation succeeded.");
    case Kind::NotFound:
        return QCoreApplication::translate(
            "prego::SecretError",
            "No token is stored for this profile. Enter the profile's token to store it.");
    case Kind::NoDBusSession:
        //: dbus-run-session is a command name; keep it as is.
        return QCoreApplication::translate(
            "prego::SecretError",
            "No D-Bus session bus is running, so the system keyring cannot be reached. Log in to "
            "a desktop session or start one with dbus-run-session; meanwhile you can keep the "
            "token for this session only.");
    case Kind::NoSecretService:
        return QCoreApplication::translate(
            "prego::SecretError",
            "No keyring service (Secret Service) is running on the D-Bus session bus. Install and "
            "start GNOME Keyring or KWallet; meanwhile you can keep the token for this session "
            "only.");
    case Kind::NoDefaultKeyring:
        //: "Passwords and Keys" is GNOME's keyring manager (Seahorse); use its localized name.
        return QCoreApplication::translate(
            "prego::SecretError",
            "The keyring service has no default keyring to store the token in. Create one, for "
            "example in Passwords and Keys (Seahorse), and try again; meanwhile you can keep the "
            "token for this session only.");
    case Kind::Locked:
        return QCoreApplication::translate(
            "prego::SecretError",
            "The system keyring is locked, so the token cannot be read or changed. Unlock the "
            "keyring and try again; meanwhile you can keep the token for this session only.");
    case Kind::WriteDenied:
        return QCoreApplication::translate(
            "prego::SecretError",
            "The system keyring refused to save the change to the token. Check that the "
            "keyring's files are writable and the disk is not full, then try again; meanwhile "
            "you can keep the token for this session only.");
    case Kind::AccessDenied:
        return QCoreApplication::translate(
            "prego::SecretError",
            "The system keyring denied this application access to the token. Allow the access "
            "and try again; meanwhile you can keep the token for this session only.");
    case Kind::Other:
        break;
    }
    return QCoreApplication::translate(
        "prego::SecretError",
        "The system keyring reported an unexpected error. Try again; if it persists, keep the "
        "token for this session only and check the keyring service.");
}

QString SecretError::kindName(Kind kind)
{
    const char *name = QMetaEnum::fromType<Kind>().valueToKey(static_cast<int>(kind));
    return name ? QString::fromLatin1(name) : QStringLiteral("Unknown");
}

} // namespace prego
