#include "accounts/AccountSettings.h"

#include <QTest>

using namespace Poplar::Accounts;

class tst_AccountSettings : public QObject
{
    Q_OBJECT

    static AccountSettings usable()
    {
        AccountSettings a = AccountSettings::create();
        a.displayName = QStringLiteral("Zhang San");
        a.emailAddress = QStringLiteral("zhang.san@example.org");
        a.host = QStringLiteral("pop.example.org");
        a.username = QStringLiteral("zhang.san@example.org");
        return a;
    }

private slots:
    void newAccountHasSafeDefaults()
    {
        const AccountSettings a = AccountSettings::create();
        QVERIFY(!a.id.isEmpty());
        QVERIFY(!a.id.contains(u'{'));
        QVERIFY(a.id != AccountSettings::create().id);
        QCOMPARE(a.security, Security::Tls);
        QCOMPARE(a.port, 995);
        QCOMPARE(a.authentication, Authentication::Auto);
        QCOMPARE(a.leavePolicy, LeavePolicy::Keep);
        QVERIFY(a.pinnedCertificateSha256.isEmpty());
        QCOMPARE(AccountSettings::defaultPort(Security::StartTls), 110);
        // No outgoing server until one is set; then TLS on 465, one password for both.
        QVERIFY(!a.outgoing.isConfigured());
        QCOMPARE(a.outgoing.port, 465);
        QCOMPARE(a.outgoing.security, Security::Tls);
        QCOMPARE(a.outgoing.authentication, OutgoingAuthentication::Auto);
        QVERIFY(a.outgoing.samePassword);
        QVERIFY(a.outgoing.username.isEmpty());
        QVERIFY(a.outgoing.pinnedCertificateSha256.isEmpty());
        QCOMPARE(OutgoingServer::defaultPort(Security::Tls), 465);
        QCOMPARE(OutgoingServer::defaultPort(Security::StartTls), 587);
        QCOMPARE(OutgoingServer::defaultPort(Security::None), 587);
    }

    void usableSettingsValidate()
    {
        const AccountSettings a = usable();
        QVERIFY2(a.isValid(), qPrintable(a.validate().join(u'\n')));
    }

    void problemsAreReportedInWords_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty host") << "host"
                                    << ""
                                    << "server name";
        QTest::newRow("host with space") << "host"
                                         << "pop example.org"
                                         << "not a valid server";
        QTest::newRow("port zero") << "port"
                                   << "0"
                                   << "1 to 65535";
        QTest::newRow("port too big") << "port"
                                      << "70000"
                                      << "1 to 65535";
        QTest::newRow("no email") << "email"
                                  << ""
                                  << "Enter an email address";
        QTest::newRow("email without domain") << "email"
                                              << "zhang@"
                                              << "does not look like";
        QTest::newRow("email without at") << "email"
                                          << "zhang.example.org"
                                          << "does not look";
        QTest::newRow("no user") << "username"
                                 << ""
                                 << "user name";
        QTest::newRow("negative interval") << "interval"
                                           << "-5"
                                           << "Check for mail";
        QTest::newRow("bad fingerprint") << "fingerprint"
                                         << "abc"
                                         << "fingerprint";
    }

    void problemsAreReportedInWords()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        AccountSettings a = usable();
        if (field == u"host")
            a.host = value;
        else if (field == u"port")
            a.port = value.toInt();
        else if (field == u"email")
            a.emailAddress = value;
        else if (field == u"username")
            a.username = value;
        else if (field == u"interval")
            a.checkIntervalMinutes = value.toInt();
        else if (field == u"fingerprint")
            a.pinnedCertificateSha256 = value.toLatin1();
        const QStringList problems = a.validate();
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().contains(expected), qPrintable(problems.first()));
    }

    void outgoingServerIsCheckedWhenConfigured_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QByteArray>("pin");
        QTest::addColumn<QString>("expected"); // empty: valid
        QTest::newRow("not configured, odd port") << "" << 0 << QByteArray() << "";
        QTest::newRow("usable") << "smtp.example.org" << 587 << QByteArray(32, '\x01') << "";
        QTest::newRow("host with space")
            << "smtp example.org" << 465 << QByteArray() << "not a valid outgoing server";
        QTest::newRow("port zero") << "smtp.example.org" << 0 << QByteArray() << "1 to 65535";
        QTest::newRow("port too big")
            << "smtp.example.org" << 65536 << QByteArray() << "outgoing server port";
        QTest::newRow("bad pin") << "smtp.example.org" << 465 << QByteArray("abc")
                                 << "fingerprint of the outgoing server";
    }

    void outgoingServerIsCheckedWhenConfigured()
    {
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QByteArray, pin);
        QFETCH(QString, expected);
        AccountSettings a = usable();
        a.outgoing.host = host;
        a.outgoing.port = port;
        a.outgoing.pinnedCertificateSha256 = pin;
        const QStringList problems = a.validate();
        if (expected.isEmpty()) {
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
            return;
        }
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().contains(expected), qPrintable(problems.first()));
    }

    void deleteAfterDaysIsCheckedOnlyWhenUsed()
    {
        AccountSettings a = usable();
        a.deleteAfterDays = 0;
        QVERIFY(a.isValid());
        a.leavePolicy = LeavePolicy::DeleteAfterDays;
        QCOMPARE(a.validate().size(), 1);
        a.deleteAfterDays = 30;
        QVERIFY(a.isValid());
    }

    void internationalAddressesAreAccepted()
    {
        QVERIFY(AccountSettings::isPlausibleEmailAddress(QStringLiteral("张三@例子.中国")));
        QVERIFY(AccountSettings::isPlausibleHostName(QStringLiteral("pop.例子.中国")));
        QVERIFY(!AccountSettings::isPlausibleHostName(QStringLiteral("pop..example.org")));
        QVERIFY(!AccountSettings::isPlausibleHostName(QStringLiteral("https://pop.example.org")));
    }

    void nameFallsBackToAddress()
    {
        AccountSettings a = usable();
        QCOMPARE(a.name(), QStringLiteral("Zhang San"));
        a.displayName = QStringLiteral("  ");
        QCOMPARE(a.name(), a.emailAddress);
    }

    void enumNamesRoundTrip()
    {
        for (Security s : {Security::Tls, Security::StartTls, Security::None})
            QCOMPARE(*securityFromName(toName(s)), s);
        for (Authentication m :
             {Authentication::Auto, Authentication::Plain, Authentication::Login,
              Authentication::CramMd5, Authentication::Apop, Authentication::User})
            QCOMPARE(*authenticationFromName(toName(m)), m);
        for (LeavePolicy p : {LeavePolicy::Keep, LeavePolicy::DeleteAfterDays,
                              LeavePolicy::DeleteWhenTrashed, LeavePolicy::DeleteAfterDownload})
            QCOMPARE(*leavePolicyFromName(toName(p)), p);
        for (OutgoingAuthentication m :
             {OutgoingAuthentication::Auto, OutgoingAuthentication::Plain,
              OutgoingAuthentication::Login, OutgoingAuthentication::CramMd5,
              OutgoingAuthentication::None})
            QCOMPARE(*outgoingAuthenticationFromName(toName(m)), m);
        QCOMPARE(toName(OutgoingAuthentication::CramMd5), QStringLiteral("cram-md5"));
        QCOMPARE(toName(OutgoingAuthentication::None), QStringLiteral("none"));
        QCOMPARE(*outgoingAuthenticationFromName(QStringLiteral(" LOGIN")),
                 OutgoingAuthentication::Login);
        // POP3-only methods are not outgoing ones.
        QVERIFY(!outgoingAuthenticationFromName(QStringLiteral("apop")));
        QVERIFY(!outgoingAuthenticationFromName(QStringLiteral("user")));
        QCOMPARE(*securityFromName(QStringLiteral(" STARTTLS ")), Security::StartTls);
        QVERIFY(!securityFromName(QStringLiteral("ssl3")));
    }

    void fingerprintText()
    {
        const QByteArray raw =
            QByteArray::fromHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        const QString text = AccountSettings::fingerprintToText(raw);
        QVERIFY(text.startsWith(QStringLiteral("00:11:22")));
        QVERIFY(text.contains(QStringLiteral("AA:BB")));
        QCOMPARE(AccountSettings::fingerprintFromText(text), raw);
        QCOMPARE(AccountSettings::fingerprintFromText(text.toLower().remove(u':')), raw);
        QVERIFY(AccountSettings::fingerprintFromText(QStringLiteral("00:11")).isEmpty());
        QVERIFY(AccountSettings::fingerprintFromText(QStringLiteral("zz")).isEmpty());
    }

    void serverSettingsCarryTheAccountsChoices_data()
    {
        QTest::addColumn<Security>("security");
        QTest::addColumn<Authentication>("authentication");
        QTest::addColumn<Poplar::Pop3::Settings::Security>("pop3Security");
        QTest::addColumn<Poplar::Pop3::Settings::Auth>("pop3Auth");
        using S = Poplar::Pop3::Settings;
        QTest::newRow("tls auto") << Security::Tls << Authentication::Auto << S::Security::Tls
                                  << S::Auth::Auto;
        QTest::newRow("starttls cram-md5") << Security::StartTls << Authentication::CramMd5
                                           << S::Security::StartTls << S::Auth::CramMd5;
        QTest::newRow("none user")
            << Security::None << Authentication::User << S::Security::None << S::Auth::User;
        QTest::newRow("tls apop") << Security::Tls << Authentication::Apop << S::Security::Tls
                                  << S::Auth::Apop;
        QTest::newRow("tls plain")
            << Security::Tls << Authentication::Plain << S::Security::Tls << S::Auth::Plain;
        QTest::newRow("tls login")
            << Security::Tls << Authentication::Login << S::Security::Tls << S::Auth::Login;
    }

    void serverSettingsCarryTheAccountsChoices()
    {
        QFETCH(Security, security);
        QFETCH(Authentication, authentication);
        QFETCH(Poplar::Pop3::Settings::Security, pop3Security);
        QFETCH(Poplar::Pop3::Settings::Auth, pop3Auth);
        AccountSettings a = usable();
        a.port = 1995;
        a.security = security;
        a.authentication = authentication;
        a.pinnedCertificateSha256 = QByteArray(32, '\xab');
        const Poplar::Pop3::Settings server = a.serverSettings(QStringLiteral("pw"));
        QCOMPARE(server.host, a.host);
        QCOMPARE(server.port, quint16(1995));
        QCOMPARE(server.security, pop3Security);
        QCOMPARE(server.auth, pop3Auth);
        QCOMPARE(server.username, a.username);
        QCOMPARE(server.password, QStringLiteral("pw"));
        // The client compares pins as hex.
        QCOMPARE(server.pinnedSha256, QByteArray(32, '\xab').toHex());
    }

    void outgoingSettingsCarryTheAccountsChoices_data()
    {
        QTest::addColumn<Security>("security");
        QTest::addColumn<OutgoingAuthentication>("authentication");
        QTest::addColumn<Poplar::Smtp::Settings::Security>("smtpSecurity");
        QTest::addColumn<Poplar::Smtp::Settings::Auth>("smtpAuth");
        using S = Poplar::Smtp::Settings;
        QTest::newRow("tls auto") << Security::Tls << OutgoingAuthentication::Auto
                                  << S::Security::Tls << S::Auth::Auto;
        QTest::newRow("starttls plain") << Security::StartTls << OutgoingAuthentication::Plain
                                        << S::Security::StartTls << S::Auth::Plain;
        QTest::newRow("tls login")
            << Security::Tls << OutgoingAuthentication::Login << S::Security::Tls << S::Auth::Login;
        QTest::newRow("starttls cram-md5") << Security::StartTls << OutgoingAuthentication::CramMd5
                                           << S::Security::StartTls << S::Auth::CramMd5;
        QTest::newRow("none none")
            << Security::None << OutgoingAuthentication::None << S::Security::None << S::Auth::None;
    }

    void outgoingSettingsCarryTheAccountsChoices()
    {
        QFETCH(Security, security);
        QFETCH(OutgoingAuthentication, authentication);
        QFETCH(Poplar::Smtp::Settings::Security, smtpSecurity);
        QFETCH(Poplar::Smtp::Settings::Auth, smtpAuth);
        AccountSettings a = usable();
        a.outgoing.host = QStringLiteral("smtp.example.org");
        a.outgoing.port = 2587;
        a.outgoing.security = security;
        a.outgoing.authentication = authentication;
        a.outgoing.pinnedCertificateSha256 = QByteArray(32, '\xcd');
        a.pinnedCertificateSha256 = QByteArray(32, '\xab');
        const Poplar::Smtp::Settings server = a.outgoingSettings(QStringLiteral("pw"));
        QCOMPARE(server.host, QStringLiteral("smtp.example.org"));
        QCOMPARE(server.port, quint16(2587));
        QCOMPARE(server.security, smtpSecurity);
        QCOMPARE(server.auth, smtpAuth);
        QCOMPARE(server.password, QStringLiteral("pw"));
        // The outgoing pin, not the incoming one, as hex like the POP3 client's.
        QCOMPARE(server.pinnedSha256, QByteArray(32, '\xcd').toHex());
    }

    void outgoingUsernameFallsBackToIncoming()
    {
        AccountSettings a = usable();
        a.outgoing.host = QStringLiteral("smtp.example.org");
        QCOMPARE(a.outgoingSettings(QString()).username, a.username);
        a.outgoing.username = QStringLiteral("zhang-smtp");
        QCOMPARE(a.outgoingSettings(QString()).username, QStringLiteral("zhang-smtp"));
        QVERIFY(a.outgoingSettings(QString()).pinnedSha256.isEmpty());
    }

    void outgoingCredentialIdIsItsOwn()
    {
        const QString id = QStringLiteral("6f1c2d3e-0000-4000-8000-000000000001");
        QCOMPARE(AccountSettings::outgoingCredentialId(id), id + QStringLiteral("/smtp"));
        QVERIFY(AccountSettings::outgoingCredentialId(id) !=
                AccountSettings::outgoingCredentialId(QStringLiteral("other")));
    }
};

QTEST_GUILESS_MAIN(tst_AccountSettings)
#include "tst_AccountSettings.moc"
