#pragma once

#include "net/Transport.h"

class QSslSocket;

namespace Poplar::Net {

// Transport on a QSslSocket: implicit TLS, STLS upgrade or plain TCP.
class SslTransport : public Transport
{
    Q_OBJECT

public:
    explicit SslTransport(const QList<QSslCertificate> &extraCaCertificates,
                          QObject *parent = nullptr);

    void connectToHost(const QString &host, quint16 port, bool tls) override;
    void startTls() override;
    bool isEncrypted() const override;
    bool isConnected() const override;
    qint64 bytesAvailable() const override;
    QByteArray readAll() override;
    void write(const QByteArray &bytes) override;
    qint64 bytesToWrite() const override;
    void ignoreSslErrors(const QList<QSslError> &errors) override;
    QSslCertificate peerCertificate() const override;
    QList<QSslCertificate> peerCertificateChain() const override;
    QString cipherName() const override;
    void closeGracefully() override;
    void abort() override;

private:
    void onSocketError();

    QSslSocket *m_socket;
    bool m_handshaking = false;
    bool m_failed = false;
};

} // namespace Poplar::Net
