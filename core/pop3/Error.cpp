#include "pop3/Error.h"

#include <QCoreApplication>

namespace Poplar::Pop3 {

namespace {

// Server text is shown to the user: keep it printable and short.
QString cleanServerText(const QByteArray &text)
{
    QString s = QString::fromUtf8(text.left(512));
    for (QChar &c : s) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = u' ';
    }
    return s.trimmed();
}

} // namespace

Error Error::fromServer(const QByteArray &statusText, ErrorKind plainKind)
{
    Error e;
    e.kind = plainKind;
    QByteArray text = statusText;
    if (text.startsWith('[')) {
        const qsizetype close = text.indexOf(']');
        if (close > 1 && close < 64) {
            e.responseCode = text.mid(1, close - 1).toUpper();
            text = text.mid(close + 1).trimmed();
            // Hierarchical codes: "SYS/TEMP" and "SYS/TEMP/EXTRA" are both SYS/TEMP.
            const QByteArray &code = e.responseCode;
            if (code == "IN-USE")
                e.kind = ErrorKind::InUse;
            else if (code == "LOGIN-DELAY")
                e.kind = ErrorKind::LoginDelay;
            else if (code == "SYS/TEMP" || code.startsWith("SYS/TEMP/"))
                e.kind = ErrorKind::SysTemp;
            else if (code == "SYS/PERM" || code.startsWith("SYS/PERM/"))
                e.kind = ErrorKind::SysPerm;
            else if (code == "AUTH" || code.startsWith("AUTH/"))
                e.kind = ErrorKind::WrongCredentials;
        }
    }
    e.serverText = cleanServerText(text);
    return e;
}

bool Error::isTransient() const
{
    switch (kind) {
    case ErrorKind::ConnectionLost:
    case ErrorKind::NetworkError:
    case ErrorKind::Timeout:
    case ErrorKind::InUse:
    case ErrorKind::LoginDelay:
    case ErrorKind::SysTemp:
    case ErrorKind::HostNotFound:
    case ErrorKind::ConnectionRefused:
        return true;
    default:
        return false;
    }
}

QString Error::message() const
{
    QString text;
    switch (kind) {
    case ErrorKind::None:
        return QString();
    case ErrorKind::HostNotFound:
        text = QCoreApplication::translate("Poplar::Pop3::Error",
                                           "The mail server's name could not be found.");
        break;
    case ErrorKind::ConnectionRefused:
        text = QCoreApplication::translate(
            "Poplar::Pop3::Error",
            "The mail server refused the connection (wrong port or server down).");
        break;
    case ErrorKind::ConnectionLost:
        text = QCoreApplication::translate("Poplar::Pop3::Error",
                                           "The connection to the mail server was lost.");
        break;
    case ErrorKind::NetworkError:
        text = QCoreApplication::translate(
            "Poplar::Pop3::Error", "A network error stopped the connection to the mail server.");
        break;
    case ErrorKind::Timeout:
        text = QCoreApplication::translate("Poplar::Pop3::Error",
                                           "The mail server did not answer in time.");
        break;
    case ErrorKind::Cancelled:
        text = QCoreApplication::translate("Poplar::Pop3::Error", "Cancelled.");
        break;
    case ErrorKind::NotConnected:
        text = QCoreApplication::translate("Poplar::Pop3::Error",
                                           "There is no open connection to the mail server.");
        break;
    case ErrorKind::TlsFailed:
        text = QCoreApplication::translate(
            "Poplar::Pop3::Error",
            "A secure (TLS) connection to the mail server could not be set up.");
        break;
    case ErrorKind::CertificateUntrusted:
        text = QCoreApplication::translate("Poplar::Pop3::Error",
                                           "The mail server's certificate is not trusted.");
        break;
    case ErrorKind::CertificateChanged:
        text = QCoreApplication::translate(
            "Poplar::Pop3::Error",
            "The mail server's certificate has changed since you accepted it. This may "
            "be an attack; check with your provider before accepting the new one.");
        break;
    case ErrorKind::StartTlsUnavailable:
        text = QCoreApplication::translate(
            "Poplar::Pop3::Error",
            "The mail server does not offer encryption (STLS), so nothing was sent.");
        break;
    case ErrorKind::StartTlsFailed:
        text = QCoreApplication::translate(
            "Poplar::Pop3::Error",
            "The mail server refused to start encryption (STLS), so nothing was sent.");
        break;
    case ErrorKind::NoAuthMechanism:
        text = QCoreApplication::translate(
            "Poplar::Pop3::Error",
            "The mail server offers no login method allowed for this account.");
        break;
    case ErrorKind::LoginFailed:
        text = QCoreApplication::translate("Poplar::Pop3::Error",
                                           "Login failed. The user name or password may be wrong.");
        break;
    case ErrorKind::WrongCredentials:
        text = QCoreApplication::translate("Poplar::Pop3::Error",
                                           "The mail server rejected the user name or password.");
        break;
    case ErrorKind::InUse:
        text = QCoreApplication::translate(
            "Poplar::Pop3::Error",
            "The mailbox is in use by another mail program. Try again later.");
        break;
    case ErrorKind::LoginDelay:
        text = QCoreApplication::translate(
            "Poplar::Pop3::Error", "The mail server allows checking mail only every few minutes. "
                                   "Try again later.");
        break;
    case ErrorKind::SysTemp:
        text = QCoreApplication::translate(
            "Poplar::Pop3::Error", "The mail server has a temporary problem. Try again later.");
        break;
    case ErrorKind::SysPerm:
        text = QCoreApplication::translate(
            "Poplar::Pop3::Error", "The mail server has a problem that will not go away by itself. "
                                   "Contact your provider.");
        break;
    case ErrorKind::ServerError:
        text = QCoreApplication::translate("Poplar::Pop3::Error",
                                           "The mail server reported an error.");
        break;
    case ErrorKind::ProtocolViolation:
        text = QCoreApplication::translate(
            "Poplar::Pop3::Error", "The mail server sent something that is not valid POP3.");
        break;
    case ErrorKind::LineTooLong:
        text = QCoreApplication::translate("Poplar::Pop3::Error",
                                           "The mail server sent a line that is far too long.");
        break;
    case ErrorKind::ResponseTooLarge:
        text = QCoreApplication::translate("Poplar::Pop3::Error",
                                           "The mail server sent a listing that is far too large.");
        break;
    case ErrorKind::MessageTooLarge:
        text = QCoreApplication::translate(
            "Poplar::Pop3::Error",
            "The message is larger than the maximum size set for this account.");
        break;
    case ErrorKind::SizeMismatch:
        text = QCoreApplication::translate(
            "Poplar::Pop3::Error",
            "The mail server sent more data than the message size it announced.");
        break;
    case ErrorKind::SinkFailed:
        text = QCoreApplication::translate("Poplar::Pop3::Error",
                                           "The downloaded message could not be saved.");
        break;
    }
    if (!serverText.isEmpty())
        text += u' ' + QCoreApplication::translate("Poplar::Pop3::Error",
                                                   "The server said: \u201c%1\u201d")
                           .arg(serverText);
    return text;
}

const char *errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None:
        return "None";
    case ErrorKind::HostNotFound:
        return "HostNotFound";
    case ErrorKind::ConnectionRefused:
        return "ConnectionRefused";
    case ErrorKind::ConnectionLost:
        return "ConnectionLost";
    case ErrorKind::NetworkError:
        return "NetworkError";
    case ErrorKind::Timeout:
        return "Timeout";
    case ErrorKind::Cancelled:
        return "Cancelled";
    case ErrorKind::NotConnected:
        return "NotConnected";
    case ErrorKind::TlsFailed:
        return "TlsFailed";
    case ErrorKind::CertificateUntrusted:
        return "CertificateUntrusted";
    case ErrorKind::CertificateChanged:
        return "CertificateChanged";
    case ErrorKind::StartTlsUnavailable:
        return "StartTlsUnavailable";
    case ErrorKind::StartTlsFailed:
        return "StartTlsFailed";
    case ErrorKind::NoAuthMechanism:
        return "NoAuthMechanism";
    case ErrorKind::LoginFailed:
        return "LoginFailed";
    case ErrorKind::WrongCredentials:
        return "WrongCredentials";
    case ErrorKind::InUse:
        return "InUse";
    case ErrorKind::LoginDelay:
        return "LoginDelay";
    case ErrorKind::SysTemp:
        return "SysTemp";
    case ErrorKind::SysPerm:
        return "SysPerm";
    case ErrorKind::ServerError:
        return "ServerError";
    case ErrorKind::ProtocolViolation:
        return "ProtocolViolation";
    case ErrorKind::LineTooLong:
        return "LineTooLong";
    case ErrorKind::ResponseTooLarge:
        return "ResponseTooLarge";
    case ErrorKind::MessageTooLarge:
        return "MessageTooLarge";
    case ErrorKind::SizeMismatch:
        return "SizeMismatch";
    case ErrorKind::SinkFailed:
        return "SinkFailed";
    }
    return "Unknown";
}

ErrorKind errorKindOf(Net::TransportFailure failure)
{
    switch (failure) {
    case Net::TransportFailure::HostNotFound:
        return ErrorKind::HostNotFound;
    case Net::TransportFailure::ConnectionRefused:
        return ErrorKind::ConnectionRefused;
    case Net::TransportFailure::ConnectionLost:
        return ErrorKind::ConnectionLost;
    case Net::TransportFailure::Timeout:
        return ErrorKind::Timeout;
    case Net::TransportFailure::TlsFailed:
        return ErrorKind::TlsFailed;
    case Net::TransportFailure::NetworkError:
        break;
    }
    return ErrorKind::NetworkError;
}

} // namespace Poplar::Pop3
