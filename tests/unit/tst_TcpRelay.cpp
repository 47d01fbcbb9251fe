#include "TcpRelay.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using Poplar::TestSupport::TcpRelay;

namespace {

// A server that answers every line with "echo:<line>" and can send a block on request.
class EchoServer : public QObject
{
public:
    EchoServer()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *socket = m_server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, this, [socket] {
                while (socket->canReadLine()) {
                    const QByteArray line = socket->readLine().trimmed();
                    if (line.startsWith("BLOCK "))
                        socket->write(QByteArray(line.mid(6).toInt(), 'x'));
                    else
                        socket->write("echo:" + line + "\n");
                }
            });
        });
    }
    quint16 port() const { return m_server.serverPort(); }

private:
    QTcpServer m_server;
};

// Reads until `size` bytes have arrived or the connection has closed.
QByteArray readUntil(QTcpSocket &socket, qsizetype size)
{
    QByteArray data;
    static_cast<void>(QTest::qWaitFor(
        [&] {
            data += socket.readAll();
            return data.size() >= size || socket.state() == QAbstractSocket::UnconnectedState;
        },
        5000));
    return data + socket.readAll();
}

} // namespace

class tst_TcpRelay : public QObject
{
    Q_OBJECT

private slots:
    void forwardsBothWays()
    {
        EchoServer server;
        TcpRelay relay;
        relay.setTarget(QHostAddress::LocalHost, server.port());
        QVERIFY(relay.listen());
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, relay.port());
        QVERIFY(QTest::qWaitFor([&] { return client.state() == QAbstractSocket::ConnectedState; }));
        client.write("hello\n");
        QCOMPARE(readUntil(client, 11), QByteArray("echo:hello\n"));
        QCOMPARE(relay.connectionCount(), 1);
    }

    void addsLatencyInEachDirection()
    {
        EchoServer server;
        TcpRelay relay;
        relay.setTarget(QHostAddress::LocalHost, server.port());
        relay.setDelay(40);
        QVERIFY(relay.listen());
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, relay.port());
        QVERIFY(QTest::qWaitFor([&] { return client.state() == QAbstractSocket::ConnectedState; }));
        QElapsedTimer roundTrip;
        roundTrip.start();
        client.write("ping\n");
        QCOMPARE(readUntil(client, 10), QByteArray("echo:ping\n"));
        // Held 40 ms on the way there and 40 ms on the way back: never faster than 80 ms.
        QVERIFY2(roundTrip.elapsed() >= 80, qPrintable(QString::number(roundTrip.elapsed())));
    }

    void cutsAfterExactlyNBytesOnce()
    {
        EchoServer server;
        TcpRelay relay;
        relay.setTarget(QHostAddress::LocalHost, server.port());
        relay.setCutAfter(1000, 1);
        QVERIFY(relay.listen());
        QSignalSpy cuts(&relay, &TcpRelay::connectionCut);

        QTcpSocket first;
        first.connectToHost(QHostAddress::LocalHost, relay.port());
        QVERIFY(QTest::qWaitFor([&] { return first.state() == QAbstractSocket::ConnectedState; }));
        first.write("BLOCK 5000\n");
        const QByteArray received = readUntil(first, 5000);
        QCOMPARE(received.size(), 1000);
        QTRY_COMPARE(first.state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(cuts.count(), 1);

        // The next connection passes untouched.
        QTcpSocket second;
        second.connectToHost(QHostAddress::LocalHost, relay.port());
        QVERIFY(QTest::qWaitFor([&] { return second.state() == QAbstractSocket::ConnectedState; }));
        second.write("BLOCK 5000\n");
        QCOMPARE(readUntil(second, 5000).size(), 5000);
        QCOMPARE(relay.cutCount(), 1);
    }

    // A recorded connection keeps what each side sent, up to the cut; later connections
    // after recording is switched off are not recorded.
    void recordsWhatWentEachWayUpToTheCut()
    {
        EchoServer server;
        TcpRelay relay;
        relay.setTarget(QHostAddress::LocalHost, server.port());
        relay.setRecording(true);
        relay.setCutAfter(20, 1);
        QVERIFY(relay.listen());
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, relay.port());
        QVERIFY(QTest::qWaitFor([&] { return client.state() == QAbstractSocket::ConnectedState; }));
        client.write("one\n");
        QCOMPARE(readUntil(client, 9), QByteArray("echo:one\n"));
        client.write("BLOCK 100\n");
        QCOMPARE(readUntil(client, 100).size(), 11);
        relay.setRecording(false);

        QTcpSocket other;
        other.connectToHost(QHostAddress::LocalHost, relay.port());
        QVERIFY(QTest::qWaitFor([&] { return other.state() == QAbstractSocket::ConnectedState; }));
        other.write("two\n");
        QCOMPARE(readUntil(other, 9), QByteArray("echo:two\n"));

        const auto transcripts = relay.transcripts();
        QCOMPARE(transcripts.size(), 1);
        QCOMPARE(transcripts.first().fromClient, QByteArray("one\nBLOCK 100\n"));
        QCOMPARE(transcripts.first().fromServer, QByteArray("echo:one\n") + QByteArray(11, 'x'));
    }
};

QTEST_GUILESS_MAIN(tst_TcpRelay)
#include "tst_TcpRelay.moc"
