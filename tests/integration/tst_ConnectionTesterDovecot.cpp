#include "DovecotServer.h"
#include "SmtpServer.h"
#include "accounts/ConnectionTester.h"

#include <QSignalSpy>
#include <QSslCertificate>
#include <QTest>

#include <memory>

using namespace Poplar::Accounts;
using Poplar::TestSupport::DovecotServer;
using Poplar::TestSupport::SmtpServer;
using Outcome = ConnectionTester::Outcome;

// The connection test against a real Dovecot, and its outgoing half against a real Exim that
// logs in against that Dovecot's users: implicit TLS, STARTTLS, a wrong password and a
// self-signed certificate, as a user setting up an account meets them.
class tst_ConnectionTesterDovecot : public QObject
{
    Q_OBJECT

private:
    DovecotServer m_server;
    std::unique_ptr<SmtpServer> m_smtp;
    QString m_smtpSkipReason;

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

    // The account with its outgoing server at the Exim's port.
    AccountSettings withOutgoing(quint16 port, Security security) const
    {
        AccountSettings s = settings(m_server.tlsPort(), Security::Tls);
        s.outgoing.host = m_smtp->host();
        s.outgoing.port = port;
        s.outgoing.security = security;
        return s;
    }

    ConnectionTester::OutgoingResult runOutgoing(const AccountSettings &settings,
                                                 const QString &password, bool trustServer = true)
    {
        ConnectionTester tester;
        if (trustServer)
            tester.setExtraCaCertificates(QSslCertificate::fromData(m_smtp->certificatePem()));
        QSignalSpy finished(&tester, &ConnectionTester::outgoingFinished);
        tester.startOutgoing(settings, password);
        if (!finished.wait(20000))
            return {};
        return finished.first().first().value<ConnectionTester::OutgoingResult>();
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
        if (!SmtpServer::isAvailable()) {
            m_smtpSkipReason = QStringLiteral("exim4 is not installed (exim4-daemon-heavy)");
            return;
        }
        m_smtp = std::make_unique<SmtpServer>(m_server);
        QVERIFY2(m_smtp->start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_smtp.reset(); }

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

    void outgoingImplicitTls()
    {
        if (!m_smtp)
            QSKIP(qPrintable(m_smtpSkipReason));
        const auto result =
            runOutgoing(withOutgoing(m_smtp->tlsPort(), Security::Tls), QStringLiteral("pa55word"));
        QCOMPARE(result.outcome, Outcome::Success);
        QVERIFY2(result.message.contains(QStringLiteral("logged in")), qPrintable(result.message));
        // Testing sends nothing: the mailbox still holds the three messages it had.
        QCOMPARE(m_server.messageFiles(QStringLiteral("li.lei")).size(), 3);
    }

    void outgoingStartTls()
    {
        if (!m_smtp)
            QSKIP(qPrintable(m_smtpSkipReason));
        const auto result = runOutgoing(withOutgoing(m_smtp->startTlsPort(), Security::StartTls),
                                        QStringLiteral("pa55word"));
        QCOMPARE(result.outcome, Outcome::Success);
    }

    void outgoingWrongPassword()
    {
        if (!m_smtp)
            QSKIP(qPrintable(m_smtpSkipReason));
        const auto result =
            runOutgoing(withOutgoing(m_smtp->tlsPort(), Security::Tls), QStringLiteral("guess"));
        QCOMPARE(result.outcome, Outcome::WrongPassword);
        QCOMPARE(result.error.kind, Poplar::Smtp::ErrorKind::AuthFailed);
        QVERIFY(!result.message.isEmpty());
        QVERIFY(!result.message.contains(QStringLiteral("guess")));
    }

    // A separate outgoing user name and password, as outgoing.samePassword = false has them.
    void outgoingOwnUserName()
    {
        if (!m_smtp)
            QSKIP(qPrintable(m_smtpSkipReason));
        AccountSettings account = withOutgoing(m_smtp->tlsPort(), Security::Tls);
        account.username = QStringLiteral("nobody-here");
        account.outgoing.username = QStringLiteral("li.lei");
        account.outgoing.samePassword = false;
        const auto result = runOutgoing(account, QStringLiteral("pa55word"));
        QCOMPARE(result.outcome, Outcome::Success);
    }

    void outgoingSelfSignedCertificateThenPinned()
    {
        if (!m_smtp)
            QSKIP(qPrintable(m_smtpSkipReason));
        AccountSettings account = withOutgoing(m_smtp->tlsPort(), Security::Tls);
        const auto first = runOutgoing(account, QStringLiteral("pa55word"), false);
        QCOMPARE(first.outcome, Outcome::CertificateProblem);
        QVERIFY(first.certificate.has_value());
        QCOMPARE(first.certificate->chain.value(0),
                 QSslCertificate::fromData(m_smtp->certificatePem()).value(0));

        // Pinning what the test reported lets the same server in.
        account.outgoing.pinnedCertificateSha256 = QByteArray::fromHex(first.certificate->sha256);
        const auto second = runOutgoing(account, QStringLiteral("pa55word"), false);
        QCOMPARE(second.outcome, Outcome::Success);
    }

    // Both halves of "Test Connection" side by side against the real servers.
    void bothAtOnce()
    {
        if (!m_smtp)
            QSKIP(qPrintable(m_smtpSkipReason));
        const AccountSettings account = withOutgoing(m_smtp->startTlsPort(), Security::StartTls);
        ConnectionTester tester;
        QList<QSslCertificate> cas = QSslCertificate::fromData(m_server.certificatePem());
        cas += QSslCertificate::fromData(m_smtp->certificatePem());
        tester.setExtraCaCertificates(cas);
        QSignalSpy incoming(&tester, &ConnectionTester::finished);
        QSignalSpy outgoing(&tester, &ConnectionTester::outgoingFinished);
        tester.start(account, QStringLiteral("pa55word"));
        tester.startOutgoing(account, QStringLiteral("pa55word"));
        QTRY_COMPARE_WITH_TIMEOUT(incoming.size() + outgoing.size(), 2, 20000);
        QCOMPARE(incoming.first().first().value<ConnectionTester::Result>().outcome,
                 Outcome::Success);
        QCOMPARE(outgoing.first().first().value<ConnectionTester::OutgoingResult>().outcome,
                 Outcome::Success);
    }
};

QTEST_GUILESS_MAIN(tst_ConnectionTesterDovecot)
#include "tst_ConnectionTesterDovecot.moc"
