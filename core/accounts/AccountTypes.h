#pragma once

#include <QObject>

// The enumerations of the accounts module, registered with Qt's meta-object system so they
// print by name (qDebug, QTest) and travel through queued signals.
namespace Poplar::Accounts {
Q_NAMESPACE

// How the connection to a server (incoming POP3 or outgoing SMTP) is protected.
enum class Security
{
    Tls,      // implicit TLS (POP3S port 995; submission port 465)
    StartTls, // plain connection upgraded with STLS/STARTTLS first (POP3 110; submission 587)
    None      // no encryption: only when the user chose it and confirmed it
};
Q_ENUM_NS(Security)

enum class Authentication
{
    Auto, // the strongest mechanism the server offers
    Plain,
    Login,
    CramMd5,
    Apop,
    User // USER/PASS
};
Q_ENUM_NS(Authentication)

// How Poplar logs in to the outgoing (SMTP submission) server.
enum class OutgoingAuthentication
{
    Auto, // the strongest mechanism the server offers (CRAM-MD5, then PLAIN, then LOGIN)
    Plain,
    Login,
    CramMd5,
    None // no login: a server that takes mail from this network without one
};
Q_ENUM_NS(OutgoingAuthentication)

// What happens to a message on the server once Poplar has it.
enum class LeavePolicy
{
    Keep,               // leave every message on the server
    DeleteAfterDays,    // delete N days after download
    DeleteWhenTrashed,  // delete when removed from Poplar's Trash
    DeleteAfterDownload // delete right after it is safely stored
};
Q_ENUM_NS(LeavePolicy)

// Where an autoconfiguration result came from, best first.
enum class AutoconfigSource
{
    Provider,   // Poplar's built-in provider table
    Srv,        // RFC 6186 DNS SRV records of the domain
    Autoconfig, // the domain's Mozilla autoconfig file
    Mx,         // the domain's MX records point to a known provider
    Guess       // a guessed server name that answered like a POP3 (or SMTP) server
};
Q_ENUM_NS(AutoconfigSource)

enum class UsernameForm
{
    EmailAddress, // the full address
    LocalPart     // the part before @
};
Q_ENUM_NS(UsernameForm)

// The outcome of a credential operation, in terms the UI can explain.
enum class CredentialStatus
{
    Ok,
    NotFound,    // nothing stored for this account
    Unavailable, // no keychain reachable (no secret service, locked, failed)
    Denied,      // the keychain refused access (the user said no, or policy)
    Failed       // the keychain answered with another error
};
Q_ENUM_NS(CredentialStatus)

} // namespace Poplar::Accounts
