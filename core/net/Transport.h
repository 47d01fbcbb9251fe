#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QSslCertificate>
#include <QSslError>
#include <QString>

namespace Poplar::Net {

// Why a connection failed below the protocol; each protocol turns it into its own error.
enum class TransportFailure
{
    HostNotFound,
    ConnectionRefused,
    ConnectionLost,
    Timeout,
    TlsFailed,
    NetworkError
};

// The byte pipe under a protocol client (POP3, SMTP): the seam between the protocol and the
// network. The real one is SslTransport (QSslSocket); tests and the fuzzers use scripted ones,
// so the protocol state machines run without TCP.
//
// Signals follow QSslSocket's meaning: connected() when the TCP connection stands (plain),
// encrypted() when a TLS handshake finished, sslErrors() during a handshake (the receiver
// may call ignoreSslErrors() from the slot), failed() once with a typed reason, then
// disconnected().
class Transport : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    virtual void connectToHost(const QString &host, quint16 port, bool tls) = 0;
    virtual void startTls() = 0;
    virtual bool isEncrypted() const = 0;
    virtual bool isConnected() const = 0;
    virtual qint64 bytesAvailable() const = 0;
    virtual QByteArray readAll() = 0;
    virtual void write(const QByteArray &bytes) = 0;
    // Written but not yet handed to the network (bytesWritten() follows as it goes).
    virtual qint64 bytesToWrite() const { return 0; }
    virtual void ignoreSslErrors(const QList<QSslError> &errors) = 0;
    virtual QSslCertificate peerCertificate() const = 0;
    virtual QList<QSslCertificate> peerCertificateChain() const = 0;
    virtual QString cipherName() const = 0;
    // Sends what is written, then closes; disconnected() follows.
    virtual void closeGracefully() = 0;
    // Closes at once, dropping unsent data; no signal follows.
    virtual void abort() = 0;

signals:
    void connected();
    void encrypted();
    void sslErrors(const QList<QSslError> &errors);
    void readyRead();
    // Some of what was written left for the network (progress of a long upload).
    void bytesWritten();
    void failed(Poplar::Net::TransportFailure failure, const QString &detail);
    void disconnected();
};

} // namespace Poplar::Net

Q_DECLARE_METATYPE(Poplar::Net::TransportFailure)
