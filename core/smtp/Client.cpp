#include "smtp/Client.h"

#include "Logging.h"
#include "mime/MessageWriter.h"
#include "net/ProtocolLog.h"
#include "net/SslTransport.h"

#include <QPointer>

namespace Poplar::Smtp {

namespace {

using Mechanism = Net::Sasl::Mechanism;

bool hasEightBitData(const QByteArray &bytes)
{
    for (char c : bytes) {
        if (uchar(c) >= 0x80)
            return true;
    }
    return false;
}

// The protocol line as logged: AUTH's initial response replaced by "***".
QByteArray logged(const QByteArray &line)
{
    return Net::ProtocolLog::redactedAuth(line);
}

} // namespace

QList<RecipientResult> SendResult::refused() const
{
    QList<RecipientResult> out;
    for (const RecipientResult &r : recipients) {
        if (!r.accepted())
            out.append(r);
    }
    return out;
}

Client::Client(const Settings &settings, QObject *parent)
    : Client(settings, TransportFactory(), parent)
{}

Client::Client(const Settings &settings, TransportFactory factory, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_certificates(settings.host, settings.pinnedSha256)
    , m_factory(std::move(factory))
{
    qRegisterMetaType<Error>();
    qRegisterMetaType<SendResult>();
    qRegisterMetaType<Net::CertificateProblem>();
    qRegisterMetaType<Net::TransportFailure>();

    m_connectTimer.setSingleShot(true);
    m_responseTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        fail(Error::make(
            ErrorKind::Timeout,
            QStringLiteral("no connection within %1 ms").arg(m_settings.connectTimeoutMs)));
    });
    connect(&m_responseTimer, &QTimer::timeout, this,
            [this] { fail(Error::make(ErrorKind::Timeout, QStringLiteral("no reply in time"))); });
}

Client::~Client()
{
    if (m_socket) {
        QObject::disconnect(m_socket, nullptr, this, nullptr);
        m_socket->abort();
    }
}

QByteArray Client::dataBlock(const QByteArray &message)
{
    QByteArray out;
    out.reserve(message.size() + message.size() / 64 + 8);
    bool lineStart = true;
    for (qsizetype i = 0; i < message.size(); ++i) {
        const char c = message.at(i);
        if (lineStart && c == '.')
            out.append('.');
        lineStart = false;
        if (c == '\r') {
            // A bare CR becomes a line end too: SMTP has no other way to carry it.
            out.append("\r\n");
            if (i + 1 < message.size() && message.at(i + 1) == '\n')
                ++i;
            lineStart = true;
        } else if (c == '\n') {
            out.append("\r\n");
            lineStart = true;
        } else {
            out.append(c);
        }
    }
    if (!lineStart)
        out.append("\r\n");
    out.append(".\r\n");
    return out;
}

void Client::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    qCDebug(lcSmtp) << "state" << state;
    emit stateChanged(state);
}

void Client::open()
{
    if (m_state != State::Disconnected)
        return;
    m_socket =
        m_factory ? m_factory(m_settings) : new Net::SslTransport(m_settings.extraCaCertificates);
    m_socket->setParent(this);
    connect(m_socket, &Net::Transport::connected, this, &Client::onConnected);
    connect(m_socket, &Net::Transport::encrypted, this, &Client::onEncrypted);
    connect(m_socket, &Net::Transport::sslErrors, this, &Client::onSslErrors);
    connect(m_socket, &Net::Transport::readyRead, this, &Client::onReadyRead);
    connect(m_socket, &Net::Transport::bytesWritten, this, [this] {
        // A long DATA upload is progress: the reply's timeout counts from its last byte.
        if (m_transaction && m_transaction->dataSent)
            m_responseTimer.start(m_settings.dataEndTimeoutMs);
    });
    connect(m_socket, &Net::Transport::failed, this, &Client::onTransportFailed);
    connect(m_socket, &Net::Transport::disconnected, this, &Client::onDisconnected);

    setState(State::Connecting);
    m_connectTimer.start(m_settings.connectTimeoutMs);
    qCDebug(lcSmtp).noquote() << "connecting to" << m_settings.host << m_settings.port
                              << (m_settings.security == Settings::Security::Tls ? "(TLS)"
                                  : m_settings.security == Settings::Security::StartTls
                                      ? "(STARTTLS)"
                                      : "(no encryption)");
    m_socket->connectToHost(m_settings.host, m_settings.port,
                            m_settings.security == Settings::Security::Tls);
}

void Client::onConnected()
{
    if (m_settings.security == Settings::Security::Tls)
        return; // the greeting comes after the handshake
    setState(State::Greeting);
    expect(Kind::Greeting);
}

void Client::onSslErrors(const QList<QSslError> &errors)
{
    if (!m_socket)
        return;
    if (const std::optional<Net::CertificateProblem> problem =
            m_certificates.onHandshakeErrors(*m_socket, errors))
        rejectCertificate(*problem);
    else
        qCDebug(lcSmtp) << "certificate accepted by its pinned fingerprint";
}

void Client::rejectCertificate(const Net::CertificateProblem &problem)
{
    const Error error = Error::make(problem.isPinMismatch() ? ErrorKind::CertificateChanged
                                                            : ErrorKind::CertificateUntrusted,
                                    problem.reasons());
    QPointer<Client> guard(this);
    emit certificateRejected(problem);
    if (guard)
        fail(error);
}

void Client::onEncrypted()
{
    if (!m_socket)
        return;
    if (const std::optional<Net::CertificateProblem> problem =
            m_certificates.onEncrypted(*m_socket)) {
        rejectCertificate(*problem);
        return;
    }
    qCDebug(lcSmtp).noquote() << "TLS established:" << m_socket->cipherName();
    if (m_state == State::Connecting) {
        setState(State::Greeting);
        expect(Kind::Greeting);
    } else if (m_state == State::StartingTls) {
        // RFC 3207 4.2: forget what the server said in clear and ask again.
        m_tlsUpgraded = true;
        m_capabilities = Capabilities();
        setState(State::Hello);
        queue(Kind::Ehlo, "EHLO " + (m_settings.heloName.isEmpty() ? QByteArray("[127.0.0.1]")
                                                                   : m_settings.heloName));
    }
}

void Client::onReadyRead()
{
    if (!m_socket)
        return;
    if (m_tlsUpgradeStarted && !m_socket->isEncrypted()) {
        // Plain bytes during the upgrade are never trusted (response injection).
        m_socket->readAll();
        return;
    }
    m_parser.append(m_socket->readAll());
    processInput();
}

void Client::onTransportFailed(Net::TransportFailure failure, const QString &detail)
{
    if (!m_socket)
        return;
    // What is still readable comes first (e.g. the 250 to the final "." before a close).
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
    if (!m_socket)
        return;
    fail(Error::fromTransport(failure, detail));
}

void Client::onDisconnected()
{
    if (!m_socket)
        return;
    if (m_state == State::Quitting && m_inFlight.empty()) {
        closeTransport();
        return;
    }
    fail(Error::make(ErrorKind::ConnectionLost));
}

void Client::expect(Kind kind)
{
    m_inFlight.push_back({kind, QByteArray(), -1});
    restartTimer();
}

int Client::timeoutFor(Kind kind) const
{
    switch (kind) {
    case Kind::Greeting:
        return m_settings.greetingTimeoutMs;
    case Kind::Data:
        return m_settings.dataStartTimeoutMs;
    case Kind::Message:
    case Kind::AbortedData:
    case Kind::Bdat:
        return m_settings.dataEndTimeoutMs;
    default:
        return m_settings.commandTimeoutMs;
    }
}

void Client::restartTimer()
{
    if (m_inFlight.empty())
        m_responseTimer.stop();
    else
        m_responseTimer.start(timeoutFor(m_inFlight.front().kind));
}

void Client::writeLine(const QByteArray &line, const QByteArray &loggedLine)
{
    qCDebug(lcSmtp).noquote() << "C:" << QString::fromUtf8(loggedLine);
    m_socket->write(line + "\r\n");
}

void Client::queue(Kind kind, const QByteArray &line, int recipient)
{
    m_queue.push_back({kind, line, recipient});
    flushQueue();
}

void Client::flushQueue()
{
    if (!m_socket)
        return;
    // RFC 2920: with PIPELINING everything queued goes at once; DATA ends a group, and so do
    // EHLO, STARTTLS, AUTH and QUIT, which the caller queues alone.
    const bool pipelining = m_capabilities.pipelining();
    QByteArray batch;
    while (!m_queue.empty() && (m_inFlight.empty() || pipelining)) {
        Command command = std::move(m_queue.front());
        m_queue.pop_front();
        qCDebug(lcSmtp).noquote() << "C:" << QString::fromUtf8(logged(command.line));
        batch += command.line + "\r\n";
        if (command.kind == Kind::Bdat && m_transaction) {
            qCDebug(lcSmtp) << "C: (message," << m_transaction->message.size() << "bytes)";
            batch += m_transaction->message;
            // From here on, a lost connection leaves the outcome unknown.
            m_transaction->dataSent = true;
        }
        m_inFlight.push_back(std::move(command));
        if (!pipelining)
            break;
    }
    if (batch.isEmpty())
        return;
    const bool wasWaiting = m_responseTimer.isActive();
    m_socket->write(batch);
    if (!wasWaiting)
        restartTimer();
}

void Client::processInput()
{
    for (;;) {
        if (!m_socket)
            return;
        const ReplyParser::Event event = m_parser.next();
        if (event.type == ReplyParser::Event::Type::NeedMore)
            return;
        if (event.type == ReplyParser::Event::Type::Failure) {
            const QString offending = Net::ProtocolLog::printable(event.offending);
            qCDebug(lcSmtp).noquote() << "S: (invalid)" << offending;
            fail(Error::make(event.failure == ReplyParser::Failure::LineTooLong
                                 ? ErrorKind::LineTooLong
                             : event.failure == ReplyParser::Failure::ReplyTooLarge
                                 ? ErrorKind::ResponseTooLarge
                                 : ErrorKind::ProtocolViolation,
                             offending));
            return;
        }
        const Reply &reply = event.reply;
        qCDebug(lcSmtp).noquote() << "S:" << reply.code
                                  << (m_inFlight.empty() || m_inFlight.front().kind != Kind::Auth
                                          ? Net::ProtocolLog::printable(reply.text())
                                          : QStringLiteral("***"));
        if (m_inFlight.empty()) {
            // RFC 5321 3.8: a server may say 421 at any time before it closes.
            fail(reply.code == 421 ? Error::fromReply(ErrorKind::ServiceUnavailable, reply)
                                   : Error::make(ErrorKind::ProtocolViolation,
                                                 QStringLiteral("a reply nobody asked for")));
            return;
        }
        const Command command = m_inFlight.front();
        m_inFlight.pop_front();
        restartTimer();
        if (reply.code == 421 && command.kind != Kind::Quit) {
            // The server is closing: an open transaction ends as not sent (even after the
            // final "."; 421 there is a refusal), then the session.
            if (m_transaction)
                m_transaction->dataSent = false;
            fail(Error::fromReply(ErrorKind::ServiceUnavailable, reply));
            return;
        }
        handleReply(command, reply);
        if (m_state == State::StartingTls)
            return; // the rest of the buffer must not be read as if it came encrypted
        flushQueue();
    }
}

void Client::handleReply(const Command &command, const Reply &reply)
{
    switch (command.kind) {
    case Kind::Greeting:
        if (reply.code != 220) {
            fail(Error::fromReply(ErrorKind::ServiceUnavailable, reply));
            return;
        }
        setState(State::Hello);
        queue(Kind::Ehlo, "EHLO " + (m_settings.heloName.isEmpty() ? QByteArray("[127.0.0.1]")
                                                                   : m_settings.heloName));
        return;
    case Kind::Ehlo:
        if (reply.code == 250) {
            m_capabilities = Capabilities::fromEhlo(reply.lines);
            afterHello();
        } else if (reply.isPermanentFailure() && m_settings.security == Settings::Security::None) {
            // RFC 5321 3.2: an old server without ESMTP; only in accounts that chose no
            // encryption, since HELO offers no STARTTLS.
            queue(Kind::Helo, "HELO " + (m_settings.heloName.isEmpty() ? QByteArray("[127.0.0.1]")
                                                                       : m_settings.heloName));
        } else {
            fail(Error::fromReply(ErrorKind::ProtocolViolation, reply));
        }
        return;
    case Kind::Helo:
        if (reply.code != 250) {
            fail(Error::fromReply(ErrorKind::ProtocolViolation, reply));
            return;
        }
        m_capabilities = Capabilities();
        afterHello();
        return;
    case Kind::StartTls:
        if (reply.code != 220) {
            fail(Error::fromReply(ErrorKind::StartTlsFailed, reply));
            return;
        }
        // Anything after the 220 came in clear and is dropped (RFC 3207 5).
        m_parser.discardBuffered();
        m_tlsUpgradeStarted = true;
        setState(State::StartingTls);
        m_socket->startTls();
        return;
    case Kind::Auth:
        handleAuthReply(reply);
        return;
    case Kind::Quit:
        closeTransport();
        return;
    case Kind::Rset:
        if (reply.code != 250)
            fail(Error::fromReply(ErrorKind::ProtocolViolation, reply));
        return;
    case Kind::Mail:
    case Kind::Rcpt:
    case Kind::Data:
    case Kind::Message:
    case Kind::AbortedData:
    case Kind::Bdat:
        handleTransactionReply(command, reply);
        return;
    }
}

void Client::afterHello()
{
    if (m_settings.security == Settings::Security::StartTls && !m_tlsUpgraded) {
        if (!m_capabilities.startTls()) {
            fail(Error::make(ErrorKind::StartTlsUnavailable));
            return;
        }
        setState(State::StartingTls);
        queue(Kind::StartTls, "STARTTLS");
        return;
    }
    startAuthentication();
}

void Client::startAuthentication()
{
    const QByteArrayList &offered = m_capabilities.authMechanisms();
    if (m_settings.auth == Settings::Auth::None || m_settings.username.isEmpty() ||
        (m_settings.auth == Settings::Auth::Auto && offered.isEmpty())) {
        // No login wanted, or none offered: the server says 530 at MAIL if it wants one.
        becomeReady();
        return;
    }
    auto offers = [&offered](Mechanism m) { return offered.contains(Net::Sasl::name(m)); };
    m_mechanisms.clear();
    switch (m_settings.auth) {
    case Settings::Auth::Auto:
        // A digest first; then the password itself, which travels inside TLS (or in clear
        // only when the account chose no encryption).
        for (Mechanism m : {Mechanism::CramMd5, Mechanism::Plain, Mechanism::Login}) {
            if (offers(m))
                m_mechanisms.push_back(m);
        }
        break;
    case Settings::Auth::Plain:
        m_mechanisms.push_back(Mechanism::Plain);
        break;
    case Settings::Auth::Login:
        m_mechanisms.push_back(Mechanism::Login);
        break;
    case Settings::Auth::CramMd5:
        m_mechanisms.push_back(Mechanism::CramMd5);
        break;
    case Settings::Auth::XOAuth2:
        m_mechanisms.push_back(Mechanism::XOAuth2);
        break;
    case Settings::Auth::OAuthBearer:
        m_mechanisms.push_back(Mechanism::OAuthBearer);
        break;
    case Settings::Auth::None:
        break;
    }
    if (m_mechanisms.empty() ||
        (m_settings.auth != Settings::Auth::Auto && !offers(m_mechanisms.front()))) {
        fail(
            Error::make(ErrorKind::NoAuthMechanism,
                        QStringLiteral("offered: %1").arg(QString::fromLatin1(offered.join(' ')))));
        return;
    }
    setState(State::Authenticating);
    tryNextMechanism(Error());
}

void Client::tryNextMechanism(const Error &previous)
{
    if (m_mechanisms.empty()) {
        fail(previous.isError() ? previous : Error::make(ErrorKind::NoAuthMechanism));
        return;
    }
    m_mechanism = m_mechanisms.front();
    m_mechanisms.pop_front();
    m_saslStep = 0;
    QByteArray line = "AUTH " + Net::Sasl::name(m_mechanism);
    // RFC 4954 4: the first answer goes with the command when the mechanism starts with one.
    if (m_mechanism == Mechanism::Plain || m_mechanism == Mechanism::XOAuth2 ||
        m_mechanism == Mechanism::OAuthBearer) {
        bool ok = false;
        const QByteArray initial = Net::Sasl::respond(
            m_mechanism, m_saslStep++, QByteArray(), m_settings.username, m_settings.password, &ok);
        line += ' ' + (initial.isEmpty() ? QByteArray("=") : initial.toBase64());
    }
    queue(Kind::Auth, line);
}

void Client::handleAuthReply(const Reply &reply)
{
    if (reply.code == 235) {
        qCDebug(lcSmtp) << "logged in with" << Net::Sasl::name(m_mechanism);
        becomeReady();
        return;
    }
    if (reply.code == 334) {
        bool ok = false;
        const QByteArray challenge = QByteArray::fromBase64(reply.lines.value(0).trimmed());
        const QByteArray answer = Net::Sasl::respond(m_mechanism, m_saslStep++, challenge,
                                                     m_settings.username, m_settings.password, &ok);
        m_inFlight.push_back({Kind::Auth, QByteArray(), -1});
        if (ok)
            writeLine(answer.toBase64(), "***");
        else
            writeLine("*", "*"); // RFC 4954: cancel the exchange
        restartTimer();
        return;
    }
    Error error;
    switch (reply.code) {
    case 530:
        error = Error::fromReply(ErrorKind::AuthRequired, reply);
        break;
    case 534:
    case 538:
        error = Error::fromReply(ErrorKind::EncryptionRequired, reply);
        break;
    case 504:
        error = Error::fromReply(ErrorKind::NoAuthMechanism, reply);
        break;
    default:
        error = Error::fromReply(ErrorKind::AuthFailed, reply);
        break;
    }
    // A temporary failure is not a wrong password: trying another mechanism would not help.
    if (reply.isTransientFailure()) {
        fail(error);
        return;
    }
    tryNextMechanism(error);
}

void Client::becomeReady()
{
    setState(State::Ready);
    m_connectTimer.stop();
    if (!m_openedEmitted) {
        m_openedEmitted = true;
        emit opened();
    }
}

std::optional<Error> Client::checkBeforeSending() const
{
    const Transaction &t = *m_transaction;
    if (m_capabilities.hasSize() && m_capabilities.sizeLimit() > 0 &&
        t.message.size() > m_capabilities.sizeLimit()) {
        return Error::make(ErrorKind::MessageTooLarge,
                           QStringLiteral("%1 bytes, the server takes at most %2")
                               .arg(t.message.size())
                               .arg(m_capabilities.sizeLimit()));
    }
    bool utf8Envelope = Mime::MessageWriter::needsSmtpUtf8(t.envelope.from);
    for (const QString &r : t.envelope.recipients)
        utf8Envelope = utf8Envelope || Mime::MessageWriter::needsSmtpUtf8(r);
    if (utf8Envelope && !m_capabilities.smtpUtf8())
        return Error::make(ErrorKind::SmtpUtf8Unavailable);
    if (hasEightBitData(t.message) && !m_capabilities.eightBitMime() && !m_capabilities.smtpUtf8())
        return Error::make(ErrorKind::EightBitUnavailable);
    if (t.envelope.recipients.isEmpty())
        return Error::make(ErrorKind::RecipientsRefused, QStringLiteral("no recipients"));
    return std::nullopt;
}

void Client::send(const Envelope &envelope, const QByteArray &message)
{
    if (m_state != State::Ready || m_transaction) {
        SendResult result;
        result.error = Error::make(ErrorKind::NotConnected);
        QMetaObject::invokeMethod(
            this, [this, result] { emit sendFinished(result); }, Qt::QueuedConnection);
        return;
    }
    m_transaction = std::make_unique<Transaction>();
    m_transaction->envelope = envelope;
    m_transaction->message = message;
    for (const QString &r : envelope.recipients)
        m_transaction->result.recipients.append({r, Reply()});
    setState(State::Sending);
    if (const std::optional<Error> refusal = checkBeforeSending()) {
        // Nothing went to the server: the session stays usable for the next message.
        QMetaObject::invokeMethod(
            this,
            [this, error = *refusal] { finishTransaction(SendResult::Outcome::NotSent, error); },
            Qt::QueuedConnection);
        return;
    }
    startTransaction();
}

void Client::startTransaction()
{
    const Transaction &t = *m_transaction;
    bool utf8 = false;
    if (m_capabilities.smtpUtf8()) {
        utf8 = Mime::MessageWriter::needsSmtpUtf8(t.envelope.from) || hasEightBitData(t.message);
        for (const QString &r : t.envelope.recipients)
            utf8 = utf8 || Mime::MessageWriter::needsSmtpUtf8(r);
    }
    QByteArray mail =
        "MAIL FROM:<" + Mime::MessageWriter::envelopeAddress(t.envelope.from, utf8) + '>';
    if (m_capabilities.hasSize())
        mail += " SIZE=" + QByteArray::number(t.message.size());
    if (m_capabilities.eightBitMime() && hasEightBitData(t.message))
        mail += " BODY=8BITMIME";
    if (utf8)
        mail += " SMTPUTF8";
    // RFC 5321 4.1.4: RSET makes a fresh start after the transaction before it.
    if (m_transactionsDone)
        m_queue.push_back({Kind::Rset, "RSET", -1});
    m_transactionsDone = true;
    m_queue.push_back({Kind::Mail, mail, -1});
    for (int i = 0; i < t.envelope.recipients.size(); ++i)
        m_queue.push_back(
            {Kind::Rcpt,
             "RCPT TO:<" + Mime::MessageWriter::envelopeAddress(t.envelope.recipients.at(i), utf8) +
                 '>',
             i});
    if (m_capabilities.chunking() && m_capabilities.pipelining()) {
        // RFC 3030: the message goes with MAIL and RCPT in one write, as it is (no dot
        // stuffing), so a message costs one round trip instead of two (DATA waits for 354).
        m_queue.push_back(
            {Kind::Bdat, "BDAT " + QByteArray::number(t.message.size()) + " LAST", -1});
    } else {
        m_queue.push_back({Kind::Data, "DATA", -1});
    }
    flushQueue();
}

void Client::dropDoomedCommands()
{
    if (m_capabilities.pipelining())
        return; // already sent: their replies come and are read as they are
    const Transaction &t = *m_transaction;
    bool anyAccepted = false;
    bool allAnswered = true;
    for (const RecipientResult &r : t.result.recipients) {
        anyAccepted = anyAccepted || r.accepted();
        allAnswered = allAnswered && r.reply.code != 0;
    }
    if (!t.refusal && (anyAccepted || !allAnswered))
        return;
    std::erase_if(m_queue,
                  [](const Command &c) { return c.kind == Kind::Rcpt || c.kind == Kind::Data; });
    finishTransaction(SendResult::Outcome::NotSent,
                      t.refusal ? *t.refusal
                                : Error::fromReply(ErrorKind::RecipientsRefused,
                                                   t.result.recipients.last().reply));
}

bool Client::Transaction::anyRecipientAccepted() const
{
    return std::any_of(result.recipients.begin(), result.recipients.end(),
                       [](const RecipientResult &r) { return r.accepted(); });
}

// Why a transaction ended unsent once the server refused its message part with `reply`: the
// sender or every recipient refused before, or else the message itself (as `kind`).
Error Client::whyNotSent(const Transaction &t, ErrorKind kind, const Reply &reply)
{
    if (t.refusal)
        return *t.refusal;
    if (!t.anyRecipientAccepted())
        return Error::fromReply(ErrorKind::RecipientsRefused, t.result.recipients.value(0).reply);
    return Error::fromReply(kind, reply);
}

void Client::handleTransactionReply(const Command &command, const Reply &reply)
{
    if (!m_transaction)
        return;
    Transaction &t = *m_transaction;
    switch (command.kind) {
    case Kind::Mail:
        if (reply.code != 250) {
            t.refusal = Error::fromReply(reply.code == 530   ? ErrorKind::AuthRequired
                                         : reply.code == 552 ? ErrorKind::MessageTooLarge
                                                             : ErrorKind::SenderRefused,
                                         reply);
            dropDoomedCommands();
        }
        return;
    case Kind::Rcpt:
        if (command.recipient >= 0 && command.recipient < t.result.recipients.size())
            t.result.recipients[command.recipient].reply = reply;
        dropDoomedCommands();
        return;
    case Kind::Data: {
        const bool anyAccepted = t.anyRecipientAccepted();
        if (reply.code != 354) {
            finishTransaction(SendResult::Outcome::NotSent,
                              whyNotSent(t, ErrorKind::MessageRefused, reply));
            return;
        }
        if (t.refusal || !anyAccepted) {
            // RFC 2920 3.1: DATA accepted although nobody can receive it; an empty
            // message ends it, and the server is expected to refuse that.
            m_inFlight.push_back({Kind::AbortedData, QByteArray(), -1});
            writeLine(".", ".");
            restartTimer();
            return;
        }
        m_inFlight.push_back({Kind::Message, QByteArray(), -1});
        qCDebug(lcSmtp) << "C: (message," << t.message.size() << "bytes)";
        const QByteArray block = dataBlock(t.message);
        t.dataSent = true; // from here on, a lost connection leaves the outcome unknown
        m_socket->write(block);
        restartTimer();
        return;
    }
    case Kind::Bdat: {
        t.dataSent = false;
        if (reply.code == 250 && t.anyRecipientAccepted() && !t.refusal) {
            t.result.finalReply = reply;
            finishTransaction(SendResult::Outcome::Sent, Error());
        } else {
            finishTransaction(SendResult::Outcome::NotSent,
                              whyNotSent(t,
                                         reply.code == 552 ? ErrorKind::MessageTooLarge
                                                           : ErrorKind::MessageRefused,
                                         reply));
        }
        return;
    }
    case Kind::AbortedData:
        finishTransaction(SendResult::Outcome::NotSent,
                          t.refusal ? *t.refusal
                                    : Error::fromReply(ErrorKind::RecipientsRefused,
                                                       t.result.recipients.value(0).reply));
        return;
    case Kind::Message:
        t.dataSent = false;
        if (reply.code == 250) {
            t.result.finalReply = reply;
            finishTransaction(SendResult::Outcome::Sent, Error());
        } else {
            finishTransaction(SendResult::Outcome::NotSent,
                              Error::fromReply(reply.code == 552 ? ErrorKind::MessageTooLarge
                                                                 : ErrorKind::MessageRefused,
                                               reply));
        }
        return;
    default:
        return;
    }
}

void Client::finishTransaction(SendResult::Outcome outcome, const Error &error)
{
    if (!m_transaction)
        return;
    SendResult result = std::move(m_transaction->result);
    result.outcome = outcome;
    result.error = error;
    m_transaction.reset();
    if (m_state == State::Sending)
        setState(State::Ready);
    emit sendFinished(result);
}

void Client::quit()
{
    if (m_state == State::Closed || m_state == State::Quitting)
        return;
    if (!m_socket || m_state == State::Disconnected || m_state == State::Connecting) {
        closeTransport();
        return;
    }
    setState(State::Quitting);
    queue(Kind::Quit, "QUIT");
}

void Client::cancel()
{
    fail(Error::make(ErrorKind::Cancelled));
}

void Client::fail(const Error &error)
{
    if (m_state == State::Closed)
        return;
    if (m_state == State::Quitting && error.kind == ErrorKind::ConnectionLost && !m_transaction) {
        // The server closed instead of answering QUIT: nothing was lost.
        closeTransport();
        return;
    }
    qCDebug(lcSmtp).noquote() << "session failed:" << errorKindName(error.kind) << error.detail;
    m_error = error;
    QPointer<Client> guard(this);
    if (m_transaction) {
        const bool unknown = m_transaction->dataSent;
        finishTransaction(unknown ? SendResult::Outcome::Unknown : SendResult::Outcome::NotSent,
                          error);
        if (!guard)
            return;
    }
    dropTransport();
    emit failed(error);
    if (guard)
        markClosed();
}

void Client::closeTransport()
{
    dropTransport();
    markClosed();
}

void Client::dropTransport()
{
    m_connectTimer.stop();
    m_responseTimer.stop();
    m_queue.clear();
    m_inFlight.clear();
    if (Net::Transport *transport = m_socket) {
        m_socket = nullptr;
        QObject::disconnect(transport, nullptr, this, nullptr);
        transport->abort();
        transport->deleteLater();
    }
}

void Client::markClosed()
{
    if (m_state == State::Closed)
        return;
    setState(State::Closed);
    emit sessionClosed();
}

} // namespace Poplar::Smtp
