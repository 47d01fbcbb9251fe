#pragma once

#include "net/CertificateCheck.h"
#include "net/CertificateProblem.h"
#include "net/Sasl.h"
#include "net/Transport.h"
#include "smtp/Capabilities.h"
#include "smtp/Error.h"
#include "smtp/ReplyParser.h"
#include "smtp/Settings.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

namespace Poplar::Smtp {

// Who a message goes to, as the SMTP envelope says it (the header's To/Cc/Bcc are the
// message's business): MAIL FROM and one RCPT TO per address.
struct Envelope
{
    QString from;
    QStringList recipients;
};

// What the server said to one RCPT TO.
struct RecipientResult
{
    QString address;
    Reply reply;

    bool accepted() const { return reply.code == 250 || reply.code == 251; }
};

// How one message's submission ended.
struct SendResult
{
    enum class Outcome
    {
        Sent,    // the server accepted the final "." (to the recipients it accepted)
        NotSent, // refused or stopped before the server could have taken it
        Unknown  // the final "." was sent, but its reply never came: it may have been sent
    };
    Outcome outcome = Outcome::NotSent;
    Error error; // why NotSent or Unknown
    QList<RecipientResult> recipients;
    Reply finalReply; // the answer to the final "." when Sent

    // The recipients the server refused (the others got the message when Sent).
    QList<RecipientResult> refused() const;
};

// One SMTP submission session (RFC 6409, 5321) on a Net::Transport (QSslSocket by default),
// driven entirely by its signals: nothing here blocks.
//
// open() connects, sets up TLS (implicit, or STARTTLS before anything else), reads EHLO and
// logs in; opened() or failed() follows. Then send() submits one message at a time and
// sendFinished() reports it: sent (with each recipient's result: one refused address does not
// stop the others), not sent (with the reply in words), or unknown when the connection was
// lost after the final "." (the caller must never re-send such a message silently). More
// messages may follow on the same connection (RSET in between); quit() ends it.
//
// With PIPELINING (RFC 2920) RSET, MAIL, every RCPT and DATA go out in one write. SIZE is
// checked before anything is sent; a message with 8-bit data needs 8BITMIME, and addresses
// with non-ASCII local parts need SMTPUTF8 (RFC 6531): without them the send fails in words,
// never with mangled bytes. Anything that breaks the session (timeout, lost connection,
// hostile data, cancel()) ends an open send first, then emits failed() and sessionClosed().
class Client : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Disconnected,   // before open()
        Connecting,     // TCP connect (and the TLS handshake for implicit TLS)
        Greeting,       // waiting for 220
        Hello,          // EHLO (or HELO)
        StartingTls,    // STARTTLS sent, or the upgrade handshake running
        Authenticating, // AUTH
        Ready,          // logged in, no message in progress
        Sending,        // a mail transaction
        Quitting,       // QUIT sent
        Closed          // ended; see lastError()
    };
    Q_ENUM(State)

    using TransportFactory = std::function<Net::Transport *(const Settings &settings)>;

    explicit Client(const Settings &settings, QObject *parent = nullptr);
    Client(const Settings &settings, TransportFactory factory, QObject *parent = nullptr);
    ~Client() override;

    void open();
    // Only in State::Ready (after opened(), or in or after sendFinished()).
    void send(const Envelope &envelope, const QByteArray &message);
    void quit();
    void cancel();

    State state() const { return m_state; }
    const Capabilities &capabilities() const { return m_capabilities; }
    Net::Sasl::Mechanism mechanismUsed() const { return m_mechanism; }
    Error lastError() const { return m_error; }

    // The message as DATA carries it: CRLF line ends, leading dots doubled, ending CRLF.CRLF.
    static QByteArray dataBlock(const QByteArray &message);

signals:
    void stateChanged(Poplar::Smtp::Client::State state);
    void opened();
    void failed(const Poplar::Smtp::Error &error);
    void certificateRejected(const Poplar::Net::CertificateProblem &problem);
    void sendFinished(const Poplar::Smtp::SendResult &result);
    void sessionClosed();

private:
    enum class Kind
    {
        Greeting,
        Ehlo,
        Helo,
        StartTls,
        Auth,
        Rset,
        Mail,
        Rcpt,
        Data,
        Message,     // the message and its final "."
        Bdat,        // BDAT <size> LAST, then the transaction's whole message (RFC 3030)
        AbortedData, // a lone "." after a 354 no recipient can use
        Quit
    };
    struct Command
    {
        Kind kind = Kind::Rset;
        QByteArray line;
        int recipient = -1; // Rcpt: index into the envelope
    };
    struct Transaction
    {
        Envelope envelope;
        QByteArray message;
        SendResult result;
        std::optional<Error> refusal; // MAIL refused: what to report once the replies are in
        bool dataSent = false;        // the final "." (or the BDAT chunk) went to the socket

        bool anyRecipientAccepted() const;
    };
    static Error whyNotSent(const Transaction &t, ErrorKind kind, const Reply &reply);

    void setState(State state);
    void expect(Kind kind);
    void queue(Kind kind, const QByteArray &line, int recipient = -1);
    void flushQueue();
    void writeLine(const QByteArray &line, const QByteArray &logged);
    int timeoutFor(Kind kind) const;
    void restartTimer();

    void processInput();
    void handleReply(const Command &command, const Reply &reply);
    void afterHello();
    void startAuthentication();
    void tryNextMechanism(const Error &previous);
    void handleAuthReply(const Reply &reply);
    void becomeReady();
    void startTransaction();
    void handleTransactionReply(const Command &command, const Reply &reply);
    // Without PIPELINING: no RCPT after a refused MAIL, no DATA when every RCPT was refused.
    void dropDoomedCommands();
    void finishTransaction(SendResult::Outcome outcome, const Error &error);
    std::optional<Error> checkBeforeSending() const;
    void fail(const Error &error);
    void rejectCertificate(const Net::CertificateProblem &problem);
    void closeTransport();
    void dropTransport();
    void markClosed();

    void onConnected();
    void onEncrypted();
    void onSslErrors(const QList<QSslError> &errors);
    void onReadyRead();
    void onTransportFailed(Poplar::Net::TransportFailure failure, const QString &detail);
    void onDisconnected();

    Settings m_settings;
    Net::CertificateCheck m_certificates;
    TransportFactory m_factory;
    Net::Transport *m_socket = nullptr;
    State m_state = State::Disconnected;
    ReplyParser m_parser;
    std::deque<Command> m_queue;
    std::deque<Command> m_inFlight;
    Capabilities m_capabilities;
    bool m_tlsUpgradeStarted = false;
    bool m_tlsUpgraded = false;
    bool m_openedEmitted = false;
    bool m_transactionsDone = false; // a transaction ran on this connection: RSET first
    std::deque<Net::Sasl::Mechanism> m_mechanisms; // still to try
    Net::Sasl::Mechanism m_mechanism = Net::Sasl::Mechanism::None;
    int m_saslStep = 0;
    std::unique_ptr<Transaction> m_transaction; // the message being sent
    Error m_error;
    QTimer m_connectTimer;
    QTimer m_responseTimer;
};

} // namespace Poplar::Smtp

Q_DECLARE_METATYPE(Poplar::Smtp::SendResult)
