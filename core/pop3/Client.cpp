#include "pop3/Client.h"

#include "Logging.h"

#include "net/ProtocolLog.h"
#include "net/SslTransport.h"
#include "pop3/Apop.h"

#include <QIODevice>

namespace Poplar::Pop3 {

namespace {

using Expect = ResponseParser::Expect;
using EventType = ResponseParser::Event::Type;

ResponseParser::Limits parserLimits(const Settings &settings)
{
    ResponseParser::Limits limits;
    limits.maxLineLength = std::max<qsizetype>(settings.maxLineLength, 512);
    limits.maxListingSize = settings.maxListingSize;
    return limits;
}

bool parsePositive(const QByteArray &word, qint64 *value)
{
    bool ok = false;
    const qint64 v = word.toLongLong(&ok);
    if (!ok || v < 0 || word.startsWith('+') || word.startsWith('-'))
        return false;
    *value = v;
    return true;
}

// "number value [anything]", as in STAT, LIST and UIDL answers.
bool parsePair(const QByteArray &text, qint64 *first, QByteArray *second)
{
    const QByteArrayList words = text.simplified().split(' ');
    if (words.size() < 2 || !parsePositive(words.at(0), first))
        return false;
    *second = words.at(1);
    return true;
}

bool parseSize(const QByteArray &text, MessageSize *out)
{
    qint64 number = 0;
    QByteArray sizeWord;
    qint64 size = 0;
    if (!parsePair(text, &number, &sizeWord) || !parsePositive(sizeWord, &size) || number < 1 ||
        number > std::numeric_limits<int>::max())
        return false;
    out->number = int(number);
    out->size = size;
    return true;
}

// What a RETR of unknown size counts in the window.
constexpr qint64 kUnknownMessageBytes = 64 * 1024;
// What a TOP answer (a header) counts.
constexpr qint64 kHeaderBytes = 4 * 1024;

PipelineWindow::Limits windowLimits(const Settings &settings)
{
    PipelineWindow::Limits limits;
    limits.maxCommands = std::max(1, settings.pipelineMaxCommands);
    return limits;
}

bool parseUid(const QByteArray &text, MessageUid *out)
{
    qint64 number = 0;
    QByteArray uid;
    if (!parsePair(text, &number, &uid) || number < 1 || number > std::numeric_limits<int>::max() ||
        uid.isEmpty() || uid.size() > 70)
        return false;
    for (char c : uid) {
        if (uchar(c) < 0x21 || uchar(c) > 0x7e)
            return false;
    }
    out->number = int(number);
    out->uid = QString::fromLatin1(uid);
    return true;
}

} // namespace

Client::Client(const Settings &settings, QObject *parent)
    : Client(settings, TransportFactory(), parent)
{}

Client::Client(const Settings &settings, TransportFactory factory, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_certificates(settings.host, settings.pinnedSha256)
    , m_factory(std::move(factory))
    , m_parser(parserLimits(settings))
    , m_window(windowLimits(settings))
{
    m_clock.start();
    qRegisterMetaType<Error>();
    qRegisterMetaType<Net::CertificateProblem>();
    qRegisterMetaType<Net::TransportFailure>();
    qRegisterMetaType<CommandId>("Poplar::Pop3::CommandId");
    qRegisterMetaType<QList<MessageSize>>();
    qRegisterMetaType<QList<MessageUid>>();

    m_connectTimer.setSingleShot(true);
    m_responseTimer.setSingleShot(true);
    m_keepAliveTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        fail(Error::make(
            ErrorKind::Timeout,
            QStringLiteral("no session within %1 ms").arg(m_settings.connectTimeoutMs)));
    });
    connect(&m_responseTimer, &QTimer::timeout, this, &Client::onResponseTimeout);
    connect(&m_keepAliveTimer, &QTimer::timeout, this, &Client::onKeepAlive);
}

Client::~Client()
{
    if (m_socket) {
        // Dropping the connection without QUIT: the server deletes nothing.
        QObject::disconnect(m_socket, nullptr, this, nullptr);
        m_socket->abort();
    }
}

bool Client::isPipelining() const
{
    return m_capabilities.pipelining() && m_settings.pipelineMaxCommands > 1;
}

bool Client::windowAdmits() const
{
    if (!isPipelining())
        return m_inFlight.empty();
    if (m_inFlight.empty())
        return true;
    return m_socket && m_socket->bytesToWrite() < MaxUnsentBytes &&
           m_window.admits(int(m_inFlight.size()), m_inFlightBytes);
}

bool Client::wouldSendNow() const
{
    return m_state == State::Transaction && !m_quitRequested && m_socket && m_queue.empty() &&
           windowAdmits();
}

void Client::pushInFlight(Command command)
{
    command.sentNs = m_clock.nsecsElapsed();
    m_inFlightBytes += command.answerBytes;
    m_inFlight.push_back(std::move(command));
}

Client::Command Client::takeFront()
{
    Command done = std::move(m_inFlight.front());
    m_inFlight.pop_front();
    m_inFlightBytes -= done.answerBytes;
    if (m_inFlight.empty())
        m_window.idle();
    return done;
}

void Client::logWindow()
{
    // In the protocol log when the window has doubled or halved since it was last logged.
    const qint64 target = m_window.targetBytes();
    if (m_loggedWindow > 0 && target < 2 * m_loggedWindow && 2 * target > m_loggedWindow)
        return;
    m_loggedWindow = target;
    qCDebug(lcPop3).noquote() << QStringLiteral("pipelining window %1 kB (round trip %2 ms, "
                                                "%3 MB/s, at most %4 commands)")
                                     .arg(target / 1024)
                                     .arg(double(m_window.roundTripNs()) / 1e6, 0, 'f', 2)
                                     .arg(m_window.rate() / 1e6, 0, 'f', 1)
                                     .arg(m_window.limits().maxCommands);
}

QByteArray Client::redactedCommand(const QByteArray &line)
{
    const QByteArray upper = line.left(5).toUpper();
    if (upper.startsWith("PASS"))
        return "PASS ***";
    if (upper.startsWith("APOP")) {
        const QByteArrayList words = line.split(' ');
        return words.size() > 1 ? "APOP " + words.at(1) + " ***" : QByteArray("APOP ***");
    }
    return Net::ProtocolLog::redactedAuth(line);
}

void Client::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    qCDebug(lcPop3) << "state" << state;
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
    connect(m_socket, &Net::Transport::bytesWritten, this, &Client::flushQueue);
    connect(m_socket, &Net::Transport::failed, this, &Client::onTransportFailed);
    connect(m_socket, &Net::Transport::disconnected, this, &Client::onDisconnected);

    setState(State::Connecting);
    m_connectTimer.start(m_settings.connectTimeoutMs);
    qCDebug(lcPop3).noquote() << "connecting to" << m_settings.host << m_settings.port
                              << (m_settings.security == Settings::Security::Tls ? "(TLS)"
                                  : m_settings.security == Settings::Security::StartTls
                                      ? "(STLS)"
                                      : "(no encryption)");
    m_socket->connectToHost(m_settings.host, m_settings.port,
                            m_settings.security == Settings::Security::Tls);
}

void Client::onConnected()
{
    if (m_settings.security == Settings::Security::Tls)
        return; // the handshake follows; the greeting comes after encrypted()
    setState(State::Greeting);
    Command greeting;
    greeting.kind = Kind::Greeting;
    m_inFlight.push_back(greeting);
    restartTimers();
}

void Client::onSslErrors(const QList<QSslError> &errors)
{
    if (!m_socket)
        return;
    const std::optional<Net::CertificateProblem> problem =
        m_certificates.onHandshakeErrors(*m_socket, errors);
    if (!problem) {
        qCDebug(lcPop3) << "certificate accepted by its pinned fingerprint";
        return;
    }
    rejectCertificate(*problem);
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
    qCDebug(lcPop3).noquote() << "TLS established:" << m_socket->cipherName();
    if (m_state == State::Connecting) {
        setState(State::Greeting);
        Command greeting;
        greeting.kind = Kind::Greeting;
        m_inFlight.push_back(greeting);
        restartTimers();
    } else if (m_state == State::StartingTls) {
        m_tlsUpgraded = true;
        // RFC 2595: forget what was learnt in clear and ask again.
        m_capabilities = Capabilities();
        setState(State::Capabilities);
        Command capa;
        capa.kind = Kind::Capa;
        capa.line = "CAPA";
        sendNow(capa);
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
    const QByteArray bytes = m_socket->readAll();
    if (!m_inFlight.empty() && (m_state == State::Transaction || m_state == State::Quitting))
        m_window.received(bytes.size(), m_clock.nsecsElapsed());
    m_parser.append(bytes);
    // Silence counts from the last progress, not from the last byte: a server that sends a
    // byte now and then must not hold the session open for ever.
    m_bytesSinceProgress += bytes.size();
    if (m_bytesSinceProgress >= ProgressBytes)
        noteProgress();
    processInput();
}

void Client::onTransportFailed(Net::TransportFailure failure, const QString &detail)
{
    if (!m_socket)
        return;
    // Anything still readable comes first (e.g. the +OK to QUIT right before the close).
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
    if (!m_socket)
        return;
    fail(Error::make(errorKindOf(failure), detail));
}

void Client::onDisconnected()
{
    if (!m_socket)
        return;
    fail(Error::make(ErrorKind::ConnectionLost));
}

void Client::onResponseTimeout()
{
    fail(Error::make(ErrorKind::Timeout,
                     QStringLiteral("no answer within %1 ms").arg(m_settings.responseTimeoutMs)));
}

void Client::onKeepAlive()
{
    if (m_state != State::Transaction || !m_inFlight.empty() || !m_queue.empty())
        return;
    Command noop;
    noop.kind = Kind::KeepAlive;
    noop.line = "NOOP";
    sendNow(noop);
}

void Client::noteProgress()
{
    m_bytesSinceProgress = 0;
    if (m_inFlight.empty())
        m_responseTimer.stop();
    else
        m_responseTimer.start(m_settings.responseTimeoutMs);
}

void Client::restartTimers()
{
    if (m_inFlight.empty()) {
        m_responseTimer.stop();
    } else if (!m_responseTimer.isActive()) {
        m_responseTimer.start(m_settings.responseTimeoutMs);
    }
    if (m_state == State::Transaction && m_inFlight.empty() && m_queue.empty() &&
        m_settings.keepAliveMs > 0)
        m_keepAliveTimer.start(m_settings.keepAliveMs);
    else
        m_keepAliveTimer.stop();
}

void Client::writeLine(const QByteArray &line, const QByteArray &logged)
{
    qCDebug(lcPop3).noquote() << "C:" << QString::fromLatin1(logged);
    m_socket->write(line + "\r\n");
}

void Client::sendNow(Command command)
{
    if (!m_socket)
        return;
    writeLine(command.line, redactedCommand(command.line));
    const bool wasIdle = m_inFlight.empty();
    command.answerBytes = PipelineWindow::kStatusBytes;
    pushInFlight(std::move(command));
    if (wasIdle)
        m_responseTimer.start(m_settings.responseTimeoutMs);
    restartTimers();
}

CommandId Client::enqueue(Kind kind, const QByteArray &line, int number, QIODevice *sink,
                          qint64 expectedSize)
{
    const CommandId id = m_nextId++;
    if (m_state == State::Closed || m_quitRequested) {
        failCommandLater(id, Error::make(ErrorKind::NotConnected));
        return id;
    }
    Command command;
    command.id = id;
    command.kind = kind;
    command.line = line;
    command.number = number;
    command.sink = sink;
    command.expectedSize = expectedSize;
    m_queue.push_back(std::move(command));
    flushQueue();
    return id;
}

void Client::failCommandLater(CommandId id, const Error &error)
{
    QTimer::singleShot(0, this, [this, id, error] { emit commandFailed(id, error); });
}

CommandId Client::stat()
{
    return enqueue(Kind::Stat, "STAT");
}

CommandId Client::list()
{
    return enqueue(Kind::List, "LIST");
}

CommandId Client::list(int number)
{
    return enqueue(Kind::ListOne, "LIST " + QByteArray::number(number), number);
}

CommandId Client::uidl()
{
    return enqueue(Kind::Uidl, "UIDL");
}

CommandId Client::uidl(int number)
{
    return enqueue(Kind::UidlOne, "UIDL " + QByteArray::number(number), number);
}

CommandId Client::retrieve(int number, QIODevice *sink, qint64 expectedSize)
{
    return enqueue(Kind::Retr, "RETR " + QByteArray::number(number), number, sink, expectedSize);
}

CommandId Client::top(int number, int lines, QIODevice *sink)
{
    return enqueue(Kind::Top,
                   "TOP " + QByteArray::number(number) + ' ' +
                       QByteArray::number(std::max(0, lines)),
                   number, sink);
}

CommandId Client::remove(int number)
{
    return enqueue(Kind::Dele, "DELE " + QByteArray::number(number), number);
}

CommandId Client::reset()
{
    return enqueue(Kind::Rset, "RSET");
}

CommandId Client::noop()
{
    return enqueue(Kind::Noop, "NOOP");
}

void Client::quit()
{
    if (m_state == State::Closed || m_quitRequested)
        return;
    if (m_state == State::Disconnected) {
        setState(State::Closed);
        return;
    }
    m_quitRequested = true;
    Command command;
    command.kind = Kind::Quit;
    command.line = "QUIT";
    m_queue.push_back(command);
    flushQueue();
}

void Client::cancel()
{
    if (m_state == State::Closed)
        return;
    fail(Error::make(ErrorKind::Cancelled));
}

void Client::flushQueue()
{
    if ((m_state != State::Transaction && m_state != State::Quitting) || !m_socket)
        return;
    QByteArray batch;
    QList<std::pair<CommandId, Error>> refused;
    // Whole lines only, and every one admitted is written now: a command is never held back
    // while the answers to those before it are awaited unless the window says so, and a
    // server that answers only once it has read what was sent together gets all of it.
    while (!m_queue.empty() && windowAdmits()) {
        Command command = std::move(m_queue.front());
        m_queue.pop_front();
        if (command.kind == Kind::Retr && command.expectedSize > m_settings.maxMessageSize) {
            Error error =
                Error::make(ErrorKind::MessageTooLarge, QStringLiteral("message %1 has %2 bytes")
                                                            .arg(command.number)
                                                            .arg(command.expectedSize));
            refused.append({command.id, error});
            continue;
        }
        if (command.kind == Kind::Quit)
            setState(State::Quitting);
        qCDebug(lcPop3).noquote() << "C:" << QString::fromLatin1(redactedCommand(command.line));
        batch += command.line + "\r\n";
        switch (command.kind) {
        case Kind::Retr:
            command.answerBytes = command.expectedSize >= 0
                                      ? command.expectedSize + PipelineWindow::kStatusBytes
                                      : kUnknownMessageBytes;
            break;
        case Kind::Top:
            command.answerBytes = kHeaderBytes;
            break;
        default:
            command.answerBytes = PipelineWindow::kStatusBytes;
            break;
        }
        pushInFlight(std::move(command));
    }
    if (!batch.isEmpty()) {
        m_socket->write(batch);
        if (isPipelining())
            logWindow();
    }
    restartTimers();
    for (const auto &[id, error] : refused)
        failCommandLater(id, error);
}

void Client::processInput()
{
    QPointer<Client> guard(this);
    while (guard && m_socket && m_state != State::Closed) {
        if (m_inFlight.empty()) {
            if (m_parser.bufferedBytes() > 0)
                fail(Error::make(ErrorKind::ProtocolViolation,
                                 QStringLiteral("unexpected data from the server")));
            return;
        }
        Expect expect = Expect::Status;
        switch (m_inFlight.front().kind) {
        case Kind::Capa:
        case Kind::List:
        case Kind::Uidl:
            expect = Expect::MultiLine;
            break;
        case Kind::Retr:
        case Kind::Top:
            expect = Expect::Stream;
            break;
        case Kind::Auth:
            expect = Expect::SaslStep;
            break;
        default:
            break;
        }
        const ResponseParser::Event event = m_parser.next(expect);
        if (event.type == EventType::NeedMore)
            return;
        if (!handleEvent(event))
            return;
    }
}

bool Client::handleEvent(const ResponseParser::Event &event)
{
    Command &command = m_inFlight.front();
    switch (event.type) {
    case EventType::NeedMore:
        return false;
    case EventType::Failure: {
        qCDebug(lcPop3).noquote() << "S: (invalid)" << Net::ProtocolLog::printable(event.text);
        Error error = Error::make(event.failure, Net::ProtocolLog::printable(event.text));
        fail(error);
        return false;
    }
    case EventType::Ok:
    case EventType::Err:
    case EventType::Continuation:
        if (event.type == EventType::Continuation)
            qCDebug(lcPop3).noquote() << "S: +" << (event.text.isEmpty() ? "" : "***");
        else
            qCDebug(lcPop3).noquote() << "S:" << (event.type == EventType::Ok ? "+OK" : "-ERR")
                                      << Net::ProtocolLog::printable(event.text);
        noteProgress();
        if (command.sentNs >= 0 && !command.gotStatus) {
            command.gotStatus = true;
            m_window.roundTrip(command.sentNs, m_clock.nsecsElapsed());
        }
        handleStatus(command, event);
        return m_state != State::Closed && m_state != State::StartingTls;
    case EventType::Line:
        if (command.kind == Kind::List) {
            MessageSize entry;
            if (!parseSize(event.text, &entry)) {
                fail(Error::make(ErrorKind::ProtocolViolation,
                                 QStringLiteral("LIST: ") +
                                     Net::ProtocolLog::printable(event.text)));
                return false;
            }
            command.sizes.append(entry);
        } else if (command.kind == Kind::Uidl) {
            MessageUid entry;
            if (!parseUid(event.text, &entry)) {
                fail(Error::make(ErrorKind::ProtocolViolation,
                                 QStringLiteral("UIDL: ") +
                                     Net::ProtocolLog::printable(event.text)));
                return false;
            }
            command.uids.append(std::move(entry));
        } else {
            command.lines.append(event.text);
        }
        return true;
    case EventType::Data: {
        const qint64 size = event.text.size();
        command.received += size;
        if (command.received > m_settings.maxMessageSize) {
            fail(Error::make(ErrorKind::MessageTooLarge,
                             QStringLiteral("message %1 exceeds %2 bytes")
                                 .arg(command.number)
                                 .arg(m_settings.maxMessageSize)));
            return false;
        }
        if (command.kind == Kind::Retr && command.expectedSize >= 0 &&
            command.received > 2 * command.expectedSize + 16 * 1024) {
            fail(Error::make(ErrorKind::SizeMismatch,
                             QStringLiteral("message %1 was announced with %2 bytes")
                                 .arg(command.number)
                                 .arg(command.expectedSize)));
            return false;
        }
        if (!command.sink || command.sink->write(event.text) != size) {
            fail(Error::make(ErrorKind::SinkFailed,
                             command.sink ? command.sink->errorString() : QString()));
            return false;
        }
        emit retrieveProgress(command.id, command.number, command.received, command.expectedSize);
        return true;
    }
    case EventType::End:
        finishFront();
        return true;
    }
    return false;
}

void Client::handleStatus(Command &command, const ResponseParser::Event &event)
{
    const bool ok = event.type == EventType::Ok;
    const bool err = event.type == EventType::Err;
    if (event.type == EventType::Continuation && command.kind != Kind::Auth) {
        fail(Error::make(ErrorKind::ProtocolViolation, Net::ProtocolLog::printable(event.text)));
        return;
    }
    auto popFront = [this] { return takeFront(); };
    auto commandError = [this, &popFront](const QByteArray &text) {
        Command done = popFront();
        flushQueue();
        emit commandFailed(done.id, Error::fromServer(text, ErrorKind::ServerError));
    };

    switch (command.kind) {
    case Kind::Greeting:
        popFront();
        if (!ok) {
            fail(Error::fromServer(event.text, ErrorKind::ServerError));
            return;
        }
        m_greeting = event.text;
        m_apopTimestamp = Apop::timestamp(event.text);
        setState(State::Capabilities);
        {
            Command capa;
            capa.kind = Kind::Capa;
            capa.line = "CAPA";
            sendNow(capa);
        }
        return;
    case Kind::Capa:
        if (ok)
            return; // the listing follows; handled at End
        popFront();
        m_capabilities = Capabilities();
        afterCapabilities();
        return;
    case Kind::Stls:
        popFront();
        if (!ok) {
            // Whatever the code says, what the user must know is that TLS did not start.
            Error error = Error::fromServer(event.text, ErrorKind::StartTlsFailed);
            error.kind = ErrorKind::StartTlsFailed;
            fail(error);
            return;
        }
        // Whatever came with or after the +OK was sent in clear: drop it unread.
        m_parser.clear();
        m_socket->readAll();
        m_responseTimer.stop();
        qCDebug(lcPop3) << "starting TLS";
        m_tlsUpgradeStarted = true;
        m_socket->startTls();
        return;
    case Kind::Auth:
        if (event.type == EventType::Continuation) {
            bool answered = false;
            const QByteArray challenge = QByteArray::fromBase64(event.text);
            int step = command.saslStep++;
            if (command.initialResponse && step == 1 && challenge.isEmpty()) {
                // The server did not take the response that went with the command and asks
                // for it: the same again, on its own line.
                qCDebug(lcPop3) << "the server asks again for the initial response";
                step = 0;
            }
            const QByteArray answer =
                Net::Sasl::respond(m_loginMethod.mechanism, step, challenge, m_settings.username,
                                   m_settings.password, &answered);
            if (answered)
                writeLine(answer.toBase64(), "***");
            else
                writeLine("*", "*"); // RFC 5034: cancel the exchange
            return;
        }
        [[fallthrough]];
    case Kind::Apop:
    case Kind::Pass:
        popFront();
        if (!ok) {
            loginRefused(event.text);
            return;
        }
        authenticated();
        return;
    case Kind::User:
        popFront();
        if (!ok) {
            loginRefused(event.text);
            return;
        }
        {
            Command pass;
            pass.kind = Kind::Pass;
            pass.line = "PASS " + m_settings.password.toUtf8();
            sendNow(pass);
        }
        return;
    case Kind::Stat: {
        if (err) {
            commandError(event.text);
            return;
        }
        qint64 count = 0;
        QByteArray sizeWord;
        qint64 size = 0;
        if (!parsePair(event.text, &count, &sizeWord) || !parsePositive(sizeWord, &size) ||
            count > std::numeric_limits<int>::max()) {
            fail(Error::make(ErrorKind::ProtocolViolation,
                             QStringLiteral("STAT: ") + Net::ProtocolLog::printable(event.text)));
            return;
        }
        const Command done = popFront();
        flushQueue();
        emit statFinished(done.id, int(count), size);
        return;
    }
    case Kind::ListOne:
    case Kind::UidlOne: {
        if (err) {
            commandError(event.text);
            return;
        }
        if (command.kind == Kind::ListOne) {
            MessageSize entry;
            if (!parseSize(event.text, &entry)) {
                fail(Error::make(ErrorKind::ProtocolViolation,
                                 QStringLiteral("LIST: ") +
                                     Net::ProtocolLog::printable(event.text)));
                return;
            }
            const Command done = popFront();
            flushQueue();
            emit listFinished(done.id, {entry});
        } else {
            MessageUid entry;
            if (!parseUid(event.text, &entry)) {
                fail(Error::make(ErrorKind::ProtocolViolation,
                                 QStringLiteral("UIDL: ") +
                                     Net::ProtocolLog::printable(event.text)));
                return;
            }
            const Command done = popFront();
            flushQueue();
            emit uidlFinished(done.id, {entry});
        }
        return;
    }
    case Kind::List:
    case Kind::Uidl:
    case Kind::Retr:
    case Kind::Top:
        if (err)
            commandError(event.text);
        return; // +OK: the listing or the message follows
    case Kind::Dele:
    case Kind::Rset:
    case Kind::Noop: {
        if (err) {
            commandError(event.text);
            return;
        }
        const Command done = popFront();
        flushQueue();
        emit commandFinished(done.id);
        return;
    }
    case Kind::KeepAlive:
        popFront();
        flushQueue();
        return;
    case Kind::Quit: {
        popFront();
        if (!ok) {
            // RFC 1939: -ERR to QUIT means some marked messages were not removed.
            fail(Error::fromServer(event.text, ErrorKind::ServerError));
            return;
        }
        m_deletionsCommitted = m_authenticated;
        closeSocket(false);
        m_connectTimer.stop();
        m_responseTimer.stop();
        m_keepAliveTimer.stop();
        setState(State::Closed);
        emit sessionClosed(m_deletionsCommitted);
        return;
    }
    }
}

void Client::finishFront()
{
    // LIST and UIDL lines were parsed as they came (handleEvent): a bad one failed the
    // session there.
    const Command &front = m_inFlight.front();
    qCDebug(lcPop3).noquote() << "S: ."
                              << (front.kind == Kind::Retr || front.kind == Kind::Top
                                      ? QStringLiteral("(%1 bytes)").arg(front.received)
                                      : QStringLiteral("(%1 lines)")
                                            .arg(front.lines.size() + front.sizes.size() +
                                                 front.uids.size()));
    Command done = takeFront();
    noteProgress();
    switch (done.kind) {
    case Kind::Capa:
        m_capabilities = Capabilities::parse(done.lines);
        afterCapabilities();
        return;
    case Kind::List:
        flushQueue();
        emit listFinished(done.id, done.sizes);
        return;
    case Kind::Uidl:
        flushQueue();
        emit uidlFinished(done.id, done.uids);
        return;
    case Kind::Retr:
    case Kind::Top:
        flushQueue();
        emit retrieveFinished(done.id, done.number, done.received);
        return;
    default:
        fail(Error::make(ErrorKind::ProtocolViolation));
        return;
    }
}

void Client::afterCapabilities()
{
    if (m_settings.security == Settings::Security::StartTls && !m_tlsUpgraded) {
        if (!m_capabilities.stls()) {
            fail(Error::make(ErrorKind::StartTlsUnavailable));
            return;
        }
        setState(State::StartingTls);
        Command stls;
        stls.kind = Kind::Stls;
        stls.line = "STLS";
        sendNow(stls);
        return;
    }
    startAuthentication();
}

void Client::startAuthentication()
{
    setState(State::Authenticating);
    m_loginMethods = loginMethods();
    tryNextLoginMethod();
}

std::deque<Client::LoginMethod> Client::loginMethods() const
{
    using Mech = Net::Sasl::Mechanism;
    auto sasl = [](Mech mechanism) { return LoginMethod{Kind::Auth, mechanism}; };
    switch (m_settings.auth) {
    case Settings::Auth::Plain:
        return {sasl(Mech::Plain)};
    case Settings::Auth::Login:
        return {sasl(Mech::Login)};
    case Settings::Auth::CramMd5:
        return {sasl(Mech::CramMd5)};
    case Settings::Auth::XOAuth2:
        return {sasl(Mech::XOAuth2)};
    case Settings::Auth::Apop:
        return {{Kind::Apop}};
    case Settings::Auth::User:
        return {{Kind::User}};
    case Settings::Auth::Auto:
        break;
    }
    // A digest first (the password does not cross the wire), then the password itself. A
    // digest needs a secret the server may not keep (GNU pop3d puts an APOP timestamp in every
    // greeting, yet has no APOP secrets unless set up), so the password follows when it is
    // refused. PLAIN, LOGIN and USER/PASS check the same password: one of them is enough.
    std::deque<LoginMethod> methods;
    const QByteArrayList offered = m_capabilities.saslMechanisms();
    auto offers = [&offered](Mech mechanism) {
        return offered.contains(Net::Sasl::name(mechanism));
    };
    const bool saslUsable = offers(Mech::CramMd5) || offers(Mech::Plain) || offers(Mech::Login);
    if (offers(Mech::CramMd5))
        methods.push_back(sasl(Mech::CramMd5));
    else if (!saslUsable && m_settings.allowApop && !m_apopTimestamp.isEmpty())
        methods.push_back({Kind::Apop});
    if (offers(Mech::Plain))
        methods.push_back(sasl(Mech::Plain));
    else if (offers(Mech::Login))
        methods.push_back(sasl(Mech::Login));
    else if (m_settings.allowUserPass && (!m_capabilities.isKnown() || m_capabilities.user()))
        methods.push_back({Kind::User});
    return methods;
}

void Client::tryNextLoginMethod()
{
    if (m_loginMethods.empty()) {
        fail(Error::make(ErrorKind::NoAuthMechanism));
        return;
    }
    m_loginMethod = m_loginMethods.front();
    m_loginMethods.pop_front();

    // USER, PASS and APOP carry the credentials as text on the command line: a line break
    // in them would end the command and start another one.
    auto hasLineBreak = [](const QString &text) {
        return text.contains(u'\r') || text.contains(u'\n') || text.contains(QChar(0));
    };
    const bool apop = m_loginMethod.kind == Kind::Apop;
    const bool user = m_loginMethod.kind == Kind::User;
    if ((apop || user) &&
        (hasLineBreak(m_settings.username) || (user && hasLineBreak(m_settings.password)))) {
        fail(Error::make(ErrorKind::LoginFailed,
                         QStringLiteral("the user name or password contains a line break")));
        return;
    }

    Command command;
    command.kind = m_loginMethod.kind;
    if (m_loginMethod.kind == Kind::Auth) {
        command.line = "AUTH " + Net::Sasl::name(m_loginMethod.mechanism);
        if (m_loginMethod.mechanism == Net::Sasl::Mechanism::Plain &&
            m_loginMethod.initialResponse) {
            bool ok = false;
            const QByteArray initial =
                Net::Sasl::respond(m_loginMethod.mechanism, 0, QByteArray(), m_settings.username,
                                   m_settings.password, &ok);
            const QByteArray line =
                command.line + ' ' + (initial.isEmpty() ? QByteArray("=") : initial.toBase64());
            // RFC 5034 4: never a command over 255 octets; the response then waits for "+ ".
            if (ok && line.size() + 2 <= 255) {
                command.line = line;
                command.saslStep = 1;
                command.initialResponse = true;
            }
        }
        m_initialResponseSent = command.initialResponse;
    } else if (apop) {
        if (m_apopTimestamp.isEmpty()) {
            fail(Error::make(ErrorKind::NoAuthMechanism,
                             QStringLiteral("the greeting offers no APOP timestamp")));
            return;
        }
        command.line = "APOP " + m_settings.username.toUtf8() + ' ' +
                       Apop::digest(m_apopTimestamp, m_settings.password);
    } else {
        command.line = "USER " + m_settings.username.toUtf8();
    }
    sendNow(command);
}

void Client::loginRefused(const QByteArray &statusText)
{
    Error error = Error::fromServer(statusText, ErrorKind::LoginFailed);
    const bool refused =
        error.kind == ErrorKind::LoginFailed || error.kind == ErrorKind::WrongCredentials;
    if (error.kind == ErrorKind::LoginFailed && m_loginMethod.kind == Kind::Auth &&
        m_initialResponseSent) {
        // Refused without a word about the credentials ([AUTH]): perhaps the server does not
        // take a response with the command. Once more without it.
        qCDebug(lcPop3) << "AUTH with an initial response refused; trying it without";
        m_loginMethods.push_front({Kind::Auth, m_loginMethod.mechanism, false});
        m_refusedLogin = error;
        tryNextLoginMethod();
        return;
    }
    if (refused && !m_loginMethods.empty()) {
        // Only a plain "no" is worth another method: not a busy mailbox, a login too soon
        // or a server in trouble.
        qCDebug(lcPop3) << "login refused; trying the next method";
        m_refusedLogin = error;
        tryNextLoginMethod();
        return;
    }
    if (refused && m_loginMethod.kind == Kind::Auth && m_capabilities.isKnown() &&
        !m_capabilities.saslMechanisms().contains(Net::Sasl::name(m_loginMethod.mechanism))) {
        // Asked for by the account, not offered by the server: the password is not the
        // problem.
        error.kind = ErrorKind::NoAuthMechanism;
        error.detail = QStringLiteral("the server does not offer AUTH %1")
                           .arg(QString::fromLatin1(Net::Sasl::name(m_loginMethod.mechanism)));
    }
    fail(error);
}

void Client::authenticated()
{
    m_authenticated = true;
    m_connectTimer.stop();
    setState(State::Transaction);
    flushQueue();
    emit opened();
}

void Client::closeSocket(bool sendResetAndQuit)
{
    if (!m_socket)
        return;
    Net::Transport *transport = m_socket;
    m_socket = nullptr;
    QObject::disconnect(transport, nullptr, this, nullptr);
    if (sendResetAndQuit && transport->isConnected()) {
        // Unmark every deletion, then end the session; the connection closes once written.
        qCDebug(lcPop3) << "C: RSET";
        qCDebug(lcPop3) << "C: QUIT";
        transport->write("RSET\r\nQUIT\r\n");
        connect(transport, &Net::Transport::disconnected, transport, &QObject::deleteLater);
        connect(transport, &Net::Transport::failed, transport, &QObject::deleteLater);
        // A server that never closes its side does not keep the transport forever.
        auto *deadline = new QTimer(transport);
        deadline->setSingleShot(true);
        connect(deadline, &QTimer::timeout, transport, [transport] {
            transport->abort();
            transport->deleteLater();
        });
        deadline->start(10 * 1000);
        transport->closeGracefully();
        return;
    }
    transport->abort();
    transport->deleteLater();
}

void Client::fail(const Error &failure)
{
    if (m_state == State::Closed)
        return;
    // A server that hangs up after refusing one login method, while Poplar tries the next:
    // what the user must hear is the refusal.
    const Error error = m_state == State::Authenticating && m_refusedLogin.isError() &&
                                failure.kind == ErrorKind::ConnectionLost
                            ? m_refusedLogin
                            : failure;
    qCDebug(lcPop3).noquote() << "session failed:" << errorKindName(error.kind) << error.detail
                              << error.serverText;
    m_error = error;
    m_connectTimer.stop();
    m_responseTimer.stop();
    m_keepAliveTimer.stop();

    // A server that hangs up while several pipelined commands wait for their answers may be
    // one that cannot take a queue that long (it advertises PIPELINING all the same).
    const int inFlight = int(m_inFlight.size());
    if (error.kind == ErrorKind::ConnectionLost && isPipelining() && inFlight > 1 &&
        (m_state == State::Transaction || m_state == State::Quitting)) {
        m_suggestedPipelineLimit = std::max(1, inFlight / 4);
        qCDebug(lcPop3).noquote()
            << QStringLiteral("the server closed the connection with %1 commands in flight; "
                              "the next session pipelines at most %2")
                   .arg(inFlight)
                   .arg(m_suggestedPipelineLimit);
    }

    QList<CommandId> pending;
    for (const auto *commands : {&m_inFlight, &m_queue}) {
        for (const Command &command : *commands) {
            if (command.id != 0)
                pending.append(command.id);
        }
    }
    m_inFlight.clear();
    m_inFlightBytes = 0;
    m_queue.clear();

    const bool canTalk = error.kind != ErrorKind::ConnectionLost &&
                         error.kind != ErrorKind::TlsFailed &&
                         error.kind != ErrorKind::CertificateChanged &&
                         error.kind != ErrorKind::CertificateUntrusted;
    closeSocket(m_authenticated && canTalk);
    setState(State::Closed);

    QPointer<Client> guard(this);
    for (CommandId id : std::as_const(pending)) {
        emit commandFailed(id, error);
        if (!guard)
            return;
    }
    emit failed(error);
    if (!guard)
        return;
    emit sessionClosed(false);
}

} // namespace Poplar::Pop3
