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
};

QTEST_GUILESS_MAIN(tst_AccountSettings)
#include "tst_AccountSettings.moc"
