#pragma once

#include "accounts/AccountSettings.h"
#include "smtp/ReplyParser.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTimer>

class QSslSocket;

namespace Poplar::Accounts {

// Checks, without logging in, whether host:port speaks POP3 (or SMTP submission) with the
// given security:
// POP3, Tls: a TLS handshake, then a "+OK" greeting.
// POP3, StartTls: a "+OK" greeting, then CAPA listing STLS (the upgrade itself is left to the
// real connection). A server without STLS fails: Poplar never suggests sending in clear.
// SMTP, Tls: a TLS handshake, a 220 greeting and a 250 answer to EHLO.
// SMTP, StartTls: a 220 greeting and an EHLO answer listing STARTTLS (again no upgrade).
// The SMTP replies are read by Smtp::ReplyParser, with its limits against hostile servers.
// Certificate problems do not fail the probe (no secret is sent); certificateVerified() says
// whether there were any, so the connection test can ask the user about the certificate.
// Finishes once, after at most the timeout; sends QUIT and closes.
class ServerProbe : public QObject
{
    Q_OBJECT

public:
    enum class Protocol
    {
        Pop3,
        Smtp // submission (RFC 6409)
    };
    Q_ENUM(Protocol)

    ServerProbe(const QString &host, int port, Security security, int timeoutMs,
                QObject *parent = nullptr);
    ServerProbe(Protocol protocol, const QString &host, int port, Security security, int timeoutMs,
                QObject *parent = nullptr);
    ~ServerProbe() override;

    void start();

    Protocol protocol() const { return m_protocol; }
    QString host() const { return m_host; }
    int port() const { return m_port; }
    Security security() const { return m_security; }
    bool succeeded() const { return m_succeeded; }
    bool certificateVerified() const { return m_certificateVerified; }
    QString errorString() const { return m_error; }

signals:
    void finished(Poplar::Accounts::ServerProbe *probe);

private:
    enum class State
    {
        Idle,
        Connecting,
        Greeting,
        Capabilities,
        Done
    };

    void onReadyRead();
    void onPop3Lines();
    void onSmtpReplies();
    void succeed();
    void fail(const QString &reason);
    void finish();
    bool takeLine(QByteArray *line);

    Protocol m_protocol = Protocol::Pop3;
    QString m_host;
    int m_port;
    Security m_security;
    State m_state = State::Idle;
    QSslSocket *m_socket = nullptr;
    QTimer m_timer;
    QByteArray m_buffer;
    Smtp::ReplyParser m_smtpParser;
    bool m_succeeded = false;
    bool m_certificateVerified = true;
    QString m_error;
};

} // namespace Poplar::Accounts
