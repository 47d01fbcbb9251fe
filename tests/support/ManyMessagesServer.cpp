#include "ManyMessagesServer.h"

#include <QHostAddress>
#include <QTcpSocket>

namespace Poplar::TestSupport {

namespace {

// A listing slice is written when less than this is waiting in the socket.
constexpr qint64 kLowWater = 256 * 1024;
constexpr int kLinesPerSlice = 4096;
constexpr qsizetype kMessageSize = 420;

} // namespace

ManyMessagesServer::ManyMessagesServer(int count, QObject *parent)
    : QTcpServer(parent)
    , m_count(count)
{
    m_quiet.setSingleShot(true);
    m_quiet.setInterval(300);
    connect(&m_quiet, &QTimer::timeout, this, [this] {
        if (!m_socket || m_lines.empty())
            return;
        ++m_quietFlushes;
        m_flushing = true;
        processLines();
    });
}

ManyMessagesServer::~ManyMessagesServer()
{
    if (m_socket)
        m_socket->abort();
}

QByteArray ManyMessagesServer::messageBytes(int number)
{
    const QByteArray n = QByteArray::number(number);
    QByteArray text =
        "From: Many <many@example.test>\r\nTo: you@example.test\r\nSubject: Message " + n +
        "\r\nMessage-ID: <many-" + n +
        "@example.test>\r\nDate: Mon, 7 Dec 2026 10:00:00 +0000\r\n\r\n"
        "This is message " +
        n + " of a very large mailbox.\r\n";
    while (text.size() < kMessageSize - 2)
        text += 'x';
    text.truncate(kMessageSize - 2);
    return text + "\r\n";
}

bool ManyMessagesServer::start(quint16 port)
{
    return listen(QHostAddress::LocalHost, port);
}

void ManyMessagesServer::incomingConnection(qintptr handle)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle) || m_socket) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    m_socket = socket;
    m_inbox.clear();
    m_lines.clear();
    m_listing = Listing::None;
    m_marked.clear();
    m_loggedIn = false;
    m_flushing = false;
    connect(socket, &QTcpSocket::readyRead, this, &ManyMessagesServer::onReadyRead);
    connect(socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_listing != Listing::None)
            writeListing();
    });
    connect(socket, &QTcpSocket::disconnected, this, &ManyMessagesServer::drop);
    socket->write("+OK many messages ready\r\n");
}

void ManyMessagesServer::drop()
{
    if (!m_socket)
        return;
    m_socket->deleteLater();
    m_socket = nullptr;
    m_listing = Listing::None;
    m_marked.clear(); // no QUIT: nothing is deleted
    m_quiet.stop();
}

void ManyMessagesServer::onReadyRead()
{
    if (!m_socket)
        return;
    m_inbox += m_socket->readAll();
    qsizetype newline;
    while ((newline = m_inbox.indexOf('\n')) >= 0) {
        m_lines.push_back(m_inbox.left(newline).trimmed());
        m_inbox.remove(0, newline + 1);
    }
    m_longestQueue = std::max(m_longestQueue, int(m_lines.size()));
    if (m_hangUpAbove > 0 && m_loggedIn && int(m_lines.size()) > m_hangUpAbove) {
        ++m_hangUps;
        m_socket->abort();
        drop();
        return;
    }
    if (m_batch > 0 && m_loggedIn) {
        m_quiet.start(); // the client is not quiet
        if (int(m_lines.size()) >= m_batch)
            m_flushing = true;
    }
    processLines();
}

void ManyMessagesServer::processLines()
{
    while (m_socket && m_listing == Listing::None && !m_lines.empty()) {
        if (m_batch > 0 && m_loggedIn && !m_flushing)
            return; // holding a batch that is not complete yet
        const QByteArray line = m_lines.front();
        m_lines.pop_front();
        handle(line);
    }
    if (m_lines.empty())
        m_flushing = false;
}

void ManyMessagesServer::handle(const QByteArray &line)
{
    const QByteArrayList words = line.split(' ');
    const QByteArray verb = words.first().toUpper();
    bool ok = words.size() < 2;
    const int number = words.size() >= 2 ? words.at(1).toInt(&ok) : 0;
    const bool exists = ok && number >= 1 && number <= m_count && !m_marked.contains(number);
    const QByteArray size = QByteArray::number(kMessageSize);
    if (verb == "UIDL" && !m_uidlOffered) {
        m_socket->write("-ERR no UIDL here\r\n");
    } else if (verb == "CAPA") {
        m_socket->write(m_uidlOffered ? "+OK\r\nUSER\r\nUIDL\r\nTOP\r\nPIPELINING\r\n.\r\n"
                                      : "+OK\r\nUSER\r\nTOP\r\nPIPELINING\r\n.\r\n");
    } else if (verb == "USER" || verb == "PASS" || verb == "NOOP" || verb == "RSET") {
        if (verb == "PASS")
            m_loggedIn = true;
        if (verb == "RSET")
            m_marked.clear();
        m_socket->write("+OK\r\n");
    } else if (verb == "STAT") {
        m_socket->write("+OK " + QByteArray::number(m_count) + ' ' +
                        QByteArray::number(qint64(m_count) * kMessageSize) + "\r\n");
    } else if ((verb == "LIST" || verb == "UIDL") && words.size() == 1) {
        m_socket->write("+OK " + QByteArray::number(m_count) + " messages\r\n");
        m_listing = verb == "LIST" ? Listing::List : Listing::Uidl;
        m_nextListed = 1;
        ++m_listings;
        emit listingStarted();
        writeListing();
    } else if ((verb == "LIST" || verb == "UIDL") && exists) {
        m_socket->write("+OK " + words.at(1) + ' ' + (verb == "LIST" ? size : uidl(number)) +
                        "\r\n");
    } else if (verb == "RETR" && exists) {
        m_socket->write("+OK " + size + " octets\r\n" + messageBytes(number) + ".\r\n");
        ++m_retrieved;
        emit retrieveAnswered(number);
    } else if (verb == "TOP" && exists && words.size() == 3) {
        // The header only, whatever the number of lines asked for (Poplar asks for 0).
        const QByteArray message = messageBytes(number);
        m_socket->write("+OK\r\n" + message.left(message.indexOf("\r\n\r\n") + 4) + ".\r\n");
    } else if (verb == "DELE" && exists) {
        m_marked.insert(number);
        m_socket->write("+OK marked\r\n");
    } else if (verb == "QUIT") {
        m_deletedTotal += int(m_marked.size());
        m_marked.clear();
        m_socket->write("+OK bye\r\n");
        m_socket->disconnectFromHost();
    } else {
        m_socket->write("-ERR no such message or command\r\n");
    }
}

void ManyMessagesServer::writeListing()
{
    while (m_socket && m_listing != Listing::None && m_socket->bytesToWrite() < kLowWater) {
        QByteArray slice;
        for (int i = 0; i < kLinesPerSlice && m_nextListed <= m_count; ++i, ++m_nextListed) {
            if (m_marked.contains(m_nextListed))
                continue;
            slice += QByteArray::number(m_nextListed) + ' ' +
                     (m_listing == Listing::List ? QByteArray::number(kMessageSize)
                                                 : uidl(m_nextListed)) +
                     "\r\n";
        }
        if (m_nextListed > m_count) {
            slice += ".\r\n";
            m_listing = Listing::None;
        }
        m_socket->write(slice);
    }
    if (m_listing == Listing::None)
        processLines();
}

} // namespace Poplar::TestSupport
