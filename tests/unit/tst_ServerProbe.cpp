#include "RefusingPort.h"
#include "ScriptedServer.h"
#include "accounts/ServerProbe.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
using namespace Poplar::Accounts;
using Poplar::TestSupport::RefusingPort;

namespace {

// A plain TCP server that plays one script per connection: what to send first, and what to
// answer to CAPA.
class ScriptedServer : public QTcpServer
{
    Q_OBJECT

public:
    QByteArray greeting;
    QByteArray capaAnswer;
    QByteArray ehloAnswer;
    bool closeAfterGreeting = false;
    QList<QByteArray> received;

    ScriptedServer()
    {
        listen(QHostAddress::LocalHost);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                s->setParent(this);
                s->write(greeting);
                if (closeAfterGreeting)
                    s->disconnectFromHost();
                connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    while (s->canReadLine()) {
                        const QByteArray line = s->readLine().trimmed();
                        received << line;
                        if (line == "CAPA")
                            s->write(capaAnswer);
                        else if (line.startsWith("EHLO "))
                            s->write(ehloAnswer);
                    }
                });
            }
        });
    }
};

struct Result
{
    bool finished = false;
    bool succeeded = false;
    QString error;
    qint64 elapsedMs = 0;
};

Result run(quint16 port, Security security, int timeoutMs = 3000,
           ServerProbe::Protocol protocol = ServerProbe::Protocol::Pop3, bool *verified = nullptr)
{
    ServerProbe probe(protocol, QStringLiteral("127.0.0.1"), port, security, timeoutMs);
    QSignalSpy spy(&probe, &ServerProbe::finished);
    QElapsedTimer timer;
    timer.start();
    probe.start();
    Result r;
    r.finished = spy.wait(timeoutMs + 5000);
    r.elapsedMs = timer.elapsed();
    r.succeeded = probe.succeeded();
    r.error = probe.errorString();
    if (verified)
        *verified = probe.certificateVerified();
    // Exactly once.
    QTest::qWait(20);
    if (spy.count() != 1)
        r.finished = false;
    return r;
}

} // namespace

class tst_ServerProbe : public QObject
{
    Q_OBJECT

private slots:
    void starttlsServerWithStls()
    {
        ScriptedServer server;
        server.greeting = "+OK Dovecot ready.\r\n";
        server.capaAnswer = "+OK\r\nCAPA\r\nTOP\r\nUIDL\r\nSTLS\r\nSASL PLAIN\r\n.\r\n";
        const Result r = run(server.serverPort(), Security::StartTls);
        QVERIFY(r.finished);
        QVERIFY2(r.succeeded, qPrintable(r.error));
        QTRY_VERIFY(server.received.contains("QUIT"));
        // Nothing resembling credentials was sent.
        for (const QByteArray &line : std::as_const(server.received))
            QVERIFY2(line == "CAPA" || line == "QUIT", line.constData());
    }

    void failures_data()
    {
        QTest::addColumn<QByteArray>("greeting");
        QTest::addColumn<QByteArray>("capa");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no STLS") << QByteArray("+OK hi\r\n")
                                 << QByteArray("+OK\r\nUSER\r\nUIDL\r\n.\r\n") << "STARTTLS";
        QTest::newRow("CAPA refused")
            << QByteArray("+OK hi\r\n") << QByteArray("-ERR no\r\n") << "STARTTLS";
        QTest::newRow("not POP3") << QByteArray("220 smtp.example.org ESMTP\r\n") << QByteArray()
                                  << "POP3";
        QTest::newRow("busy") << QByteArray("-ERR [IN-USE] try later\r\n") << QByteArray()
                              << "refused the connection: [IN-USE] try later";
        QTest::newRow("endless line") << QByteArray(64 * 1024, 'A') << QByteArray() << "too";
        QTest::newRow("silent") << QByteArray() << QByteArray() << "in time";
    }

    void failures()
    {
        QFETCH(QByteArray, greeting);
        QFETCH(QByteArray, capa);
        QFETCH(QString, expected);
        ScriptedServer server;
        server.greeting = greeting;
        server.capaAnswer = capa;
        const Result r = run(server.serverPort(), Security::StartTls, 800);
        QVERIFY(r.finished);
        QVERIFY(!r.succeeded);
        QVERIFY2(r.error.contains(expected), qPrintable(r.error));
        QVERIFY(r.elapsedMs < 4000);
    }

    void closedRightAfterGreetingLine()
    {
        ScriptedServer server;
        server.greeting = "+OK hi\r\n";
        server.closeAfterGreeting = true;
        const Result r = run(server.serverPort(), Security::StartTls);
        QVERIFY(r.finished);
        QVERIFY(!r.succeeded);
        QVERIFY(!r.error.isEmpty());
    }

    void plainGreetingOnTlsPortIsNotTls()
    {
        ScriptedServer server;
        server.greeting = "+OK plain POP3 here\r\n";
        const Result r = run(server.serverPort(), Security::Tls);
        QVERIFY(r.finished);
        QVERIFY(!r.succeeded);
        QVERIFY(!r.error.isEmpty());
    }

    void unencryptedIsNeverProbed()
    {
        ScriptedServer server;
        server.greeting = "+OK hi\r\n";
        const Result r = run(server.serverPort(), Security::None);
        QVERIFY(r.finished);
        QVERIFY(!r.succeeded);
        QVERIFY(r.error.contains(QStringLiteral("unencrypted")));
        QVERIFY(server.received.isEmpty());
    }

    // --- SMTP submission ---------------------------------------------------------------

    void smtpStartTlsServer()
    {
        ScriptedServer server;
        server.greeting = "220-smtp.example.org ESMTP\r\n220 no spam\r\n";
        server.ehloAnswer = "250-smtp.example.org\r\n250-PIPELINING\r\n250-STARTTLS\r\n"
                            "250 AUTH PLAIN LOGIN\r\n";
        const Result r =
            run(server.serverPort(), Security::StartTls, 3000, ServerProbe::Protocol::Smtp);
        QVERIFY(r.finished);
        QVERIFY2(r.succeeded, qPrintable(r.error));
        QTRY_VERIFY(server.received.contains("QUIT"));
        // An anonymous EHLO and QUIT: no login, no name of this computer.
        QCOMPARE(server.received.first(), QByteArray("EHLO [127.0.0.1]"));
        for (const QByteArray &line : std::as_const(server.received))
            QVERIFY2(line.startsWith("EHLO") || line == "QUIT", line.constData());
    }

    void smtpImplicitTlsServer()
    {
        Poplar::TestSupport::ScriptedServer server(
            Poplar::TestSupport::ScriptedServer::Mode::ImplicitTls);
        server.addScript(QStringLiteral("S: 220 smtp.example.org ESMTP\n"
                                        "C: EHLO [127.0.0.1]\n"
                                        "S: 250-smtp.example.org\n"
                                        "S: 250 AUTH PLAIN\n"
                                        "C: QUIT\n"
                                        "S: 221 bye\n"));
        QVERIFY(server.start());
        bool verified = true;
        const Result r =
            run(server.port(), Security::Tls, 5000, ServerProbe::Protocol::Smtp, &verified);
        QVERIFY(r.finished);
        QVERIFY2(r.succeeded, qPrintable(r.error));
        QVERIFY(!verified); // self-signed: flagged for the connection test, not trusted
        QVERIFY2(server.failures().isEmpty(), qPrintable(server.failures().join(u'\n')));
    }

    void smtpFailures_data()
    {
        QTest::addColumn<QByteArray>("greeting");
        QTest::addColumn<QByteArray>("ehlo");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no STARTTLS")
            << QByteArray("220 hi\r\n") << QByteArray("250-hi\r\n250 AUTH PLAIN\r\n")
            << "does not offer STARTTLS";
        QTest::newRow("EHLO refused")
            << QByteArray("220 hi\r\n") << QByteArray("500 what\r\n") << "refused EHLO: what";
        QTest::newRow("POP3 on the submission port")
            << QByteArray("+OK POP3 ready\r\n") << QByteArray() << "SMTP server";
        QTest::newRow("turned away")
            << QByteArray("554 5.7.1 your network is blocked\r\n") << QByteArray()
            << "refused the connection: your network is blocked";
        QTest::newRow("busy") << QByteArray("421 too many connections\r\n") << QByteArray()
                              << "refused the connection";
        QTest::newRow("other greeting code")
            << QByteArray("250 hello?\r\n") << QByteArray() << "greet like an SMTP server";
        QTest::newRow("endless line") << QByteArray(64 * 1024, 'A') << QByteArray() << "too much";
        QByteArray endless = "220-hi\r\n";
        for (int i = 0; i < 5000; ++i)
            endless += "220-more\r\n";
        QTest::newRow("endless greeting") << endless << QByteArray() << "too much";
        QTest::newRow("silent") << QByteArray() << QByteArray() << "in time";
    }

    void smtpFailures()
    {
        QFETCH(QByteArray, greeting);
        QFETCH(QByteArray, ehlo);
        QFETCH(QString, expected);
        ScriptedServer server;
        server.greeting = greeting;
        server.ehloAnswer = ehlo;
        const Result r =
            run(server.serverPort(), Security::StartTls, 800, ServerProbe::Protocol::Smtp);
        QVERIFY(r.finished);
        QVERIFY(!r.succeeded);
        QVERIFY2(r.error.contains(expected), qPrintable(r.error));
        QVERIFY(r.elapsedMs < 4000);
        for (const QByteArray &line : std::as_const(server.received))
            QVERIFY2(!line.startsWith("AUTH"), line.constData());
    }

    void smtpPlainGreetingOnTlsPortIsNotTls()
    {
        ScriptedServer server;
        server.greeting = "220 plain SMTP here\r\n";
        const Result r = run(server.serverPort(), Security::Tls, 3000, ServerProbe::Protocol::Smtp);
        QVERIFY(r.finished);
        QVERIFY(!r.succeeded);
        QVERIFY(!r.error.isEmpty());
    }

    void refusedPortFailsQuickly()
    {
        RefusingPort refusing;
        QVERIFY(refusing.port() != 0);
        const quint16 port = refusing.port();
        const Result r = run(port, Security::StartTls);
        QVERIFY(r.finished);
        QVERIFY(!r.succeeded);
        QVERIFY(r.elapsedMs < 2000);
        QVERIFY(!r.error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_ServerProbe)
#include "tst_ServerProbe.moc"
