#include "DovecotServer.h"
#include "TcpRelay.h"
#include "pop3/Client.h"

#include <QBuffer>
#include <QHash>
#include <QSignalSpy>
#include <QTest>

using namespace Poplar::Pop3;
using Poplar::Net::CertificateProblem;
using Poplar::Net::Sasl;
using Poplar::TestSupport::DovecotServer;
using Poplar::TestSupport::TcpRelay;

namespace {

constexpr int Timeout = 30000;

QByteArray sampleMessage(int n)
{
    return "From: sender@example.test\r\nTo: user@example.test\r\nSubject: test " +
           QByteArray::number(n) + "\r\nMessage-ID: <" + QByteArray::number(n) +
           "@example.test>\r\n\r\nBody of message " + QByteArray::number(n) +
           "\r\n.a line that needs dot-stuffing\r\n";
}

// About `bytes` of message with varied lines, some starting with a dot.
QByteArray bigMessage(qint64 bytes)
{
    QByteArray m = "From: big@example.test\r\nTo: bob@example.test\r\nSubject: big\r\n\r\n";
    m.reserve(bytes + 200);
    int i = 0;
    while (m.size() < bytes) {
        ++i;
        if (i % 97 == 0)
            m += ".";
        if (i % 1013 == 0)
            m += ".\r\n"; // a lone dot line inside the body
        m +=
            "line " + QByteArray::number(i) + ' ' + QByteArray(i % 70, char('a' + i % 26)) + "\r\n";
    }
    return m;
}

// Drives one Client and collects what it reports.
class Session : public QObject
{
public:
    explicit Session(const Settings &settings)
        : client(new Client(settings, this))
    {
        connect(client, &Client::opened, this, [this] { opened = true; });
        connect(client, &Client::failed, this, [this](const Error &e) { error = e; });
        connect(client, &Client::sessionClosed, this, [this](bool c) {
            closed = true;
            committed = c;
        });
        connect(client, &Client::statFinished, this,
                [this](CommandId, int n, qint64) { count = n; });
        connect(client, &Client::listFinished, this,
                [this](CommandId, const QList<MessageSize> &l) { sizes = l; });
        connect(client, &Client::uidlFinished, this,
                [this](CommandId, const QList<MessageUid> &u) { uids = u; });
        connect(client, &Client::retrieveFinished, this,
                [this](CommandId id, int, qint64) { retrieved.append(id); });
        connect(client, &Client::retrieveProgress, this,
                [this](CommandId, int, qint64, qint64) { ++progressSignals; });
        connect(client, &Client::commandFinished, this, [this](CommandId id) { done.append(id); });
        connect(client, &Client::commandFailed, this,
                [this](CommandId id, const Error &e) { commandErrors.insert(id, e); });
    }
    bool open()
    {
        client->open();
        return QTest::qWaitFor([this] { return opened || closed; }, Timeout) && opened;
    }

    Client *client;
    bool opened = false;
    bool closed = false;
    bool committed = false;
    Error error;
    int count = -1;
    QList<MessageSize> sizes;
    QList<MessageUid> uids;
    QList<CommandId> retrieved;
    QList<CommandId> done;
    QHash<CommandId, Error> commandErrors;
    int progressSignals = 0;
};

} // namespace

class tst_Pop3Dovecot : public QObject
{
    Q_OBJECT

private:
    DovecotServer m_server;
    QList<QSslCertificate> m_ca;

    Settings settings(const QString &user, Settings::Security security = Settings::Security::Tls)
    {
        Settings s;
        s.host = m_server.host();
        s.security = security;
        s.port = security == Settings::Security::Tls ? m_server.tlsPort() : m_server.plainPort();
        s.username = user;
        s.password = QStringLiteral("pw-") + user;
        s.extraCaCertificates = m_ca;
        s.connectTimeoutMs = Timeout;
        s.responseTimeoutMs = Timeout;
        return s;
    }

private slots:
    void initTestCase()
    {
        if (!DovecotServer::isAvailable())
            QSKIP("Dovecot is not installed (Debian: dovecot-core dovecot-pop3d)");
        for (const char *user : {"alice", "bob", "carol", "dave", "erin", "frank"})
            m_server.addUser(QLatin1StringView(user),
                             QStringLiteral("pw-") + QLatin1StringView(user));
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        m_ca = QSslCertificate::fromData(m_server.certificatePem());
        QVERIFY(!m_ca.isEmpty());
        for (int n = 1; n <= 3; ++n)
            m_server.deliver(QStringLiteral("alice"), sampleMessage(n));
    }

    void autoLoginPicksStrongestOffered()
    {
        Session s(settings(QStringLiteral("alice")));
        QVERIFY2(s.open(), qPrintable(s.error.message() + u' ' + s.error.detail));
        const QByteArrayList offered = s.client->capabilities().saslMechanisms();
        QVERIFY(offered.contains(Sasl::name(s.client->mechanismUsed())));
        if (offered.contains("CRAM-MD5"))
            QCOMPARE(s.client->mechanismUsed(), Sasl::Mechanism::CramMd5);
    }

    void implicitTlsSaslPlainUidlTop()
    {
        Settings st = settings(QStringLiteral("alice"));
        st.auth = Settings::Auth::Plain;
        Session s(st);
        QVERIFY2(s.open(), qPrintable(s.error.message() + u' ' + s.error.detail));
        QCOMPARE(s.client->mechanismUsed(), Sasl::Mechanism::Plain);
        QVERIFY(s.client->capabilities().pipelining());
        QVERIFY(s.client->isPipelining());
        QBuffer header;
        header.open(QIODevice::WriteOnly);
        (void)s.client->stat();
        (void)s.client->list();
        (void)s.client->uidl();
        const CommandId top = s.client->top(2, 0, &header);
        QVERIFY(QTest::qWaitFor([&] { return s.retrieved.contains(top) || s.closed; }, Timeout));
        QCOMPARE(s.count, 3);
        QCOMPARE(s.sizes.size(), 3);
        QCOMPARE(s.uids.size(), 3);
        QSet<QString> distinct;
        for (const MessageUid &u : std::as_const(s.uids))
            distinct.insert(u.uid);
        QCOMPARE(distinct.size(), 3);
        QVERIFY(header.data().contains("Subject: test 2\r\n"));
        QVERIFY(!header.data().contains("Body of message"));
        s.client->quit();
        QVERIFY(QTest::qWaitFor([&] { return s.closed; }, Timeout));
        QVERIFY(s.committed);
        QCOMPARE(m_server.messageFiles(QStringLiteral("alice")).size(), 3);
    }

    // RFC 5034 4: AUTH PLAIN with its response on the command line, one round trip (seen on
    // the wire through a relay, so without TLS; Dovecot trusts loopback).
    void plainLoginInOneRoundTrip()
    {
        TcpRelay relay;
        relay.setTarget(QHostAddress(m_server.host()), m_server.plainPort());
        relay.setRecording(true);
        QVERIFY(relay.listen());
        Settings st = settings(QStringLiteral("alice"), Settings::Security::None);
        st.port = relay.port();
        st.auth = Settings::Auth::Plain;
        Session s(st);
        QVERIFY2(s.open(), qPrintable(s.error.message() + u' ' + s.error.detail));
        QCOMPARE(s.client->mechanismUsed(), Sasl::Mechanism::Plain);
        s.client->quit();
        QVERIFY(QTest::qWaitFor([&] { return s.closed; }, Timeout));
        const QList<TcpRelay::Transcript> transcripts = relay.transcripts();
        QCOMPARE(transcripts.size(), 1);
        const QByteArray response = QByteArray("\0alice\0pw-alice", 15).toBase64();
        QCOMPARE(transcripts.first().fromClient, "CAPA\r\nAUTH PLAIN " + response + "\r\nQUIT\r\n");
        QVERIFY(!transcripts.first().fromServer.contains("\r\n+ "));
    }

    void startTlsUserPass()
    {
        Settings st = settings(QStringLiteral("alice"), Settings::Security::StartTls);
        st.auth = Settings::Auth::User;
        Session s(st);
        QVERIFY2(s.open(), qPrintable(s.error.message() + u' ' + s.error.detail));
        QCOMPARE(s.client->mechanismUsed(), Sasl::Mechanism::None);
        QBuffer body;
        body.open(QIODevice::WriteOnly);
        const CommandId r = s.client->retrieve(1, &body);
        QVERIFY(QTest::qWaitFor([&] { return s.retrieved.contains(r) || s.closed; }, Timeout));
        // Dot-stuffing is undone: the message comes back byte for byte.
        QCOMPARE(body.data(), sampleMessage(1));
        s.client->quit();
        QVERIFY(QTest::qWaitFor([&] { return s.closed; }, Timeout));
        QVERIFY(s.committed);
    }

    void wrongPasswordIsExplained()
    {
        Settings st = settings(QStringLiteral("alice"));
        st.password = QStringLiteral("not-the-password");
        Session s(st);
        QVERIFY(!s.open());
        QVERIFY(s.error.kind == ErrorKind::WrongCredentials ||
                s.error.kind == ErrorKind::LoginFailed);
        QVERIFY(!s.error.serverText.isEmpty());
        QVERIFY(!s.error.message().contains(QStringLiteral("not-the-password")));
    }

    void untrustedCertificateWithoutCa()
    {
        Settings st = settings(QStringLiteral("alice"));
        st.extraCaCertificates.clear();
        Session s(st);
        QSignalSpy problems(s.client, &Client::certificateRejected);
        QVERIFY(!s.open());
        QCOMPARE(s.error.kind, ErrorKind::CertificateUntrusted);
        QCOMPARE(problems.size(), 1);
        const auto problem = problems.first().first().value<CertificateProblem>();
        QCOMPARE(problem.sha256, Poplar::Net::CertificateCheck::sha256Fingerprint(m_ca.first()));

        // Accepting it by its fingerprint lets the next session in.
        st.pinnedSha256 = problem.sha256;
        Session pinned(st);
        QVERIFY2(pinned.open(), qPrintable(pinned.error.message()));
    }

    void retrieveTenMegabytes()
    {
        const QByteArray message = bigMessage(10 * 1024 * 1024);
        m_server.deliver(QStringLiteral("bob"), sampleMessage(1));
        m_server.deliver(QStringLiteral("bob"), message);
        m_server.deliver(QStringLiteral("bob"), sampleMessage(3));
        Session s(settings(QStringLiteral("bob")));
        QVERIFY2(s.open(), qPrintable(s.error.message()));
        (void)s.client->list();
        QVERIFY(QTest::qWaitFor([&] { return s.sizes.size() == 3 || s.closed; }, Timeout));
        QBuffer one, two, three;
        for (QBuffer *b : {&one, &two, &three})
            b->open(QIODevice::WriteOnly);
        // Pipelined: all three requests go out together.
        const CommandId r1 = s.client->retrieve(1, &one, s.sizes.at(0).size);
        const CommandId r2 = s.client->retrieve(2, &two, s.sizes.at(1).size);
        const CommandId r3 = s.client->retrieve(3, &three, s.sizes.at(2).size);
        QVERIFY(QTest::qWaitFor([&] { return s.retrieved.size() == 3 || s.closed; }, Timeout));
        QCOMPARE(s.retrieved, (QList<CommandId>{r1, r2, r3}));
        QCOMPARE(two.data().size(), message.size());
        QVERIFY(two.data() == message);
        QCOMPARE(one.data(), sampleMessage(1));
        QCOMPARE(three.data(), sampleMessage(3));
        QVERIFY(s.progressSignals > 10);
        s.client->quit();
        QVERIFY(QTest::qWaitFor([&] { return s.closed; }, Timeout));
    }

    void messageOverTheLimitIsRefused()
    {
        m_server.deliver(QStringLiteral("erin"), bigMessage(200 * 1024));
        Settings st = settings(QStringLiteral("erin"));
        st.maxMessageSize = 100 * 1024;
        Session s(st);
        QVERIFY(s.open());
        QBuffer sink;
        sink.open(QIODevice::WriteOnly);
        // Without a size from LIST the download starts and stops at the limit.
        const CommandId r = s.client->retrieve(1, &sink);
        QVERIFY(QTest::qWaitFor([&] { return s.closed; }, Timeout));
        QCOMPARE(s.commandErrors.value(r).kind, ErrorKind::MessageTooLarge);
        QVERIFY(sink.data().size() <= st.maxMessageSize);
    }

    void deleteAndQuitRemovesMail()
    {
        for (int n = 1; n <= 3; ++n)
            m_server.deliver(QStringLiteral("carol"), sampleMessage(n));
        Session s(settings(QStringLiteral("carol")));
        QVERIFY(s.open());
        const CommandId d1 = s.client->remove(1);
        const CommandId d3 = s.client->remove(3);
        s.client->quit();
        QVERIFY(QTest::qWaitFor([&] { return s.closed; }, Timeout));
        QVERIFY(s.done.contains(d1) && s.done.contains(d3));
        QVERIFY(s.committed);
        QVERIFY(s.client->deletionsCommitted());
        const QStringList left = m_server.messageFiles(QStringLiteral("carol"));
        QCOMPARE(left.size(), 1);
    }

    void networkCutDuringRetrieveDeletesNothing()
    {
        m_server.deliver(QStringLiteral("frank"), bigMessage(1024 * 1024));
        m_server.deliver(QStringLiteral("frank"), sampleMessage(2));
        TcpRelay relay;
        relay.setTarget(QHostAddress(m_server.host()), m_server.tlsPort());
        relay.setCutAfter(300 * 1024);
        QVERIFY(relay.listen());
        Settings st = settings(QStringLiteral("frank"));
        st.port = relay.port();
        Session s(st);
        QVERIFY2(s.open(), qPrintable(s.error.message()));
        QBuffer sink;
        sink.open(QIODevice::WriteOnly);
        const CommandId d = s.client->remove(2);
        const CommandId r = s.client->retrieve(1, &sink);
        QVERIFY(QTest::qWaitFor([&] { return s.closed; }, Timeout));
        QCOMPARE(relay.cutCount(), 1);
        QVERIFY(s.done.contains(d));
        QVERIFY(s.commandErrors.contains(r));
        QVERIFY2(s.error.kind == ErrorKind::ConnectionLost ||
                     s.error.kind == ErrorKind::TlsFailed ||
                     s.error.kind == ErrorKind::NetworkError,
                 errorKindName(s.error.kind));
        QVERIFY(!s.committed);
        QVERIFY(sink.data().size() < 1024 * 1024);

        // Both messages are still there for the next session.
        bool seen = false;
        for (int attempt = 0; attempt < 20 && !seen; ++attempt) {
            Session check(settings(QStringLiteral("frank")));
            if (check.open()) {
                (void)check.client->stat();
                QVERIFY(QTest::qWaitFor([&] { return check.count >= 0 || check.closed; }, Timeout));
                QCOMPARE(check.count, 2);
                seen = true;
            } else {
                QTest::qWait(250);
            }
        }
        QVERIFY(seen);
    }

    void deleteAndDroppedConnectionRemovesNothing()
    {
        for (int n = 1; n <= 2; ++n)
            m_server.deliver(QStringLiteral("dave"), sampleMessage(n));
        {
            Session s(settings(QStringLiteral("dave")));
            QVERIFY(s.open());
            const CommandId d = s.client->remove(1);
            QVERIFY(QTest::qWaitFor([&] { return s.done.contains(d); }, Timeout));
            // The session object goes away without QUIT: the connection just drops.
        }
        {
            Session s(settings(QStringLiteral("dave")));
            QVERIFY(s.open());
            const CommandId d = s.client->remove(2);
            QVERIFY(QTest::qWaitFor([&] { return s.done.contains(d); }, Timeout));
            // Cancelled in the transaction state: RSET, QUIT.
            s.client->cancel();
            QVERIFY(s.closed);
            QVERIFY(!s.committed);
        }
        // Dovecot may still hold the mailbox lock for a moment; a fresh session sees both.
        bool seenBoth = false;
        for (int attempt = 0; attempt < 20 && !seenBoth; ++attempt) {
            Session check(settings(QStringLiteral("dave")));
            if (check.open()) {
                (void)check.client->stat();
                QVERIFY(QTest::qWaitFor([&] { return check.count >= 0 || check.closed; }, Timeout));
                seenBoth = check.count == 2;
                QCOMPARE(check.count, 2);
            } else {
                QVERIFY2(check.error.kind == ErrorKind::InUse || check.error.isTransient(),
                         qPrintable(check.error.message()));
                QTest::qWait(250);
            }
        }
        QVERIFY(seenBoth);
        QCOMPARE(m_server.messageFiles(QStringLiteral("dave")).size(), 2);
    }
};

QTEST_GUILESS_MAIN(tst_Pop3Dovecot)
#include "tst_Pop3Dovecot.moc"
