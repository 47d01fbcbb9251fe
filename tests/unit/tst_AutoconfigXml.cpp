#include "accounts/AutoconfigXml.h"

#include <QFile>
#include <QTest>

using namespace Poplar::Accounts;

class tst_AutoconfigXml : public QObject
{
    Q_OBJECT

    static QByteArray data(const char *name)
    {
        QFile f(qEnvironmentVariable("POPLAR_SOURCE_DIR") +
                QStringLiteral("/tests/data/accounts/") + QLatin1StringView(name));
        if (!f.open(QIODevice::ReadOnly))
            qFatal("missing test data %s", name);
        return f.readAll();
    }

private slots:
    void pop3ServersWithPlaceholders()
    {
        const AutoconfigXml::Result r =
            AutoconfigXml::parse(data("full.xml"), QStringLiteral("li.lei@example.org"));
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.providerName, QStringLiteral("Example Mail"));
        QCOMPARE(r.servers.size(), 2); // the IMAP and SMTP entries are not POP3
        const ServerCandidate &tls = r.servers.at(0);
        QCOMPARE(tls.host, QStringLiteral("pop.example.org"));
        QCOMPARE(tls.port, 995);
        QCOMPARE(tls.security, Security::Tls);
        QCOMPARE(tls.username, QStringLiteral("li.lei"));
        QCOMPARE(tls.authentication, Authentication::Auto);
        QCOMPARE(tls.source, AutoconfigSource::Autoconfig);
        const ServerCandidate &starttls = r.servers.at(1);
        QCOMPARE(starttls.host, QStringLiteral("pop3.example.org"));
        QCOMPARE(starttls.port, 110);
        QCOMPARE(starttls.security, Security::StartTls);
        QCOMPARE(starttls.username, QStringLiteral("li.lei@example.org"));
        QCOMPARE(starttls.authentication, Authentication::CramMd5);
    }

    void outgoingServerOfTheFullFile()
    {
        const AutoconfigXml::Result r =
            AutoconfigXml::parse(data("full.xml"), QStringLiteral("li.lei@example.org"));
        QCOMPARE(r.outgoing.size(), 1);
        const OutgoingCandidate &smtp = r.outgoing.first();
        QCOMPARE(smtp.host, QStringLiteral("smtp.example.org"));
        QCOMPARE(smtp.port, 465);
        QCOMPARE(smtp.security, Security::Tls);
        QCOMPARE(smtp.authentication, OutgoingAuthentication::Auto);
        QCOMPARE(smtp.username, QStringLiteral("li.lei@example.org"));
        QCOMPARE(smtp.source, AutoconfigSource::Autoconfig);
        QCOMPARE(smtp.providerName, QStringLiteral("Example Mail"));
    }

    void outgoingServersUsableOnesOnly()
    {
        const AutoconfigXml::Result r =
            AutoconfigXml::parse(data("outgoing.xml"), QStringLiteral("li.lei@send.example"));
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.servers.size(), 1); // the POP3 entry is unaffected
        QStringList hosts;
        for (const OutgoingCandidate &c : r.outgoing)
            hosts << c.host;
        // OAuth2 only, EWS, a port of 70000, QUANTUM, an unfilled placeholder, no host and a
        // host name with a command in it are all left out.
        QCOMPARE(hosts, (QStringList{QStringLiteral("smtp.send.example"),
                                     QStringLiteral("submit.send.example"),
                                     QStringLiteral("relay.send.example")}));
        const OutgoingCandidate &tls = r.outgoing.at(0);
        QCOMPARE(tls.port, 465);
        QCOMPARE(tls.security, Security::Tls);
        QCOMPARE(tls.username, QStringLiteral("li.lei"));
        QCOMPARE(tls.authentication, OutgoingAuthentication::Auto); // OAuth2 or a password
        const OutgoingCandidate &starttls = r.outgoing.at(1);
        QCOMPARE(starttls.port, 587);
        QCOMPARE(starttls.security, Security::StartTls);
        QCOMPARE(starttls.authentication, OutgoingAuthentication::CramMd5);
        QCOMPARE(starttls.username, QStringLiteral("li.lei@send.example"));
        const OutgoingCandidate &relay = r.outgoing.at(2);
        QCOMPARE(relay.security, Security::None); // reported; Autoconfigurator drops it
        QCOMPARE(relay.authentication, OutgoingAuthentication::None);
    }

    void outgoingServersAreBounded()
    {
        QByteArray xml = "<clientConfig><emailProvider id=\"x\">";
        for (int i = 0; i < 500; ++i) {
            xml += "<incomingServer type=\"pop3\"><hostname>pop" + QByteArray::number(i) +
                   ".x.example</hostname><port>995</port><socketType>SSL</socketType>"
                   "</incomingServer>";
            xml += "<outgoingServer type=\"smtp\"><hostname>smtp" + QByteArray::number(i) +
                   ".x.example</hostname><port>465</port><socketType>SSL</socketType>"
                   "</outgoingServer>";
        }
        xml += "</emailProvider></clientConfig>";
        const AutoconfigXml::Result r = AutoconfigXml::parse(xml, QStringLiteral("a@x.example"));
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        // Each direction has its own limit: many SMTP entries do not crowd out POP3 ones.
        QCOMPARE(r.servers.size(), AutoconfigXml::MaxServers);
        QCOMPARE(r.outgoing.size(), AutoconfigXml::MaxServers);
        QCOMPARE(r.outgoing.first().host, QStringLiteral("smtp0.x.example"));
    }

    void outgoingServerOutsideTheProviderIsIgnored()
    {
        // Only <emailProvider> speaks for the domain; a nested or stray entry does not.
        const QByteArray xml = "<clientConfig>"
                               "<outgoingServer type=\"smtp\"><hostname>evil.example</hostname>"
                               "<port>465</port><socketType>SSL</socketType></outgoingServer>"
                               "<emailProvider id=\"x\"><incomingServer type=\"pop3\">"
                               "<outgoingServer type=\"smtp\"><hostname>nested.example</hostname>"
                               "</outgoingServer>"
                               "<hostname>pop.x.example</hostname><port>995</port>"
                               "<socketType>SSL</socketType></incomingServer>"
                               "</emailProvider></clientConfig>";
        const AutoconfigXml::Result r = AutoconfigXml::parse(xml, QStringLiteral("a@x.example"));
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QVERIFY(r.outgoing.isEmpty());
        QCOMPARE(r.servers.size(), 1);
        QCOMPARE(r.servers.first().host, QStringLiteral("pop.x.example"));
    }

    void plaintextIsReportedAsSuch()
    {
        const AutoconfigXml::Result r =
            AutoconfigXml::parse(data("plaintext-only.xml"), QStringLiteral("a@plain.example"));
        QVERIFY(r.error.isEmpty());
        QCOMPARE(r.servers.size(), 1);
        QCOMPARE(r.servers.first().security, Security::None);
    }

    void noPop3MeansNoServers()
    {
        const AutoconfigXml::Result r =
            AutoconfigXml::parse(data("imap-only.xml"), QStringLiteral("a@imap.example"));
        QVERIFY(r.error.isEmpty());
        QVERIFY(r.servers.isEmpty());
    }

    void unusableEntriesAreSkipped()
    {
        const AutoconfigXml::Result r = AutoconfigXml::parse(data("oauth-and-bad-entries.xml"),
                                                             QStringLiteral("a@odd.example"));
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.servers.size(), 1);
        QCOMPARE(r.servers.first().host, QStringLiteral("pop.odd.example"));
        QCOMPARE(r.servers.first().port, 995);
        QCOMPARE(r.servers.first().authentication, Authentication::Auto);
    }

    void malformedDocumentsGiveAnError_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::newRow("unclosed") << data("malformed-unclosed.xml");
        QTest::newRow("html page") << data("malformed-not-autoconfig.xml");
        QTest::newRow("entity expansion") << data("malformed-entities.xml");
        QTest::newRow("binary") << data("malformed-binary.xml");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("huge") << QByteArray("<clientConfig>") +
                                     QByteArray(AutoconfigXml::MaxDocumentSize, ' ') +
                                     QByteArray("</clientConfig>");
        QByteArray deep = "<clientConfig>";
        for (int i = 0; i < 10000; ++i)
            deep += "<a>";
        QTest::newRow("deep") << deep;
    }

    void malformedDocumentsGiveAnError()
    {
        QFETCH(QByteArray, xml);
        const AutoconfigXml::Result r = AutoconfigXml::parse(xml, QStringLiteral("a@b.example"));
        QVERIFY(!r.error.isEmpty());
        QVERIFY(r.servers.isEmpty());
        QVERIFY(r.outgoing.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_AutoconfigXml)
#include "tst_AutoconfigXml.moc"
