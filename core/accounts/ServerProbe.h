#pragma once

#include "accounts/AccountSettings.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTimer>

class QSslSocket;

namespace Poplar::Accounts {

// Checks, without logging in, whether host:port speaks POP3 with the given security:
// Tls: a TLS handshake, then a "+OK" greeting.
// StartTls: a "+OK" greeting, then CAPA listing STLS (the upgrade itself is left to the real
// connection). A server without STLS fails: Poplar never suggests sending in clear.
// Certificate problems do not fail the probe (no secret is sent); certificateVerified() says
// whether there were any, so the connection test can ask the user about the certificate.
// Finishes once, after at most the timeout; sends QUIT and closes.
class ServerProbe : public QObject
{
    Q_OBJECT

public:
    ServerProbe(const QString &host, int port, Security security, int timeoutMs,
                QObject *parent = nullptr);
    ~ServerProbe() override;

    void start();

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
    void succeed();
    void fail(const QString &reason);
    void finish();
    bool takeLine(QByteArray *line);

    QString m_host;
    int m_port;
    Security m_security;
    State m_state = State::Idle;
    QSslSocket *m_socket = nullptr;
    QTimer m_timer;
    QByteArray m_buffer;
    bool m_succeeded = false;
    bool m_certificateVerified = true;
    QString m_error;
};

} // namespace Poplar::Accounts
