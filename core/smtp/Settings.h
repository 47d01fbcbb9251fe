#pragma once

#include "net/Security.h"

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QString>

namespace Poplar::Smtp {

// What one submission session needs to know about its account's outgoing server. A plain
// value type: the accounts module fills it in (the password or OAuth token comes from the
// keychain) and hands a copy to the Client.
struct Settings
{
    using Security = Net::Security;

    enum class Auth
    {
        Auto, // CRAM-MD5 when offered, then PLAIN, then LOGIN (the password only over TLS)
        Plain,
        Login,
        CramMd5,
        XOAuth2,     // password holds the OAuth access token
        OAuthBearer, // likewise (RFC 7628)
        None         // no login (a server that takes mail from this network without one)
    };

    QString host;
    quint16 port = 465;
    Security security = Security::Tls;
    Auth auth = Auth::Auto;
    QString username;
    QString password;

    // As for POP3: a SHA-256 fingerprint the user accepted, and extra authorities.
    QByteArray pinnedSha256;
    QList<QSslCertificate> extraCaCertificates;

    // The name given in EHLO; empty means an address literal that says nothing about the
    // computer ("[127.0.0.1]", as Thunderbird does when it has no public name).
    QByteArray heloName;

    // RFC 5321 4.5.3.2's minimum timeouts, each counting from the command (or the last
    // progress of a long reply).
    int connectTimeoutMs = 60 * 1000;
    int greetingTimeoutMs = 5 * 60 * 1000;
    int commandTimeoutMs = 5 * 60 * 1000;   // EHLO, AUTH, MAIL, RCPT, RSET
    int dataStartTimeoutMs = 2 * 60 * 1000; // DATA until 354
    int dataEndTimeoutMs = 10 * 60 * 1000;  // the final "." until its reply

    static quint16 defaultPort(Security security) { return security == Security::Tls ? 465 : 587; }
};

} // namespace Poplar::Smtp
