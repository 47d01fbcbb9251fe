#include "accounts/ServerProbe.h"

#include "smtp/Capabilities.h"

#include <QCoreApplication>
#include <QSslSocket>

namespace Poplar::Accounts {

namespace {

constexpr qsizetype MaxLine = 2048;
constexpr qsizetype MaxBuffered = 16 * 1024;

Smtp::ReplyParser::Limits smtpLimits()
{
    Smtp::ReplyParser::Limits limits;
    limits.maxLineLength = MaxLine;
    limits.maxLines = 200;
    limits.maxReplySize = MaxBuffered;
    return limits;
}

// The server's words for a message: short, printable.
QString serverWords(const QByteArray &text)
{
    QString words = QString::fromUtf8(text.trimmed().left(200));
    words.removeIf([](QChar c) { return !c.isPrint(); });
    return words;
}

} // namespace

ServerProbe::ServerProbe(const QString &host, int port, Security security, int timeoutMs,
                         QObject *parent)
    : ServerProbe(Protocol::Pop3, host, port, security, timeoutMs, parent)
{}

ServerProbe::ServerProbe(Protocol protocol, const QString &host, int port, Security security,
                         int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_protocol(protocol)
    , m_host(host)
    , m_port(port)
    , m_security(security)
    , m_smtpParser(smtpLimits())
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(timeoutMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        fail(QCoreApplication::translate("Poplar::Accounts::ServerProbe",
                                         "The server did not answer in time."));
    });
}

ServerProbe::~ServerProbe()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void ServerProbe::start()
{
    if (m_state != State::Idle)
        return;
    if (m_security == Security::None || m_port < 1 || m_port > 65535) {
        m_state = State::Connecting;
        QTimer::singleShot(0, this, [this] {
            fail(QCoreApplication::translate("Poplar::Accounts::ServerProbe",
                                             "Poplar does not probe unencrypted servers."));
        });
        return;
    }
    m_state = State::Connecting;
    m_socket = new QSslSocket(this);
    m_socket->setPeerVerifyName(m_host);
    connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        m_certificateVerified = false;
        m_socket->ignoreSslErrors(errors);
    });
    connect(m_socket, &QSslSocket::readyRead, this, &ServerProbe::onReadyRead);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_state == State::Done)
            return;
        if (m_state == State::Connecting && m_security == Security::Tls &&
            m_socket->state() == QAbstractSocket::ConnectedState)
            fail(QCoreApplication::translate("Poplar::Accounts::ServerProbe",
                                             "The TLS handshake failed: %1")
                     .arg(m_socket->errorString()));
        else
            fail(m_socket->errorString());
    });
    connect(m_socket, &QSslSocket::encrypted, this, [this] {
        if (m_state == State::Connecting)
            m_state = State::Greeting;
        onReadyRead();
    });
    connect(m_socket, &QAbstractSocket::connected, this, [this] {
        if (m_security == Security::StartTls && m_state == State::Connecting)
            m_state = State::Greeting;
    });
    connect(m_socket, &QAbstractSocket::disconnected, this, [this] {
        if (m_state != State::Done)
            fail(QCoreApplication::translate("Poplar::Accounts::ServerProbe",
                                             "The server closed the connection."));
    });
    m_timer.start();
    if (m_security == Security::Tls)
        m_socket->connectToHostEncrypted(m_host, quint16(m_port));
    else
        m_socket->connectToHost(m_host, quint16(m_port));
}

bool ServerProbe::takeLine(QByteArray *line)
{
    const qsizetype end = m_buffer.indexOf('\n');
    if (end < 0)
        return false;
    *line = m_buffer.left(end);
    if (line->endsWith('\r'))
        line->chop(1);
    m_buffer.remove(0, end + 1);
    return true;
}

void ServerProbe::onReadyRead()
{
    if (m_state == State::Done || m_state == State::Connecting)
        return;
    if (m_protocol == Protocol::Smtp) {
        onSmtpReplies();
        return;
    }
    m_buffer += m_socket->read(MaxBuffered - m_buffer.size() + 1);
    if (m_buffer.size() > MaxBuffered) {
        fail(QCoreApplication::translate("Poplar::Accounts::ServerProbe",
                                         "The server sent too much data for a POP3 greeting."));
        return;
    }
    onPop3Lines();
}

void ServerProbe::onPop3Lines()
{
    QByteArray line;
    while (m_state != State::Done && takeLine(&line)) {
        if (m_state == State::Greeting) {
            if (line.startsWith("-ERR")) {
                // A POP3 server, but it turns connections away now (busy, in use, blocked).
                QString words = QString::fromUtf8(line.mid(4).trimmed().left(200));
                words.removeIf([](QChar c) { return !c.isPrint(); });
                fail(QCoreApplication::translate("Poplar::Accounts::ServerProbe",
                                                 "The POP3 server refused the connection: %1")
                         .arg(words));
                return;
            }
            if (!line.startsWith("+OK")) {
                fail(QCoreApplication::translate("Poplar::Accounts::ServerProbe",
                                                 "The server does not greet like a POP3 server."));
                return;
            }
            if (m_security == Security::Tls) {
                succeed();
                return;
            }
            m_state = State::Capabilities;
            m_socket->write("CAPA\r\n");
            continue;
        }
        if (m_state == State::Capabilities) {
            // The first line is the status; then capabilities until ".".
            if (line.startsWith("-ERR")) {
                fail(QCoreApplication::translate("Poplar::Accounts::ServerProbe",
                                                 "The server does not offer STARTTLS (STLS)."));
                return;
            }
            if (line.startsWith("+OK"))
                continue;
            if (line == ".") {
                fail(QCoreApplication::translate("Poplar::Accounts::ServerProbe",
                                                 "The server does not offer STARTTLS (STLS)."));
                return;
            }
            if (line.trimmed().toUpper() == "STLS") {
                succeed();
                return;
            }
        }
    }
    if (m_buffer.size() > MaxLine)
        fail(QCoreApplication::translate("Poplar::Accounts::ServerProbe",
                                         "The server sent a line that is too long."));
}

void ServerProbe::onSmtpReplies()
{
    m_smtpParser.append(m_socket->readAll());
    while (m_state != State::Done) {
        const Smtp::ReplyParser::Event event = m_smtpParser.next();
        if (event.type == Smtp::ReplyParser::Event::Type::NeedMore)
            return;
        if (event.type == Smtp::ReplyParser::Event::Type::Failure) {
            if (event.failure == Smtp::ReplyParser::Failure::NotAReply)
                fail(m_state == State::Greeting
                         ? QCoreApplication::translate(
                               "Poplar::Accounts::ServerProbe",
                               "The server does not greet like an SMTP server.")
                         : QCoreApplication::translate("Poplar::Accounts::ServerProbe",
                                                       "The server does not answer like an "
                                                       "SMTP server."));
            else
                fail(QCoreApplication::translate(
                    "Poplar::Accounts::ServerProbe",
                    "The server sent too much data for an SMTP greeting."));
            return;
        }
        const Smtp::Reply &reply = event.reply;
        if (m_state == State::Greeting) {
            if (reply.code == 554 || reply.code == 421) {
                // An SMTP server, but it turns this connection away (blocked, busy).
                fail(QCoreApplication::translate("Poplar::Accounts::ServerProbe",
                                                 "The SMTP server refused the connection: %1")
                         .arg(serverWords(reply.text())));
                return;
            }
            if (reply.code != 220) {
                fail(QCoreApplication::translate("Poplar::Accounts::ServerProbe",
                                                 "The server does not greet like an SMTP server."));
                return;
            }
            // The same anonymous name as Smtp::Client gives.
            m_state = State::Capabilities;
            m_socket->write("EHLO [127.0.0.1]\r\n");
            continue;
        }
        if (m_state == State::Capabilities) {
            if (reply.code != 250) {
                fail(QCoreApplication::translate("Poplar::Accounts::ServerProbe",
                                                 "The SMTP server refused EHLO: %1")
                         .arg(serverWords(reply.text())));
                return;
            }
            if (m_security == Security::StartTls &&
                !Smtp::Capabilities::fromEhlo(reply.lines).startTls()) {
                fail(QCoreApplication::translate("Poplar::Accounts::ServerProbe",
                                                 "The server does not offer STARTTLS."));
                return;
            }
            succeed();
            return;
        }
    }
}

void ServerProbe::succeed()
{
    m_succeeded = true;
    m_error.clear();
    if (m_socket)
        m_socket->write("QUIT\r\n");
    finish();
}

void ServerProbe::fail(const QString &reason)
{
    if (m_state == State::Done)
        return;
    m_succeeded = false;
    m_error = reason;
    finish();
}

void ServerProbe::finish()
{
    if (m_state == State::Done)
        return;
    m_state = State::Done;
    m_timer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        if (m_succeeded)
            m_socket->disconnectFromHost();
        else
            m_socket->abort();
    }
    QTimer::singleShot(0, this, [this] { emit finished(this); });
}

} // namespace Poplar::Accounts
