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
                          "C: AUTH PLAIN\n"
                          "S: +\n"
                          "C: %1\n")
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
        settings.pinnedCertificateSha256 =
            QByteArray::fromHex(ScriptedServer::identity(0).sha256);
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
        settings.pinnedCertificateSha256 =
            QByteArray::fromHex(ScriptedServer::identity(1).sha256);
        ConnectionTester tester;
        const auto result = run(tester, settings);
        QCOMPARE(result.outcome, Outcome::CertificateProblem);
        QVERIFY(result.certificate.has_value());
        QVERIFY(result.certificate->isPinMismatch());
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
