#include "RefusingPort.h"
#include "ScriptedServer.h"
#include "accounts/ConnectionTester.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Poplar::Accounts;
using Poplar::TestSupport::RefusingPort;
using Poplar::TestSupport::ScriptedServer;
using Outcome = ConnectionTester::Outcome;

namespace {

const QByteArray PlainResponse = QByteArray("\0alice\0secret", 13).toBase64();

QString greetingAndCapa()
{
    return QStringLiteral("S: +OK POP3 ready\n"
                          "C: CAPA\n"
                          "S: +OK capabilities follow\n"
                          "S: USER\n"
                          "S: UIDL\n"
                          "S: SASL PLAIN\n"
                          "S: .\n"
                          "C: AUTH PLAIN %1\n")
        .arg(QString::fromLatin1(PlainResponse));
}

AccountSettings settingsFor(quint16 port, Security security = Security::None)
{
    AccountSettings s = AccountSettings::create();
    s.emailAddress = QStringLiteral("alice@example.com");
    s.host = QStringLiteral("127.0.0.1");
    s.port = port;
    s.security = security;
    s.username = QStringLiteral("alice");
    return s;
}

ConnectionTester::Result run(ConnectionTester &tester, const AccountSettings &settings,
                             const QString &password = QStringLiteral("secret"))
{
    QSignalSpy finished(&tester, &ConnectionTester::finished);
    tester.start(settings, password);
    if (!finished.wait(15000) || finished.size() != 1)
        return {};
    return finished.first().first().value<ConnectionTester::Result>();
}

// The account above with an outgoing server on this port.
AccountSettings withOutgoing(quint16 port, Security security,
                             OutgoingAuthentication auth = OutgoingAuthentication::Auto)
{
    AccountSettings s = settingsFor(110);
    s.outgoing.host = QStringLiteral("127.0.0.1");
    s.outgoing.port = port;
    s.outgoing.security = security;
    s.outgoing.authentication = auth;
    return s;
}

// An SMTP greeting and an EHLO reply with these extensions.
QString smtpHello(const QStringList &extensions)
{
    QString out = QStringLiteral("S: 220 mail.example ESMTP\nC: EHLO [127.0.0.1]\n");
    QStringList lines = {QStringLiteral("mail.example")};
    lines += extensions;
    for (qsizetype i = 0; i < lines.size(); ++i)
        out += QStringLiteral("S: 250%1%2\n")
                   .arg(i + 1 < lines.size() ? QStringLiteral("-") : QStringLiteral(" "))
                   .arg(lines[i]);
    return out;
}

QString smtpAuthPlain()
{
    return QStringLiteral("C: AUTH PLAIN %1\n").arg(QString::fromLatin1(PlainResponse));
}

ConnectionTester::OutgoingResult runOutgoing(ConnectionTester &tester,
                                             const AccountSettings &settings,
                                             const QString &password = QStringLiteral("secret"))
{
    QSignalSpy finished(&tester, &ConnectionTester::outgoingFinished);
    tester.startOutgoing(settings, password);
    if (!finished.wait(15000) || finished.size() != 1)
        return {};
    QTest::qWait(20); // exactly once
    if (finished.size() != 1)
        return {};
    return finished.first().first().value<ConnectionTester::OutgoingResult>();
}

} // namespace

class tst_ConnectionTester : public QObject
{
    Q_OBJECT

private slots:
    void successCountsTheMessages()
    {
        ScriptedServer server;
        server.addScript(greetingAndCapa() + QStringLiteral("S: +OK logged in\n"
                                                            "C: STAT\n"
                                                            "S: +OK 3 3145728\n"
                                                            "C: QUIT\n"
                                                            "S: +OK bye\n"));
        QVERIFY(server.start());
        ConnectionTester tester;
        QSignalSpy steps(&tester, &ConnectionTester::stepChanged);
        const auto result = run(tester, settingsFor(server.port()));
        QCOMPARE(result.outcome, Outcome::Success);
        QCOMPARE(result.messageCount, 3);
        QCOMPARE(result.mailboxSize, 3145728);
        QVERIFY2(result.message.contains(QStringLiteral("3 message")), qPrintable(result.message));
        QVERIFY2(result.message.contains(QStringLiteral("3.0 MB")), qPrintable(result.message));
        QVERIFY(!steps.isEmpty());
        QVERIFY2(server.failures().isEmpty(), qPrintable(server.failures().join(u'\n')));
        QVERIFY(server.received().contains("QUIT"));
    }

    void wrongPasswordIsSaidInWords()
    {
        ScriptedServer server;
        server.addScript(greetingAndCapa() +
                         QStringLiteral("S: -ERR [AUTH] Authentication failed.\n"));
        QVERIFY(server.start());
        ConnectionTester tester;
        const auto result = run(tester, settingsFor(server.port()));
        QCOMPARE(result.outcome, Outcome::WrongPassword);
        QVERIFY2(result.message.contains(QStringLiteral("password")), qPrintable(result.message));
        QVERIFY2(!result.message.contains(QStringLiteral("secret")), "never the password");
    }

    void serverInUseOrLoginDelayMeansTryLater_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("expectedWords");
        QTest::newRow("in-use") << QStringLiteral("-ERR [IN-USE] Mailbox locked by another client")
                                << QStringLiteral("locked by another client");
        QTest::newRow("login-delay")
            << QStringLiteral("-ERR [LOGIN-DELAY] Wait 5 minutes between logins")
            << QStringLiteral("Wait 5 minutes");
    }

    void serverInUseOrLoginDelayMeansTryLater()
    {
        QFETCH(QString, answer);
        QFETCH(QString, expectedWords);
        ScriptedServer server;
        server.addScript(greetingAndCapa() + QStringLiteral("S: ") + answer + u'\n');
        QVERIFY(server.start());
        ConnectionTester tester;
        const auto result = run(tester, settingsFor(server.port()));
        QCOMPARE(result.outcome, Outcome::ServerBusy);
        // The server's own words reach the user.
        QVERIFY2(result.message.contains(expectedWords), qPrintable(result.message));
    }

    void refusedConnection()
    {
        RefusingPort port;
        QVERIFY(port.port() != 0);
        ConnectionTester tester;
        const auto result = run(tester, settingsFor(port.port(), Security::Tls));
        QCOMPARE(result.outcome, Outcome::ConnectionRefused);
        QVERIFY2(result.message.contains(QStringLiteral("refused")), qPrintable(result.message));
    }

    void silentServerTimesOut()
    {
        QTcpServer silent; // accepts, never greets
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        ConnectionTester tester;
        tester.setTimeouts(800, 800);
        QElapsedTimer clock;
        clock.start();
        const auto result = run(tester, settingsFor(silent.serverPort()));
        QCOMPARE(result.outcome, Outcome::Timeout);
        QVERIFY(clock.elapsed() < 10000);
        QVERIFY2(result.message.contains(QStringLiteral("in time")), qPrintable(result.message));
    }

    void unknownHostName()
    {
        // RFC 6761: .invalid never resolves; without a network the lookup fails the same way.
        AccountSettings settings = settingsFor(995, Security::Tls);
        settings.host = QStringLiteral("pop.no-such-host.invalid");
        ConnectionTester tester;
        const auto result = run(tester, settings);
        QCOMPARE(result.outcome, Outcome::HostNotFound);
        QVERIFY2(result.message.contains(QStringLiteral("could not be found")),
                 qPrintable(result.message));
    }

    void tlsToAPlainServerFails()
    {
        ScriptedServer server; // plain: answers the TLS hello with a POP3 greeting
        server.addScript(QStringLiteral("S: +OK POP3 ready\n"));
        QVERIFY(server.start());
        ConnectionTester tester;
        const auto result = run(tester, settingsFor(server.port(), Security::Tls));
        QCOMPARE(result.outcome, Outcome::TlsFailed);
    }

    void startTlsMissingSendsNothing()
    {
        ScriptedServer server;
        server.addScript(QStringLiteral("S: +OK POP3 ready\n"
                                        "C: CAPA\n"
                                        "S: +OK\n"
                                        "S: USER\n"
                                        "S: .\n"));
        QVERIFY(server.start());
        ConnectionTester tester;
        const auto result = run(tester, settingsFor(server.port(), Security::StartTls));
        QCOMPARE(result.outcome, Outcome::TlsFailed);
        for (const QByteArray &line : server.received())
            QVERIFY2(!line.contains("secret") && !line.startsWith("PASS"), line.constData());
    }

    void untrustedCertificateCarriesTheChain()
    {
        ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
        QVERIFY(server.start());
        ConnectionTester tester;
        const auto result = run(tester, settingsFor(server.port(), Security::Tls));
        QCOMPARE(result.outcome, Outcome::CertificateProblem);
        QVERIFY(result.certificate.has_value());
        QCOMPARE(result.certificate->sha256, ScriptedServer::identity(0).sha256);
        QVERIFY(!result.certificate->chain.isEmpty());
        QCOMPARE(result.certificate->chain.first(), ScriptedServer::identity(0).certificate);
        QVERIFY(!result.certificate->errors.isEmpty());
    }

    void pinnedCertificateIsAccepted()
    {
        ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
        server.addScript(greetingAndCapa() + QStringLiteral("S: +OK logged in\n"
                                                            "C: STAT\n"
                                                            "S: +OK 0 0\n"
                                                            "C: QUIT\n"
                                                            "S: +OK bye\n"));
        QVERIFY(server.start());
        AccountSettings settings = settingsFor(server.port(), Security::Tls);
        settings.pinnedCertificateSha256 = QByteArray::fromHex(ScriptedServer::identity(0).sha256);
        ConnectionTester tester;
        const auto result = run(tester, settings);
        QCOMPARE(result.outcome, Outcome::Success);
        QCOMPARE(result.messageCount, 0);
        QVERIFY(server.isEncrypted());
    }

    void changedCertificateIsAProblemEvenWhenPinned()
    {
        ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
        QVERIFY(server.start());
        AccountSettings settings = settingsFor(server.port(), Security::Tls);
        settings.pinnedCertificateSha256 = QByteArray::fromHex(ScriptedServer::identity(1).sha256);
        ConnectionTester tester;
        const auto result = run(tester, settings);
        QCOMPARE(result.outcome, Outcome::CertificateProblem);
        QVERIFY(result.certificate.has_value());
        QVERIFY(result.certificate->isPinMismatch());
    }

    // --- The outgoing server -------------------------------------------------------------

    void outgoingImplicitTlsLogsInAndQuits()
    {
        ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
        server.addScript(smtpHello({QStringLiteral("AUTH PLAIN LOGIN")}) + smtpAuthPlain() +
                         QStringLiteral("S: 235 2.7.0 Authentication successful\n"
                                        "C: QUIT\n"
                                        "S: 221 bye\n"));
        QVERIFY(server.start());
        AccountSettings settings = withOutgoing(server.port(), Security::Tls);
        settings.outgoing.pinnedCertificateSha256 =
            QByteArray::fromHex(ScriptedServer::identity(0).sha256);
        ConnectionTester tester;
        QSignalSpy steps(&tester, &ConnectionTester::outgoingStepChanged);
        QSignalSpy incoming(&tester, &ConnectionTester::finished);
        const auto result = runOutgoing(tester, settings);
        QCOMPARE(result.outcome, Outcome::Success);
        QVERIFY2(result.message.contains(QStringLiteral("logged in")), qPrintable(result.message));
        // The server speaks TLS from the first byte: the script ran, so the session was encrypted.
        QVERIFY2(server.failures().isEmpty(), qPrintable(server.failures().join(u'\n')));
        QVERIFY(server.scriptFinished());
        QVERIFY(!steps.isEmpty());
        QCOMPARE(incoming.size(), 0); // only the outgoing test ran
        // Nothing was sent: no MAIL, RCPT or DATA.
        for (const QByteArray &line : server.received())
            QVERIFY2(!line.startsWith("MAIL") && !line.startsWith("RCPT"), line.constData());
    }

    void outgoingStartTlsMissingSendsNoPassword()
    {
        ScriptedServer server;
        server.addScript(smtpHello({QStringLiteral("AUTH PLAIN LOGIN")}));
        QVERIFY(server.start());
        ConnectionTester tester;
        const auto result = runOutgoing(tester, withOutgoing(server.port(), Security::StartTls));
        QCOMPARE(result.outcome, Outcome::TlsFailed);
        QCOMPARE(result.error.kind, Poplar::Smtp::ErrorKind::StartTlsUnavailable);
        QVERIFY2(result.message.contains(QStringLiteral("STARTTLS")), qPrintable(result.message));
        for (const QByteArray &line : server.received())
            QVERIFY2(!line.startsWith("AUTH") && !line.contains(PlainResponse), line.constData());
    }

    void outgoingWrongPasswordIsSaidInWords()
    {
        ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
        server.addScript(smtpHello({QStringLiteral("AUTH PLAIN")}) + smtpAuthPlain() +
                         QStringLiteral("S: 535 5.7.8 Authentication credentials invalid\n"));
        QVERIFY(server.start());
        AccountSettings settings = withOutgoing(server.port(), Security::Tls);
        settings.outgoing.pinnedCertificateSha256 =
            QByteArray::fromHex(ScriptedServer::identity(0).sha256);
        ConnectionTester tester;
        const auto result = runOutgoing(tester, settings);
        QCOMPARE(result.outcome, Outcome::WrongPassword);
        QCOMPARE(result.error.kind, Poplar::Smtp::ErrorKind::AuthFailed);
        QVERIFY2(result.message.contains(QStringLiteral("credentials invalid")),
                 qPrintable(result.message));
        QVERIFY(!result.message.contains(QStringLiteral("secret")));
    }

    void outgoingServerTurnsUsAway_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<Security>("security");
        QTest::addColumn<Outcome>("outcome");
        QTest::addColumn<QString>("words");
        QTest::newRow("554 greeting")
            << QStringLiteral("S: 554 5.7.1 no service for your network\n") << Security::StartTls
            << Outcome::ServerBusy << QStringLiteral("no service for your network");
        QTest::newRow("STARTTLS refused")
            << smtpHello({QStringLiteral("STARTTLS"), QStringLiteral("AUTH PLAIN")}) +
                   QStringLiteral("C: STARTTLS\nS: 454 4.7.0 TLS not available\n")
            << Security::StartTls << Outcome::TlsFailed << QStringLiteral("TLS not available");
        QTest::newRow("no login method Poplar can do")
            << smtpHello({QStringLiteral("AUTH GSSAPI")}) << Security::Tls << Outcome::Failed
            << QString();
        QTest::newRow("temporary login failure")
            << smtpHello({QStringLiteral("AUTH PLAIN")}) + smtpAuthPlain() +
                   QStringLiteral("S: 454 4.7.0 Temporary authentication failure\n")
            << Security::Tls << Outcome::ServerBusy
            << QStringLiteral("Temporary authentication failure");
    }

    void outgoingServerTurnsUsAway()
    {
        QFETCH(QString, script);
        QFETCH(Security, security);
        QFETCH(Outcome, outcome);
        QFETCH(QString, words);
        ScriptedServer server(security == Security::Tls ? ScriptedServer::Mode::ImplicitTls
                                                        : ScriptedServer::Mode::Plain);
        server.addScript(script);
        QVERIFY(server.start());
        AccountSettings settings = withOutgoing(server.port(), security);
        settings.outgoing.pinnedCertificateSha256 =
            QByteArray::fromHex(ScriptedServer::identity(0).sha256);
        ConnectionTester tester;
        const auto result = runOutgoing(tester, settings);
        QCOMPARE(result.outcome, outcome);
        QVERIFY(!result.message.isEmpty());
        QVERIFY2(result.message.contains(words), qPrintable(result.message));
    }

    void outgoingUntrustedCertificateThenPinned()
    {
        ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
        QVERIFY(server.start());
        ConnectionTester tester;
        AccountSettings settings = withOutgoing(server.port(), Security::Tls);
        const auto first = runOutgoing(tester, settings);
        QCOMPARE(first.outcome, Outcome::CertificateProblem);
        QVERIFY(first.certificate.has_value());
        QCOMPARE(first.certificate->sha256, ScriptedServer::identity(0).sha256);
        QCOMPARE(first.certificate->chain.value(0), ScriptedServer::identity(0).certificate);

        ScriptedServer again(ScriptedServer::Mode::ImplicitTls);
        again.addScript(smtpHello({QStringLiteral("AUTH PLAIN")}) + smtpAuthPlain() +
                        QStringLiteral("S: 235 ok\nC: QUIT\nS: 221 bye\n"));
        QVERIFY(again.start());
        settings.outgoing.port = again.port();
        settings.outgoing.pinnedCertificateSha256 = QByteArray::fromHex(first.certificate->sha256);
        const auto second = runOutgoing(tester, settings);
        QCOMPARE(second.outcome, Outcome::Success);
    }

    void outgoingWithoutLogin()
    {
        ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
        server.addScript(smtpHello({QStringLiteral("AUTH PLAIN")}) +
                         QStringLiteral("C: QUIT\nS: 221 bye\n"));
        QVERIFY(server.start());
        AccountSettings settings =
            withOutgoing(server.port(), Security::Tls, OutgoingAuthentication::None);
        settings.outgoing.pinnedCertificateSha256 =
            QByteArray::fromHex(ScriptedServer::identity(0).sha256);
        ConnectionTester tester;
        const auto result = runOutgoing(tester, settings);
        QCOMPARE(result.outcome, Outcome::Success);
        QVERIFY2(result.message.contains(QStringLiteral("without a login")),
                 qPrintable(result.message));
        for (const QByteArray &line : server.received())
            QVERIFY2(!line.startsWith("AUTH"), line.constData());
    }

    void outgoingNotConfigured()
    {
        ConnectionTester tester;
        QSignalSpy finished(&tester, &ConnectionTester::outgoingFinished);
        tester.startOutgoing(settingsFor(110), QStringLiteral("secret"));
        QCOMPARE(finished.size(), 0); // never from inside startOutgoing()
        QVERIFY(finished.wait());
        const auto result = finished.first().first().value<ConnectionTester::OutgoingResult>();
        QCOMPARE(result.outcome, Outcome::Failed);
        QVERIFY(result.message.contains(QStringLiteral("No outgoing server")));
    }

    // "Test Connection tests both": the two tests run side by side and each reports once.
    void bothAtOnce()
    {
        ScriptedServer pop3(ScriptedServer::Mode::ImplicitTls);
        pop3.addScript(greetingAndCapa() + QStringLiteral("S: +OK logged in\n"
                                                          "C: STAT\n"
                                                          "S: +OK 2 300\n"
                                                          "C: QUIT\n"
                                                          "S: +OK bye\n"));
        ScriptedServer smtp(ScriptedServer::Mode::ImplicitTls);
        smtp.addScript(smtpHello({QStringLiteral("AUTH PLAIN")}) + smtpAuthPlain() +
                       QStringLiteral("S: 535 5.7.8 no\n"));
        QVERIFY(pop3.start() && smtp.start());
        AccountSettings settings = withOutgoing(smtp.port(), Security::Tls);
        settings.port = pop3.port();
        settings.security = Security::Tls;
        settings.pinnedCertificateSha256 = QByteArray::fromHex(ScriptedServer::identity(0).sha256);
        settings.outgoing.pinnedCertificateSha256 = settings.pinnedCertificateSha256;
        ConnectionTester tester;
        QSignalSpy incoming(&tester, &ConnectionTester::finished);
        QSignalSpy outgoing(&tester, &ConnectionTester::outgoingFinished);
        tester.start(settings, QStringLiteral("secret"));
        tester.startOutgoing(settings, QStringLiteral("secret"));
        QVERIFY(tester.isRunning() && tester.isOutgoingRunning());
        QTRY_COMPARE_WITH_TIMEOUT(incoming.size() + outgoing.size(), 2, 15000);
        QCOMPARE(incoming.size(), 1);
        QCOMPARE(outgoing.size(), 1);
        const auto in = incoming.first().first().value<ConnectionTester::Result>();
        const auto out = outgoing.first().first().value<ConnectionTester::OutgoingResult>();
        QCOMPARE(in.outcome, Outcome::Success);
        QCOMPARE(in.messageCount, 2);
        QCOMPARE(out.outcome, Outcome::WrongPassword);
        QVERIFY(!tester.isRunning() && !tester.isOutgoingRunning());
    }

    void cancelStopsTheOutgoingTestToo()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        ConnectionTester tester;
        QSignalSpy finished(&tester, &ConnectionTester::outgoingFinished);
        tester.startOutgoing(withOutgoing(silent.serverPort(), Security::StartTls),
                             QStringLiteral("secret"));
        QVERIFY(tester.isOutgoingRunning());
        tester.cancel();
        QVERIFY(!tester.isOutgoingRunning());
        QTest::qWait(200);
        QCOMPARE(finished.size(), 0);
    }

    void cancelReportsNothing()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        ConnectionTester tester;
        QSignalSpy finished(&tester, &ConnectionTester::finished);
        tester.start(settingsFor(silent.serverPort()), QStringLiteral("secret"));
        QVERIFY(tester.isRunning());
        tester.cancel();
        QVERIFY(!tester.isRunning());
        QTest::qWait(200);
        QCOMPARE(finished.size(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_ConnectionTester)
#include "tst_ConnectionTester.moc"
