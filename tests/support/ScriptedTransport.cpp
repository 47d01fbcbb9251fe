#include "ScriptedTransport.h"

namespace Poplar::TestSupport {

void ScriptedTransport::feed(const QByteArray &bytes)
{
    if (!m_connected)
        return;
    m_inbox += bytes;
    emit readyRead();
}

void ScriptedTransport::hangUp()
{
    if (!m_connected)
        return;
    m_connected = false;
    m_closed = true;
    emit failed(Poplar::Net::TransportFailure::ConnectionLost, QStringLiteral("closed by the server"));
    emit disconnected();
}

QByteArray ScriptedTransport::written() const
{
    QByteArray all;
    for (const Write &w : m_writes)
        all += w.bytes;
    return all;
}

void ScriptedTransport::connectToHost(const QString &, quint16, bool tls)
{
    m_connected = true;
    if (tls) {
        m_encrypted = true;
        emit encrypted();
    } else {
        emit connected();
    }
}

void ScriptedTransport::startTls()
{
    m_tlsStarted = true;
    m_encrypted = true;
    emit encrypted();
}

QByteArray ScriptedTransport::readAll()
{
    QByteArray out;
    out.swap(m_inbox);
    return out;
}

void ScriptedTransport::write(const QByteArray &bytes)
{
    if (m_connected)
        m_writes.append({bytes, m_encrypted});
}

void ScriptedTransport::closeGracefully()
{
    if (!m_connected)
        return;
    m_connected = false;
    m_closed = true;
    emit disconnected();
}

void ScriptedTransport::abort()
{
    m_connected = false;
    m_closed = true;
}

} // namespace Poplar::TestSupport
