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
    }
};

QTEST_GUILESS_MAIN(tst_AutoconfigXml)
#include "tst_AutoconfigXml.moc"
