#include "ScriptedServer.h"
#include "ScriptedTransport.h"
#include "smtp/Client.h"

#include <QSignalSpy>
#include <QTest>

using namespace Poplar::Smtp;
using Poplar::Net::CertificateProblem;
using Poplar::TestSupport::ScriptedServer;
using Poplar::TestSupport::ScriptedTransport;

namespace {

const QByteArray PlainResponse = QByteArray("\0alice\0secret", 13).toBase64();
const QByteArray Message = "From: a@example.org\r\nTo: b@example.org\r\nSubject: hi\r\n\r\n"
                           "Hello.\r\n.hidden dot\r\n";

Settings settingsFor(const ScriptedServer &server, Settings::Security security)
{
    Settings s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = server.port();
    s.security = security;
    s.username = QStringLiteral("alice");
    s.password = QStringLiteral("secret");
    s.pinnedSha256 = ScriptedServer::identity(0).sha256;
    s.connectTimeoutMs = 10000;
    s.commandTimeoutMs = 10000;
    s.greetingTimeoutMs = 10000;
    s.dataStartTimeoutMs = 10000;
    s.dataEndTimeoutMs = 10000;
    return s;
}

// An EHLO reply with these extension lines.
QString ehlo(const QStringList &extensions)
{
    QString out;
    QStringList lines = {QStringLiteral("mail.example")};
    lines += extensions;
    for (qsizetype i = 0; i < lines.size(); ++i)
        out += QStringLiteral("S: 250%1%2\n")
                   .arg(i + 1 < lines.size() ? QStringLiteral("-") : QStringLiteral(" "))
                   .arg(lines[i]);
    return out;
}

QString login(const QStringList &extensions)
{
    return QStringLiteral("S: 220 mail.example ESMTP\nC: EHLO [127.0.0.1]\n") + ehlo(extensions) +
           QStringLiteral("C: AUTH PLAIN %1\nS: 235 2.7.0 Authentication successful\n")
               .arg(QString::fromLatin1(PlainResponse));
}

// What the server reads of Message as DATA.
QString messageLines()
{
    return QStringLiteral("C: From: a@example.org\nC: To: b@example.org\nC: Subject: hi\nC: \n"
                          "C: Hello.\nC: ..hidden dot\nC: .\n");
}

// What the server reads of Message after BDAT: the bytes as they are.
QString bdatLines()
{
    return QStringLiteral("C: From: a@example.org\nC: To: b@example.org\nC: Subject: hi\nC: \n"
                          "C: Hello.\nC: .hidden dot\n");
}

// Collects everything a Client reports.
struct Recorder
{
    explicit Recorder(Client *client)
        : opened(client, &Client::opened)
        , failed(client, &Client::failed)
        , finished(client, &Client::sendFinished)
        , closed(client, &Client::sessionClosed)
        , certificates(client, &Client::certificateRejected)
    {}
    SendResult result() const { return finished.last().at(0).value<SendResult>(); }
    Error failure() const { return failed.last().at(0).value<Error>(); }

    QSignalSpy opened;
    QSignalSpy failed;
    QSignalSpy finished;
    QSignalSpy closed;
    QSignalSpy certificates;
};

Envelope envelope(const QStringList &recipients = {QStringLiteral("b@example.org")})
{
    return Envelope{QStringLiteral("a@example.org"), recipients};
}

} // namespace

class tst_SmtpClient : public QObject
{
    Q_OBJECT

private slots:
    void implicitTlsPipelinedSend()
    {
        ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
        QVERIFY(server.start());
        // The server answers only after MAIL, RCPT and DATA all arrived: a client that
        // waited for each reply would hang here.
        server.addScript(login({QStringLiteral("PIPELINING"), QStringLiteral("SIZE 1000000"),
                                QStringLiteral("AUTH PLAIN LOGIN"), QStringLiteral("8BITMIME"),
                                QStringLiteral("ENHANCEDSTATUSCODES")}) +
                         QStringLiteral("C: MAIL FROM:<a@example.org> SIZE=%1\n"
                                        "C: RCPT TO:<b@example.org>\n"
                                        "C: RCPT TO:<c@example.org>\n"
                                        "C: DATA\n"
                                        "S: 250 2.1.0 Ok\nS: 250 2.1.5 Ok\nS: 250 2.1.5 Ok\n"
                                        "S: 354 End data with <CR><LF>.<CR><LF>\n")
                             .arg(Message.size()) +
                         messageLines() +
                         QStringLiteral("S: 250 2.0.0 Ok: queued as 4XyZ\n"
                                        "C: QUIT\nS: 221 2.0.0 Bye\n"));
        Client client(settingsFor(server, Settings::Security::Tls));
        Recorder r(&client);
        client.open();
        QTRY_COMPARE_WITH_TIMEOUT(r.opened.size(), 1, 10000);
        QCOMPARE(client.mechanismUsed(), Poplar::Net::Sasl::Mechanism::Plain);
        QVERIFY(client.capabilities().pipelining());
        QCOMPARE(client.capabilities().sizeLimit(), 1000000);
        client.send(envelope({QStringLiteral("b@example.org"), QStringLiteral("c@example.org")}),
                    Message);
        QTRY_COMPARE_WITH_TIMEOUT(r.finished.size(), 1, 10000);
        const SendResult result = r.result();
        QCOMPARE(result.outcome, SendResult::Outcome::Sent);
        QVERIFY(result.refused().isEmpty());
        QCOMPARE(result.finalReply.text(), QByteArray("Ok: queued as 4XyZ"));
        // MAIL, both RCPTs and DATA reached the server before it had said a word about them.
        const qsizetype mail = server.received().indexOf("MAIL FROM:<a@example.org> SIZE=" +
                                                         QByteArray::number(Message.size()));
        QVERIFY(mail > 0);
        QCOMPARE(server.sentBeforeLine(mail + 3), server.sentBeforeLine(mail));
        client.quit();
        QTRY_COMPARE(r.closed.size(), 1);
        QVERIFY2(server.failures().isEmpty(), qPrintable(server.failures().join(u'\n')));
        QVERIFY(server.scriptFinished());
        QCOMPARE(r.failed.size(), 0);
    }

    void startTlsThenEhloAgain()
    {
        ScriptedServer server;
        QVERIFY(server.start());
        // The 250 glued to the 220 came in clear: it must not count as the answer to EHLO.
        server.addScript(QStringLiteral("S: 220 mail.example ESMTP\nC: EHLO [127.0.0.1]\n") +
                         ehlo({QStringLiteral("STARTTLS"), QStringLiteral("AUTH PLAIN")}) +
                         QStringLiteral("C: STARTTLS\n"));
        server.sendRaw("220 2.0.0 Ready to start TLS\r\n250 AUTH PLAIN injected\r\n");
        server.addScript(QStringLiteral("TLS\nC: EHLO [127.0.0.1]\n") +
                         ehlo({QStringLiteral("AUTH PLAIN")}) +
                         QStringLiteral("C: AUTH PLAIN %1\nS: 235 ok\n")
                             .arg(QString::fromLatin1(PlainResponse)));
        Client client(settingsFor(server, Settings::Security::StartTls));
        Recorder r(&client);
        client.open();
        QTRY_COMPARE_WITH_TIMEOUT(r.opened.size(), 1, 10000);
        QVERIFY2(server.failures().isEmpty(), qPrintable(server.failures().join(u'\n')));
        QVERIFY(server.isEncrypted());
    }

    void startTlsMissingEndsTheSessionBeforeAuth()
    {
        ScriptedServer server;
        QVERIFY(server.start());
        // A man in the middle strips STARTTLS from the EHLO reply.
        server.addScript(QStringLiteral("S: 220 mail.example ESMTP\nC: EHLO [127.0.0.1]\n") +
                         ehlo({QStringLiteral("AUTH PLAIN LOGIN")}));
        Client client(settingsFor(server, Settings::Security::StartTls));
        Recorder r(&client);
        client.open();
        QTRY_COMPARE_WITH_TIMEOUT(r.failed.size(), 1, 10000);
        QCOMPARE(r.failure().kind, ErrorKind::StartTlsUnavailable);
        QVERIFY(r.failure().message().contains(QStringLiteral("STARTTLS")));
        QTest::qWait(50);
        for (const QByteArray &line : server.received())
            QVERIFY2(!line.startsWith("AUTH"), line.constData());
    }

    void startTlsRefused()
    {
        ScriptedServer server;
        QVERIFY(server.start());
        server.addScript(QStringLiteral("S: 220 hi\nC: EHLO [127.0.0.1]\n") +
                         ehlo({QStringLiteral("STARTTLS"), QStringLiteral("AUTH PLAIN")}) +
                         QStringLiteral("C: STARTTLS\nS: 454 4.7.0 TLS not available\n"));
        Client client(settingsFor(server, Settings::Security::StartTls));
        Recorder r(&client);
        client.open();
        QTRY_COMPARE_WITH_TIMEOUT(r.failed.size(), 1, 10000);
        QCOMPARE(r.failure().kind, ErrorKind::StartTlsFailed);
        QCOMPARE(r.opened.size(), 0);
    }

    void untrustedCertificateIsReported()
    {
        ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
        QVERIFY(server.start());
        server.addScript(QStringLiteral("S: 220 hi\n"));
        Settings settings = settingsFor(server, Settings::Security::Tls);
        settings.pinnedSha256.clear();
        Client client(settings);
        Recorder r(&client);
        client.open();
        QTRY_COMPARE_WITH_TIMEOUT(r.failed.size(), 1, 10000);
        QCOMPARE(r.failure().kind, ErrorKind::CertificateUntrusted);
        QCOMPARE(r.certificates.size(), 1);
        QCOMPARE(r.certificates.first().at(0).value<CertificateProblem>().sha256,
                 ScriptedServer::identity(0).sha256);
    }

    void partialRecipientRefusal()
    {
        ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
        QVERIFY(server.start());
        server.addScript(
            login({QStringLiteral("PIPELINING"), QStringLiteral("AUTH PLAIN")}) +
            QStringLiteral("C: MAIL FROM:<a@example.org>\nC: RCPT TO:<b@example.org>\n"
                           "C: RCPT TO:<nobody@example.org>\nC: DATA\n"
                           "S: 250 2.1.0 Ok\nS: 250 2.1.5 Ok\n"
                           "S: 550 5.1.1 <nobody@example.org>: Recipient address rejected\n"
                           "S: 354 go\n") +
            messageLines() + QStringLiteral("S: 250 2.0.0 queued\n"));
        Client client(settingsFor(server, Settings::Security::Tls));
        Recorder r(&client);
        client.open();
        QTRY_COMPARE_WITH_TIMEOUT(r.opened.size(), 1, 10000);
        client.send(
            envelope({QStringLiteral("b@example.org"), QStringLiteral("nobody@example.org")}),
            Message);
        QTRY_COMPARE_WITH_TIMEOUT(r.finished.size(), 1, 10000);
        const SendResult result = r.result();
        QCOMPARE(result.outcome, SendResult::Outcome::Sent);
        QCOMPARE(result.refused().size(), 1);
        QCOMPARE(result.refused().first().address, QStringLiteral("nobody@example.org"));
        QCOMPARE(result.refused().first().reply.status, (EnhancedStatus{5, 1, 1}));
        QVERIFY(describeStatus(result.refused().first().reply.status).contains(u"does not exist"));
        QVERIFY2(server.failures().isEmpty(), qPrintable(server.failures().join(u'\n')));
    }

    void everyRecipientRefusedPipelined()
    {
        ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
        QVERIFY(server.start());
        server.addScript(login({QStringLiteral("PIPELINING"), QStringLiteral("AUTH PLAIN")}) +
                         QStringLiteral("C: MAIL FROM:<a@example.org>\nC: RCPT TO:<x@example.org>\n"
                                        "C: DATA\nS: 250 Ok\nS: 554 5.7.1 Relay access denied\n"
                                        "S: 354 go ahead anyway\nC: .\n"
                                        "S: 554 5.5.1 No valid recipients\n"));
        Client client(settingsFor(server, Settings::Security::Tls));
        Recorder r(&client);
        client.open();
        QTRY_COMPARE_WITH_TIMEOUT(r.opened.size(), 1, 10000);
        client.send(envelope({QStringLiteral("x@example.org")}), Message);
        QTRY_COMPARE_WITH_TIMEOUT(r.finished.size(), 1, 10000);
        const SendResult result = r.result();
        QCOMPARE(result.outcome, SendResult::Outcome::NotSent);
        QCOMPARE(result.error.kind, ErrorKind::RecipientsRefused);
        QVERIFY(result.error.message().contains(u"relay"));
        QVERIFY(!result.error.isTransient());
        QVERIFY(!server.received().contains("Hello."));
        QVERIFY2(server.failures().isEmpty(), qPrintable(server.failures().join(u'\n')));
        QCOMPARE(client.state(), Client::State::Ready);
    }

    void withoutPipeliningEachCommandWaits()
    {
        ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
        QVERIFY(server.start());
        server.addScript(login({QStringLiteral("AUTH PLAIN")}) +
                         QStringLiteral("C: MAIL FROM:<a@example.org>\nS: 250 Ok\n"
                                        "C: RCPT TO:<nobody@example.org>\nS: 550 5.1.1 unknown\n"));
        Client client(settingsFor(server, Settings::Security::Tls));
        Recorder r(&client);
        client.open();
        QTRY_COMPARE_WITH_TIMEOUT(r.opened.size(), 1, 10000);
        client.send(envelope({QStringLiteral("nobody@example.org")}), Message);
        QTRY_COMPARE_WITH_TIMEOUT(r.finished.size(), 1, 10000);
        QCOMPARE(r.result().outcome, SendResult::Outcome::NotSent);
        QCOMPARE(r.result().error.kind, ErrorKind::RecipientsRefused);
        // No DATA after the only recipient was refused.
        QTest::qWait(50);
        QVERIFY(!server.received().contains("DATA"));
        const qsizetype mail = server.received().indexOf("MAIL FROM:<a@example.org>");
        QVERIFY(server.sentBeforeLine(mail + 1) > server.sentBeforeLine(mail));
    }

    void secondMessageStartsWithRset()
    {
        ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
        QVERIFY(server.start());
        const QString transaction =
            QStringLiteral("C: MAIL FROM:<a@example.org>\nC: RCPT TO:<b@example.org>\nC: DATA\n"
                           "S: 250 Ok\nS: 250 Ok\nS: 354 go\n") +
            messageLines() + QStringLiteral("S: 250 queued\n");
        server.addScript(login({QStringLiteral("PIPELINING"), QStringLiteral("AUTH PLAIN")}) +
                         transaction + QStringLiteral("C: RSET\nS: 250 Ok\n") + transaction);
        Client client(settingsFor(server, Settings::Security::Tls));
        Recorder r(&client);
        connect(&client, &Client::sendFinished, &client, [&client](const SendResult &result) {
            static int sent = 0;
            if (result.outcome == SendResult::Outcome::Sent && ++sent == 1)
                client.send(envelope(), Message);
        });
        client.open();
        QTRY_COMPARE_WITH_TIMEOUT(r.opened.size(), 1, 10000);
        client.send(envelope(), Message);
        QTRY_COMPARE_WITH_TIMEOUT(r.finished.size(), 2, 10000);
        QCOMPARE(r.result().outcome, SendResult::Outcome::Sent);
        QVERIFY2(server.failures().isEmpty(), qPrintable(server.failures().join(u'\n')));
        QVERIFY(server.scriptFinished());
    }

    // CHUNKING (RFC 3030) with PIPELINING: MAIL, RCPT, BDAT and the message as it is (no dot
    // stuffing, no final dot) in one write, so a message costs one round trip.
    void chunkingSendsTheMessageInOneRoundTrip()
    {
        ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
        QVERIFY(server.start());
        server.addScript(
            login({QStringLiteral("PIPELINING"), QStringLiteral("CHUNKING"),
                   QStringLiteral("AUTH PLAIN")}) +
            QStringLiteral("C: MAIL FROM:<a@example.org>\nC: RCPT TO:<b@example.org>\n"
                           "C: BDAT %1 LAST\n")
                .arg(Message.size()) +
            bdatLines() +
            QStringLiteral("S: 250 Ok\nS: 250 Ok\nS: 250 Ok id=1\nC: QUIT\nS: 221 Bye\n"));
        Client client(settingsFor(server, Settings::Security::Tls));
        Recorder r(&client);
        client.open();
        QTRY_COMPARE_WITH_TIMEOUT(r.opened.size(), 1, 10000);
        QVERIFY(client.capabilities().chunking());
        client.send(envelope(), Message);
        QTRY_COMPARE_WITH_TIMEOUT(r.finished.size(), 1, 10000);
        QCOMPARE(r.result().outcome, SendResult::Outcome::Sent);
        QCOMPARE(r.result().finalReply.text(), QByteArray("Ok id=1"));
        // The message's last line reached the server before it had answered MAIL.
        const qsizetype mail = server.received().indexOf("MAIL FROM:<a@example.org>");
        QVERIFY(mail > 0);
        QCOMPARE(server.sentBeforeLine(mail + 8), server.sentBeforeLine(mail));
        QCOMPARE(server.received().value(mail + 8), QByteArray(".hidden dot"));
        client.quit();
        QTRY_COMPARE(r.closed.size(), 1);
        QVERIFY2(server.failures().isEmpty(), qPrintable(server.failures().join(u'\n')));
        QCOMPARE(r.failed.size(), 0);
    }

    void chunkingWithEveryRecipientRefused()
    {
        ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
        QVERIFY(server.start());
        server.addScript(
            login({QStringLiteral("PIPELINING"), QStringLiteral("CHUNKING"),
                   QStringLiteral("AUTH PLAIN")}) +
            QStringLiteral("C: MAIL FROM:<a@example.org>\nC: RCPT TO:<b@example.org>\n"
                           "C: BDAT %1 LAST\n")
                .arg(Message.size()) +
            bdatLines() +
            QStringLiteral("S: 250 Ok\nS: 550 5.1.1 No such user\nS: 554 No valid recipients\n"));
        Client client(settingsFor(server, Settings::Security::Tls));
        Recorder r(&client);
        client.open();
        QTRY_COMPARE_WITH_TIMEOUT(r.opened.size(), 1, 10000);
        client.send(envelope(), Message);
        QTRY_COMPARE_WITH_TIMEOUT(r.finished.size(), 1, 10000);
        QCOMPARE(r.result().outcome, SendResult::Outcome::NotSent);
        QCOMPARE(r.result().error.kind, ErrorKind::RecipientsRefused);
        QCOMPARE(r.result().refused().size(), 1);
        QCOMPARE(r.result().refused().first().reply.code, 550);
        QCOMPARE(client.state(), Client::State::Ready); // the next message may go
    }

    void hangUpAfterBdatIsUnknown()
    {
        ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
        QVERIFY(server.start());
        server.addScript(login({QStringLiteral("PIPELINING"), QStringLiteral("CHUNKING"),
                                QStringLiteral("AUTH PLAIN")}) +
                         QStringLiteral("C: MAIL FROM:<a@example.org>\nC: RCPT TO:<b@example.org>\n"
                                        "C: BDAT %1 LAST\n")
                             .arg(Message.size()) +
                         bdatLines() + QStringLiteral("S: 250 Ok\nS: 250 Ok\nCLOSE\n"));
        Client client(settingsFor(server, Settings::Security::Tls));
        Recorder r(&client);
        client.open();
        QTRY_COMPARE_WITH_TIMEOUT(r.opened.size(), 1, 10000);
        client.send(envelope(), Message);
        QTRY_COMPARE_WITH_TIMEOUT(r.finished.size(), 1, 10000);
        QCOMPARE(r.result().outcome, SendResult::Outcome::Unknown);
        QTRY_COMPARE(r.failed.size(), 1);
    }

    void hangUpAfterTheFinalDotIsUnknown()
    {
        ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
        QVERIFY(server.start());
        server.addScript(login({QStringLiteral("PIPELINING"), QStringLiteral("AUTH PLAIN")}) +
                         QStringLiteral("C: MAIL FROM:<a@example.org>\nC: RCPT TO:<b@example.org>\n"
                                        "C: DATA\nS: 250 Ok\nS: 250 Ok\nS: 354 go\n") +
                         messageLines() + QStringLiteral("CLOSE\n"));
        Client client(settingsFor(server, Settings::Security::Tls));
        Recorder r(&client);
        client.open();
        QTRY_COMPARE_WITH_TIMEOUT(r.opened.size(), 1, 10000);
        client.send(envelope(), Message);
        QTRY_COMPARE_WITH_TIMEOUT(r.finished.size(), 1, 10000);
        QCOMPARE(r.result().outcome, SendResult::Outcome::Unknown);
        QTRY_COMPARE(r.failed.size(), 1);
        QCOMPARE(r.closed.size(), 1);
    }

    void timeoutAfterTheFinalDotIsUnknown()
    {
        ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
        QVERIFY(server.start());
        server.addScript(login({QStringLiteral("PIPELINING"), QStringLiteral("AUTH PLAIN")}) +
                         QStringLiteral("C: MAIL FROM:<a@example.org>\nC: RCPT TO:<b@example.org>\n"
                                        "C: DATA\nS: 250 Ok\nS: 250 Ok\nS: 354 go\n") +
                         messageLines());
        Settings settings = settingsFor(server, Settings::Security::Tls);
        settings.dataEndTimeoutMs = 300;
        Client client(settings);
        Recorder r(&client);
        client.open();
        QTRY_COMPARE_WITH_TIMEOUT(r.opened.size(), 1, 10000);
        client.send(envelope(), Message);
        QTRY_COMPARE_WITH_TIMEOUT(r.finished.size(), 1, 10000);
        QCOMPARE(r.result().outcome, SendResult::Outcome::Unknown);
        QCOMPARE(r.result().error.kind, ErrorKind::Timeout);
    }

    void refusalsAtEachStage_data()
    {
        QTest::addColumn<QString>("exchange");
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("transient");
        QTest::addColumn<QString>("words");
        const QString head =
            QStringLiteral("C: MAIL FROM:<a@example.org>\nC: RCPT TO:<b@example.org>\n"
                           "C: DATA\n");
        QTest::newRow("MAIL 4xx") << head + QStringLiteral("S: 451 4.3.0 try later\nS: 503 5.5.1 "
                                                           "no sender\nS: 503 5.5.1 no rcpt\n")
                                  << int(ErrorKind::SenderRefused) << true << QString();
        QTest::newRow("MAIL 530") << head + QStringLiteral("S: 530 5.7.0 Authentication required\n"
                                                           "S: 503 no\nS: 503 no\n")
                                  << int(ErrorKind::AuthRequired) << false
                                  << QStringLiteral("log in");
        QTest::newRow("DATA 554") << head + QStringLiteral("S: 250 ok\nS: 250 ok\n"
                                                           "S: 554 5.3.0 no DATA now\n")
                                  << int(ErrorKind::MessageRefused) << false << QString();
        QTest::newRow("final 552")
            << head + QStringLiteral("S: 250 ok\nS: 250 ok\nS: 354 go\n") + messageLines() +
                   QStringLiteral("S: 552 5.3.4 Message size exceeds limit\n")
            << int(ErrorKind::MessageTooLarge) << false << QStringLiteral("too large");
        QTest::newRow("final 452")
            << head + QStringLiteral("S: 250 ok\nS: 250 ok\nS: 354 go\n") + messageLines() +
                   QStringLiteral("S: 452 4.2.2 Mailbox full\n")
            << int(ErrorKind::MessageRefused) << true << QStringLiteral("mailbox is full");
    }
    void refusalsAtEachStage()
    {
        QFETCH(QString, exchange);
        QFETCH(int, kind);
        QFETCH(bool, transient);
        QFETCH(QString, words);
        ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
        QVERIFY(server.start());
        server.addScript(login({QStringLiteral("PIPELINING"), QStringLiteral("AUTH PLAIN")}) +
                         exchange);
        Client client(settingsFor(server, Settings::Security::Tls));
        Recorder r(&client);
        client.open();
        QTRY_COMPARE_WITH_TIMEOUT(r.opened.size(), 1, 10000);
        client.send(envelope(), Message);
        QTRY_COMPARE_WITH_TIMEOUT(r.finished.size(), 1, 10000);
        const SendResult result = r.result();
        QCOMPARE(result.outcome, SendResult::Outcome::NotSent);
        QCOMPARE(int(result.error.kind), kind);
        QCOMPARE(result.error.isTransient(), transient);
        QVERIFY2(result.error.message().contains(words), qPrintable(result.error.message()));
        QVERIFY(result.error.message().contains(u"The server said"));
        QVERIFY2(server.failures().isEmpty(), qPrintable(server.failures().join(u'\n')));
        QCOMPARE(client.state(), Client::State::Ready);
    }

    void overSizeIsRefusedBeforeSending()
    {
        ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
        QVERIFY(server.start());
        server.addScript(login({QStringLiteral("SIZE 50"), QStringLiteral("AUTH PLAIN")}));
        Client client(settingsFor(server, Settings::Security::Tls));
        Recorder r(&client);
        client.open();
        QTRY_COMPARE_WITH_TIMEOUT(r.opened.size(), 1, 10000);
        client.send(envelope(), Message);
        QTRY_COMPARE_WITH_TIMEOUT(r.finished.size(), 1, 10000);
        QCOMPARE(r.result().error.kind, ErrorKind::MessageTooLarge);
        QVERIFY(r.result().error.message().contains(u"larger"));
        QTest::qWait(50);
        QVERIFY(!server.received().last().startsWith("MAIL"));
    }

    void internationalAddresses()
    {
        // Without SMTPUTF8 a non-ASCII local part cannot be sent; an IDN domain can, as IDNA.
        ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
        QVERIFY(server.start());
        server.addScript(login({QStringLiteral("PIPELINING"), QStringLiteral("AUTH PLAIN")}) +
                         QStringLiteral("C: MAIL FROM:<a@example.org>\n"
                                        "C: RCPT TO:<user@xn--fsqu00a.xn--fiqs8s>\nC: DATA\n"
                                        "S: 250 ok\nS: 250 ok\nS: 354 go\n") +
                         messageLines() + QStringLiteral("S: 250 ok\n"));
        Client client(settingsFor(server, Settings::Security::Tls));
        Recorder r(&client);
        client.open();
        QTRY_COMPARE_WITH_TIMEOUT(r.opened.size(), 1, 10000);
        client.send(envelope({QStringLiteral("用户@例子.中国")}), Message);
        QTRY_COMPARE_WITH_TIMEOUT(r.finished.size(), 1, 10000);
        QCOMPARE(r.result().error.kind, ErrorKind::SmtpUtf8Unavailable);
        QVERIFY(r.result().error.message().contains(u"SMTPUTF8"));
        client.send(envelope({QStringLiteral("user@例子.中国")}), Message);
        QTRY_COMPARE_WITH_TIMEOUT(r.finished.size(), 2, 10000);
        QCOMPARE(r.result().outcome, SendResult::Outcome::Sent);
        QVERIFY2(server.failures().isEmpty(), qPrintable(server.failures().join(u'\n')));
    }

    void smtpUtf8WhenOffered()
    {
        ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
        QVERIFY(server.start());
        const QByteArray message = QStringLiteral("Subject: 你好\r\n\r\n你好\r\n").toUtf8();
        server.addScript(
            login({QStringLiteral("PIPELINING"), QStringLiteral("AUTH PLAIN"),
                   QStringLiteral("8BITMIME"), QStringLiteral("SMTPUTF8")}) +
            QStringLiteral("C: MAIL FROM:<a@example.org> BODY=8BITMIME SMTPUTF8\n"
                           "C: RCPT TO:<用户@例子.中国>\nC: DATA\n"
                           "S: 250 ok\nS: 250 ok\nS: 354 go\nC: Subject: 你好\nC: \nC: 你好\n"
                           "C: .\nS: 250 ok\n"));
        Client client(settingsFor(server, Settings::Security::Tls));
        Recorder r(&client);
        client.open();
        QTRY_COMPARE_WITH_TIMEOUT(r.opened.size(), 1, 10000);
        client.send(envelope({QStringLiteral("用户@例子.中国")}), message);
        QTRY_COMPARE_WITH_TIMEOUT(r.finished.size(), 1, 10000);
        QCOMPARE(r.result().outcome, SendResult::Outcome::Sent);
        QVERIFY2(server.failures().isEmpty(), qPrintable(server.failures().join(u'\n')));
    }

    void eightBitWithout8BitMimeIsRefused()
    {
        ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
        QVERIFY(server.start());
        server.addScript(login({QStringLiteral("AUTH PLAIN")}));
        Client client(settingsFor(server, Settings::Security::Tls));
        Recorder r(&client);
        client.open();
        QTRY_COMPARE_WITH_TIMEOUT(r.opened.size(), 1, 10000);
        client.send(envelope(), QStringLiteral("Subject: x\r\n\r\nCafé\r\n").toUtf8());
        QTRY_COMPARE_WITH_TIMEOUT(r.finished.size(), 1, 10000);
        QCOMPARE(r.result().error.kind, ErrorKind::EightBitUnavailable);
    }

    void loginMechanisms_data()
    {
        QTest::addColumn<int>("auth");
        QTest::addColumn<QString>("offered");
        QTest::addColumn<QString>("exchange");
        const QByteArray login1 = QByteArray("alice").toBase64();
        const QByteArray login2 = QByteArray("secret").toBase64();
        QTest::newRow("LOGIN") << int(Settings::Auth::Login) << QStringLiteral("AUTH LOGIN")
                               << QStringLiteral("C: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: %1\n"
                                                 "S: 334 UGFzc3dvcmQ6\nC: %2\nS: 235 ok\n")
                                      .arg(QString::fromLatin1(login1),
                                           QString::fromLatin1(login2));
        // RFC 2195's example challenge, answered with HMAC-MD5 of the password.
        QTest::newRow("Auto prefers CRAM-MD5")
            << int(Settings::Auth::Auto) << QStringLiteral("AUTH PLAIN CRAM-MD5")
            << QStringLiteral("C: AUTH CRAM-MD5\n"
                              "S: 334 PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+\n"
                              "C: *\nS: 235 ok\n");
        QTest::newRow("Auto falls back to PLAIN")
            << int(Settings::Auth::Auto) << QStringLiteral("AUTH CRAM-MD5 PLAIN")
            << QStringLiteral("C: AUTH CRAM-MD5\nS: 334 PDEyMzRAeD4=\nC: *\n"
                              "S: 535 5.7.8 Authentication failed\nC: AUTH PLAIN %1\nS: 235 ok\n")
                   .arg(QString::fromLatin1(PlainResponse));
        QTest::newRow("old AUTH= form") << int(Settings::Auth::Auto) << QStringLiteral("AUTH=PLAIN")
                                        << QStringLiteral("C: AUTH PLAIN %1\nS: 235 ok\n")
                                               .arg(QString::fromLatin1(PlainResponse));
        QTest::newRow("XOAUTH2") << int(Settings::Auth::XOAuth2)
                                 << QStringLiteral("AUTH XOAUTH2 PLAIN")
                                 << QStringLiteral("C: AUTH XOAUTH2 %1\nS: 235 ok\n")
                                        .arg(QString::fromLatin1(
                                            QByteArray("user=alice\x01"
                                                       "auth=Bearer secret\x01\x01")
                                                .toBase64()));
    }
    void loginMechanisms()
    {
        QFETCH(int, auth);
        QFETCH(QString, offered);
        QFETCH(QString, exchange);
        ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
        QVERIFY(server.start());
        server.addScript(QStringLiteral("S: 220 hi\nC: EHLO [127.0.0.1]\n") + ehlo({offered}) +
                         exchange);
        Settings settings = settingsFor(server, Settings::Security::Tls);
        settings.auth = Settings::Auth(auth);
        Client client(settings);
        Recorder r(&client);
        client.open();
        QTRY_COMPARE_WITH_TIMEOUT(r.opened.size() + r.failed.size(), 1, 10000);
        QVERIFY2(server.failures().isEmpty(), qPrintable(server.failures().join(u'\n')));
        QCOMPARE(r.opened.size(), 1);
    }

    void wrongPassword()
    {
        ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
        QVERIFY(server.start());
        server.addScript(QStringLiteral("S: 220 hi\nC: EHLO [127.0.0.1]\n") +
                         ehlo({QStringLiteral("AUTH PLAIN LOGIN")}) +
                         QStringLiteral("C: AUTH PLAIN %1\nS: 535 5.7.8 Error: authentication "
                                        "failed\nC: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: *\n"
                                        "S: 334 UGFzc3dvcmQ6\nC: *\nS: 535 5.7.8 failed\n")
                             .arg(QString::fromLatin1(PlainResponse)));
        Client client(settingsFor(server, Settings::Security::Tls));
        Recorder r(&client);
        client.open();
        QTRY_COMPARE_WITH_TIMEOUT(r.failed.size(), 1, 10000);
        QCOMPARE(r.failure().kind, ErrorKind::AuthFailed);
        QVERIFY(r.failure().message().contains(u"password"));
        QVERIFY(!r.failure().message().contains(u"secret"));
    }

    void heloOnlyWithoutEncryption()
    {
        ScriptedServer server;
        QVERIFY(server.start());
        server.addScript(QStringLiteral("S: 220 old server\nC: EHLO [127.0.0.1]\n"
                                        "S: 502 5.5.1 command not implemented\n"
                                        "C: HELO [127.0.0.1]\nS: 250 hello\n"));
        Settings settings = settingsFor(server, Settings::Security::None);
        settings.auth = Settings::Auth::None;
        Client client(settings);
        Recorder r(&client);
        client.open();
        QTRY_COMPARE_WITH_TIMEOUT(r.opened.size(), 1, 10000);
        QVERIFY2(server.failures().isEmpty(), qPrintable(server.failures().join(u'\n')));
    }

    void greetingRefused()
    {
        ScriptedServer server;
        QVERIFY(server.start());
        server.addScript(QStringLiteral("S: 554 5.7.1 no mail from your network\n"));
        Settings settings = settingsFor(server, Settings::Security::None);
        Client client(settings);
        Recorder r(&client);
        client.open();
        QTRY_COMPARE_WITH_TIMEOUT(r.failed.size(), 1, 10000);
        QCOMPARE(r.failure().kind, ErrorKind::ServiceUnavailable);
        QVERIFY(r.failure().message().contains(u"no mail from your network"));
    }

    // Hostile servers on the scripted transport: typed errors, bounded memory, no crash.
    void hostileServer_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("kind");
        QTest::newRow("endless greeting")
            << QByteArray(1024 * 1024, 'x') << int(ErrorKind::LineTooLong);
        QByteArray ehlo10mb = "220 hi\r\n";
        while (ehlo10mb.size() < 10 * 1024 * 1024)
            ehlo10mb += "250-" + QByteArray(200, 'E') + "\r\n";
        QTest::newRow("10 MB EHLO") << ehlo10mb << int(ErrorKind::ResponseTooLarge);
        QTest::newRow("garbage") << QByteArray("220 hi\r\n\x01\x02garbage\r\n")
                                 << int(ErrorKind::ProtocolViolation);
        QTest::newRow("unasked reply")
            << QByteArray("220 hi\r\n250 a\r\n250 b\r\n") << int(ErrorKind::ProtocolViolation);
        QTest::newRow("421 at any time") << QByteArray("220 hi\r\n421 4.3.2 shutting down\r\n")
                                         << int(ErrorKind::ServiceUnavailable);
    }
    void hostileServer()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, kind);
        Settings settings;
        settings.host = QStringLiteral("smtp.example");
        settings.security = Settings::Security::None;
        settings.auth = Settings::Auth::None;
        ScriptedTransport *transport = nullptr;
        Client client(settings, [&transport](const Settings &) {
            transport = new ScriptedTransport;
            return transport;
        });
        Recorder r(&client);
        client.open();
        QVERIFY(transport);
        for (qsizetype i = 0; i < bytes.size() && r.failed.isEmpty(); i += 64 * 1024)
            transport->feed(bytes.mid(i, 64 * 1024));
        QTRY_COMPARE(r.failed.size(), 1);
        QCOMPARE(int(r.failure().kind), kind);
        QCOMPARE(client.state(), Client::State::Closed);
    }

    void dataBlockStuffsDotsAndEndsLines()
    {
        QCOMPARE(Client::dataBlock(".a\n..b\nc\r\n.\r\nno end"),
                 QByteArray("..a\r\n...b\r\nc\r\n..\r\nno end\r\n.\r\n"));
        QCOMPARE(Client::dataBlock(QByteArray()), QByteArray(".\r\n"));
        QCOMPARE(Client::dataBlock("bare\rcr"), QByteArray("bare\r\ncr\r\n.\r\n"));
    }
};

QTEST_GUILESS_MAIN(tst_SmtpClient)
#include "tst_SmtpClient.moc"
