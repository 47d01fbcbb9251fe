#pragma once

#include "net/CertificateCheck.h"
#include "net/CertificateProblem.h"
#include "net/Sasl.h"
#include "net/Transport.h"
#include "pop3/Capabilities.h"
#include "pop3/Error.h"
#include "pop3/PipelineWindow.h"
#include "pop3/ResponseParser.h"
#include "pop3/Settings.h"

#include <QByteArrayList>
#include <QElapsedTimer>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QTimer>

#include <deque>
#include <functional>

class QIODevice;

namespace Poplar::Pop3 {

using CommandId = quint64;

struct MessageSize
{
    int number = 0;
    qint64 size = 0;
    friend bool operator==(const MessageSize &, const MessageSize &) = default;
};

struct MessageUid
{
    int number = 0;
    QString uid;
    friend bool operator==(const MessageUid &, const MessageUid &) = default;
};

// One POP3 session on a Net::Transport (QSslSocket by default), driven entirely by its signals:
// nothing here blocks.
//
// open() connects, sets up TLS (implicit or STLS), reads CAPA and logs in; opened() or
// failed() follows. Commands may be issued at any time after open(): each returns a
// CommandId at once and is answered later by exactly one result signal carrying that id
// (statFinished, listFinished, uidlFinished, retrieveFinished, commandFinished) or by
// commandFailed. Commands are sent in order; when the server offers PIPELINING as many are in
// flight as cover the measured round trip at the measured rate (PipelineWindow: RETR answers
// count with the size LIST gave), at most Settings::pipelineMaxCommands, and no more while
// the socket still holds unsent commands; otherwise one at a time. Callers with many commands
// issue them while wouldSendNow() holds, so nothing waits in memory that the network could
// not take yet.
//
// Call quit() once the answers that matter are in: some servers (Dovecot behind its TLS proxy)
// close before the tail of a long pipelined answer is out when QUIT comes early.
//
// -ERR to a command fails only that command. Anything that breaks the session (timeout,
// lost connection, hostile data, cancel()) fails every pending command with the same
// error, then emits failed() and sessionClosed(false); in the transaction state Poplar
// first sends RSET and QUIT so no deletion survives the error. quit() ends the session:
// sessionClosed(true) only when the server confirmed QUIT, i.e. marked messages are gone.
//
// A Client serves one session: open() once, then make a new Client to connect again.
// While the session is open and the caller sends nothing for Settings::keepAliveMs, a
// NOOP keeps the server from logging out. Destroy it with deleteLater() from its own
// signals; destroying it drops the connection without QUIT, which deletes nothing.
//
// Login with Settings::Auth::Auto tries a digest first (CRAM-MD5 when CAPA offers it, else
// APOP when the greeting allows it and CAPA offers none of CRAM-MD5, PLAIN and LOGIN), and if
// the server refuses it, the password (PLAIN, else LOGIN as offered, else USER/PASS as the
// settings allow); XOAUTH2 only when asked for. A method the account names is the only one
// tried. AUTH PLAIN sends its response with the command (one round trip); a server that asks
// for it anyway ("+ ") gets it again on its own line, and one that refuses the command
// without saying the credentials are wrong is asked once more the old way.
class Client : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Disconnected,   // before open()
        Connecting,     // TCP connect (and the TLS handshake for implicit TLS)
        Greeting,       // waiting for the server's +OK greeting
        Capabilities,   // CAPA
        StartingTls,    // STLS sent, or the upgrade handshake running
        Authenticating, // AUTH / APOP / USER+PASS
        Transaction,    // logged in: commands run
        Quitting,       // QUIT queued or sent
        Closed          // ended; see lastError() and deletionsCommitted()
    };
    Q_ENUM(State)

    // Settings::responseTimeoutMs counts from the server's last progress: a status line or
    // the end of a response, or this many more bytes of one. Single bytes trickling in do not
    // keep a session alive (a hostile or broken server could otherwise hold it for days).
    static constexpr qint64 ProgressBytes = 1024;

    // Makes the transport for one session; the default is an SslTransport.
    using TransportFactory = std::function<Net::Transport *(const Settings &settings)>;

    explicit Client(const Settings &settings, QObject *parent = nullptr);
    Client(const Settings &settings, TransportFactory factory, QObject *parent = nullptr);
    ~Client() override;

    void open();
    void quit();
    // Ends the session now; pending commands fail with ErrorKind::Cancelled.
    void cancel();

    [[nodiscard]] CommandId stat();
    [[nodiscard]] CommandId list();
    [[nodiscard]] CommandId list(int number);
    [[nodiscard]] CommandId uidl();
    [[nodiscard]] CommandId uidl(int number);
    // RETR: message bytes (dot-unstuffed, CRLF line ends) are written to `sink` chunk by
    // chunk as they arrive. `expectedSize` (from LIST, or -1) lets Poplar refuse a message
    // over Settings::maxMessageSize without downloading it and detect a server sending
    // far more than it announced.
    [[nodiscard]] CommandId retrieve(int number, QIODevice *sink, qint64 expectedSize = -1);
    // TOP number lines: the header (and `lines` body lines) into `sink`.
    [[nodiscard]] CommandId top(int number, int lines, QIODevice *sink);
    [[nodiscard]] CommandId remove(int number); // DELE
    [[nodiscard]] CommandId reset();            // RSET
    [[nodiscard]] CommandId noop();

    State state() const { return m_state; }
    const Settings &settings() const { return m_settings; }
    Capabilities capabilities() const { return m_capabilities; }
    Net::Sasl::Mechanism mechanismUsed() const { return m_loginMethod.mechanism; }
    QByteArray greeting() const { return m_greeting; }
    Error lastError() const { return m_error; }
    bool deletionsCommitted() const { return m_deletionsCommitted; }
    bool isPipelining() const;
    // Whether a command issued now would be sent at once: the session is logged in, nothing
    // waits in the queue and the window has room.
    bool wouldSendNow() const;
    const PipelineWindow &window() const { return m_window; }
    // After the server closed the connection while several pipelined commands were in
    // flight (some servers cannot take a long queue): the most commands the next session
    // should pipeline, lower than this one's. 0 when there is no such advice.
    int suggestedPipelineLimit() const { return m_suggestedPipelineLimit; }

    // Unsent bytes in the socket above which no more commands are written.
    static constexpr qint64 MaxUnsentBytes = 32 * 1024;

    // The protocol line as logged: credentials and SASL payloads replaced by "***".
    static QByteArray redactedCommand(const QByteArray &line);

signals:
    void stateChanged(Poplar::Pop3::Client::State state);
    void opened();
    void failed(const Poplar::Pop3::Error &error);
    // The certificate was not accepted; the session has failed. The UI may ask the user
    // and retry with Settings::pinnedSha256 = problem.sha256.
    void certificateRejected(const Poplar::Net::CertificateProblem &problem);
    void sessionClosed(bool deletionsCommitted);

    void statFinished(Poplar::Pop3::CommandId id, int messageCount, qint64 mailboxSize);
    void listFinished(Poplar::Pop3::CommandId id, const QList<Poplar::Pop3::MessageSize> &sizes);
    void uidlFinished(Poplar::Pop3::CommandId id, const QList<Poplar::Pop3::MessageUid> &uids);
    void retrieveProgress(Poplar::Pop3::CommandId id, int number, qint64 bytesReceived,
                          qint64 expectedSize);
    void retrieveFinished(Poplar::Pop3::CommandId id, int number, qint64 bytes);
    void commandFinished(Poplar::Pop3::CommandId id); // DELE, RSET, NOOP
    void commandFailed(Poplar::Pop3::CommandId id, const Poplar::Pop3::Error &error);

private:
    enum class Kind
    {
        Greeting,
        Capa,
        Stls,
        Auth,
        Apop,
        User,
        Pass,
        Stat,
        List,
        ListOne,
        Uidl,
        UidlOne,
        Retr,
        Top,
        Dele,
        Rset,
        Noop,
        KeepAlive,
        Quit
    };
    struct Command
    {
        CommandId id = 0;
        Kind kind = Kind::Noop;
        QByteArray line;
        int number = 0;
        QPointer<QIODevice> sink;
        qint64 expectedSize = -1;
        qint64 received = 0;
        int saslStep = 0;
        bool initialResponse = false; // AUTH sent with its first answer
        QByteArrayList lines;         // CAPA's listing
        // LIST's and UIDL's listing, parsed as each line arrives: a listing of a million
        // messages is held once, in its final form, not also as a million raw lines.
        QList<MessageSize> sizes;
        QList<MessageUid> uids;
        bool gotStatus = false;
        qint64 sentNs = -1;     // when written, until its answer's first line
        qint64 answerBytes = 0; // its answer's expected size, counted in the window
    };

    CommandId enqueue(Kind kind, const QByteArray &line, int number = 0, QIODevice *sink = nullptr,
                      qint64 expectedSize = -1);
    void setState(State state);
    void sendNow(Command command);
    void pushInFlight(Command command);
    Command takeFront();
    bool windowAdmits() const;
    void logWindow();
    void writeLine(const QByteArray &line, const QByteArray &logged);
    void flushQueue();
    void processInput();
    // Returns false when processing must stop (session ended or TLS upgrade started).
    bool handleEvent(const ResponseParser::Event &event);
    void handleStatus(Command &command, const ResponseParser::Event &event);
    void finishFront();
    void afterCapabilities();
    void startAuthentication();
    // One way to log in: a SASL mechanism (Kind::Auth), APOP or USER/PASS.
    struct LoginMethod
    {
        Kind kind = Kind::Auth;
        Net::Sasl::Mechanism mechanism = Net::Sasl::Mechanism::None;
        // AUTH PLAIN's response goes with the command (RFC 5034 4: one round trip).
        bool initialResponse = true;
    };
    // What to try, in order: the account's choice, or for Auth::Auto a digest and then the
    // password (see the .cpp).
    std::deque<LoginMethod> loginMethods() const;
    void tryNextLoginMethod();
    // -ERR to a login command: the next method, or the session fails.
    void loginRefused(const QByteArray &statusText);
    void authenticated();
    void fail(const Error &error);
    void failCommandLater(CommandId id, const Error &error);
    void closeSocket(bool sendResetAndQuit);
    void restartTimers();
    // The server made progress (a status line, the end of a response, or ProgressBytes more
    // of one): the response timeout starts again.
    void noteProgress();

    void onConnected();
    void onEncrypted();
    void onSslErrors(const QList<QSslError> &errors);
    void onReadyRead();
    void onTransportFailed(Poplar::Net::TransportFailure failure, const QString &detail);
    void onDisconnected();
    void onResponseTimeout();
    void onKeepAlive();
    void rejectCertificate(const Net::CertificateProblem &problem);

    Settings m_settings;
    Net::CertificateCheck m_certificates;
    State m_state = State::Disconnected;
    TransportFactory m_factory;
    Net::Transport *m_socket = nullptr;
    ResponseParser m_parser;
    std::deque<Command> m_queue;
    std::deque<Command> m_inFlight;
    qint64 m_inFlightBytes = 0; // answerBytes of m_inFlight
    PipelineWindow m_window;
    QElapsedTimer m_clock;
    qint64 m_loggedWindow = 0;
    int m_suggestedPipelineLimit = 0;
    CommandId m_nextId = 1;
    Capabilities m_capabilities;
    QByteArray m_greeting;
    QByteArray m_apopTimestamp;
    bool m_tlsUpgraded = false;
    bool m_tlsUpgradeStarted = false;
    bool m_authenticated = false;
    LoginMethod m_loginMethod;              // the one being tried
    std::deque<LoginMethod> m_loginMethods; // still to try after it
    Error m_refusedLogin;                   // why the one before it was refused
    bool m_initialResponseSent = false;     // the one being tried went with its response
    bool m_deletionsCommitted = false;
    bool m_quitRequested = false;
    Error m_error;
    QTimer m_connectTimer;
    QTimer m_responseTimer;
    qint64 m_bytesSinceProgress = 0;
    QTimer m_keepAliveTimer;
};

} // namespace Poplar::Pop3

Q_DECLARE_METATYPE(Poplar::Pop3::MessageSize)
Q_DECLARE_METATYPE(Poplar::Pop3::MessageUid)
