#include "net/SslTransport.h"

#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>

namespace Poplar::Net {

SslTransport::SslTransport(const QList<QSslCertificate> &extraCaCertificates, QObject *parent)
    : Transport(parent)
    , m_socket(new QSslSocket(this))
{
    if (!extraCaCertificates.isEmpty()) {
        QSslConfiguration config = m_socket->sslConfiguration();
        config.addCaCertificates(extraCaCertificates);
        m_socket->setSslConfiguration(config);
    }
    connect(m_socket, &QSslSocket::connected, this, &Transport::connected);
    connect(m_socket, &QSslSocket::encrypted, this, [this] {
        m_handshaking = false;
        emit encrypted();
    });
    connect(m_socket, &QSslSocket::sslErrors, this, &Transport::sslErrors);
    connect(m_socket, &QSslSocket::readyRead, this, &Transport::readyRead);
    connect(m_socket, &QSslSocket::bytesWritten, this, &Transport::bytesWritten);
    connect(m_socket, &QSslSocket::encryptedBytesWritten, this, &Transport::bytesWritten);
    connect(m_socket, &QSslSocket::errorOccurred, this, &SslTransport::onSocketError);
    connect(m_socket, &QSslSocket::disconnected, this, &Transport::disconnected);
}

void SslTransport::connectToHost(const QString &host, quint16 port, bool tls)
{
    m_handshaking = tls;
    if (tls)
        m_socket->connectToHostEncrypted(host, port);
    else
        m_socket->connectToHost(host, port);
}

void SslTransport::startTls()
{
    m_handshaking = true;
    m_socket->startClientEncryption();
}

bool SslTransport::isEncrypted() const
{
    return m_socket->isEncrypted();
}

bool SslTransport::isConnected() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

qint64 SslTransport::bytesAvailable() const
{
    return m_socket->bytesAvailable();
}

QByteArray SslTransport::readAll()
{
    return m_socket->readAll();
}

void SslTransport::write(const QByteArray &bytes)
{
    m_socket->write(bytes);
}

qint64 SslTransport::bytesToWrite() const
{
    return m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite();
}

void SslTransport::ignoreSslErrors(const QList<QSslError> &errors)
{
    m_socket->ignoreSslErrors(errors);
}

QSslCertificate SslTransport::peerCertificate() const
{
    return m_socket->peerCertificate();
}

QList<QSslCertificate> SslTransport::peerCertificateChain() const
{
    return m_socket->peerCertificateChain();
}

QString SslTransport::cipherName() const
{
    return m_socket->sessionCipher().name();
}

void SslTransport::closeGracefully()
{
    m_socket->disconnectFromHost();
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        emit disconnected();
}

void SslTransport::abort()
{
    QObject::disconnect(m_socket, nullptr, this, nullptr);
    m_socket->abort();
}

void SslTransport::onSocketError()
{
    if (m_failed)
        return;
    m_failed = true;
    TransportFailure kind = TransportFailure::NetworkError;
    switch (m_socket->error()) {
    case QAbstractSocket::HostNotFoundError:
        kind = TransportFailure::HostNotFound;
        break;
    case QAbstractSocket::ConnectionRefusedError:
        kind = TransportFailure::ConnectionRefused;
        break;
    case QAbstractSocket::RemoteHostClosedError:
        // A close during the handshake is a TLS failure, not an ordinary hang-up.
        kind = m_handshaking ? TransportFailure::TlsFailed : TransportFailure::ConnectionLost;
        break;
    case QAbstractSocket::SocketTimeoutError:
        kind = TransportFailure::Timeout;
        break;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        kind = TransportFailure::TlsFailed;
        break;
    default:
        break;
    }
    emit failed(kind, m_socket->errorString());
}

} // namespace Poplar::Net
