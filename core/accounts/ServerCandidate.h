#pragma once

#include "accounts/AccountSettings.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Poplar::Accounts {

// One set of incoming (POP3) server settings found for an email address.
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

// One set of outgoing (SMTP submission) server settings found for an email address.
//
// A type of its own rather than ServerCandidate with a "kind": the two differ exactly where it
// matters. The login methods are different enumerations (no APOP or USER/PASS for SMTP, a
// "no login" for SMTP), and applyTo() fills a different part of AccountSettings. A kind field
// would leave an Authentication that means nothing for SMTP and an applyTo() that switches on
// it; with two types the compiler keeps an incoming server out of the outgoing settings.
struct OutgoingCandidate
{
    QString host;
    int port = 0;
    Security security = Security::Tls;
    OutgoingAuthentication authentication = OutgoingAuthentication::Auto;
    QString username; // already filled in for the address that was looked up
    AutoconfigSource source = AutoconfigSource::Guess;
    QString providerName; // may be empty
    QStringList notes;    // for the user, translated
    // Guesses only: false when the server's certificate did not verify during the probe.
    bool certificateVerified = true;

    // Copies the server part into settings.outgoing; the rest of the outgoing settings (the
    // certificate pin, samePassword) and everything else stay as they were. A username equal
    // to the incoming one is stored as empty ("the incoming username"), so apply the incoming
    // candidate first.
    void applyTo(AccountSettings &settings) const
    {
        settings.outgoing.host = host;
        settings.outgoing.port = port;
        settings.outgoing.security = security;
        settings.outgoing.authentication = authentication;
        settings.outgoing.username = username == settings.username ? QString() : username;
    }

    friend bool operator==(const OutgoingCandidate &, const OutgoingCandidate &) = default;
};

} // namespace Poplar::Accounts
