#pragma once

#include "accounts/AccountSettings.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Poplar::Accounts {

// One set of incoming server settings found for an email address.
struct ServerCandidate
{
    QString host;
    int port = 0;
    Security security = Security::Tls;
    Authentication authentication = Authentication::Auto;
    QString username; // already filled in for the address that was looked up
    AutoconfigSource source = AutoconfigSource::Guess;
    QString providerName; // "Gmail", or the autoconfig file's name; may be empty
    QStringList notes;    // for the user, translated (e.g. "use an app password")
    // Guesses only: false when the server's certificate did not verify during the probe.
    bool certificateVerified = true;

    // Copies the server part (host, port, security, authentication, username) into an
    // account's settings; everything else in them stays as it was.
    void applyTo(AccountSettings &settings) const
    {
        settings.host = host;
        settings.port = port;
        settings.security = security;
        settings.authentication = authentication;
        settings.username = username;
    }

    friend bool operator==(const ServerCandidate &, const ServerCandidate &) = default;
};

} // namespace Poplar::Accounts
