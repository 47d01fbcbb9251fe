#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QList>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QStringList>
#include <QTcpServer>

namespace Poplar::TestSupport {

// A line-protocol server (POP3, SMTP) that plays a script, for protocol tests: it listens on a free
// loopback port, takes one connection and runs the steps in order, recording every line the client
// sends.
//
// Script text, one step per line ('#' lines and blank lines are ignored):
//   S: <text>   send <text> + CRLF
//   C: <text>   wait for the client to send exactly this line ("C: *" accepts any line)
//   TLS         start TLS on the server side (after an STLS +OK in the script)
//   CLOSE       close the connection
// Raw bytes (no CRLF added, any content) go in with sendRaw(). A mismatch on "C:" is
// recorded in failures() and stops the script; the client's line is still recorded.
class ScriptedServer : public QTcpServer
{
    Q_OBJECT

public:
    enum class Mode
    {
        Plain,      // TLS only when the script says TLS (STLS)
        ImplicitTls // TLS from the first byte
    };

    // A self-signed certificate for CN=localhost / IP 127.0.0.1, made once per process by
    // openssl; `which` selects one of several distinct identities.
    struct Identity
    {
        QSslCertificate certificate;
        QSslKey key;
        QByteArray sha256; // lower-case hex, as the protocol clients report it
    };
    static Identity identity(int which = 0);

    explicit ScriptedServer(Mode mode = Mode::Plain, QObject *parent = nullptr);
    ~ScriptedServer() override;

    void setIdentity(const Identity &identity) { m_identity = identity; }
    void addScript(const QString &script);
    void send(const QByteArray &line) { sendRaw(line + "\r\n"); }
    void sendRaw(const QByteArray &bytes);
    void expect(const QByteArray &line);
    void startTls();
    void closeConnection();

    // Listens on 127.0.0.1 and a free port.
    bool start();
    quint16 port() const { return serverPort(); }

    QByteArrayList received() const { return m_received; }
    // How many bytes the server had sent when the client's i-th line arrived: shows whether
    // a client waited for an answer before sending its next command.
    qint64 sentBeforeLine(qsizetype i) const { return m_sentBeforeLine.value(i, -1); }
    QStringList failures() const { return m_failures; }
    bool scriptFinished() const { return m_index >= m_steps.size(); }
    bool clientDisconnected() const { return m_clientGone; }
    bool isEncrypted() const { return m_socket && m_socket->isEncrypted(); }

signals:
    void lineReceived(const QByteArray &line);

protected:
    void incomingConnection(qintptr handle) override;

private:
    struct Step
    {
        enum class Type
        {
            Send,
            Expect,
            StartTls,
            Close
        };
        Type type = Type::Send;
        QByteArray bytes;
    };
    void advance();
    void onReadyRead();

    Mode m_mode;
    Identity m_identity;
    QList<Step> m_steps;
    qsizetype m_index = 0;
    QPointer<QSslSocket> m_socket;
    QByteArray m_inbox;
    QByteArrayList m_pending;
    QByteArrayList m_received;
    QList<qint64> m_sentBeforeLine;
    qint64 m_bytesSent = 0;
    QStringList m_failures;
    bool m_waitingForTls = false;
    bool m_clientGone = false;
};

} // namespace Poplar::TestSupport
