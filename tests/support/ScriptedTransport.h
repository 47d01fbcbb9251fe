#pragma once

#include "net/Transport.h"

#include <QByteArray>
#include <QList>

namespace Poplar::TestSupport {

// A Transport with no network under it, for protocol tests and the fuzzer: the test hands
// the client server bytes with feed(), in whatever pieces it likes, and reads back what the
// client wrote. Connecting and TLS succeed at once (synchronously).
class ScriptedTransport : public Poplar::Net::Transport
{
    Q_OBJECT

public:
    struct Write
    {
        QByteArray bytes;
        bool encrypted = false; // whether TLS was up when the client wrote them
    };

    using Transport::Transport;

    // Server to client.
    void feed(const QByteArray &bytes);
    // The server hangs up.
    void hangUp();

    QByteArray written() const;
    QList<Write> writes() const { return m_writes; }
    bool isClosed() const { return m_closed; }
    bool tlsStarted() const { return m_tlsStarted; }

    void connectToHost(const QString &host, quint16 port, bool tls) override;
    void startTls() override;
    bool isEncrypted() const override { return m_encrypted; }
    bool isConnected() const override { return m_connected; }
    qint64 bytesAvailable() const override { return m_inbox.size(); }
    QByteArray readAll() override;
    void write(const QByteArray &bytes) override;
    void ignoreSslErrors(const QList<QSslError> &) override {}
    QSslCertificate peerCertificate() const override { return QSslCertificate(); }
    QList<QSslCertificate> peerCertificateChain() const override { return {}; }
    QString cipherName() const override { return QStringLiteral("none"); }
    void closeGracefully() override;
    void abort() override;

private:
    QByteArray m_inbox;
    QList<Write> m_writes;
    bool m_connected = false;
    bool m_encrypted = false;
    bool m_tlsStarted = false;
    bool m_closed = false;
};

} // namespace Poplar::TestSupport
