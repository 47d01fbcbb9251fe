#pragma once

#include "accounts/AccountTypes.h"
#include "pop3/Settings.h"
#include "smtp/Settings.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace Poplar::Accounts {

// The outgoing (SMTP submission, RFC 6409) server of an account. Not configured while the
// host is empty: accounts made before Poplar could send have none.
struct OutgoingServer
{
    static constexpr int DefaultTlsPort = 465;      // implicit TLS, RFC 8314
    static constexpr int DefaultStartTlsPort = 587; // STARTTLS (and, if chosen, no encryption)

    static int defaultPort(Security security)
    {
        return security == Security::Tls ? DefaultTlsPort : DefaultStartTlsPort;
    }

    QString host; // empty = not configured yet
    int port = DefaultTlsPort;
    Security security = Security::Tls;
    OutgoingAuthentication authentication = OutgoingAuthentication::Auto;
    QString username;                   // empty = the incoming username
    bool samePassword = true;           // the incoming password serves; else its own entry
    QByteArray pinnedCertificateSha256; // raw 32 bytes, or empty (like the incoming pin)

    bool isConfigured() const { return !host.isEmpty(); }

    friend bool operator==(const OutgoingServer &, const OutgoingServer &) = default;
};

// The non-secret settings of one POP3 account. A plain value: copy it, edit it, validate it,
// hand it to the AccountRepository. The password is never part of it; it lives in the
// keychain under the account's id (see CredentialStore), and a separate password for the
// outgoing server, if the user has one, under outgoingCredentialId(id).
class AccountSettings
{
    Q_DECLARE_TR_FUNCTIONS(Poplar::Accounts::AccountSettings)

public:
    using OutgoingServer = Poplar::Accounts::OutgoingServer;

    static constexpr int DefaultTlsPort = 995;
    static constexpr int DefaultPlainPort = 110;
    static constexpr int DefaultDeleteAfterDays = 14;
    static constexpr int DefaultCheckIntervalMinutes = 15;
    static constexpr int MaxCheckIntervalMinutes = 24 * 60;
    static constexpr int MaxDeleteAfterDays = 3650;

    // A new account with a fresh id and the defaults.
    static AccountSettings create();
    static int defaultPort(Security security);

    QString id;          // stable: a UUID without braces
    QString displayName; // shown in the account list; falls back to the email address
    QString emailAddress;
    QString senderName; // the person's name in the From of mail sent from this account
    QString signature;  // plain text put under new mail, replies and forwards; empty = none
    bool signatureAboveQuote = false; // in replies: above the quoted text, where one writes
    QString host;                     // incoming (POP3) server
    int port = DefaultTlsPort;
    Security security = Security::Tls;
    Authentication authentication = Authentication::Auto;
    QString username;
    LeavePolicy leavePolicy = LeavePolicy::Keep;
    int deleteAfterDays = DefaultDeleteAfterDays; // used with LeavePolicy::DeleteAfterDays
    int headersOnlyLimitKiB = 0;                  // larger messages: headers only; 0 = no limit
    int checkIntervalMinutes = DefaultCheckIntervalMinutes; // 0 = only when asked
    QByteArray pinnedCertificateSha256;                     // raw 32 bytes, or empty
    OutgoingServer outgoing; // for sending; validated only when configured

    // The name to show: displayName, or the email address when there is none.
    QString name() const;

    // Problems that prevent using these settings, each a sentence for the user (translated).
    // Empty when the settings are usable.
    QStringList validate() const;
    bool isValid() const { return validate().isEmpty(); }

    // What a POP3 session of this account needs: the server part, the pin and the password
    // (given by the caller, from the keychain).
    Pop3::Settings serverSettings(const QString &password) const;
    // What an SMTP session of this account needs: the outgoing server, its pin and the
    // password (the incoming one, or the one stored under outgoingCredentialId, as
    // outgoing.samePassword says). An empty outgoing username means the incoming one.
    Smtp::Settings outgoingSettings(const QString &password) const;

    // The keychain key of the separate outgoing password ("<id>/smtp"); the incoming password
    // is stored under the account id itself.
    static QString outgoingCredentialId(const QString &accountId);

    // Helpers for the UI and the command line.
    static bool isPlausibleEmailAddress(const QString &address);
    static bool isPlausibleHostName(const QString &host);
    // "AB:CD:..." upper-case hex of a SHA-256 fingerprint, and back (tolerates colons,
    // spaces and lower case). fromHex returns empty on anything that is not 32 bytes.
    static QString fingerprintToText(const QByteArray &sha256);
    static QByteArray fingerprintFromText(const QString &text);

    friend bool operator==(const AccountSettings &, const AccountSettings &) = default;
};

// Stable names used in files and on the command line ("tls", "starttls", "none", ...).
QString toName(Security security);
QString toName(Authentication authentication);
QString toName(LeavePolicy policy);
QString toName(OutgoingAuthentication authentication); // "auto", "plain", "login", ...
std::optional<Security> securityFromName(const QString &text);
std::optional<Authentication> authenticationFromName(const QString &text);
std::optional<LeavePolicy> leavePolicyFromName(const QString &text);
std::optional<OutgoingAuthentication> outgoingAuthenticationFromName(const QString &text);

} // namespace Poplar::Accounts
