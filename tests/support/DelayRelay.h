#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QTcpServer>
#include <QTimer>

#include <deque>

class QTcpSocket;

namespace Poplar::TestSupport {

// A TCP relay on loopback that holds every chunk for a fixed delay in each direction, to
// measure under network latency where the kernel has no netem (25 ms each way gives a
// 50 ms round trip). Order is kept; throughput is not limited. Runs on the caller's event
// loop.
class DelayRelay : public QTcpServer
{
    Q_OBJECT

public:
    DelayRelay(const QString &targetHost, quint16 targetPort, int delayMs,
               QObject *parent = nullptr);
    ~DelayRelay() override;

    // Listens on 127.0.0.1 and a free port.
    bool start();
    quint16 port() const { return serverPort(); }

protected:
    void incomingConnection(qintptr handle) override;

private:
    struct Pending
    {
        qint64 due;
        QTcpSocket *to;
        QByteArray bytes;
    };
    void schedule(QTcpSocket *to, QByteArray bytes);
    void flushDue();

    QString m_targetHost;
    quint16 m_targetPort;
    int m_delayMs;
    QElapsedTimer m_clock;
    QTimer m_timer;
    std::deque<Pending> m_pending;
};

} // namespace Poplar::TestSupport
