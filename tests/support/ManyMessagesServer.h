#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QSet>
#include <QTcpServer>
#include <QTimer>

#include <deque>

class QTcpSocket;

namespace Poplar::TestSupport {

// A plain POP3 server (no TLS; any user and password) whose mailbox holds `count` generated
// messages, for mailboxes far larger than a test can put into Dovecot: 1,000,000 messages
// cost it nothing, because the answers to STAT, LIST, UIDL and RETR are computed from the
// message number when they are sent, and a listing is written in slices as the client reads
// it (a few hundred kilobytes in the socket at most), never held whole.
//
// Message n (1-based) has UIDL "uid-<n>" and a body of its own; every message has the same
// size. It offers USER, UIDL (unless switched off, like some old servers), TOP and
// PIPELINING, and serves one connection at a time.
//
// Two ways to advertise PIPELINING badly, for the pipelining window's tests:
// - answering in batches: once logged in, the server answers nothing until it holds `n`
//   commands, then answers them all together; only when the client has sent nothing more for
//   a while (quietFlushes() counts these) does it answer fewer. A client that waits for
//   answers before sending commands it has crawls (or, without the pause, deadlocks).
// - hanging up on a long queue: more than `n` commands arriving together and the server
//   closes the connection (hangUps() counts these).
class ManyMessagesServer : public QTcpServer
{
    Q_OBJECT

public:
    explicit ManyMessagesServer(int count, QObject *parent = nullptr);
    ~ManyMessagesServer() override;

    static QByteArray messageBytes(int number);
    static QByteArray uidl(int number) { return "uid-" + QByteArray::number(number); }

    // Without UIDL the server answers it with -ERR and leaves it out of CAPA.
    void setUidlOffered(bool offered) { m_uidlOffered = offered; }
    void setAnswerInBatches(int commands) { m_batch = commands; }
    void setHangUpAbove(int commands) { m_hangUpAbove = commands; }

    bool start(quint16 port = 0); // on 127.0.0.1
    quint16 port() const { return serverPort(); }

    int count() const { return m_count; }
    int retrieved() const { return m_retrieved; }
    int listingsStarted() const { return m_listings; }
    // DELE commands the server accepted in sessions that ended with QUIT.
    int deleted() const { return m_deletedTotal; }
    bool clientConnected() const { return m_socket != nullptr; }
    int quietFlushes() const { return m_quietFlushes; }
    int hangUps() const { return m_hangUps; }
    // The most commands the server held unanswered at once.
    int longestQueue() const { return m_longestQueue; }

signals:
    void listingStarted();
    void retrieveAnswered(int number);

protected:
    void incomingConnection(qintptr handle) override;

private:
    enum class Listing
    {
        None,
        List,
        Uidl
    };
    void onReadyRead();
    void processLines();
    void handle(const QByteArray &line);
    void writeListing();
    void drop();

    int m_count;
    bool m_uidlOffered = true;
    int m_batch = 0;
    int m_hangUpAbove = 0;
    bool m_loggedIn = false;
    bool m_flushing = false; // answering what it holds, batch or not
    QTimer m_quiet;
    int m_quietFlushes = 0;
    int m_hangUps = 0;
    int m_longestQueue = 0;
    QTcpSocket *m_socket = nullptr;
    QByteArray m_inbox;
    std::deque<QByteArray> m_lines; // commands waiting while a listing is written
    Listing m_listing = Listing::None;
    int m_nextListed = 0;
    QSet<int> m_marked; // DELE in this session
    int m_retrieved = 0;
    int m_listings = 0;
    int m_deletedTotal = 0;
};

} // namespace Poplar::TestSupport
