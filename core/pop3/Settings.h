#pragma once

#include "net/Security.h"

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QString>

namespace Poplar::Pop3 {

// What one POP3 session needs to know about its account. A plain value type: the accounts
// module fills it in (the password or OAuth token comes from the keychain) and hands a copy
// to the Client.
struct Settings
{
    using Security = Net::Security;

    enum class Auth
    {
        Auto, // strongest SASL mechanism offered, then APOP, then USER/PASS, as allowed
        Plain,
        Login,
        CramMd5,
        XOAuth2, // password holds the OAuth access token
        Apop,
        User // USER/PASS
    };

    QString host;
    quint16 port = 995;
    Security security = Security::Tls;
    Auth auth = Auth::Auto;
    // With Auth::Auto: whether the weaker fallbacks may be used when no SASL mechanism fits.
    bool allowApop = true;
    bool allowUserPass = true;
    QString username;
    QString password; // or the OAuth access token with Auth::XOAuth2

    // A SHA-256 fingerprint (hex, colons and case ignored) the user accepted for this
    // server. It makes an otherwise untrusted certificate acceptable, and any other
    // certificate unacceptable.
    QByteArray pinnedSha256;
    // Extra certificate authorities trusted for this account (e.g. a company CA).
    QList<QSslCertificate> extraCaCertificates;

    qint64 maxMessageSize = 100 * 1024 * 1024;
    // Longest status line or listing line accepted (message lines are not limited).
    qsizetype maxLineLength = 8 * 1024;
    // Largest multi-line listing (LIST, UIDL, CAPA) accepted.
    qint64 maxListingSize = 64 * 1024 * 1024;

    int connectTimeoutMs = 30 * 1000;  // until the session is open
    int responseTimeoutMs = 60 * 1000; // no progress while a response is awaited (see Client)
    int keepAliveMs = 60 * 1000;       // NOOP after this long without a command; 0 = never
    // When the server offers PIPELINING, the most commands in flight at once (1: one at a
    // time). Within it the window is sized by the measured round trip and rate (see
    // PipelineWindow); a sync lowers it for a server that hung up on a long queue.
    int pipelineMaxCommands = 1000;

    static quint16 defaultPort(Security security) { return security == Security::Tls ? 995 : 110; }
};

} // namespace Poplar::Pop3
