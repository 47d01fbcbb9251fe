#include "TcpRelay.h"

#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

namespace Poplar::TestSupport {

TcpRelay::TcpRelay(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &TcpRelay::flush);
    connect(&m_server, &QTcpServer::newConnection, this, &TcpRelay::onNewConnection);
    m_clock.start();
}

TcpRelay::~TcpRelay()
{
    for (auto &link : m_links) {
        // A socket closing in its destructor signals "disconnected": not to this half-gone relay.
        for (QTcpSocket *socket : {link->client, link->server}) {
            if (socket)
                socket->disconnect(this);
        }
        delete link->client;
        delete link->server;
    }
}

void TcpRelay::setTarget(const QHostAddress &host, quint16 port)
{
    m_targetHost = host;
    m_targetPort = port;
}

void TcpRelay::setCutAfter(qint64 bytes, int connections)
{
    m_cutBytes = bytes;
    m_cutsLeft = bytes < 0 ? 0 : connections;
}

qint64 TcpRelay::bytesFromServer() const
{
    qint64 total = 0;
    for (const auto &link : m_links)
        total += link->serverBytes;
    return total;
}

QList<TcpRelay::Transcript> TcpRelay::transcripts() const
{
    QList<Transcript> list;
    for (const auto &link : m_links) {
        if (link->recording)
            list.append(link->transcript);
    }
    return list;
}

bool TcpRelay::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void TcpRelay::onNewConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        ++m_connectionCount;
        auto link = std::make_unique<Link>();
        Link *raw = link.get();
        link->client = client;
        link->server = new QTcpSocket;
        client->setParent(nullptr);
        link->recording = m_recording;
        if (m_cutsLeft > 0) {
            --m_cutsLeft;
            link->cutAfter = m_cutBytes;
        }
        connect(client, &QTcpSocket::readyRead, this, [this, raw] { forward(raw, raw->client); });
        connect(link->server, &QTcpSocket::readyRead, this,
                [this, raw] { forward(raw, raw->server); });
        connect(link->server, &QTcpSocket::connected, this, [this] { flush(); });
        for (QTcpSocket *socket : {link->client, link->server}) {
            connect(socket, &QTcpSocket::disconnected, this,
                    [this, raw, socket] { close(raw, socket); });
            connect(socket, &QTcpSocket::errorOccurred, this,
                    [this, raw, socket] { close(raw, socket); });
        }
        link->server->connectToHost(m_targetHost, m_targetPort);
        m_links.push_back(std::move(link));
    }
}

void TcpRelay::forward(Link *link, QTcpSocket *from)
{
    QByteArray data = from->readAll();
    if (data.isEmpty() || link->closing)
        return;
    const bool fromServer = from == link->server;
    if (fromServer && link->cutAfter >= 0) {
        const qint64 room = link->cutAfter - link->serverBytes;
        if (data.size() >= room) {
            // Deliver exactly up to the cut, then drop the connection.
            if (link->recording)
                link->transcript.fromServer += data.left(room);
            link->toClient.push_back({m_clock.elapsed() + m_delayMs, data.left(room)});
            link->serverBytes += room;
            link->toServer.clear();
            link->closing = true;
            link->cut = true;
            ++m_cutCount;
            emit connectionCut();
            flush();
            return;
        }
    }
    if (fromServer)
        link->serverBytes += data.size();
    if (link->recording)
        (fromServer ? link->transcript.fromServer : link->transcript.fromClient) += data;
    auto &queue = fromServer ? link->toClient : link->toServer;
    queue.push_back({m_clock.elapsed() + m_delayMs, std::move(data)});
    flush();
}

void TcpRelay::flush()
{
    const qint64 now = m_clock.elapsed();
    qint64 nextDue = -1;
    for (auto &link : m_links) {
        const auto send = [&](std::deque<Pending> &queue, QTcpSocket *to) {
            while (!queue.empty() && queue.front().due <= now &&
                   to->state() == QAbstractSocket::ConnectedState) {
                to->write(queue.front().data);
                queue.pop_front();
            }
            if (!queue.empty() && (nextDue < 0 || queue.front().due < nextDue))
                nextDue = std::max(queue.front().due, now + 1);
        };
        send(link->toServer, link->server);
        send(link->toClient, link->client);
        if (link->closing && !link->done && link->toClient.empty() && link->toServer.empty()) {
            link->done = true;
            for (QTcpSocket *socket : {link->client, link->server}) {
                if (link->cut) {
                    socket->flush();
                    socket->abort();
                } else {
                    socket->disconnectFromHost();
                }
            }
        }
    }
    if (nextDue >= 0)
        m_timer->start(int(nextDue - now));
}

void TcpRelay::close(Link *link, QTcpSocket *gone)
{
    // Whatever is still queued for the other side is delivered before it is closed too;
    // what was queued for the side that has gone can no longer be delivered.
    link->closing = true;
    (gone == link->server ? link->toServer : link->toClient).clear();
    flush();
}

} // namespace Poplar::TestSupport
