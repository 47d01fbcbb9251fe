#pragma once

#include "net/Transport.h"
#include "smtp/Reply.h"

#include <QMetaType>
#include <QString>

namespace Poplar::Smtp {

// Why a submission failed, in a form the UI can explain in words. The server's reply is kept
// apart from Poplar's own detail, and never carries a credential.
enum class ErrorKind
{
    None,
    // Connection
    HostNotFound,
    ConnectionRefused,
    ConnectionLost,
    NetworkError,
    Timeout,
    Cancelled,
    NotConnected,
    ServiceUnavailable, // 554 greeting or 421: the server will not talk to us now
    // TLS
    TlsFailed,
    CertificateUntrusted,
    CertificateChanged,
    StartTlsUnavailable,
    StartTlsFailed,
    // Login
    NoAuthMechanism,
    AuthFailed,         // 535: wrong user name or password
    AuthRequired,       // 530: the server wants a login first
    EncryptionRequired, // 538
    // The message
    SenderRefused,     // MAIL FROM
    RecipientsRefused, // every RCPT TO (per-recipient reasons in the send result)
    MessageRefused,    // DATA, or the reply to the final "."
    MessageTooLarge,   // over the server's SIZE, known before sending
    SmtpUtf8Unavailable,
    EightBitUnavailable,
    // Hostile or broken server
    ProtocolViolation,
    LineTooLong,
    ResponseTooLarge
};

struct Error
{
    ErrorKind kind = ErrorKind::None;
    Reply reply;    // the server's reply that caused it, when there was one
    QString detail; // Poplar's own detail (socket error, offending value...)

    bool isError() const { return kind != ErrorKind::None; }
    // A sentence for the user, in the UI language, with the server's words when known.
    QString message() const;
    // Whether trying again later may succeed without the user changing anything
    // (4xx replies, network trouble).
    bool isTransient() const;

    static Error make(ErrorKind kind, const QString &detail = QString());
    static Error fromReply(ErrorKind kind, const Reply &reply);
    static Error fromTransport(Net::TransportFailure failure, const QString &detail);
};

// What an enhanced status code (RFC 3463) means, as a sentence for the user; empty for codes
// that say nothing more than the reply code.
QString describeStatus(const EnhancedStatus &status);
// A server's reply as the user reads it: what its enhanced status code means, if anything,
// then the server's own words ("The recipient's mailbox is full. The server said: “552 …”").
QString describeReply(const Reply &reply);

const char *errorKindName(ErrorKind kind);

} // namespace Poplar::Smtp

Q_DECLARE_METATYPE(Poplar::Smtp::Error)
