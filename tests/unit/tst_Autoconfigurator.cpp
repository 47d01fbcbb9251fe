#include "RefusingPort.h"
#include "accounts/Autoconfigurator.h"
#include "accounts/DnsResolver.h"

#include <QHash>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
using namespace Poplar::Accounts;
using Poplar::TestSupport::RefusingPort;

namespace {

// Answers from a table, a moment later, like a real resolver. Names not in the table are
// NotFound; names in `silent` never get an answer.
class FakeResolver : public DnsResolver
{
    Q_OBJECT

public:
    struct Answer
    {
        Status status = Status::Ok;
        QList<DnsRecord> records;
    };
    QHash<QString, Answer> answers; // key: "SRV name" or "MX name"
    QStringList silent;
    QStringList asked;

    void lookup(Type type, const QString &name, QObject *context, Callback callback) override
    {
        const QString key =
            (type == Type::Srv ? QStringLiteral("SRV ") : QStringLiteral("MX ")) + name;
        asked << key;
        if (silent.contains(key))
            return;
        const Answer answer = answers.value(key, Answer{Status::NotFound, {}});
        QTimer::singleShot(10, context,
                           [callback, answer] { callback(answer.status, answer.records); });
    }
};

// A POP3 server that only greets and answers CAPA, without TLS.
class TinyPop3Server : public QTcpServer
{
    Q_OBJECT

public:
    explicit TinyPop3Server(bool offersStls)
        : m_offersStls(offersStls)
    {
        listen(QHostAddress::LocalHost);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                s->setParent(this);
                s->write("+OK POP3 ready\r\n");
                connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    while (s->canReadLine()) {
                        const QByteArray line = s->readLine().trimmed().toUpper();
                        if (line == "CAPA") {
                            s->write("+OK\r\nUSER\r\nUIDL\r\n");
                            if (m_offersStls)
                                s->write("STLS\r\n");
                            s->write(".\r\n");
                        } else if (line == "QUIT") {
                            s->write("+OK bye\r\n");
                            s->disconnectFromHost();
                        } else {
                            s->write("-ERR unknown\r\n");
                        }
                    }
                });
            }
        });
    }

private:
    bool m_offersStls;
};

// An SMTP server that greets, answers EHLO (with or without STARTTLS) and QUIT, without TLS.
class TinySmtpServer : public QTcpServer
{
    Q_OBJECT

public:
    bool sawEhlo = false;
    bool sawAuth = false;

    explicit TinySmtpServer(bool offersStartTls)
        : m_offersStartTls(offersStartTls)
    {
        listen(QHostAddress::LocalHost);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                s->setParent(this);
                s->write("220 smtp.example.org ESMTP ready\r\n");
                connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    while (s->canReadLine()) {
                        const QByteArray line = s->readLine().trimmed().toUpper();
                        if (line.startsWith("EHLO ")) {
                            sawEhlo = true;
                            s->write("250-smtp.example.org\r\n250-PIPELINING\r\n");
                            if (m_offersStartTls)
                                s->write("250-STARTTLS\r\n");
                            s->write("250 8BITMIME\r\n");
                        } else if (line == "QUIT") {
                            s->write("221 bye\r\n");
                            s->disconnectFromHost();
                        } else {
                            sawAuth = sawAuth || line.startsWith("AUTH");
                            s->write("502 unknown\r\n");
                        }
                    }
                });
            }
        });
    }

private:
    bool m_offersStartTls;
};

AutoconfigOptions onlyDns()
{
    AutoconfigOptions o;
    o.useAutoconfig = false;
    o.useGuesses = false;
    o.dnsTimeoutMs = 3000;
    return o;
}

struct Recorder
{
    explicit Recorder(Autoconfigurator *a)
        : started(a, &Autoconfigurator::sourceStarted)
        , found(a, &Autoconfigurator::sourceFound)
        , failed(a, &Autoconfigurator::sourceFailed)
        , outgoing(a, &Autoconfigurator::outgoingFound)
        , finished(a, &Autoconfigurator::finished)
    {}
    QList<AutoconfigSource> sources(const QSignalSpy &spy) const
    {
        QList<AutoconfigSource> out;
        for (const QList<QVariant> &args : spy)
            out << args.first().value<AutoconfigSource>();
        return out;
    }
    QString failureOf(AutoconfigSource source) const
    {
        for (const QList<QVariant> &args : failed) {
            if (args.first().value<AutoconfigSource>() == source)
                return args.at(1).toString();
        }
        return {};
    }
    QSignalSpy started, found, failed, outgoing, finished;
};

} // namespace

class tst_Autoconfigurator : public QObject
{
    Q_OBJECT

private slots:
    void srvRecordsAreFoundAndOrdered()
    {
        FakeResolver dns;
        dns.answers[QStringLiteral("SRV _pop3._tcp.example.org")] = {
            DnsResolver::Status::Ok, {{QStringLiteral("mail.example.org"), 110, 0, 0}}};
        dns.answers[QStringLiteral("SRV _pop3s._tcp.example.org")] = {
            DnsResolver::Status::Ok,
            {{QStringLiteral("backup.example.org"), 995, 20, 0},
             {QStringLiteral("pop.example.org"), 995, 10, 0}}};
        Autoconfigurator auto_(onlyDns(), &dns);
        Recorder rec(&auto_);
        auto_.start(QStringLiteral("li@example.org"));
        QVERIFY(rec.finished.wait());
        QCOMPARE(rec.finished.count(), 1);
        QVERIFY(rec.sources(rec.started).contains(AutoconfigSource::Srv));
        QVERIFY(rec.sources(rec.started).contains(AutoconfigSource::Mx));
        QVERIFY(rec.sources(rec.started).contains(AutoconfigSource::Provider));
        QCOMPARE(rec.sources(rec.found), QList<AutoconfigSource>{AutoconfigSource::Srv});
        QVERIFY(!rec.failureOf(AutoconfigSource::Mx).isEmpty());
        QVERIFY(rec.failureOf(AutoconfigSource::Provider).contains(QStringLiteral("not in")));
        QCOMPARE(auto_.sourceState(AutoconfigSource::Srv), Autoconfigurator::SourceState::Found);

        const QList<ServerCandidate> r = auto_.results();
        QCOMPARE(r.size(), 3);
        QCOMPARE(r.at(0).host, QStringLiteral("pop.example.org")); // priority 10 first
        QCOMPARE(r.at(0).security, Security::Tls);
        QCOMPARE(r.at(1).host, QStringLiteral("backup.example.org"));
        QCOMPARE(r.at(2).host, QStringLiteral("mail.example.org"));
        QCOMPARE(r.at(2).security, Security::StartTls); // _pop3._tcp means STARTTLS, never clear
        QCOMPARE(r.at(2).port, 110);
        for (const ServerCandidate &c : r) {
            QCOMPARE(c.source, AutoconfigSource::Srv);
            QCOMPARE(c.username, QStringLiteral("li@example.org"));
        }
        QVERIFY(!auto_.isRunning());
    }

    void srvDotTargetMeansNoService()
    {
        FakeResolver dns;
        dns.answers[QStringLiteral("SRV _pop3s._tcp.example.org")] = {
            DnsResolver::Status::Ok, {{QStringLiteral("."), 0, 0, 0}}};
        Autoconfigurator auto_(onlyDns(), &dns);
        Recorder rec(&auto_);
        auto_.start(QStringLiteral("li@example.org"));
        QVERIFY(rec.finished.wait());
        QVERIFY(rec.sources(rec.failed).contains(AutoconfigSource::Srv));
        QVERIFY(auto_.results().isEmpty());
    }

    void mxRecognisesHostedDomain_data()
    {
        QTest::addColumn<QString>("mx");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("provider");
        QTest::newRow("Tencent Exmail") << "mxbiz1.qq.com."
                                        << "pop.exmail.qq.com"
                                        << "Tencent Exmail";
        QTest::newRow("Google Workspace") << "aspmx.l.google.com"
                                          << "pop.gmail.com"
                                          << "Gmail";
        QTest::newRow("Microsoft 365") << "firma-cn.mail.protection.outlook.com"
                                       << "outlook.office365.com"
                                       << "Microsoft 365";
    }

    void mxRecognisesHostedDomain()
    {
        QFETCH(QString, mx);
        QFETCH(QString, host);
        QFETCH(QString, provider);
        FakeResolver dns;
        dns.answers[QStringLiteral("MX firma.cn")] = {
            DnsResolver::Status::Ok,
            {{QStringLiteral("backup.firma.cn"), 0, 50, 0}, {mx, 0, 10, 0}}};
        Autoconfigurator auto_(onlyDns(), &dns);
        Recorder rec(&auto_);
        auto_.start(QStringLiteral("wang@firma.cn"));
        QVERIFY(rec.finished.wait());
        QCOMPARE(rec.sources(rec.found), QList<AutoconfigSource>{AutoconfigSource::Mx});
        const QList<ServerCandidate> r = auto_.results();
        QCOMPARE(r.size(), 1);
        QCOMPARE(r.first().host, host);
        QCOMPARE(r.first().providerName, provider);
        QCOMPARE(r.first().source, AutoconfigSource::Mx);
        QCOMPARE(r.first().username, QStringLiteral("wang@firma.cn"));
        QVERIFY(!auto_.notes().isEmpty());
    }

    void unknownMxIsReported()
    {
        FakeResolver dns;
        dns.answers[QStringLiteral("MX firma.cn")] = {DnsResolver::Status::Ok,
                                                      {{QStringLiteral("mx.firma.cn"), 0, 10, 0}}};
        Autoconfigurator auto_(onlyDns(), &dns);
        Recorder rec(&auto_);
        auto_.start(QStringLiteral("wang@firma.cn"));
        QVERIFY(rec.finished.wait());
        QVERIFY(rec.failureOf(AutoconfigSource::Mx).contains(QStringLiteral("mx.firma.cn")));
    }

    void providerTableComesFirstWithItsNotes()
    {
        FakeResolver dns;
        dns.answers[QStringLiteral("MX qq.com")] = {DnsResolver::Status::Ok,
                                                    {{QStringLiteral("mx3.qq.com"), 0, 10, 0}}};
        dns.answers[QStringLiteral("SRV _pop3s._tcp.qq.com")] = {
            DnsResolver::Status::Ok, {{QStringLiteral("pop.qq.com"), 995, 0, 0}}};
        Autoconfigurator auto_(onlyDns(), &dns);
        Recorder rec(&auto_);
        auto_.start(QStringLiteral("12345@qq.com"));
        QVERIFY(rec.finished.wait());
        const QList<ServerCandidate> r = auto_.results();
        QVERIFY(!r.isEmpty());
        QCOMPARE(r.first().host, QStringLiteral("pop.qq.com"));
        QCOMPARE(r.first().source, AutoconfigSource::Provider);
        // The SRV answer names the same server: it is offered once.
        QCOMPARE(std::count_if(r.begin(), r.end(),
                               [](const ServerCandidate &c) {
                                   return c.host == u"pop.qq.com" && c.port == 995;
                               }),
                 1);
        QVERIFY(auto_.notes().join(u' ').contains(QStringLiteral("authorization code")));
        QVERIFY(r.first().notes.join(u' ').contains(QStringLiteral("authorization code")));
    }

    void icloudIsExplained()
    {
        FakeResolver dns;
        Autoconfigurator auto_(onlyDns(), &dns);
        Recorder rec(&auto_);
        auto_.start(QStringLiteral("someone@icloud.com"));
        QVERIFY(rec.finished.wait());
        QVERIFY(auto_.results().isEmpty());
        QVERIFY(rec.failureOf(AutoconfigSource::Provider).contains(QStringLiteral("POP3")));
        QVERIFY(auto_.notes().join(u' ').contains(QStringLiteral("does not offer POP3")));
    }

    void slowDnsTimesOut()
    {
        FakeResolver dns;
        dns.silent << QStringLiteral("MX slow.example")
                   << QStringLiteral("SRV _pop3s._tcp.slow.example");
        AutoconfigOptions o = onlyDns();
        o.dnsTimeoutMs = 200;
        Autoconfigurator auto_(o, &dns);
        Recorder rec(&auto_);
        QElapsedTimer timer;
        timer.start();
        auto_.start(QStringLiteral("a@slow.example"));
        QVERIFY(rec.finished.wait(5000));
        QVERIFY(timer.elapsed() < 3000);
        QVERIFY(rec.failureOf(AutoconfigSource::Mx).contains(QStringLiteral("too long")));
        QVERIFY(rec.failureOf(AutoconfigSource::Srv).contains(QStringLiteral("too long")));
    }

    void internationalDomainsAreLookedUpInAsciiForm()
    {
        FakeResolver dns;
        Autoconfigurator auto_(onlyDns(), &dns);
        Recorder rec(&auto_);
        auto_.start(QStringLiteral("张三@例子.中国"));
        QVERIFY(rec.finished.wait());
        QVERIFY2(dns.asked.contains(QStringLiteral("SRV _pop3s._tcp.xn--fsqu00a.xn--fiqs8s")),
                 qPrintable(dns.asked.join(u',')));
        QVERIFY(dns.asked.contains(QStringLiteral("MX xn--fsqu00a.xn--fiqs8s")));
    }

    void candidateFillsAccountSettings()
    {
        FakeResolver dns;
        Autoconfigurator auto_(onlyDns(), &dns);
        Recorder rec(&auto_);
        auto_.start(QStringLiteral("wang@163.com"));
        QVERIFY(rec.finished.wait());
        QVERIFY(!auto_.results().isEmpty());
        AccountSettings account = AccountSettings::create();
        account.emailAddress = QStringLiteral("wang@163.com");
        account.checkIntervalMinutes = 30;
        auto_.results().first().applyTo(account);
        QCOMPARE(account.host, QStringLiteral("pop.163.com"));
        QCOMPARE(account.port, 995);
        QCOMPARE(account.security, Security::Tls);
        QCOMPARE(account.username, QStringLiteral("wang@163.com"));
        QCOMPARE(account.checkIntervalMinutes, 30);
        QVERIFY(account.isValid());
    }

    void incompleteAddressFinishesWithError()
    {
        FakeResolver dns;
        Autoconfigurator auto_(onlyDns(), &dns);
        Recorder rec(&auto_);
        auto_.start(QStringLiteral("no-domain"));
        QCOMPARE(rec.finished.count(), 0); // never from inside start()
        QVERIFY(rec.finished.wait());
        QVERIFY(!auto_.errorString().isEmpty());
        QCOMPARE(rec.started.count(), 0);
        QVERIFY(dns.asked.isEmpty());
    }

    void cancelStopsEverySignal()
    {
        FakeResolver dns;
        Autoconfigurator auto_(onlyDns(), &dns);
        Recorder rec(&auto_);
        auto_.start(QStringLiteral("a@example.org"));
        auto_.cancel();
        QTest::qWait(200);
        QCOMPARE(rec.finished.count(), 0);
        QCOMPARE(rec.found.count() + rec.failed.count(), 0);
        QVERIFY(!auto_.isRunning());
        // A new start after a cancel works normally.
        auto_.start(QStringLiteral("a@example.org"));
        QVERIFY(rec.finished.wait());
        QCOMPARE(rec.finished.count(), 1);
    }

    // Guesses against local listeners. The "TLS" port speaks plain POP3: a TLS handshake
    // fails there, so it must not be offered. STARTTLS is offered only where CAPA lists STLS.
    void guessesNeverOfferPlaintext()
    {
        TinyPop3Server withStls(true);
        TinyPop3Server withoutStls(false);
        QVERIFY(withStls.isListening() && withoutStls.isListening());
        FakeResolver dns;
        AutoconfigOptions o;
        o.useProviderTable = o.useSrv = o.useMx = o.useAutoconfig = false;
        o.guessHostPatterns = {QStringLiteral("127.0.0.1")};
        o.tlsPort = withoutStls.serverPort(); // plain "+OK" on the port probed with TLS
        o.startTlsPort = withoutStls.serverPort();
        o.outgoingGuessHostPatterns = {};
        o.probeTimeoutMs = 3000;
        {
            Autoconfigurator auto_(o, &dns);
            Recorder rec(&auto_);
            auto_.start(QStringLiteral("a@example.org"));
            QVERIFY(rec.finished.wait(10000));
            QVERIFY(auto_.results().isEmpty());
            QCOMPARE(rec.sources(rec.failed), QList<AutoconfigSource>{AutoconfigSource::Guess});
        }
        o.startTlsPort = withStls.serverPort();
        Autoconfigurator auto_(o, &dns);
        Recorder rec(&auto_);
        auto_.start(QStringLiteral("a@example.org"));
        QVERIFY(rec.finished.wait(10000));
        const QList<ServerCandidate> r = auto_.results();
        QCOMPARE(r.size(), 1);
        QCOMPARE(r.first().host, QStringLiteral("127.0.0.1"));
        QCOMPARE(r.first().port, int(withStls.serverPort()));
        QCOMPARE(r.first().security, Security::StartTls);
        QCOMPARE(r.first().source, AutoconfigSource::Guess);
    }

    void unreachableGuessesFail()
    {
        RefusingPort refusing;
        QVERIFY(refusing.port() != 0);
        const quint16 port = refusing.port();
        FakeResolver dns;
        AutoconfigOptions o;
        o.useProviderTable = o.useSrv = o.useMx = o.useAutoconfig = false;
        o.guessHostPatterns = {QStringLiteral("127.0.0.1")};
        o.tlsPort = o.startTlsPort = port;
        o.outgoingGuessHostPatterns = {QStringLiteral("127.0.0.1")};
        o.outgoingTlsPort = o.outgoingStartTlsPort = port;
        Autoconfigurator auto_(o, &dns);
        Recorder rec(&auto_);
        auto_.start(QStringLiteral("a@example.org"));
        QVERIFY(rec.finished.wait(10000));
        QVERIFY(auto_.results().isEmpty());
        QVERIFY(auto_.outgoingResults().isEmpty());
        QCOMPARE(rec.outgoing.count(), 0);
        QVERIFY(!rec.failureOf(AutoconfigSource::Guess).isEmpty());
    }

    // --- The outgoing server ---------------------------------------------------------

    void providerTableGivesTheOutgoingServerToo()
    {
        FakeResolver dns;
        Autoconfigurator auto_(onlyDns(), &dns);
        Recorder rec(&auto_);
        auto_.start(QStringLiteral("12345@qq.com"));
        QVERIFY(rec.finished.wait());
        QCOMPARE(rec.finished.count(), 1);
        QCOMPARE(rec.sources(rec.outgoing), QList<AutoconfigSource>{AutoconfigSource::Provider});
        const QList<OutgoingCandidate> out = auto_.outgoingResults();
        QCOMPARE(out.size(), 1);
        QCOMPARE(out.first().host, QStringLiteral("smtp.qq.com"));
        QCOMPARE(out.first().port, 465);
        QCOMPARE(out.first().security, Security::Tls);
        QCOMPARE(out.first().username, QStringLiteral("12345@qq.com"));
        QCOMPARE(out.first().providerName, QStringLiteral("QQ Mail"));
        // The authorization code serves for both: said once, with the provider's notes.
        QVERIFY(auto_.notes().join(u' ').contains(QStringLiteral("(SMTP)")));
        QVERIFY(out.first().notes.join(u' ').contains(QStringLiteral("(SMTP)")));
        // Applied after the incoming server, the account logs in to both with one password.
        AccountSettings account = AccountSettings::create();
        account.emailAddress = QStringLiteral("12345@qq.com");
        auto_.results().first().applyTo(account);
        out.first().applyTo(account);
        QCOMPARE(account.outgoing.host, QStringLiteral("smtp.qq.com"));
        QVERIFY(account.outgoing.samePassword);
        QVERIFY(account.isValid());
    }

    void srvSubmissionRecordsAreFoundAndOrdered()
    {
        FakeResolver dns;
        dns.answers[QStringLiteral("SRV _submission._tcp.example.org")] = {
            DnsResolver::Status::Ok, {{QStringLiteral("mail.example.org"), 587, 0, 0}}};
        dns.answers[QStringLiteral("SRV _submissions._tcp.example.org")] = {
            DnsResolver::Status::Ok,
            {{QStringLiteral("backup.example.org"), 465, 20, 0},
             {QStringLiteral("smtp.example.org"), 465, 10, 0}}};
        dns.answers[QStringLiteral("SRV _pop3s._tcp.example.org")] = {
            DnsResolver::Status::Ok, {{QStringLiteral("pop.example.org"), 995, 0, 0}}};
        Autoconfigurator auto_(onlyDns(), &dns);
        Recorder rec(&auto_);
        auto_.start(QStringLiteral("li@example.org"));
        QVERIFY(rec.finished.wait());
        QCOMPARE(rec.sources(rec.outgoing), QList<AutoconfigSource>{AutoconfigSource::Srv});
        QCOMPARE(rec.sources(rec.found), QList<AutoconfigSource>{AutoconfigSource::Srv});
        const QList<OutgoingCandidate> out = auto_.outgoingResults();
        QCOMPARE(out.size(), 3);
        QCOMPARE(out.at(0).host, QStringLiteral("smtp.example.org")); // priority 10 first
        QCOMPARE(out.at(0).security, Security::Tls);                  // _submissions: TLS
        QCOMPARE(out.at(1).host, QStringLiteral("backup.example.org"));
        QCOMPARE(out.at(2).host, QStringLiteral("mail.example.org"));
        QCOMPARE(out.at(2).security, Security::StartTls); // _submission: STARTTLS, never clear
        QCOMPARE(out.at(2).port, 587);
        for (const OutgoingCandidate &c : out) {
            QCOMPARE(c.source, AutoconfigSource::Srv);
            QCOMPARE(c.username, QStringLiteral("li@example.org"));
        }
        // The incoming answer is not muddled with the outgoing one.
        QCOMPARE(auto_.results().size(), 1);
        QCOMPARE(auto_.results().first().host, QStringLiteral("pop.example.org"));
    }

    // Submission records alone do not make a POP3 account: the source fails for the
    // incoming server and still gives the outgoing one.
    void srvSubmissionWithoutPop3()
    {
        FakeResolver dns;
        dns.answers[QStringLiteral("SRV _submissions._tcp.example.org")] = {
            DnsResolver::Status::Ok, {{QStringLiteral("smtp.example.org"), 465, 0, 0}}};
        dns.answers[QStringLiteral("SRV _submission._tcp.example.org")] = {
            DnsResolver::Status::Ok, {{QStringLiteral("."), 0, 0, 0}}};
        Autoconfigurator auto_(onlyDns(), &dns);
        Recorder rec(&auto_);
        auto_.start(QStringLiteral("li@example.org"));
        QVERIFY(rec.finished.wait());
        QVERIFY(rec.sources(rec.failed).contains(AutoconfigSource::Srv));
        QVERIFY(auto_.results().isEmpty());
        QCOMPARE(auto_.outgoingResults().size(), 1);
        QCOMPARE(auto_.outgoingResults().first().host, QStringLiteral("smtp.example.org"));
    }

    void mxGivesTheHostingProvidersOutgoingServer()
    {
        FakeResolver dns;
        dns.answers[QStringLiteral("MX firma.cn")] = {
            DnsResolver::Status::Ok, {{QStringLiteral("mxbiz1.qq.com"), 0, 10, 0}}};
        Autoconfigurator auto_(onlyDns(), &dns);
        Recorder rec(&auto_);
        auto_.start(QStringLiteral("wang@firma.cn"));
        QVERIFY(rec.finished.wait());
        QCOMPARE(rec.sources(rec.outgoing), QList<AutoconfigSource>{AutoconfigSource::Mx});
        const QList<OutgoingCandidate> out = auto_.outgoingResults();
        QCOMPARE(out.size(), 1);
        QCOMPARE(out.first().host, QStringLiteral("smtp.exmail.qq.com"));
        QCOMPARE(out.first().source, AutoconfigSource::Mx);
        QCOMPARE(out.first().providerName, QStringLiteral("Tencent Exmail"));
        QCOMPARE(out.first().username, QStringLiteral("wang@firma.cn"));
    }

    // The provider table before SRV before MX; within a source TLS before STARTTLS; a server
    // two sources name is offered once, from the better one.
    void outgoingOrderAcrossSources()
    {
        FakeResolver dns;
        dns.answers[QStringLiteral("SRV _submission._tcp.gmail.com")] = {
            DnsResolver::Status::Ok, {{QStringLiteral("relay.gmail.com"), 587, 0, 0}}};
        dns.answers[QStringLiteral("SRV _submissions._tcp.gmail.com")] = {
            DnsResolver::Status::Ok,
            {{QStringLiteral("smtp.gmail.com"), 465, 0, 0},
             {QStringLiteral("tls.gmail.com"), 465, 5, 0}}};
        dns.answers[QStringLiteral("MX gmail.com")] = {
            DnsResolver::Status::Ok, {{QStringLiteral("gmail-smtp-in.l.google.com"), 0, 5, 0}}};
        Autoconfigurator auto_(onlyDns(), &dns);
        Recorder rec(&auto_);
        auto_.start(QStringLiteral("a@gmail.com"));
        QVERIFY(rec.finished.wait());
        QList<std::tuple<QString, int, AutoconfigSource>> got;
        for (const OutgoingCandidate &c : auto_.outgoingResults())
            got.append({c.host, c.port, c.source});
        const QList<std::tuple<QString, int, AutoconfigSource>> expected = {
            {QStringLiteral("smtp.gmail.com"), 465, AutoconfigSource::Provider},
            {QStringLiteral("smtp.gmail.com"), 587, AutoconfigSource::Provider},
            {QStringLiteral("tls.gmail.com"), 465, AutoconfigSource::Srv},
            {QStringLiteral("relay.gmail.com"), 587, AutoconfigSource::Srv},
        };
        QCOMPARE(got, expected);
        QCOMPARE(rec.sources(rec.outgoing).size(), 3); // provider, SRV and MX each said so
    }

    void submissionServicesAreLookedUp()
    {
        FakeResolver dns;
        Autoconfigurator auto_(onlyDns(), &dns);
        Recorder rec(&auto_);
        auto_.start(QStringLiteral("张三@例子.中国"));
        QVERIFY(rec.finished.wait());
        QVERIFY(dns.asked.contains(QStringLiteral("SRV _submissions._tcp.xn--fsqu00a.xn--fiqs8s")));
        QVERIFY(dns.asked.contains(QStringLiteral("SRV _submission._tcp.xn--fsqu00a.xn--fiqs8s")));
        QVERIFY(auto_.outgoingResults().isEmpty());
    }

    // SMTP guesses against local listeners. The "TLS" port speaks plain SMTP (a handshake
    // fails there); STARTTLS is offered only where EHLO lists it; a POP3 server on the
    // submission port is not taken for an SMTP one.
    void outgoingGuessesNeverOfferPlaintext()
    {
        TinySmtpServer withStartTls(true);
        TinySmtpServer withoutStartTls(false);
        TinyPop3Server pop3(true);
        QVERIFY(withStartTls.isListening() && withoutStartTls.isListening());
        FakeResolver dns;
        AutoconfigOptions o;
        o.useProviderTable = o.useSrv = o.useMx = o.useAutoconfig = false;
        o.guessHostPatterns = {};
        o.outgoingGuessHostPatterns = {QStringLiteral("127.0.0.1")};
        o.outgoingTlsPort = withStartTls.serverPort();
        o.probeTimeoutMs = 3000;
        for (const quint16 port : {withoutStartTls.serverPort(), pop3.serverPort()}) {
            o.outgoingStartTlsPort = port;
            Autoconfigurator auto_(o, &dns);
            Recorder rec(&auto_);
            auto_.start(QStringLiteral("a@example.org"));
            QVERIFY(rec.finished.wait(10000));
            QVERIFY(auto_.outgoingResults().isEmpty());
            QCOMPARE(rec.outgoing.count(), 0);
        }
        o.outgoingStartTlsPort = withStartTls.serverPort();
        Autoconfigurator auto_(o, &dns);
        Recorder rec(&auto_);
        auto_.start(QStringLiteral("a@example.org"));
        QVERIFY(rec.finished.wait(10000));
        const QList<OutgoingCandidate> out = auto_.outgoingResults();
        QCOMPARE(out.size(), 1);
        QCOMPARE(out.first().host, QStringLiteral("127.0.0.1"));
        QCOMPARE(out.first().port, int(withStartTls.serverPort()));
        QCOMPARE(out.first().security, Security::StartTls);
        QCOMPARE(out.first().source, AutoconfigSource::Guess);
        QCOMPARE(out.first().username, QStringLiteral("a@example.org"));
        QVERIFY(withStartTls.sawEhlo);
        QVERIFY(!withStartTls.sawAuth); // a probe never logs in
    }

    // Incoming and outgoing guesses run side by side: one finished(), both answers in.
    void bothGuessesInOneRun()
    {
        TinySmtpServer smtp(true);
        TinyPop3Server pop3(true);
        RefusingPort refusing;
        FakeResolver dns;
        AutoconfigOptions o;
        o.useProviderTable = o.useSrv = o.useMx = o.useAutoconfig = false;
        o.guessHostPatterns = {QStringLiteral("127.0.0.1")};
        o.tlsPort = refusing.port();
        o.startTlsPort = pop3.serverPort();
        o.outgoingGuessHostPatterns = {QStringLiteral("127.0.0.1")};
        o.outgoingTlsPort = refusing.port();
        o.outgoingStartTlsPort = smtp.serverPort();
        o.probeTimeoutMs = 3000;
        Autoconfigurator auto_(o, &dns);
        Recorder rec(&auto_);
        auto_.start(QStringLiteral("a@example.org"));
        QVERIFY(rec.finished.wait(10000));
        QCOMPARE(rec.finished.count(), 1);
        QCOMPARE(auto_.results().size(), 1);
        QCOMPARE(auto_.results().first().port, int(pop3.serverPort()));
        QCOMPARE(auto_.outgoingResults().size(), 1);
        QCOMPARE(auto_.outgoingResults().first().port, int(smtp.serverPort()));
        // The outgoing answer comes before the source's end.
        QCOMPARE(rec.sources(rec.outgoing), QList<AutoconfigSource>{AutoconfigSource::Guess});
    }
};

QTEST_GUILESS_MAIN(tst_Autoconfigurator)
#include "tst_Autoconfigurator.moc"
