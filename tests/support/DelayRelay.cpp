#include "DelayRelay.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpSocket>

namespace Poplar::TestSupport {

DelayRelay::DelayRelay(const QString &targetHost, quint16 targetPort, int delayMs, QObject *parent)
    : QTcpServer(parent)
    , m_targetHost(targetHost)
    , m_targetPort(targetPort)
    , m_delayMs(delayMs)
{
    m_clock.start();
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &DelayRelay::flushDue);
}

DelayRelay::~DelayRelay() = default;

bool DelayRelay::start()
{
    return listen(QHostAddress::LocalHost, 0);
}

void DelayRelay::incomingConnection(qintptr handle)
{
    auto *client = new QTcpSocket(this);
    client->setSocketDescriptor(handle);
    auto *server = new QTcpSocket(this);
    client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    server->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(client, &QTcpSocket::readyRead, this,
            [this, client, server] { schedule(server, client->readAll()); });
    connect(server, &QTcpSocket::readyRead, this,
            [this, client, server] { schedule(client, server->readAll()); });
    // A close is passed on after the same delay, behind the data.
    connect(client, &QTcpSocket::disconnected, this, [this, server] { schedule(server, {}); });
    connect(server, &QTcpSocket::disconnected, this, [this, client] { schedule(client, {}); });
    server->connectToHost(m_targetHost, m_targetPort);
}

void DelayRelay::schedule(QTcpSocket *to, QByteArray bytes)
{
    m_pending.push_back({m_clock.elapsed() + m_delayMs, to, std::move(bytes)});
    if (!m_timer.isActive())
        m_timer.start(m_delayMs);
}

void DelayRelay::flushDue()
{
    const qint64 now = m_clock.elapsed();
    while (!m_pending.empty() && m_pending.front().due <= now) {
        Pending item = std::move(m_pending.front());
        m_pending.pop_front();
        if (item.bytes.isEmpty())
            item.to->disconnectFromHost();
        else if (item.to->state() != QAbstractSocket::UnconnectedState)
            item.to->write(item.bytes);
    }
    if (!m_pending.empty())
        m_timer.start(int(std::max<qint64>(0, m_pending.front().due - now)));
}

} // namespace Poplar::TestSupport
