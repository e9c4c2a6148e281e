#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

namespace prego {

// A control plane the operator connects to. Never holds a secret: the token lives in the
// SecretStore under the profile's name.
struct Profile
{
    Q_DECLARE_TR_FUNCTIONS(prego::Profile)

public:
    static constexpr int DefaultPollIntervalSeconds = 15;
    static constexpr int MinPollIntervalSeconds = 5;
    static constexpr int MaxPollIntervalSeconds = 3600;
    static constexpr int DefaultStaleAfterSeconds = 300;

    QString name;
    QUrl baseUrl;
    int pollIntervalSeconds = DefaultPollIntervalSeconds;
    int staleAfterSeconds = DefaultStaleAfterSeconds;
    QString caFile; // extra CA certificate (PEM) trusted for this profile only; empty = none

    // A translated sentence naming the first problem, or empty when the profile is usable.
    QString validate() const;

    static bool isValidName(const QString &name);
    static bool isLoopbackHost(const QString &host);
    // http is allowed for loopback hosts only; everything else must be https.
    static bool isAllowedScheme(const QUrl &url);

    bool operator==(const Profile &) const = default;
};

} // namespace prego
