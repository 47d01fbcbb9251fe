#include "smtp/Error.h"

#include <QCoreApplication>

namespace Poplar::Smtp {

namespace {

// Server text is shown to the user: keep it printable and short.
QString cleanServerText(const QByteArray &text)
{
    QString s = QString::fromUtf8(text.left(512));
    for (QChar &c : s) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = u' ';
    }
    return s.simplified();
}

} // namespace

Error Error::make(ErrorKind kind, const QString &detail)
{
    Error e;
    e.kind = kind;
    e.detail = detail;
    return e;
}

Error Error::fromReply(ErrorKind kind, const Reply &reply)
{
    Error e;
    e.kind = kind;
    e.reply = reply;
    return e;
}

Error Error::fromTransport(Net::TransportFailure failure, const QString &detail)
{
    switch (failure) {
    case Net::TransportFailure::HostNotFound:
        return make(ErrorKind::HostNotFound, detail);
    case Net::TransportFailure::ConnectionRefused:
        return make(ErrorKind::ConnectionRefused, detail);
    case Net::TransportFailure::ConnectionLost:
        return make(ErrorKind::ConnectionLost, detail);
    case Net::TransportFailure::Timeout:
        return make(ErrorKind::Timeout, detail);
    case Net::TransportFailure::TlsFailed:
        return make(ErrorKind::TlsFailed, detail);
    case Net::TransportFailure::NetworkError:
        break;
    }
    return make(ErrorKind::NetworkError, detail);
}

bool Error::isTransient() const
{
    switch (kind) {
    case ErrorKind::HostNotFound:
    case ErrorKind::ConnectionRefused:
    case ErrorKind::ConnectionLost:
    case ErrorKind::NetworkError:
    case ErrorKind::Timeout:
    case ErrorKind::ServiceUnavailable:
        return true;
    case ErrorKind::SenderRefused:
    case ErrorKind::RecipientsRefused:
    case ErrorKind::MessageRefused:
    case ErrorKind::AuthFailed:
    case ErrorKind::AuthRequired:
        return reply.isTransientFailure();
    default:
        return false;
    }
}

QString describeStatus(const EnhancedStatus &status)
{
    if (!status.isValid() || status.statusClass == 2)
        return QString();
    const int s = status.subject;
    const int d = status.detail;
    if (s == 1 && (d == 1 || d == 0))
        return QCoreApplication::translate("Poplar::Smtp::Error",
                                           "The recipient's address does not exist.");
    if (s == 1 && d == 2)
        return QCoreApplication::translate(
            "Poplar::Smtp::Error", "The recipient's mail domain does not exist or takes no mail.");
    if (s == 1 && d == 3)
        return QCoreApplication::translate("Poplar::Smtp::Error",
                                           "The address is not written correctly.");
    if (s == 1 && (d == 7 || d == 8))
        return QCoreApplication::translate("Poplar::Smtp::Error",
                                           "The server does not accept the sender's address.");
    if (s == 2 && d == 2)
        return QCoreApplication::translate("Poplar::Smtp::Error",
                                           "The recipient's mailbox is full.");
    if (s == 2 && d == 1)
        return QCoreApplication::translate("Poplar::Smtp::Error",
                                           "The recipient's mailbox is disabled.");
    if ((s == 2 && d == 3) || (s == 3 && d == 4))
        return QCoreApplication::translate("Poplar::Smtp::Error",
                                           "The message is too large for the server.");
    if (s == 3 && d == 1)
        return QCoreApplication::translate("Poplar::Smtp::Error",
                                           "The server's mail system is full.");
    if (s == 4)
        return QCoreApplication::translate(
            "Poplar::Smtp::Error", "The server could not reach the recipient's mail server.");
    if (s == 6)
        return QCoreApplication::translate(
            "Poplar::Smtp::Error", "The server cannot take the message's format or characters.");
    if (s == 7 && d == 1)
        return QCoreApplication::translate(
            "Poplar::Smtp::Error",
            "The server refuses to relay this message (the sender or recipient is not "
            "allowed for this account).");
    if (s == 7 && d == 0 && status.statusClass == 5)
        return QCoreApplication::translate("Poplar::Smtp::Error",
                                           "The server wants you to log in before sending.");
    if (s == 7 && d == 8)
        return QCoreApplication::translate("Poplar::Smtp::Error",
                                           "The user name or password was not accepted.");
    if (s == 7 && (d == 9 || d == 11))
        return QCoreApplication::translate(
            "Poplar::Smtp::Error", "The server requires a stronger login method or encryption.");
    if (s == 7)
        return QCoreApplication::translate("Poplar::Smtp::Error",
                                           "The server's security policy refused the message.");
    return QString();
}

QString Error::message() const
{
    QString text;
    switch (kind) {
    case ErrorKind::None:
        return QString();
    case ErrorKind::HostNotFound:
        text = QCoreApplication::translate("Poplar::Smtp::Error",
                                           "The outgoing mail server's name could not be found.");
        break;
    case ErrorKind::ConnectionRefused:
        text = QCoreApplication::translate(
            "Poplar::Smtp::Error",
            "The outgoing mail server refused the connection (wrong port or server down).");
        break;
    case ErrorKind::ConnectionLost:
        text = QCoreApplication::translate("Poplar::Smtp::Error",
                                           "The connection to the outgoing mail server was lost.");
        break;
    case ErrorKind::NetworkError:
        text = QCoreApplication::translate(
            "Poplar::Smtp::Error",
            "A network error stopped the connection to the outgoing mail server.");
        break;
    case ErrorKind::Timeout:
        text = QCoreApplication::translate("Poplar::Smtp::Error",
                                           "The outgoing mail server did not answer in time.");
        break;
    case ErrorKind::Cancelled:
        text = QCoreApplication::translate("Poplar::Smtp::Error", "Sending was cancelled.");
        break;
    case ErrorKind::NotConnected:
        text = QCoreApplication::translate(
            "Poplar::Smtp::Error", "There is no open connection to the outgoing mail server.");
        break;
    case ErrorKind::ServiceUnavailable:
        text = QCoreApplication::translate("Poplar::Smtp::Error",
                                           "The outgoing mail server is not taking mail now.");
        break;
    case ErrorKind::TlsFailed:
        text = QCoreApplication::translate(
            "Poplar::Smtp::Error",
            "A secure (TLS) connection to the outgoing mail server could not be set up.");
        break;
    case ErrorKind::CertificateUntrusted:
        text = QCoreApplication::translate(
            "Poplar::Smtp::Error", "The outgoing mail server's certificate is not trusted.");
        break;
    case ErrorKind::CertificateChanged:
        text = QCoreApplication::translate(
            "Poplar::Smtp::Error",
            "The outgoing mail server's certificate is not the one you accepted before. "
            "Someone may be intercepting the connection.");
        break;
    case ErrorKind::StartTlsUnavailable:
        text = QCoreApplication::translate(
            "Poplar::Smtp::Error",
            "The outgoing mail server does not offer STARTTLS, so Poplar did not log in "
            "(the password would travel unencrypted).");
        break;
    case ErrorKind::StartTlsFailed:
        text = QCoreApplication::translate(
            "Poplar::Smtp::Error",
            "The outgoing mail server refused to start encryption (STARTTLS), so Poplar "
            "did not log in.");
        break;
    case ErrorKind::NoAuthMechanism:
        text = QCoreApplication::translate(
            "Poplar::Smtp::Error",
            "The outgoing mail server offers no login method Poplar can use with this "
            "account's settings.");
        break;
    case ErrorKind::AuthFailed:
        text = QCoreApplication::translate(
            "Poplar::Smtp::Error",
            "The outgoing mail server did not accept the user name or password.");
        break;
    case ErrorKind::AuthRequired:
        text = QCoreApplication::translate(
            "Poplar::Smtp::Error", "The outgoing mail server wants you to log in before sending.");
        break;
    case ErrorKind::EncryptionRequired:
        text = QCoreApplication::translate(
            "Poplar::Smtp::Error",
            "The outgoing mail server requires an encrypted connection for this login.");
        break;
    case ErrorKind::SenderRefused:
        text = QCoreApplication::translate(
            "Poplar::Smtp::Error", "The outgoing mail server refused the sender's address.");
        break;
    case ErrorKind::RecipientsRefused:
        text = QCoreApplication::translate("Poplar::Smtp::Error",
                                           "The outgoing mail server refused every recipient.");
        break;
    case ErrorKind::MessageRefused:
        text = QCoreApplication::translate("Poplar::Smtp::Error",
                                           "The outgoing mail server refused the message.");
        break;
    case ErrorKind::MessageTooLarge:
        text = QCoreApplication::translate(
            "Poplar::Smtp::Error", "The message is larger than the outgoing mail server accepts.");
        break;
    case ErrorKind::SmtpUtf8Unavailable:
        text = QCoreApplication::translate(
            "Poplar::Smtp::Error",
            "An address contains non-ASCII characters before the @, and the outgoing "
            "mail server cannot take such addresses (it does not offer SMTPUTF8).");
        break;
    case ErrorKind::EightBitUnavailable:
        text = QCoreApplication::translate(
            "Poplar::Smtp::Error",
            "The message contains 8-bit data, and the outgoing mail server does not "
            "accept it (it does not offer 8BITMIME).");
        break;
    case ErrorKind::ProtocolViolation:
        text = QCoreApplication::translate(
            "Poplar::Smtp::Error",
            "The outgoing mail server sent something Poplar does not understand.");
        break;
    case ErrorKind::LineTooLong:
        text = QCoreApplication::translate(
            "Poplar::Smtp::Error",
            "The outgoing mail server sent a line far longer than SMTP allows.");
        break;
    case ErrorKind::ResponseTooLarge:
        text = QCoreApplication::translate(
            "Poplar::Smtp::Error",
            "The outgoing mail server sent a reply far larger than SMTP allows.");
        break;
    }
    if (reply.code != 0)
        text += u' ' + describeReply(reply);
    else if (!detail.isEmpty())
        text += QStringLiteral(" (%1)").arg(detail);
    return text;
}

QString describeReply(const Reply &reply)
{
    QString text = describeStatus(reply.status);
    const QString code = reply.status.isValid() ? QString::number(reply.code) + u' ' +
                                                      QString::fromLatin1(reply.status.toString())
                                                : QString::number(reply.code);
    if (!text.isEmpty())
        text += u' ';
    return text + QCoreApplication::translate("Poplar::Smtp::Error", "The server said: “%1 %2”")
                      .arg(code, cleanServerText(reply.text()));
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
    case ErrorKind::ServiceUnavailable:
        return "ServiceUnavailable";
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
    case ErrorKind::AuthFailed:
        return "AuthFailed";
    case ErrorKind::AuthRequired:
        return "AuthRequired";
    case ErrorKind::EncryptionRequired:
        return "EncryptionRequired";
    case ErrorKind::SenderRefused:
        return "SenderRefused";
    case ErrorKind::RecipientsRefused:
        return "RecipientsRefused";
    case ErrorKind::MessageRefused:
        return "MessageRefused";
    case ErrorKind::MessageTooLarge:
        return "MessageTooLarge";
    case ErrorKind::SmtpUtf8Unavailable:
        return "SmtpUtf8Unavailable";
    case ErrorKind::EightBitUnavailable:
        return "EightBitUnavailable";
    case ErrorKind::ProtocolViolation:
        return "ProtocolViolation";
    case ErrorKind::LineTooLong:
        return "LineTooLong";
    case ErrorKind::ResponseTooLarge:
        return "ResponseTooLarge";
    }
    return "Unknown";
}

} // namespace Poplar::Smtp
