#pragma once

#include "net/Transport.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace Poplar::Pop3 {

// Why something failed, in a form the UI can explain in words. The server's own words are
// kept apart from Poplar's, and never carry a credential.
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
    // TLS
    TlsFailed,
    CertificateUntrusted,
    CertificateChanged, // differs from the pinned fingerprint
    StartTlsUnavailable,
    StartTlsFailed,
    // Login
    NoAuthMechanism,
    LoginFailed,      // -ERR without a response code: most often a wrong password
    WrongCredentials, // [AUTH]
    InUse,            // [IN-USE]: another client holds the mailbox lock
    LoginDelay,       // [LOGIN-DELAY]: logged in too recently
    SysTemp,          // [SYS/TEMP]: temporary server problem, try later
    SysPerm,          // [SYS/PERM]: permanent server problem, ask the provider
    // Commands
    ServerError, // -ERR to a command (e.g. no such message)
    // Hostile or broken server
    ProtocolViolation,
    LineTooLong,
    ResponseTooLarge,
    MessageTooLarge,
    SizeMismatch, // more message data than LIST announced
    // Local
    SinkFailed
};

struct Error
{
    ErrorKind kind = ErrorKind::None;
    QString serverText;      // the server's words (status text, without +OK/-ERR)
    QByteArray responseCode; // RFC 2449 code, e.g. "IN-USE", "SYS/TEMP"
    QString detail;          // Poplar's own detail (socket error, offending value...)

    bool isError() const { return kind != ErrorKind::None; }
    // A sentence for the user, in the UI language, with the server's words when known.
    QString message() const;
    // Whether trying again later may succeed without the user changing anything.
    bool isTransient() const;

    static Error make(ErrorKind kind, const QString &detail = QString())
    {
        Error e;
        e.kind = kind;
        e.detail = detail;
        return e;
    }
    // An -ERR status text: reads the response code and picks the matching kind, falling
    // back to `plainKind` when there is no code Poplar knows.
    static Error fromServer(const QByteArray &statusText, ErrorKind plainKind);
};

const char *errorKindName(ErrorKind kind);
// The error a connection failure below the protocol is reported as.
ErrorKind errorKindOf(Net::TransportFailure failure);

} // namespace Poplar::Pop3

Q_DECLARE_METATYPE(Poplar::Pop3::Error)
