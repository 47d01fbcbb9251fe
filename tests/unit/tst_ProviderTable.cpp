#include "accounts/ProviderTable.h"

#include <QTest>

using namespace Poplar::Accounts;

class tst_ProviderTable : public QObject
{
    Q_OBJECT

private slots:
    void builtInTableLoads()
    {
        const ProviderTable &table = ProviderTable::builtIn();
        QVERIFY(table.providers().size() >= 15);
        for (const ProviderTable::Provider &p : table.providers()) {
            QVERIFY2(!p.notes().isEmpty() || !p.noteCodes.isEmpty() || p.offersPop3(),
                     qPrintable(p.id));
            // Every note code in the table has a sentence: a typo would hide a note.
            QCOMPARE(p.notes().size(), p.noteCodes.size());
            for (const ProviderTable::Server &s : p.servers)
                QVERIFY2(s.security != Security::None, qPrintable(p.id));
            for (const ProviderTable::Server &s : p.smtpServers)
                QVERIFY2(s.security != Security::None, qPrintable(p.id));
            // A provider Poplar can fetch from is one it can send through as well.
            if (p.offersPop3())
                QVERIFY2(p.knowsSmtp(), qPrintable(p.id));
        }
    }

    void submissionServers_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<Security>("security");
        QTest::newRow("QQ") << "12345@qq.com"
                            << "smtp.qq.com" << 465 << Security::Tls;
        QTest::newRow("Foxmail") << "a@foxmail.com"
                                 << "smtp.qq.com" << 465 << Security::Tls;
        QTest::newRow("163") << "wang@163.com"
                             << "smtp.163.com" << 465 << Security::Tls;
        QTest::newRow("126") << "wang@126.com"
                             << "smtp.126.com" << 465 << Security::Tls;
        QTest::newRow("Exmail") << "a@exmail.qq.com"
                                << "smtp.exmail.qq.com" << 465 << Security::Tls;
        QTest::newRow("Sina") << "a@sina.com"
                              << "smtp.sina.com" << 465 << Security::Tls;
        QTest::newRow("Aliyun") << "a@aliyun.com"
                                << "smtp.aliyun.com" << 465 << Security::Tls;
        QTest::newRow("Gmail") << "a@gmail.com"
                               << "smtp.gmail.com" << 465 << Security::Tls;
        QTest::newRow("Hotmail") << "a@hotmail.com"
                                 << "smtp-mail.outlook.com" << 587 << Security::StartTls;
        QTest::newRow("Yahoo") << "a@yahoo.com.tw"
                               << "smtp.mail.yahoo.com" << 465 << Security::Tls;
        QTest::newRow("iCloud") << "a@me.com"
                                << "smtp.mail.me.com" << 587 << Security::StartTls;
        QTest::newRow("GMX") << "a@gmx.de"
                             << "mail.gmx.net" << 465 << Security::Tls;
    }

    void submissionServers()
    {
        QFETCH(QString, address);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(Security, security);
        const auto p = ProviderTable::builtIn().findByEmailAddress(address);
        QVERIFY(p);
        const QList<OutgoingCandidate> c =
            p->outgoingCandidatesFor(address, AutoconfigSource::Provider);
        QVERIFY(!c.isEmpty());
        QCOMPARE(c.first().host, host);
        QCOMPARE(c.first().port, port);
        QCOMPARE(c.first().security, security);
        QCOMPARE(c.first().username, address);
        QCOMPARE(c.first().providerName, p->name);
        QCOMPARE(c.first().source, AutoconfigSource::Provider);
    }

    void gmailOffersStartTlsAfterTls()
    {
        const auto p = ProviderTable::builtIn().findByDomain(QStringLiteral("gmail.com"));
        QVERIFY(p);
        const QList<OutgoingCandidate> c =
            p->outgoingCandidatesFor(QStringLiteral("a@gmail.com"), AutoconfigSource::Provider);
        QCOMPARE(c.size(), 2);
        QCOMPARE(c.at(1).host, QStringLiteral("smtp.gmail.com"));
        QCOMPARE(c.at(1).port, 587);
        QCOMPARE(c.at(1).security, Security::StartTls);
    }

    // The Chinese providers' authorization code is the password for POP3 and SMTP alike:
    // the note says so, and the candidate applied to an account keeps "same password".
    void authorizationCodeServesSendingToo_data()
    {
        QTest::addColumn<QString>("address");
        QTest::newRow("QQ") << "12345@qq.com";
        QTest::newRow("163") << "wang@163.com";
        QTest::newRow("126") << "wang@126.com";
        QTest::newRow("Sina") << "a@sina.cn";
        QTest::newRow("139") << "a@139.com";
    }

    void authorizationCodeServesSendingToo()
    {
        QFETCH(QString, address);
        const auto p = ProviderTable::builtIn().findByEmailAddress(address);
        QVERIFY(p);
        const QString notes = p->notes().join(u' ');
        QVERIFY2(notes.contains(QStringLiteral("authorization code")), qPrintable(notes));
        QVERIFY2(notes.contains(QStringLiteral("also serves for sending mail (SMTP)")),
                 qPrintable(notes));
        AccountSettings account = AccountSettings::create();
        account.emailAddress = address;
        p->candidatesFor(address, AutoconfigSource::Provider).first().applyTo(account);
        p->outgoingCandidatesFor(address, AutoconfigSource::Provider).first().applyTo(account);
        QVERIFY(account.outgoing.isConfigured());
        QVERIFY(account.outgoing.samePassword);
        QVERIFY(account.outgoing.username.isEmpty()); // the incoming one
        QCOMPARE(account.outgoingSettings(QStringLiteral("code")).username, address);
        QCOMPARE(account.outgoingSettings(QStringLiteral("code")).password, QStringLiteral("code"));
        QVERIFY2(account.isValid(), qPrintable(account.validate().join(u' ')));
    }

    void lookupByAddress_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<bool>("appPasswordNote");
        QTest::newRow("qq") << "12345@qq.com"
                            << "pop.qq.com" << 995 << true;
        QTest::newRow("foxmail") << "li@foxmail.com"
                                 << "pop.qq.com" << 995 << true;
        QTest::newRow("163") << "wang@163.com"
                             << "pop.163.com" << 995 << true;
        QTest::newRow("126") << "wang@126.com"
                             << "pop.126.com" << 995 << true;
        QTest::newRow("yeah") << "wang@yeah.net"
                              << "pop.yeah.net" << 995 << true;
        QTest::newRow("sina") << "zhao@sina.com"
                              << "pop.sina.com" << 995 << true;
        QTest::newRow("sina.cn") << "zhao@sina.cn"
                                 << "pop.sina.cn" << 995 << true;
        QTest::newRow("vip.163") << "wang@vip.163.com"
                                 << "pop.vip.163.com" << 995 << true;
        QTest::newRow("aol") << "someone@aol.com"
                             << "pop.aol.com" << 995 << true;
        QTest::newRow("sohu") << "zhao@sohu.com"
                              << "pop3.sohu.com" << 995 << true;
        QTest::newRow("139") << "13800000000@139.com"
                             << "pop.139.com" << 995 << true;
        QTest::newRow("aliyun") << "a@aliyun.com"
                                << "pop.aliyun.com" << 995 << false;
        QTest::newRow("gmail") << "someone@gmail.com"
                               << "pop.gmail.com" << 995 << true;
        QTest::newRow("googlemail") << "someone@googlemail.com"
                                    << "pop.gmail.com" << 995 << true;
        QTest::newRow("outlook") << "someone@outlook.com"
                                 << "outlook.office365.com" << 995 << true;
        QTest::newRow("hotmail") << "someone@Hotmail.com"
                                 << "outlook.office365.com" << 995 << true;
        QTest::newRow("yahoo") << "someone@yahoo.com"
                               << "pop.mail.yahoo.com" << 995 << true;
        QTest::newRow("gmx") << "someone@gmx.de"
                             << "pop.gmx.net" << 995 << false;
        QTest::newRow("yandex") << "someone@yandex.ru"
                                << "pop.yandex.com" << 995 << true;
        QTest::newRow("zoho") << "someone@zoho.com"
                              << "pop.zoho.com" << 995 << true;
    }

    void lookupByAddress()
    {
        QFETCH(QString, address);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(bool, appPasswordNote);
        const std::optional<ProviderTable::Provider> p =
            ProviderTable::builtIn().findByEmailAddress(address);
        QVERIFY(p);
        QVERIFY(p->offersPop3());
        const QList<ServerCandidate> c = p->candidatesFor(address, AutoconfigSource::Provider);
        QVERIFY(!c.isEmpty());
        QCOMPARE(c.first().host, host);
        QCOMPARE(c.first().port, port);
        QCOMPARE(c.first().security, Security::Tls);
        QCOMPARE(c.first().username, address);
        QCOMPARE(c.first().providerName, p->name);
        const QString notes = c.first().notes.join(u' ');
        QCOMPARE(notes.contains(QStringLiteral("app password")) ||
                     notes.contains(QStringLiteral("app-specific authorization code")),
                 appPasswordNote);
    }

    void qqNoteAsksForAuthorizationCode()
    {
        const auto p = ProviderTable::builtIn().findByDomain(QStringLiteral("qq.com"));
        QVERIFY(p);
        QVERIFY(p->notes().join(u' ').contains(
            QStringLiteral("app-specific authorization code instead of your web password")));
        QVERIFY(p->notes().join(u' ').contains(QStringLiteral("turn it on")));
    }

    void icloudSaysItHasNoPop3()
    {
        const auto p = ProviderTable::builtIn().findByEmailAddress(QStringLiteral("a@icloud.com"));
        QVERIFY(p);
        QVERIFY(!p->offersPop3());
        QVERIFY(
            p->candidatesFor(QStringLiteral("a@icloud.com"), AutoconfigSource::Provider).isEmpty());
        QVERIFY(p->notes().join(u' ').contains(QStringLiteral("does not offer POP3")));
    }

    void unknownDomainIsNotFound()
    {
        QVERIFY(!ProviderTable::builtIn().findByDomain(QStringLiteral("example.org")));
        QVERIFY(!ProviderTable::builtIn().findByEmailAddress(QStringLiteral("no-at-sign")));
        // Only whole domains match: "notqq.com" is not QQ.
        QVERIFY(!ProviderTable::builtIn().findByDomain(QStringLiteral("notqq.com")));
    }

    void mxHostsRecogniseHostedDomains_data()
    {
        QTest::addColumn<QString>("mx");
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("host");
        QTest::newRow("exmail") << "mxbiz1.qq.com."
                                << "exmail"
                                << "pop.exmail.qq.com";
        QTest::newRow("workspace") << "aspmx.l.google.com"
                                   << "gmail"
                                   << "pop.gmail.com";
        QTest::newRow("googlemail") << "alt1.aspmx.l.googlemail.com"
                                    << "gmail"
                                    << "pop.gmail.com";
        QTest::newRow("m365") << "contoso-com.mail.protection.outlook.com"
                              << "microsoft365"
                              << "outlook.office365.com";
        QTest::newRow("aliyun") << "mxw.mxhichina.com"
                                << "aliyun-qiye"
                                << "pop.qiye.aliyun.com";
        QTest::newRow("netease") << "qiye163mx01.mxmail.netease.com"
                                 << "netease-qiye"
                                 << "pop.qiye.163.com";
        QTest::newRow("zoho") << "mx.zoho.com"
                              << "zoho"
                              << "pop.zoho.com";
        QTest::newRow("unrelated") << "mail.example.org"
                                   << ""
                                   << "";
        QTest::newRow("lookalike") << "mx.notqq.com"
                                   << ""
                                   << "";
    }

    void mxHostsRecogniseHostedDomains()
    {
        QFETCH(QString, mx);
        QFETCH(QString, provider);
        QFETCH(QString, host);
        const auto p = ProviderTable::builtIn().findByMxHost(mx);
        if (provider.isEmpty()) {
            QVERIFY(!p);
            return;
        }
        QVERIFY(p);
        QCOMPARE(p->id, provider);
        QCOMPARE(p->servers.first().host, host);
    }

    void malformedTablesAreRejected()
    {
        QString error;
        QVERIFY(ProviderTable::fromJson("{ not json", &error).providers().isEmpty());
        QVERIFY(!error.isEmpty());
        // A plaintext server or a missing port drops the entry; good entries stay.
        error.clear();
        const ProviderTable t = ProviderTable::fromJson(R"({"providers": [
            {"id": "a", "name": "A", "domains": ["a.example"],
             "pop3": [{"host": "pop.a.example", "port": 110, "security": "none"}]},
            {"id": "b", "name": "B", "domains": ["b.example"],
             "pop3": [{"host": "pop.b.example", "security": "tls"}]},
            {"id": "c", "name": "C", "domains": ["C.Example"], "username": "localPart",
             "pop3": [{"host": "pop.c.example", "port": 995, "security": "tls"}],
             "smtp": [{"host": "smtp.c.example", "port": 465, "security": "tls"}]},
            {"id": "d", "name": "D", "domains": ["d.example"],
             "pop3": [{"host": "pop.d.example", "port": 995, "security": "tls"}],
             "smtp": [{"host": "smtp.d.example", "port": 25, "security": "none"}]}
        ]})",
                                                        &error);
        QVERIFY(!error.isEmpty());
        QCOMPARE(t.providers().size(), 1);
        QVERIFY(!t.findByDomain(QStringLiteral("a.example")));
        const auto c = t.findByDomain(QStringLiteral("c.example"));
        QVERIFY(c);
        QCOMPARE(c->candidatesFor(QStringLiteral("li.si@c.example"), AutoconfigSource::Provider)
                     .first()
                     .username,
                 QStringLiteral("li.si"));
        // The outgoing login takes the same form of user name.
        QCOMPARE(
            c->outgoingCandidatesFor(QStringLiteral("li.si@c.example"), AutoconfigSource::Provider)
                .first()
                .username,
            QStringLiteral("li.si"));
        // A plaintext submission server drops its entry like a plaintext POP3 one.
        QVERIFY(!t.findByDomain(QStringLiteral("d.example")));
    }
};

QTEST_GUILESS_MAIN(tst_ProviderTable)
#include "tst_ProviderTable.moc"
