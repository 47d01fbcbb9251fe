// Autoconfiguration over real sockets on loopback: the Mozilla autoconfig download from a
// local HTTPS server, and TLS probes of guessed servers. No internet needed.
#include "RefusingPort.h"
#include "accounts/Autoconfigurator.h"
#include "accounts/DnsResolver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
using namespace Poplar::Accounts;
using Poplar::TestSupport::RefusingPort;

namespace {

class NoDns : public DnsResolver
{
    Q_OBJECT

public:
    using DnsResolver::DnsResolver;
    void lookup(Type, const QString &, QObject *context, Callback callback) override
    {
        QTimer::singleShot(0, context, [callback] { callback(Status::NotFound, {}); });
    }
};

// A self-signed certificate for 127.0.0.1 made with openssl for this run.
struct TestCertificate
{
    QTemporaryDir dir;
    QSslCertificate certificate;
    QSslKey key;
    QString error;

    TestCertificate()
    {
        QProcess openssl;
        openssl.setWorkingDirectory(dir.path());
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                       QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                       QStringLiteral("-keyout"), QStringLiteral("key.pem"), QStringLiteral("-out"),
                       QStringLiteral("cert.pem"), QStringLiteral("-days"), QStringLiteral("2"),
                       QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
                       QStringLiteral("-addext"),
                       QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1")});
        if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0) {
            error = QString::fromLocal8Bit(openssl.readAllStandardError());
            return;
        }
        QFile c(dir.filePath(QStringLiteral("cert.pem")));
        QFile k(dir.filePath(QStringLiteral("key.pem")));
        if (c.open(QIODevice::ReadOnly) && k.open(QIODevice::ReadOnly)) {
            certificate = QSslCertificate(c.readAll());
            key = QSslKey(k.readAll(), QSsl::Ec);
        }
        if (certificate.isNull() || key.isNull())
            error = QStringLiteral("openssl wrote an unreadable certificate or key");
    }
};

// Serves fixed answers per path over HTTPS on a free loopback port.
class HttpsServer : public QSslServer
{
    Q_OBJECT

public:
    struct Response
    {
        int status = 200;
        QByteArray body;
        bool hang = false; // accept the request, never answer
    };
    QHash<QString, Response> routes;
    QStringList requested;

    explicit HttpsServer(const TestCertificate &cert)
    {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(cert.certificate);
        config.setPrivateKey(cert.key);
        setSslConfiguration(config);
        listen(QHostAddress::LocalHost);
        connect(this, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                s->setParent(this);
                connect(s, &QTcpSocket::readyRead, s, [this, s] { onData(s); });
            }
        });
    }

    QString url(const QString &path) const
    {
        return QStringLiteral("https://127.0.0.1:") + QString::number(serverPort()) + path;
    }

private:
    void onData(QTcpSocket *s)
    {
        QByteArray &buffer = m_buffers[s];
        buffer += s->readAll();
        if (!buffer.contains("\r\n\r\n"))
            return;
        const QList<QByteArray> requestLine = buffer.left(buffer.indexOf("\r\n")).split(' ');
        const QString path = requestLine.size() > 1
                                 ? QString::fromLatin1(requestLine.at(1)).section(u'?', 0, 0)
                                 : QString();
        requested << path;
        const Response r = routes.value(path, Response{404, "not here", false});
        if (r.hang)
            return;
        QByteArray out = "HTTP/1.1 " + QByteArray::number(r.status) +
                         (r.status == 200 ? " OK" : " Not Found") +
                         "\r\nContent-Type: text/xml\r\nConnection: close\r\nContent-Length: " +
                         QByteArray::number(r.body.size()) + "\r\n\r\n" + r.body;
        s->write(out);
        s->disconnectFromHost();
    }

    QHash<QTcpSocket *, QByteArray> m_buffers;
};

// A POP3 greeting over implicit TLS.
class TlsPop3Server : public QSslServer
{
    Q_OBJECT

public:
    explicit TlsPop3Server(const TestCertificate &cert)
    {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(cert.certificate);
        config.setPrivateKey(cert.key);
        setSslConfiguration(config);
        listen(QHostAddress::LocalHost);
        connect(this, &QSslServer::startedEncryptionHandshake, this, [](QSslSocket *s) {
            connect(s, &QSslSocket::encrypted, s, [s] { s->write("+OK TLS POP3 ready\r\n"); });
            connect(s, &QSslSocket::readyRead, s, [s] {
                if (s->readAll().toUpper().contains("QUIT")) {
                    s->write("+OK bye\r\n");
                    s->disconnectFromHost();
                }
            });
        });
        connect(this, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *s = nextPendingConnection())
                s->setParent(this);
        });
    }
};

QByteArray data(const char *name)
{
    QFile f(qEnvironmentVariable("POPLAR_SOURCE_DIR") + QStringLiteral("/tests/data/accounts/") +
            QLatin1StringView(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

AutoconfigOptions onlyAutoconfig(const HttpsServer &server, const TestCertificate &cert)
{
    AutoconfigOptions o;
    o.useProviderTable = o.useSrv = o.useMx = o.useGuesses = false;
    o.autoconfigUrls = {server.url(QStringLiteral("/mail/config-v1.1.xml?domain=%1")),
                        server.url(QStringLiteral("/.well-known/autoconfig/mail/config-v1.1.xml"))};
    o.extraCaCertificates = {cert.certificate};
    o.httpTimeoutMs = 3000;
    return o;
}

QString failureOf(const QSignalSpy &failed, AutoconfigSource source)
{
    for (const QList<QVariant> &args : failed) {
        if (args.first().value<AutoconfigSource>() == source)
            return args.at(1).toString();
    }
    return {};
}

} // namespace

class tst_AutoconfigNetwork : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestCertificate> m_cert;

private slots:
    void initTestCase()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("Qt has no TLS backend here, so there is no HTTPS to test.");
        m_cert = std::make_unique<TestCertificate>();
        QVERIFY2(m_cert->error.isEmpty(), qPrintable(m_cert->error));
    }

    void autoconfigFileOverHttps()
    {
        HttpsServer server(*m_cert);
        server.routes[QStringLiteral("/mail/config-v1.1.xml")] = {200, data("full.xml"), false};
        NoDns dns;
        Autoconfigurator auto_(onlyAutoconfig(server, *m_cert), &dns);
        QSignalSpy found(&auto_, &Autoconfigurator::sourceFound);
        QSignalSpy finished(&auto_, &Autoconfigurator::finished);
        auto_.start(QStringLiteral("li.lei@example.org"));
        QVERIFY(finished.wait(10000));
        QCOMPARE(found.count(), 1);
        QCOMPARE(found.first().first().value<AutoconfigSource>(), AutoconfigSource::Autoconfig);
        // Both addresses were asked (the second answered 404).
        QCOMPARE(server.requested.size(), 2);
        const QList<ServerCandidate> r = auto_.results();
        QCOMPARE(r.size(), 2);
        QCOMPARE(r.at(0).host, QStringLiteral("pop.example.org"));
        QCOMPARE(r.at(0).security, Security::Tls);
        QCOMPARE(r.at(0).username, QStringLiteral("li.lei"));
        QCOMPARE(r.at(0).providerName, QStringLiteral("Example Mail"));
        QCOMPARE(r.at(1).security, Security::StartTls);
        // The same file names the outgoing server, in the same run.
        const QList<OutgoingCandidate> out = auto_.outgoingResults();
        QCOMPARE(out.size(), 1);
        QCOMPARE(out.first().host, QStringLiteral("smtp.example.org"));
        QCOMPARE(out.first().port, 465);
        QCOMPARE(out.first().security, Security::Tls);
        QCOMPARE(out.first().source, AutoconfigSource::Autoconfig);
    }

    // Only the usable outgoing entries of a file are offered, and never the one in clear.
    void outgoingServersFromTheFile()
    {
        HttpsServer server(*m_cert);
        server.routes[QStringLiteral("/mail/config-v1.1.xml")] = {200, data("outgoing.xml"), false};
        NoDns dns;
        Autoconfigurator auto_(onlyAutoconfig(server, *m_cert), &dns);
        QSignalSpy outgoing(&auto_, &Autoconfigurator::outgoingFound);
        QSignalSpy finished(&auto_, &Autoconfigurator::finished);
        auto_.start(QStringLiteral("li.lei@send.example"));
        QVERIFY(finished.wait(10000));
        QCOMPARE(outgoing.count(), 1);
        const QList<OutgoingCandidate> out = auto_.outgoingResults();
        QCOMPARE(out.size(), 2); // relay.send.example:25 in clear is not offered
        QCOMPARE(out.at(0).host, QStringLiteral("smtp.send.example"));
        QCOMPARE(out.at(0).security, Security::Tls);
        QCOMPARE(out.at(0).username, QStringLiteral("li.lei"));
        QCOMPARE(out.at(1).host, QStringLiteral("submit.send.example"));
        QCOMPARE(out.at(1).security, Security::StartTls);
        QCOMPARE(out.at(1).authentication, OutgoingAuthentication::CramMd5);
    }

    void wellKnownAddressIsUsedToo()
    {
        HttpsServer server(*m_cert);
        server.routes[QStringLiteral("/.well-known/autoconfig/mail/config-v1.1.xml")] = {
            200, data("full.xml"), false};
        NoDns dns;
        Autoconfigurator auto_(onlyAutoconfig(server, *m_cert), &dns);
        QSignalSpy finished(&auto_, &Autoconfigurator::finished);
        auto_.start(QStringLiteral("li.lei@example.org"));
        QVERIFY(finished.wait(10000));
        QCOMPARE(auto_.results().size(), 2);
    }

    void plaintextOnlyFileIsNotOffered()
    {
        HttpsServer server(*m_cert);
        server.routes[QStringLiteral("/mail/config-v1.1.xml")] = {200, data("plaintext-only.xml"),
                                                                  false};
        NoDns dns;
        Autoconfigurator auto_(onlyAutoconfig(server, *m_cert), &dns);
        QSignalSpy failed(&auto_, &Autoconfigurator::sourceFailed);
        QSignalSpy finished(&auto_, &Autoconfigurator::finished);
        auto_.start(QStringLiteral("a@plain.example"));
        QVERIFY(finished.wait(10000));
        QVERIFY(auto_.results().isEmpty());
        QVERIFY2(
            failureOf(failed, AutoconfigSource::Autoconfig).contains(QStringLiteral("unencrypted")),
            qPrintable(failureOf(failed, AutoconfigSource::Autoconfig)));
    }

    void malformedFileFails()
    {
        HttpsServer server(*m_cert);
        server.routes[QStringLiteral("/mail/config-v1.1.xml")] = {
            200, data("malformed-unclosed.xml"), false};
        NoDns dns;
        Autoconfigurator auto_(onlyAutoconfig(server, *m_cert), &dns);
        QSignalSpy failed(&auto_, &Autoconfigurator::sourceFailed);
        QSignalSpy finished(&auto_, &Autoconfigurator::finished);
        auto_.start(QStringLiteral("a@broken.example"));
        QVERIFY(finished.wait(10000));
        QVERIFY(auto_.results().isEmpty());
        QVERIFY(!failureOf(failed, AutoconfigSource::Autoconfig).isEmpty());
    }

    void untrustedCertificateIsRefused()
    {
        HttpsServer server(*m_cert);
        server.routes[QStringLiteral("/mail/config-v1.1.xml")] = {200, data("full.xml"), false};
        NoDns dns;
        AutoconfigOptions o = onlyAutoconfig(server, *m_cert);
        o.extraCaCertificates.clear();
        Autoconfigurator auto_(o, &dns);
        QSignalSpy failed(&auto_, &Autoconfigurator::sourceFailed);
        QSignalSpy finished(&auto_, &Autoconfigurator::finished);
        auto_.start(QStringLiteral("li.lei@example.org"));
        QVERIFY(finished.wait(10000));
        QVERIFY(auto_.results().isEmpty());
        QVERIFY(
            failureOf(failed, AutoconfigSource::Autoconfig).contains(QStringLiteral("download")));
    }

    void oversizedAndSlowAnswersAreCutShort()
    {
        HttpsServer server(*m_cert);
        server.routes[QStringLiteral("/mail/config-v1.1.xml")] = {200, QByteArray(1024 * 1024, 'x'),
                                                                  false};
        server.routes[QStringLiteral("/.well-known/autoconfig/mail/config-v1.1.xml")] = {
            200, {}, true};
        NoDns dns;
        AutoconfigOptions o = onlyAutoconfig(server, *m_cert);
        o.httpTimeoutMs = 500;
        Autoconfigurator auto_(o, &dns);
        QSignalSpy failed(&auto_, &Autoconfigurator::sourceFailed);
        QSignalSpy finished(&auto_, &Autoconfigurator::finished);
        QElapsedTimer timer;
        timer.start();
        auto_.start(QStringLiteral("a@example.org"));
        QVERIFY(finished.wait(10000));
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(auto_.results().isEmpty());
        QCOMPARE(failed.count(), 1);
    }

    // Closing the wizard mid-search destroys the Autoconfigurator with a download and probes
    // in flight: nothing may fire afterwards (ASan watches).
    void destroyedWhileRunning()
    {
        HttpsServer server(*m_cert);
        server.routes[QStringLiteral("/mail/config-v1.1.xml")] = {200, {}, true};
        TlsPop3Server pop3(*m_cert);
        NoDns dns;
        AutoconfigOptions o = onlyAutoconfig(server, *m_cert);
        o.useGuesses = true;
        o.guessHostPatterns = {QStringLiteral("127.0.0.1")};
        o.tlsPort = pop3.serverPort();
        o.startTlsPort = pop3.serverPort();
        o.outgoingGuessHostPatterns = {QStringLiteral("127.0.0.1")};
        o.outgoingTlsPort = o.outgoingStartTlsPort = pop3.serverPort();
        auto *auto_ = new Autoconfigurator(o, &dns);
        auto_->start(QStringLiteral("a@example.org"));
        QTRY_VERIFY(!server.requested.isEmpty());
        delete auto_;
        QTest::qWait(300);
    }

    // A guessed server on the TLS port that greets "+OK" after a handshake is offered; its
    // self-signed certificate is flagged, not trusted silently.
    void tlsGuessIsFoundAndCertificateFlagged()
    {
        TlsPop3Server pop3(*m_cert);
        QVERIFY(pop3.isListening());
        RefusingPort refusing;
        QVERIFY(refusing.port() != 0);
        const quint16 closedPort = refusing.port();
        NoDns dns;
        AutoconfigOptions o;
        o.useProviderTable = o.useSrv = o.useMx = o.useAutoconfig = false;
        o.guessHostPatterns = {QStringLiteral("127.0.0.1")};
        o.tlsPort = pop3.serverPort();
        o.startTlsPort = closedPort;
        o.outgoingGuessHostPatterns = {};
        o.probeTimeoutMs = 5000;
        Autoconfigurator auto_(o, &dns);
        QSignalSpy finished(&auto_, &Autoconfigurator::finished);
        auto_.start(QStringLiteral("a@example.org"));
        QVERIFY(finished.wait(15000));
        const QList<ServerCandidate> r = auto_.results();
        QCOMPARE(r.size(), 1);
        QCOMPARE(r.first().security, Security::Tls);
        QCOMPARE(r.first().port, int(pop3.serverPort()));
        QCOMPARE(r.first().source, AutoconfigSource::Guess);
        QVERIFY(!r.first().certificateVerified);
    }
};

QTEST_GUILESS_MAIN(tst_AutoconfigNetwork)
#include "tst_AutoconfigNetwork.moc"
