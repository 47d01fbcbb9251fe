#include "DovecotServer.h"
#include "accounts/ConnectionTester.h"

#include <QSignalSpy>
#include <QSslCertificate>
#include <QTest>

using namespace Poplar::Accounts;
using Poplar::TestSupport::DovecotServer;
using Outcome = ConnectionTester::Outcome;

// The connection test against a real Dovecot: implicit TLS, STARTTLS, a wrong password and
// a self-signed certificate, as a user setting up an account meets them.
class tst_ConnectionTesterDovecot : public QObject
{
    Q_OBJECT

private:
    DovecotServer m_server;

    AccountSettings settings(quint16 port, Security security) const
    {
        AccountSettings s = AccountSettings::create();
        s.emailAddress = QStringLiteral("li.lei@example.org");
        s.host = m_server.host();
        s.port = port;
        s.security = security;
        s.username = QStringLiteral("li.lei");
        return s;
    }

    ConnectionTester::Result run(const AccountSettings &settings, const QString &password,
                                 bool trustServer = true)
    {
        ConnectionTester tester;
        if (trustServer)
            tester.setExtraCaCertificates(QSslCertificate::fromData(m_server.certificatePem()));
        QSignalSpy finished(&tester, &ConnectionTester::finished);
        tester.start(settings, password);
        if (!finished.wait(20000))
            return {};
        return finished.first().first().value<ConnectionTester::Result>();
    }

private slots:
    void initTestCase()
    {
        if (!DovecotServer::isAvailable())
            QSKIP("Dovecot is not installed (Debian: dovecot-core dovecot-pop3d)");
        m_server.addUser(QStringLiteral("li.lei"), QStringLiteral("pa55word"));
        m_server.deliver(QStringLiteral("li.lei"), "Subject: a\r\n\r\nfirst\r\n");
        m_server.deliver(QStringLiteral("li.lei"), "Subject: b\r\n\r\nsecond\r\n");
        m_server.deliver(QStringLiteral("li.lei"), "Subject: c\r\n\r\nthird\r\n");
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void implicitTls()
    {
        const auto result =
            run(settings(m_server.tlsPort(), Security::Tls), QStringLiteral("pa55word"));
        QCOMPARE(result.outcome, Outcome::Success);
        QCOMPARE(result.messageCount, 3);
        QVERIFY(result.mailboxSize > 0);
        QVERIFY2(result.message.contains(QStringLiteral("3 message")), qPrintable(result.message));
        // Nothing was taken from the mailbox.
        QCOMPARE(m_server.messageFiles(QStringLiteral("li.lei")).size(), 3);
    }

    void startTls()
    {
        const auto result =
            run(settings(m_server.plainPort(), Security::StartTls), QStringLiteral("pa55word"));
        QCOMPARE(result.outcome, Outcome::Success);
        QCOMPARE(result.messageCount, 3);
    }

    void wrongPassword()
    {
        const auto result =
            run(settings(m_server.tlsPort(), Security::Tls), QStringLiteral("guess"));
        QCOMPARE(result.outcome, Outcome::WrongPassword);
        QVERIFY(!result.message.isEmpty());
    }

    void selfSignedCertificateThenPinned()
    {
        AccountSettings account = settings(m_server.tlsPort(), Security::Tls);
        const auto first = run(account, QStringLiteral("pa55word"), false);
        QCOMPARE(first.outcome, Outcome::CertificateProblem);
        QVERIFY(first.certificate.has_value());
        const QSslCertificate dovecot =
            QSslCertificate::fromData(m_server.certificatePem()).value(0);
        QCOMPARE(first.certificate->chain.value(0), dovecot);

        // Pinning what the test reported lets the same server in.
        account.pinnedCertificateSha256 = QByteArray::fromHex(first.certificate->sha256);
        const auto second = run(account, QStringLiteral("pa55word"), false);
        QCOMPARE(second.outcome, Outcome::Success);
        QCOMPARE(second.messageCount, 3);
    }
};

QTEST_GUILESS_MAIN(tst_ConnectionTesterDovecot)
#include "tst_ConnectionTesterDovecot.moc"
