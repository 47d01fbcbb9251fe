#pragma once

#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTcpServer>

#include <deque>
#include <memory>
#include <vector>

class QTcpSocket;
class QTimer;

namespace Poplar::TestSupport {

// A relay on a free loopback port that forwards every connection to a target server, for
// network conditions a local server cannot produce:
// - latency: each chunk is held for a fixed time in each direction (this machine's kernel
//   has no netem), so 25 ms each way adds 50 ms to every round trip;
// - a cut: a connection is dropped after a given number of bytes from the server, to test
//   what a client does when the network fails mid-transfer;
// - a transcript: what went each way on each connection, so a test can find where each
//   answer starts in the server's bytes and cut there (use it for small conversations).
// Runs on the event loop of the thread that owns it; tests and benchmarks may run a client
// in the same thread or in another process.
class TcpRelay : public QObject
{
    Q_OBJECT

public:
    explicit TcpRelay(QObject *parent = nullptr);
    ~TcpRelay() override;

    void setTarget(const QHostAddress &host, quint16 port);
    void setDelay(int millisecondsEachWay) { m_delayMs = millisecondsEachWay; }
    // Drops each of the next `connections` connections once the server has sent `bytes`
    // bytes through it; later connections pass untouched. bytes < 0 switches cutting off.
    void setCutAfter(qint64 bytes, int connections = 1);

    bool listen(); // on 127.0.0.1, a free port
    quint16 port() const { return m_server.serverPort(); }
    int connectionCount() const { return m_connectionCount; }
    int cutCount() const { return m_cutCount; }
    // Bytes the server has sent through the relay, over all connections.
    qint64 bytesFromServer() const;

    // Keeps a copy of everything each later connection carries (as forwarded: up to a cut).
    void setRecording(bool on) { m_recording = on; }
    struct Transcript
    {
        QByteArray fromClient;
        QByteArray fromServer;
    };
    // One per recorded connection, in the order they were accepted.
    QList<Transcript> transcripts() const;

signals:
    void connectionCut();

private:
    struct Pending
    {
        qint64 due;
        QByteArray data;
    };
    struct Link
    {
        QTcpSocket *client = nullptr;
        QTcpSocket *server = nullptr;
        std::deque<Pending> toServer;
        std::deque<Pending> toClient;
        qint64 serverBytes = 0;
        qint64 cutAfter = -1;
        bool closing = false; // one side has gone: deliver what is queued, then close
        bool cut = false;     // dropped on purpose: close abruptly
        bool done = false;
        bool recording = false;
        Transcript transcript;
    };

    void onNewConnection();
    void forward(Link *link, QTcpSocket *from);
    void flush();
    void close(Link *link, QTcpSocket *gone);

    QTcpServer m_server;
    QHostAddress m_targetHost;
    quint16 m_targetPort = 0;
    int m_delayMs = 0;
    qint64 m_cutBytes = -1;
    int m_cutsLeft = 0;
    int m_connectionCount = 0;
    int m_cutCount = 0;
    bool m_recording = false;
    std::vector<std::unique_ptr<Link>> m_links;
    QTimer *m_timer;
    QElapsedTimer m_clock;
};

} // namespace Poplar::TestSupport
