#include "Logging.h"
#include "ScriptedServer.h"
#include "ScriptedTransport.h"
#include "pop3/Client.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QHash>
#include <QMessageAuthenticationCode>
#include <QSet>
#include <QTest>

using namespace Poplar::Pop3;
using Poplar::Net::CertificateProblem;
using Poplar::Net::Sasl;
using Poplar::TestSupport::ScriptedServer;
using Poplar::TestSupport::ScriptedTransport;

namespace {

const QByteArray PlainResponse = QByteArray("\0alice\0secret", 13).toBase64();

QString loginScript(bool pipelining = false)
{
    QString script = QStringLiteral("S: +OK POP3 ready\n"
                                    "C: CAPA\n"
                                    "S: +OK capabilities follow\n"
                                    "S: USER\n"
                                    "S: UIDL\n"
                                    "S: TOP\n"
                                    "S: SASL PLAIN\n");
    if (pipelining)
        script += QStringLiteral("S: PIPELINING\n");
    script += QStringLiteral("S: .\n"
                             "C: AUTH PLAIN %1\n"
                             "S: +OK logged in\n")
                  .arg(QString::fromLatin1(PlainResponse));
    return script;
}

Settings settingsFor(const ScriptedServer &server,
                     Settings::Security security = Settings::Security::None)
{
    Settings s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = server.port();
    s.security = security;
    s.username = QStringLiteral("alice");
    s.password = QStringLiteral("secret");
    s.connectTimeoutMs = 10000;
    s.responseTimeoutMs = 10000;
    s.keepAliveMs = 0;
    return s;
}

// Settings for a Client on a ScriptedTransport.
Settings scriptedSettings()
{
    Settings s;
    s.host = QStringLiteral("pop.example");
    s.security = Settings::Security::None;
    s.username = QStringLiteral("alice");
    s.password = QStringLiteral("secret");
    s.keepAliveMs = 0;
    return s;
}

// Collects everything a Client reports.
class Recorder : public QObject
{
public:
    explicit Recorder(Client *client)
    {
        connect(client, &Client::opened, this, [this] { opened = true; });
        connect(client, &Client::failed, this, [this](const Error &e) { failures.append(e); });
        connect(client, &Client::sessionClosed, this,
                [this](bool committed) { closed.append(committed); });
        connect(client, &Client::certificateRejected, this,
                [this](const CertificateProblem &p) { certificateProblems.append(p); });
        connect(client, &Client::statFinished, this, [this](CommandId id, int n, qint64 size) {
            stats.insert(id, {n, size});
            order.append(id);
        });
        connect(client, &Client::listFinished, this,
                [this](CommandId id, const QList<MessageSize> &l) {
                    lists.insert(id, l);
                    order.append(id);
                });
        connect(client, &Client::uidlFinished, this,
                [this](CommandId id, const QList<MessageUid> &u) {
                    uids.insert(id, u);
                    order.append(id);
                });
        connect(client, &Client::retrieveFinished, this, [this](CommandId id, int, qint64 bytes) {
            retrieved.insert(id, bytes);
            order.append(id);
        });
        connect(client, &Client::retrieveProgress, this,
                [this](CommandId, int, qint64 bytes, qint64) { lastProgress = bytes; });
        connect(client, &Client::commandFinished, this, [this](CommandId id) {
            finished.insert(id);
            order.append(id);
        });
        connect(client, &Client::commandFailed, this, [this](CommandId id, const Error &e) {
            commandErrors.insert(id, e);
            order.append(id);
        });
    }

    bool opened = false;
    QList<Error> failures;
    QList<bool> closed;
    QList<CertificateProblem> certificateProblems;
    QHash<CommandId, QPair<int, qint64>> stats;
    QHash<CommandId, QList<MessageSize>> lists;
    QHash<CommandId, QList<MessageUid>> uids;
    QHash<CommandId, qint64> retrieved;
    QSet<CommandId> finished;
    QHash<CommandId, Error> commandErrors;
    QList<CommandId> order;
    qint64 lastProgress = 0;
};

// A Client on a ScriptedTransport with this response timeout (or these settings), logged in:
// the transport has played the server's side (greeting, CAPA without PIPELINING unless asked
// for, AUTH PLAIN).
struct ScriptedSession
{
    explicit ScriptedSession(int responseTimeoutMs)
        : ScriptedSession(withTimeout(responseTimeoutMs), false)
    {}

    ScriptedSession(const Settings &settings, bool pipelining)
        : client(settings, [this](const Settings &) { return transport = new ScriptedTransport; })
        , rec(&client)
    {
        client.open();
        for (const QByteArray &answer :
             {QByteArray("+OK ready\r\n"),
              QByteArray(pipelining ? "+OK\r\nUSER\r\nSASL PLAIN\r\nPIPELINING\r\n.\r\n"
                                    : "+OK\r\nUSER\r\nSASL PLAIN\r\n.\r\n"),
              QByteArray("+OK welcome\r\n")})
            transport->feed(answer);
    }

    static Settings withTimeout(int responseTimeoutMs)
    {
        Settings settings = scriptedSettings();
        settings.responseTimeoutMs = responseTimeoutMs;
        return settings;
    }

    ScriptedTransport *transport = nullptr; // made by client.open()
    Client client;
    Recorder rec;
};

ErrorKind firstFailure(const Recorder &r)
{
    return r.failures.isEmpty() ? ErrorKind::None : r.failures.first().kind;
}

// Protocol log capture for the redaction tests.
QStringList g_log;
void captureLog(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    if (context.category && QByteArrayView(context.category) == "poplar.pop3")
        g_log.append(message);
}

// A whole session played through a ScriptedTransport, the server's bytes cut into `pieces`.
// Returns a readable record of everything the client reported and wrote.
QStringList playSession(const QList<QByteArray> &pieces, bool *allWritesEncrypted = nullptr,
                        Settings::Security security = Settings::Security::None)
{
    Settings s = scriptedSettings();
    s.security = security;
    ScriptedTransport *transport = nullptr;
    Client client(s, [&transport](const Settings &) {
        transport = new ScriptedTransport;
        return transport;
    });
    QStringList record;
    QObject context;
    QObject::connect(&client, &Client::opened, &context,
                     [&] { record << QStringLiteral("opened"); });
    QObject::connect(&client, &Client::failed, &context, [&](const Error &e) {
        record << QStringLiteral("failed ") + QLatin1StringView(errorKindName(e.kind));
    });
    QObject::connect(&client, &Client::sessionClosed, &context,
                     [&](bool c) { record << QStringLiteral("closed %1").arg(c); });
    QObject::connect(&client, &Client::statFinished, &context, [&](CommandId id, int n, qint64 z) {
        record << QStringLiteral("stat %1: %2 %3").arg(id).arg(n).arg(z);
    });
    QObject::connect(&client, &Client::listFinished, &context,
                     [&](CommandId id, const QList<MessageSize> &l) {
                         record << QStringLiteral("list %1: %2").arg(id).arg(l.size());
                     });
    QObject::connect(&client, &Client::uidlFinished, &context,
                     [&](CommandId id, const QList<MessageUid> &u) {
                         QStringList all;
                         for (const MessageUid &m : u)
                             all << QString::number(m.number) + u'=' + m.uid;
                         record << QStringLiteral("uidl %1: ").arg(id) + all.join(u',');
                     });
    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    QObject::connect(
        &client, &Client::retrieveFinished, &context, [&](CommandId id, int n, qint64 bytes) {
            record << QStringLiteral("retr %1: #%2 %3 bytes").arg(id).arg(n).arg(bytes);
        });
    QObject::connect(&client, &Client::commandFinished, &context,
                     [&](CommandId id) { record << QStringLiteral("done %1").arg(id); });
    QObject::connect(&client, &Client::commandFailed, &context, [&](CommandId id, const Error &e) {
        record << QStringLiteral("cmd failed %1: ").arg(id) +
                      QLatin1StringView(errorKindName(e.kind));
    });
    client.open();
    (void)client.stat();
    (void)client.list();
    (void)client.retrieve(1, &sink);
    (void)client.uidl();
    (void)client.remove(1);
    client.quit();
    for (const QByteArray &piece : pieces) {
        if (transport)
            transport->feed(piece);
    }
    record << QStringLiteral("sink: ") + QString::fromLatin1(sink.data().toHex());
    record << QStringLiteral("wrote: ") + QString::fromLatin1(transport->written());
    if (allWritesEncrypted) {
        *allWritesEncrypted = true;
        for (const auto &w : transport->writes())
            *allWritesEncrypted = *allWritesEncrypted && w.encrypted;
    }
    return record;
}

QByteArray sessionTranscript(bool pipelining)
{
    return "+OK ready\r\n"
           "+OK\r\nUSER\r\nSASL PLAIN\r\n" +
           QByteArray(pipelining ? "PIPELINING\r\n" : "") +
           ".\r\n"
           "+OK welcome\r\n"
           "+OK 2 400\r\n"
           "+OK\r\n1 150\r\n2 250\r\n.\r\n"
           "+OK 150 octets\r\nSubject: hi\r\n\r\n..dotted\nbare\r\n.\r\n"
           "+OK\r\n1 uid-1\r\n2 uid-2\r\n.\r\n"
           "+OK deleted\r\n"
           "+OK bye\r\n";
}

} // namespace

class tst_Pop3Client : public QObject
{
    Q_OBJECT

    // A Client with these settings logs in to `server` as its script says.
    static void logsIn(const ScriptedServer &server, const Settings &settings)
    {
        Client client(settings);
        Recorder rec(&client);
        client.open();
        QTRY_VERIFY(rec.opened || !rec.failures.isEmpty());
        QVERIFY2(server.failures().isEmpty(), qPrintable(server.failures().join(u'\n')));
        QVERIFY(rec.opened);
    }

private slots:
    void splitAtEveryByteBoundaryThroughTheClient_data()
    {
        QTest::addColumn<bool>("pipelining");
        QTest::newRow("one at a time") << false;
        QTest::newRow("pipelined") << true;
    }

    void splitAtEveryByteBoundaryThroughTheClient()
    {
        QFETCH(bool, pipelining);
        const QByteArray transcript = sessionTranscript(pipelining);
        const QStringList whole = playSession({transcript});
        QVERIFY2(whole.contains(QStringLiteral("closed 1")), qPrintable(whole.join(u'\n')));
        QVERIFY(whole.contains(QStringLiteral("uidl 4: 1=uid-1,2=uid-2")));
        QVERIFY(whole.contains(
            QStringLiteral("sink: ") +
            QString::fromLatin1(QByteArray("Subject: hi\r\n\r\n.dotted\r\nbare\r\n").toHex())));
        for (qsizetype cut = 1; cut < transcript.size(); ++cut) {
            const QStringList split = playSession({transcript.left(cut), transcript.mid(cut)});
            QVERIFY2(split == whole, qPrintable(QStringLiteral("cut at %1").arg(cut)));
        }
        QList<QByteArray> bytes;
        for (char c : transcript)
            bytes.append(QByteArray(1, c));
        QCOMPARE(playSession(bytes), whole);
    }

    void noCredentialBeforeTlsWhateverTheServerSends()
    {
        // With STLS, however the server's clear-text bytes are cut, nothing but CAPA and
        // STLS is written before TLS; an injected answer glued to the STLS +OK is dropped.
        const QByteArray clear = "+OK ready\r\n+OK\r\nSTLS\r\nSASL PLAIN\r\n.\r\n"
                                 "+OK go ahead\r\n";
        const QByteArray encrypted = "+OK\r\nSASL PLAIN\r\n.\r\n+OK in\r\n";
        for (qsizetype cut = 1; cut < clear.size(); ++cut) {
            const QStringList record =
                playSession({clear.left(cut), clear.mid(cut) + "+OK injected\r\n", encrypted},
                            nullptr, Settings::Security::StartTls);
            QVERIFY2(record.contains(QStringLiteral("opened")),
                     qPrintable(QStringLiteral("cut at %1: ").arg(cut) + record.join(u'\n')));
            QVERIFY(record.last().startsWith(
                QStringLiteral("wrote: CAPA\r\nSTLS\r\nCAPA\r\nAUTH PLAIN ") +
                QString::fromLatin1(PlainResponse)));
        }
    }

    void opensAndRunsCommands()
    {
        ScriptedServer server;
        QVERIFY(server.start());
        server.addScript(loginScript() + QStringLiteral("C: STAT\n"
                                                        "S: +OK 2 320\n"
                                                        "C: LIST\n"
                                                        "S: +OK 2 messages\n"
                                                        "S: 1 120\n"
                                                        "S: 2 200\n"
                                                        "S: .\n"
                                                        "C: UIDL 2\n"
                                                        "S: +OK 2 uid-two\n"
                                                        "C: QUIT\n"
                                                        "S: +OK bye\n"));
        Client client(settingsFor(server));
        Recorder rec(&client);
        client.open();
        QTRY_VERIFY(rec.opened);
        QCOMPARE(client.state(), Client::State::Transaction);
        QCOMPARE(client.mechanismUsed(), Sasl::Mechanism::Plain);
        QVERIFY(client.capabilities().top());
        const CommandId stat = client.stat();
        const CommandId list = client.list();
        const CommandId uidl = client.uidl(2);
        client.quit();
        QTRY_COMPARE(rec.closed.size(), 1);
        QVERIFY2(server.failures().isEmpty(), qPrintable(server.failures().join(u'\n')));
        QCOMPARE(rec.stats.value(stat), qMakePair(2, qint64(320)));
        QCOMPARE(rec.lists.value(list), (QList<MessageSize>{{1, 120}, {2, 200}}));
        QCOMPARE(rec.uids.value(uidl), (QList<MessageUid>{{2, QStringLiteral("uid-two")}}));
        QCOMPARE(rec.closed.first(), true);
        QVERIFY(rec.failures.isEmpty());
        QCOMPARE(client.state(), Client::State::Closed);
    }

    void pipelinedCommandsAreSentTogetherAndMatchedInOrder()
    {
        ScriptedServer server;
        QVERIFY(server.start());
        // The server answers only once it holds all four commands: a client that waits
        // for each answer would stall here.
        server.addScript(loginScript(true) + QStringLiteral("C: UIDL\n"
                                                            "C: RETR 1\n"
                                                            "C: RETR 2\n"
                                                            "C: DELE 1\n"
                                                            "S: +OK\n"
                                                            "S: 1 aaa\n"
                                                            "S: 2 bbb\n"
                                                            "S: .\n"
                                                            "S: +OK 10 octets\n"
                                                            "S: first\n"
                                                            "S: .\n"
                                                            "S: +OK 11 octets\n"
                                                            "S: second\n"
                                                            "S: .\n"
                                                            "S: +OK marked\n"));
        Client client(settingsFor(server));
        Recorder rec(&client);
        QBuffer one, two;
        one.open(QIODevice::WriteOnly);
        two.open(QIODevice::WriteOnly);
        // Commands issued before the session is open wait for it.
        client.open();
        const CommandId uidl = client.uidl();
        const CommandId r1 = client.retrieve(1, &one);
        const CommandId r2 = client.retrieve(2, &two);
        const CommandId d1 = client.remove(1);
        QTRY_COMPARE(rec.order.size(), 4);
        QVERIFY(client.isPipelining());
        QCOMPARE(rec.order, (QList<CommandId>{uidl, r1, r2, d1}));
        QCOMPARE(rec.uids.value(uidl).size(), 2);
        QCOMPARE(one.data(), QByteArray("first\r\n"));
        QCOMPARE(two.data(), QByteArray("second\r\n"));
        QVERIFY(rec.finished.contains(d1));
        QVERIFY(server.failures().isEmpty());
    }

    // The window counts the bytes LIST announced for each answer, not commands: 4 MiB at first
    // (before anything is measured), so 21 RETRs of 200 kB are in flight but fifty small ones
    // all are; never more than Settings::pipelineMaxCommands, and one at a time without
    // PIPELINING. A server that hangs up on such a queue gets advice for the next session.
    void pipelineWindowCountsAnnouncedBytes_data()
    {
        QTest::addColumn<bool>("pipelining");
        QTest::addColumn<int>("maxCommands");
        QTest::addColumn<qint64>("size");
        QTest::addColumn<int>("inFlight");
        QTest::newRow("large messages") << true << 1000 << qint64(200 * 1024) << 21;
        QTest::newRow("small messages") << true << 1000 << qint64(100) << 50;
        QTest::newRow("the command ceiling") << true << 4 << qint64(100) << 4;
        QTest::newRow("no PIPELINING") << false << 1000 << qint64(100) << 1;
    }

    void pipelineWindowCountsAnnouncedBytes()
    {
        QFETCH(bool, pipelining);
        QFETCH(int, maxCommands);
        QFETCH(qint64, size);
        QFETCH(int, inFlight);
        Settings settings = scriptedSettings();
        settings.pipelineMaxCommands = maxCommands;
        ScriptedSession session(settings, pipelining);
        Client &client = session.client;
        ScriptedTransport *transport = session.transport;
        const Recorder &rec = session.rec;
        QVERIFY(rec.opened);
        QCOMPARE(client.isPipelining(), pipelining);
        QBuffer sink;
        sink.open(QIODevice::WriteOnly);
        const auto retrs = [&transport] { return int(transport->written().count("RETR ")); };
        for (int n = 1; n <= 50; ++n) {
            const bool free = client.wouldSendNow();
            QCOMPARE(free, n <= inFlight);
            (void)client.retrieve(n, &sink, size);
        }
        QCOMPARE(retrs(), inFlight);
        if (inFlight < 50) {
            // One answer in, one more command out.
            transport->feed("+OK\r\nx\r\n.\r\n");
            QCOMPARE(rec.retrieved.size(), 1);
            QCOMPARE(retrs(), inFlight + 1);
        }
        const int outstanding = retrs() - int(rec.retrieved.size());
        transport->hangUp();
        QTRY_COMPARE(rec.closed.size(), 1);
        QCOMPARE(firstFailure(rec), ErrorKind::ConnectionLost);
        QCOMPARE(client.suggestedPipelineLimit(),
                 pipelining && outstanding > 1 ? std::max(1, outstanding / 4) : 0);
    }

    void withoutPipeliningOneCommandAtATime()
    {
        ScriptedServer server;
        QVERIFY(server.start());
        server.addScript(loginScript(false) + QStringLiteral("C: STAT\n"
                                                             "S: +OK 1 10\n"
                                                             "C: NOOP\n"
                                                             "S: +OK\n"
                                                             "C: RSET\n"
                                                             "S: +OK\n"));
        Client client(settingsFor(server));
        Recorder rec(&client);
        client.open();
        QTRY_VERIFY(rec.opened);
        QVERIFY(!client.isPipelining());
        const CommandId s = client.stat();
        const CommandId n = client.noop();
        const CommandId r = client.reset();
        QTRY_COMPARE(rec.order.size(), 3);
        QCOMPARE(rec.order, (QList<CommandId>{s, n, r}));
        const QByteArrayList lines = server.received();
        const qsizetype stat = lines.indexOf("STAT");
        QCOMPARE(lines.mid(stat), (QByteArrayList{"STAT", "NOOP", "RSET"}));
        // Each command reached the server only after the answer to the one before.
        QVERIFY(server.sentBeforeLine(stat + 1) > server.sentBeforeLine(stat));
        QVERIFY(server.sentBeforeLine(stat + 2) > server.sentBeforeLine(stat + 1));
    }

    void retrieveUnstuffsDotsAndNormalizesBareLineFeeds()
    {
        ScriptedServer server;
        QVERIFY(server.start());
        server.addScript(loginScript() + QStringLiteral("C: RETR 1\n"));
        server.sendRaw("+OK message follows\r\n"
                       "Subject: dots\r\n"
                       "\r\n"
                       "..leading dot\r\n"
                       "bare lf line\n"
                       ".\tstuffed tab\n"
                       "...\r\n"
                       ".\r\n");
        server.addScript(QStringLiteral("C: TOP 1 0\n"));
        server.sendRaw("+OK\r\nSubject: dots\r\n\r\n.\r\n");
        server.addScript(QString());
        Client client(settingsFor(server));
        Recorder rec(&client);
        QBuffer sink, head;
        sink.open(QIODevice::WriteOnly);
        head.open(QIODevice::WriteOnly);
        client.open();
        const CommandId id = client.retrieve(1, &sink);
        const CommandId top = client.top(1, 0, &head);
        QTRY_VERIFY(rec.retrieved.contains(top));
        QCOMPARE(sink.data(), QByteArray("Subject: dots\r\n\r\n.leading dot\r\nbare lf line\r\n"
                                         "\tstuffed tab\r\n..\r\n"));
        QCOMPARE(rec.retrieved.value(id), qint64(sink.data().size()));
        QCOMPARE(rec.lastProgress, qint64(head.data().size()));
        QCOMPARE(head.data(), QByteArray("Subject: dots\r\n\r\n"));
    }

    void loginErrors_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<ErrorKind>("kind");
        QTest::addColumn<QString>("words");
        const QString capa = QStringLiteral("S: +OK hi\nC: CAPA\nS: +OK\nS: SASL PLAIN\nS: .\n"
                                            "C: *\n");
        QTest::newRow("greeting SYS/TEMP") << QStringLiteral("S: -ERR [SYS/TEMP] overloaded\n")
                                           << ErrorKind::SysTemp << QStringLiteral("overloaded");
        QTest::newRow("wrong password")
            << capa + QStringLiteral("S: -ERR Authentication failed\n"
                                     "C: AUTH PLAIN\nS: +\nC: *\nS: -ERR Authentication failed\n")
            << ErrorKind::LoginFailed << QStringLiteral("Authentication failed");
        QTest::newRow("AUTH code")
            << capa + QStringLiteral("S: -ERR [AUTH] bad credentials\n")
            << ErrorKind::WrongCredentials << QStringLiteral("bad credentials");
        QTest::newRow("IN-USE") << capa + QStringLiteral("S: -ERR [IN-USE] mailbox locked\n")
                                << ErrorKind::InUse << QStringLiteral("mailbox locked");
        QTest::newRow("LOGIN-DELAY") << capa + QStringLiteral("S: -ERR [LOGIN-DELAY] wait\n")
                                     << ErrorKind::LoginDelay << QStringLiteral("wait");
        QTest::newRow("SYS/PERM") << capa + QStringLiteral("S: -ERR [SYS/PERM] disabled\n")
                                  << ErrorKind::SysPerm << QStringLiteral("disabled");
        QTest::newRow("USER refused")
            << QStringLiteral("S: +OK hi\nC: CAPA\nS: +OK\nS: USER\nS: .\nC: USER alice\n"
                              "S: -ERR [SYS/TEMP] try later\n")
            << ErrorKind::SysTemp << QStringLiteral("try later");
        QTest::newRow("PASS refused")
            << QStringLiteral("S: +OK hi\nC: CAPA\nS: +OK\nS: USER\nS: .\nC: USER alice\n"
                              "S: +OK\nC: PASS secret\nS: -ERR invalid password\n")
            << ErrorKind::LoginFailed << QStringLiteral("invalid password");
        QTest::newRow("no CAPA, USER refused")
            << QStringLiteral("S: +OK hi <9.9@x>\nC: CAPA\nS: -ERR what\nC: USER alice\n"
                              "S: -ERR [IN-USE] locked by another session\n")
            << ErrorKind::InUse << QStringLiteral("locked by another session");
        QTest::newRow("garbage greeting")
            << QStringLiteral("S: HELLO THERE\n") << ErrorKind::ProtocolViolation << QString();
        QTest::newRow("garbage after CAPA") << QStringLiteral("S: +OK hi\nC: CAPA\nS: OK maybe\n")
                                            << ErrorKind::ProtocolViolation << QString();
        QTest::newRow("no mechanism allowed")
            << QStringLiteral("S: +OK hi\nC: CAPA\nS: +OK\nS: SASL GSSAPI\nS: .\n")
            << ErrorKind::NoAuthMechanism << QString();
    }

    void loginErrors()
    {
        QFETCH(QString, script);
        QFETCH(ErrorKind, kind);
        QFETCH(QString, words);
        ScriptedServer server;
        QVERIFY(server.start());
        server.addScript(script);
        Settings settings = settingsFor(server);
        settings.allowApop = false;
        Client client(settings);
        Recorder rec(&client);
        client.open();
        QTRY_COMPARE(rec.closed.size(), 1);
        QCOMPARE(rec.closed.first(), false);
        QVERIFY(!rec.opened);
        QCOMPARE(rec.failures.size(), 1);
        QCOMPARE(firstFailure(rec), kind);
        QCOMPARE(rec.failures.first().serverText, words);
        QVERIFY(!rec.failures.first().message().isEmpty());
        if (!words.isEmpty())
            QVERIFY(rec.failures.first().message().contains(words));
        QVERIFY(!rec.failures.first().message().contains(QStringLiteral("secret")));
    }

    void commandErrorFailsOnlyThatCommand()
    {
        ScriptedServer server;
        QVERIFY(server.start());
        server.addScript(loginScript() + QStringLiteral("C: RETR 9\n"
                                                        "S: -ERR no such message\n"
                                                        "C: DELE 9\n"
                                                        "S: -ERR [SYS/TEMP] later\n"
                                                        "C: STAT\n"
                                                        "S: +OK 0 0\n"));
        Client client(settingsFor(server));
        Recorder rec(&client);
        QBuffer sink;
        sink.open(QIODevice::WriteOnly);
        client.open();
        const CommandId r = client.retrieve(9, &sink);
        const CommandId d = client.remove(9);
        const CommandId s = client.stat();
        QTRY_VERIFY(rec.stats.contains(s));
        QCOMPARE(rec.commandErrors.value(r).kind, ErrorKind::ServerError);
        QCOMPARE(rec.commandErrors.value(r).serverText, QStringLiteral("no such message"));
        QCOMPARE(rec.commandErrors.value(d).kind, ErrorKind::SysTemp);
        QVERIFY(rec.failures.isEmpty());
        QCOMPARE(client.state(), Client::State::Transaction);
        QVERIFY(sink.data().isEmpty());
    }

    void startTlsNotAdvertisedSendsNoCredential()
    {
        ScriptedServer server;
        QVERIFY(server.start());
        server.addScript(QStringLiteral("S: +OK hi\nC: CAPA\nS: +OK\nS: USER\nS: SASL PLAIN\n"
                                        "S: .\nC: *\nC: *\n"));
        Client client(settingsFor(server, Settings::Security::StartTls));
        Recorder rec(&client);
        client.open();
        QTRY_COMPARE(rec.closed.size(), 1);
        QCOMPARE(firstFailure(rec), ErrorKind::StartTlsUnavailable);
        QTRY_VERIFY(server.clientDisconnected());
        QCOMPARE(server.received(), QByteArrayList{"CAPA"});
    }

    void startTlsRefusedSendsNoCredential()
    {
        ScriptedServer server;
        QVERIFY(server.start());
        server.addScript(QStringLiteral("S: +OK hi\nC: CAPA\nS: +OK\nS: STLS\nS: USER\nS: .\n"
                                        "C: STLS\nS: -ERR [SYS/TEMP] TLS not available\nC: *\n"));
        Client client(settingsFor(server, Settings::Security::StartTls));
        Recorder rec(&client);
        client.open();
        QTRY_COMPARE(rec.closed.size(), 1);
        QCOMPARE(firstFailure(rec), ErrorKind::StartTlsFailed);
        QCOMPARE(rec.failures.first().serverText, QStringLiteral("TLS not available"));
        QTRY_VERIFY(server.clientDisconnected());
        QCOMPARE(server.received(), (QByteArrayList{"CAPA", "STLS"}));
    }

    void startTlsDiscardsInjectedDataAndAsksCapaAgain()
    {
        ScriptedServer server;
        QVERIFY(server.start());
        // Before TLS the server offers only USER; the STLS answer carries an injected
        // CAPA answer in the same packet. After TLS the real CAPA offers SASL PLAIN.
        server.addScript(QStringLiteral("S: +OK hi\nC: CAPA\nS: +OK\nS: STLS\nS: USER\nS: .\n"
                                        "C: STLS\n"));
        server.sendRaw("+OK begin TLS\r\n+OK injected\r\nUSER\r\n.\r\n-ERR injected\r\n");
        server.addScript(QStringLiteral("TLS\nC: CAPA\nS: +OK\nS: SASL PLAIN\nS: TOP\nS: .\n"
                                        "C: AUTH PLAIN %1\nS: +OK in\n")
                             .arg(QString::fromLatin1(PlainResponse)));
        Settings settings = settingsFor(server, Settings::Security::StartTls);
        settings.pinnedSha256 = ScriptedServer::identity(0).sha256;
        Client client(settings);
        Recorder rec(&client);
        client.open();
        QTRY_VERIFY(rec.opened || !rec.failures.isEmpty());
        QVERIFY2(rec.failures.isEmpty(), qPrintable(rec.failures.value(0).message()));
        QVERIFY(server.failures().isEmpty());
        QVERIFY(server.isEncrypted());
        QVERIFY(client.capabilities().top());
        QVERIFY(!client.capabilities().stls());
        QCOMPARE(client.mechanismUsed(), Sasl::Mechanism::Plain);
    }

    void untrustedCertificateIsReportedAndNothingIsSent()
    {
        ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
        QVERIFY(server.start());
        server.addScript(loginScript());
        Client client(settingsFor(server, Settings::Security::Tls));
        Recorder rec(&client);
        client.open();
        QTRY_COMPARE(rec.closed.size(), 1);
        QCOMPARE(firstFailure(rec), ErrorKind::CertificateUntrusted);
        QCOMPARE(rec.certificateProblems.size(), 1);
        const CertificateProblem &p = rec.certificateProblems.first();
        QCOMPARE(p.sha256, ScriptedServer::identity(0).sha256);
        QVERIFY(!p.errors.isEmpty());
        QVERIFY(!p.chain.isEmpty());
        QVERIFY(!p.isPinMismatch());
        QVERIFY(server.received().isEmpty());
    }

    void pinnedCertificateIsAccepted()
    {
        ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
        QVERIFY(server.start());
        server.addScript(loginScript());
        Settings settings = settingsFor(server, Settings::Security::Tls);
        // Pins are compared without regard to case and separators.
        QByteArray pin = ScriptedServer::identity(0).sha256.toUpper();
        for (qsizetype i = pin.size() - 2; i > 0; i -= 2)
            pin.insert(i, ':');
        settings.pinnedSha256 = pin;
        Client client(settings);
        Recorder rec(&client);
        client.open();
        QTRY_VERIFY(rec.opened || !rec.failures.isEmpty());
        QVERIFY(rec.opened);
        QVERIFY(rec.certificateProblems.isEmpty());
    }

    void changedCertificateIsRejected()
    {
        ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
        QVERIFY(server.start());
        server.addScript(loginScript());
        Settings settings = settingsFor(server, Settings::Security::Tls);
        settings.pinnedSha256 = ScriptedServer::identity(1).sha256;
        Client client(settings);
        Recorder rec(&client);
        client.open();
        QTRY_COMPARE(rec.closed.size(), 1);
        QCOMPARE(firstFailure(rec), ErrorKind::CertificateChanged);
        QCOMPARE(rec.certificateProblems.size(), 1);
        QVERIFY(rec.certificateProblems.first().isPinMismatch());
        QCOMPARE(rec.certificateProblems.first().sha256, ScriptedServer::identity(0).sha256);
        QVERIFY(server.received().isEmpty());
    }

    void trustedButChangedCertificateIsRejected()
    {
        // The certificate verifies (its CA is trusted) but is not the pinned one.
        ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
        QVERIFY(server.start());
        server.addScript(loginScript());
        Settings settings = settingsFor(server, Settings::Security::Tls);
        settings.extraCaCertificates = {ScriptedServer::identity(0).certificate};
        settings.pinnedSha256 = ScriptedServer::identity(1).sha256;
        Client client(settings);
        Recorder rec(&client);
        client.open();
        QTRY_COMPARE(rec.closed.size(), 1);
        QCOMPARE(firstFailure(rec), ErrorKind::CertificateChanged);
        QVERIFY(server.received().isEmpty());

        // The same trust without a pin is enough.
        ScriptedServer second(ScriptedServer::Mode::ImplicitTls);
        QVERIFY(second.start());
        second.addScript(loginScript());
        settings.port = second.port();
        settings.pinnedSha256.clear();
        Client trusted(settings);
        Recorder rec2(&trusted);
        trusted.open();
        QTRY_VERIFY(rec2.opened || !rec2.failures.isEmpty());
        QVERIFY(rec2.opened);
    }

    void disconnectDuringRetrieveFailsEverythingPending()
    {
        ScriptedServer server;
        QVERIFY(server.start());
        server.addScript(loginScript() + QStringLiteral("C: RETR 1\nS: +OK\nS: Subject: x\n"
                                                        "S: partial body\nCLOSE\n"));
        Client client(settingsFor(server));
        Recorder rec(&client);
        QBuffer sink;
        sink.open(QIODevice::WriteOnly);
        client.open();
        const CommandId r = client.retrieve(1, &sink);
        const CommandId d = client.remove(1);
        QTRY_COMPARE(rec.closed.size(), 1);
        QCOMPARE(rec.closed.first(), false);
        QCOMPARE(firstFailure(rec), ErrorKind::ConnectionLost);
        QCOMPARE(rec.commandErrors.value(r).kind, ErrorKind::ConnectionLost);
        QCOMPARE(rec.commandErrors.value(d).kind, ErrorKind::ConnectionLost);
        QVERIFY(!rec.retrieved.contains(r));
        QVERIFY(!client.deletionsCommitted());
    }

    void hostileServer_data()
    {
        QTest::addColumn<QByteArray>("response");
        QTest::addColumn<ErrorKind>("kind");
        QTest::addColumn<qint64>("maxSize");
        QTest::newRow("endless status line")
            << QByteArray(200 * 1024, 'x') << ErrorKind::LineTooLong << qint64(2000);
        QTest::newRow("garbage status")
            << QByteArray("* OK this is IMAP\r\n") << ErrorKind::ProtocolViolation << qint64(2000);
        QTest::newRow("message larger than allowed")
            << (QByteArray("+OK\r\n") + QByteArray(3000, 'a') + "\r\n.\r\n")
            << ErrorKind::MessageTooLarge << qint64(2000);
        // Announced as 100 bytes, sends 100 KB: stopped long before the account's limit.
        QByteArray lie = "+OK\r\n";
        for (int i = 0; i < 1000; ++i)
            lie += QByteArray(98, 'b') + "\r\n";
        QTest::newRow("LIST size that lies")
            << (lie + ".\r\n") << ErrorKind::SizeMismatch << qint64(50 * 1024 * 1024);
    }

    void hostileServer()
    {
        QFETCH(QByteArray, response);
        QFETCH(ErrorKind, kind);
        QFETCH(qint64, maxSize);
        ScriptedServer server;
        QVERIFY(server.start());
        server.addScript(loginScript() + QStringLiteral("C: RETR 1\n"));
        server.sendRaw(response);
        server.addScript(QStringLiteral("C: *\nC: *\n"));
        Settings settings = settingsFor(server);
        settings.maxMessageSize = maxSize;
        settings.maxLineLength = 1000;
        Client client(settings);
        client.setObjectName(QStringLiteral("hostile"));
        Recorder rec(&client);
        QBuffer sink;
        sink.open(QIODevice::WriteOnly);
        client.open();
        // The size the server announced (as from LIST) is 100 bytes.
        const CommandId r = client.retrieve(1, &sink, 100);
        QTRY_COMPARE(rec.closed.size(), 1);
        QCOMPARE(firstFailure(rec), kind);
        QCOMPARE(rec.commandErrors.value(r).kind, kind);
        QVERIFY(sink.data().size() <= std::min<qint64>(maxSize, 20 * 1024));
        // In the transaction state an error ends with RSET and QUIT: nothing is deleted.
        QTRY_COMPARE(server.received().mid(server.received().indexOf("RETR 1") + 1),
                     (QByteArrayList{"RSET", "QUIT"}));
    }

    void endlessListingIsBounded()
    {
        ScriptedServer server;
        QVERIFY(server.start());
        server.addScript(loginScript() + QStringLiteral("C: UIDL\nS: +OK\n"));
        QByteArray endless;
        for (int i = 1; i <= 20000; ++i)
            endless += QByteArray::number(i) + " uid" + QByteArray::number(i) + "\r\n";
        server.sendRaw(endless);
        Settings settings = settingsFor(server);
        settings.maxListingSize = 64 * 1024;
        Client client(settings);
        Recorder rec(&client);
        client.open();
        const CommandId u = client.uidl();
        QTRY_COMPARE(rec.closed.size(), 1);
        QCOMPARE(firstFailure(rec), ErrorKind::ResponseTooLarge);
        QCOMPARE(rec.commandErrors.value(u).kind, ErrorKind::ResponseTooLarge);
    }

    void badListingLinesAreProtocolViolations()
    {
        ScriptedServer server;
        QVERIFY(server.start());
        server.addScript(loginScript() + QStringLiteral("C: LIST\nS: +OK\nS: 1 12\n"
                                                        "S: two 30\nS: .\nC: *\nC: *\n"));
        Client client(settingsFor(server));
        Recorder rec(&client);
        client.open();
        const CommandId l = client.list();
        QTRY_COMPARE(rec.closed.size(), 1);
        QCOMPARE(rec.commandErrors.value(l).kind, ErrorKind::ProtocolViolation);
        QVERIFY(rec.failures.first().detail.contains(QStringLiteral("two 30")));
    }

    void silentServerTimesOutAndResets()
    {
        ScriptedServer server;
        QVERIFY(server.start());
        server.addScript(loginScript() + QStringLiteral("C: RETR 1\nS: +OK\nS: Subject: x\n"
                                                        "C: *\nC: *\n"));
        Settings settings = settingsFor(server);
        settings.responseTimeoutMs = 300;
        Client client(settings);
        Recorder rec(&client);
        QBuffer sink;
        sink.open(QIODevice::WriteOnly);
        client.open();
        const CommandId r = client.retrieve(1, &sink);
        QTRY_COMPARE(rec.closed.size(), 1);
        QCOMPARE(firstFailure(rec), ErrorKind::Timeout);
        QCOMPARE(rec.commandErrors.value(r).kind, ErrorKind::Timeout);
        QTRY_COMPARE(server.received().mid(server.received().indexOf("RETR 1") + 1),
                     (QByteArrayList{"RSET", "QUIT"}));
    }

    // A server that answers a byte at a time, more slowly than the timeout adds up but
    // faster than it runs out, cannot hold the session: the timeout counts from progress.
    void serverThatDripsBytesTimesOut()
    {
        ScriptedSession session(400);
        Recorder &rec = session.rec;
        ScriptedTransport *transport = session.transport;
        QTRY_VERIFY(rec.opened);
        QBuffer sink;
        sink.open(QIODevice::WriteOnly);
        const CommandId r = session.client.retrieve(1, &sink);
        transport->feed("+OK 100000 octets\r\n");
        QTimer drip;
        QObject::connect(&drip, &QTimer::timeout, transport, [transport] { transport->feed("x"); });
        drip.start(50);
        QTRY_COMPARE_WITH_TIMEOUT(rec.closed.size(), 1, 10000);
        QCOMPARE(firstFailure(rec), ErrorKind::Timeout);
        QCOMPARE(rec.commandErrors.value(r).kind, ErrorKind::Timeout);
        QVERIFY(sink.size() < Client::ProgressBytes);
    }

    // Slow but real progress keeps the session alive however long it takes: whole responses
    // each a while apart, and a message arriving in pieces of ProgressBytes.
    void slowButSteadyServerIsWaitedFor()
    {
        ScriptedSession session(400);
        Recorder &rec = session.rec;
        ScriptedTransport *transport = session.transport;
        QTRY_VERIFY(rec.opened);

        QBuffer sink;
        sink.open(QIODevice::WriteOnly);
        const CommandId noop1 = session.client.noop();
        const CommandId noop2 = session.client.noop();
        const CommandId r = session.client.retrieve(1, &sink);
        QList<QByteArray> answers = {"+OK\r\n", "+OK\r\n", "+OK message follows\r\n"};
        const QByteArray line = QByteArray(Client::ProgressBytes - 2, 'y') + "\r\n";
        for (int i = 0; i < 6; ++i)
            answers.append(line);
        answers.append(".\r\n");
        // Each piece comes 300 ms after the one before: 2.7 s in all, the timeout 400 ms.
        QTimer pace;
        QObject::connect(&pace, &QTimer::timeout, transport, [&] {
            if (!answers.isEmpty())
                transport->feed(answers.takeFirst());
        });
        pace.start(300);
        QTRY_VERIFY_WITH_TIMEOUT(rec.retrieved.contains(r), 10000);
        QVERIFY(rec.finished.contains(noop1) && rec.finished.contains(noop2));
        QCOMPARE(rec.retrieved.value(r), 6 * Client::ProgressBytes);
        QVERIFY(rec.failures.isEmpty());
    }

    void serverThatNeverGreetsTimesOut()
    {
        ScriptedServer server;
        QVERIFY(server.start());
        server.addScript(QStringLiteral("C: *\n"));
        Settings settings = settingsFor(server);
        settings.connectTimeoutMs = 300;
        Client client(settings);
        Recorder rec(&client);
        client.open();
        QTRY_COMPARE(rec.closed.size(), 1);
        QCOMPARE(firstFailure(rec), ErrorKind::Timeout);
    }

    void connectionRefusedIsReported()
    {
        quint16 port = 0;
        {
            ScriptedServer probe;
            QVERIFY(probe.start());
            port = probe.port();
        }
        Settings settings;
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = port;
        settings.security = Settings::Security::None;
        Client client(settings);
        Recorder rec(&client);
        client.open();
        QTRY_COMPARE(rec.closed.size(), 1);
        QCOMPARE(firstFailure(rec), ErrorKind::ConnectionRefused);
    }

    void quitWithoutOkCommitsNothing()
    {
        ScriptedServer server;
        QVERIFY(server.start());
        server.addScript(loginScript() + QStringLiteral("C: DELE 1\nS: +OK\nC: QUIT\nCLOSE\n"));
        Client client(settingsFor(server));
        Recorder rec(&client);
        client.open();
        const CommandId d = client.remove(1);
        client.quit();
        QTRY_COMPARE(rec.closed.size(), 1);
        QVERIFY(rec.finished.contains(d));
        QCOMPARE(rec.closed.first(), false);
        QVERIFY(!client.deletionsCommitted());
        QCOMPARE(firstFailure(rec), ErrorKind::ConnectionLost);
    }

    void quitErrIsNotACommit()
    {
        ScriptedServer server;
        QVERIFY(server.start());
        server.addScript(loginScript() +
                         QStringLiteral("C: DELE 1\nS: +OK\nC: QUIT\nS: -ERR some deleted "
                                        "messages not removed\n"));
        Client client(settingsFor(server));
        Recorder rec(&client);
        client.open();
        (void)client.remove(1);
        client.quit();
        QTRY_COMPARE(rec.closed.size(), 1);
        QCOMPARE(rec.closed.first(), false);
        QCOMPARE(firstFailure(rec), ErrorKind::ServerError);
    }

    void commandsAfterQuitAreRefused()
    {
        ScriptedServer server;
        QVERIFY(server.start());
        server.addScript(loginScript() + QStringLiteral("C: QUIT\nS: +OK\n"));
        Client client(settingsFor(server));
        Recorder rec(&client);
        client.open();
        client.quit();
        const CommandId late = client.stat();
        QTRY_VERIFY(rec.commandErrors.contains(late));
        QCOMPARE(rec.commandErrors.value(late).kind, ErrorKind::NotConnected);
        QTRY_COMPARE(rec.closed, QList<bool>{true});
    }

    void cancelInTransactionResetsAndQuits()
    {
        ScriptedServer server;
        QVERIFY(server.start());
        server.addScript(loginScript() + QStringLiteral("C: DELE 1\nS: +OK\nC: RETR 2\nC: *\n"
                                                        "C: *\n"));
        Client client(settingsFor(server));
        Recorder rec(&client);
        QBuffer sink;
        sink.open(QIODevice::WriteOnly);
        client.open();
        const CommandId d = client.remove(1);
        QTRY_VERIFY(rec.finished.contains(d));
        const CommandId r = client.retrieve(2, &sink);
        QTRY_VERIFY(server.received().contains("RETR 2"));
        client.cancel();
        QCOMPARE(rec.closed, QList<bool>{false});
        QCOMPARE(rec.commandErrors.value(r).kind, ErrorKind::Cancelled);
        QCOMPARE(firstFailure(rec), ErrorKind::Cancelled);
        QTRY_COMPARE(server.received().mid(server.received().indexOf("RETR 2") + 1),
                     (QByteArrayList{"RSET", "QUIT"}));
    }

    void keepAliveSendsNoopWhenIdle()
    {
        ScriptedServer server;
        QVERIFY(server.start());
        server.addScript(loginScript() + QStringLiteral("C: NOOP\nS: +OK\nC: NOOP\nS: +OK\n"));
        Settings settings = settingsFor(server);
        settings.keepAliveMs = 100;
        Client client(settings);
        Recorder rec(&client);
        client.open();
        QTRY_VERIFY(server.scriptFinished());
        QCOMPARE(server.received().count("NOOP"), 2);
        QVERIFY(rec.failures.isEmpty());
        QVERIFY(rec.finished.isEmpty()); // keep-alives are not the caller's commands
    }

    void authMechanisms_data()
    {
        QTest::addColumn<int>("auth");
        QTest::addColumn<bool>("allowApop");
        QTest::addColumn<bool>("allowUserPass");
        QTest::addColumn<QString>("capa");
        QTest::addColumn<QString>("exchange");

        const QByteArray cramChallenge = "<1896.697170952@postoffice.example.net>";
        const QByteArray cramAnswer =
            "alice " +
            QMessageAuthenticationCode::hash(cramChallenge, "secret", QCryptographicHash::Md5)
                .toHex();
        const QByteArray apop =
            QCryptographicHash::hash("<42.17@pop.example>secret", QCryptographicHash::Md5).toHex();
        const QString b64user = QString::fromLatin1(QByteArray("alice").toBase64());
        const QString b64pass = QString::fromLatin1(QByteArray("secret").toBase64());

        QTest::newRow("auto picks CRAM-MD5")
            << int(Settings::Auth::Auto) << true << true
            << QStringLiteral("S: SASL PLAIN LOGIN CRAM-MD5\nS: USER\n")
            << QStringLiteral("C: AUTH CRAM-MD5\nS: + %1\nC: %2\n")
                   .arg(QString::fromLatin1(cramChallenge.toBase64()),
                        QString::fromLatin1(cramAnswer.toBase64()));
        QTest::newRow("auto picks PLAIN over LOGIN")
            << int(Settings::Auth::Auto) << true << true << QStringLiteral("S: SASL LOGIN PLAIN\n")
            << QStringLiteral("C: AUTH PLAIN %1\n").arg(QString::fromLatin1(PlainResponse));
        // RFC 5034 4: one round trip. A server that asks for the response anyway gets it
        // again; one that refuses the command without [AUTH] is asked the old way.
        QTest::newRow("PLAIN: the server asks for the response anyway")
            << int(Settings::Auth::Plain) << true << true << QStringLiteral("S: SASL PLAIN\n")
            << QStringLiteral("C: AUTH PLAIN %1\nS: +\nC: %1\n")
                   .arg(QString::fromLatin1(PlainResponse));
        QTest::newRow("PLAIN: a server without initial responses")
            << int(Settings::Auth::Plain) << true << true << QStringLiteral("S: SASL PLAIN\n")
            << QStringLiteral("C: AUTH PLAIN %1\nS: -ERR Syntax error\nC: AUTH PLAIN\nS: +\n"
                              "C: %1\n")
                   .arg(QString::fromLatin1(PlainResponse));
        QTest::newRow("LOGIN")
            << int(Settings::Auth::Login) << true << true << QStringLiteral("S: SASL LOGIN\n")
            << QStringLiteral("C: AUTH LOGIN\nS: + VXNlcm5hbWU6\nC: %1\nS: + UGFzc3dvcmQ6\nC: %2\n")
                   .arg(b64user, b64pass);
        QTest::newRow("XOAUTH2") << int(Settings::Auth::XOAuth2) << true << true
                                 << QStringLiteral("S: SASL XOAUTH2\n")
                                 << QStringLiteral("C: AUTH XOAUTH2\nS: +\nC: %1\n")
                                        .arg(QString::fromLatin1(
                                            QByteArray("user=alice\x01"
                                                       "auth=Bearer secret\x01\x01")
                                                .toBase64()));
        QTest::newRow("auto falls back to APOP")
            << int(Settings::Auth::Auto) << true << true << QStringLiteral("S: USER\n")
            << QStringLiteral("C: APOP alice %1\n").arg(QString::fromLatin1(apop));
        QTest::newRow("auto falls back to USER when APOP is not allowed")
            << int(Settings::Auth::Auto) << false << true << QStringLiteral("S: USER\n")
            << QStringLiteral("C: USER alice\nS: +OK\nC: PASS secret\n");
        QTest::newRow("auto: only XOAUTH2 offered, so USER/PASS")
            << int(Settings::Auth::Auto) << false << true
            << QStringLiteral("S: SASL XOAUTH2\nS: USER\n")
            << QStringLiteral("C: USER alice\nS: +OK\nC: PASS secret\n");
        QTest::newRow("auto: CRAM-MD5 refused, then USER/PASS")
            << int(Settings::Auth::Auto) << true << true
            << QStringLiteral("S: SASL CRAM-MD5\nS: USER\n")
            << QStringLiteral("C: AUTH CRAM-MD5\nS: + %1\nC: %2\nS: -ERR [AUTH] no secret\n"
                              "C: USER alice\nS: +OK\nC: PASS secret\n")
                   .arg(QString::fromLatin1(cramChallenge.toBase64()),
                        QString::fromLatin1(cramAnswer.toBase64()));
        // GNU pop3d: an APOP timestamp in every greeting, no APOP secrets unless set up.
        QTest::newRow("auto: APOP refused, then USER/PASS")
            << int(Settings::Auth::Auto) << true << true << QStringLiteral("S: USER\n")
            << QStringLiteral("C: APOP alice %1\nS: -ERR [AUTH] Bad login\n"
                              "C: USER alice\nS: +OK\nC: PASS secret\n")
                   .arg(QString::fromLatin1(apop));
        QTest::newRow("auto: CRAM-MD5 refused, then PLAIN")
            << int(Settings::Auth::Auto) << true << true
            << QStringLiteral("S: SASL CRAM-MD5 PLAIN\nS: USER\n")
            << QStringLiteral("C: AUTH CRAM-MD5\nS: + %1\nC: %2\nS: -ERR no CRAM-MD5 secret\n"
                              "C: AUTH PLAIN %3\n")
                   .arg(QString::fromLatin1(cramChallenge.toBase64()),
                        QString::fromLatin1(cramAnswer.toBase64()),
                        QString::fromLatin1(PlainResponse));
    }

    void authMechanisms()
    {
        QFETCH(int, auth);
        QFETCH(bool, allowApop);
        QFETCH(bool, allowUserPass);
        QFETCH(QString, capa);
        QFETCH(QString, exchange);
        ScriptedServer server;
        QVERIFY(server.start());
        server.addScript(QStringLiteral("S: +OK ready <42.17@pop.example>\nC: CAPA\nS: +OK\n") +
                         capa + QStringLiteral("S: .\n") + exchange + QStringLiteral("S: +OK\n"));
        Settings settings = settingsFor(server);
        settings.auth = Settings::Auth(auth);
        settings.allowApop = allowApop;
        settings.allowUserPass = allowUserPass;
        logsIn(server, settings);
    }

    // RFC 5034 4: an AUTH command over 255 octets with its response is sent without it; the
    // response follows the server's "+ ".
    void plainResponseTooLongForTheCommandWaitsForTheChallenge()
    {
        const QString password(200, u'p');
        const QByteArray response =
            QByteArray('\0' + QByteArray("alice") + '\0' + password.toLatin1()).toBase64();
        ScriptedServer server;
        QVERIFY(server.start());
        server.addScript(QStringLiteral("S: +OK ready\nC: CAPA\nS: +OK\nS: SASL PLAIN\nS: .\n"
                                        "C: AUTH PLAIN\nS: +\nC: %1\nS: +OK\n")
                             .arg(QString::fromLatin1(response)));
        Settings settings = settingsFor(server);
        settings.password = password;
        logsIn(server, settings);
    }

    void apopRefused()
    {
        const QByteArray digest =
            QCryptographicHash::hash("<9.9@x>secret", QCryptographicHash::Md5).toHex();
        ScriptedServer server;
        QVERIFY(server.start());
        server.addScript(QStringLiteral("S: +OK hi <9.9@x>\nC: CAPA\nS: +OK\nS: .\n"
                                        "C: APOP alice %1\nS: -ERR [AUTH] permission denied\n")
                             .arg(QString::fromLatin1(digest)));
        Settings settings = settingsFor(server);
        settings.auth = Settings::Auth::Apop;
        Client client(settings);
        Recorder rec(&client);
        client.open();
        QTRY_COMPARE(rec.closed.size(), 1);
        QVERIFY(server.failures().isEmpty());
        QCOMPARE(firstFailure(rec), ErrorKind::WrongCredentials);
        QCOMPARE(rec.failures.first().serverText, QStringLiteral("permission denied"));
    }

    // After a refused digest Auto tries the password once; anything but a plain refusal, or
    // a refused password, ends the login with the server's words.
    void loginFailuresAreReportedAfterOneFallbackAtMost_data()
    {
        QTest::addColumn<int>("auth");
        QTest::addColumn<QString>("capa");
        QTest::addColumn<QString>("exchange");
        QTest::addColumn<QStringList>("sent");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("serverText");
        const QString apop = QString::fromLatin1(
            QCryptographicHash::hash("<42.17@pop.example>secret", QCryptographicHash::Md5).toHex());
        const QString apopLine = QStringLiteral("APOP alice ") + apop;

        QTest::newRow("wrong password: APOP, then USER/PASS, then no more")
            << int(Settings::Auth::Auto) << QStringLiteral("S: USER\n")
            << QStringLiteral("C: *\nS: -ERR [AUTH] Bad login\nC: USER alice\nS: +OK\n"
                              "C: PASS secret\nS: -ERR [AUTH] Bad login\n")
            << QStringList{apopLine, QStringLiteral("USER alice"), QStringLiteral("PASS secret")}
            << int(ErrorKind::WrongCredentials) << QStringLiteral("Bad login");
        QTest::newRow("a busy mailbox is not a refusal")
            << int(Settings::Auth::Auto) << QStringLiteral("S: USER\n")
            << QStringLiteral("C: *\nS: -ERR [IN-USE] locked by another session\n")
            << QStringList{apopLine} << int(ErrorKind::InUse)
            << QStringLiteral("locked by another session");
        QTest::newRow("a hang-up after the refusal reports the refusal")
            << int(Settings::Auth::Auto) << QStringLiteral("S: USER\n")
            << QStringLiteral("C: *\nS: -ERR [AUTH] Bad login\nC: USER alice\nCLOSE\n")
            << QStringList{apopLine, QStringLiteral("USER alice")}
            << int(ErrorKind::WrongCredentials) << QStringLiteral("Bad login");
        QTest::newRow("a mechanism the server does not offer")
            << int(Settings::Auth::CramMd5) << QStringLiteral("S: USER\n")
            << QStringLiteral("C: AUTH CRAM-MD5\nS: -ERR Not implemented\n")
            << QStringList{QStringLiteral("AUTH CRAM-MD5")} << int(ErrorKind::NoAuthMechanism)
            << QStringLiteral("Not implemented");
    }

    void loginFailuresAreReportedAfterOneFallbackAtMost()
    {
        QFETCH(int, auth);
        QFETCH(QString, capa);
        QFETCH(QString, exchange);
        QFETCH(QStringList, sent);
        QFETCH(int, kind);
        QFETCH(QString, serverText);
        ScriptedServer server;
        QVERIFY(server.start());
        server.addScript(QStringLiteral("S: +OK ready <42.17@pop.example>\nC: CAPA\nS: +OK\n") +
                         capa + QStringLiteral("S: .\n") + exchange);
        Settings settings = settingsFor(server);
        settings.auth = Settings::Auth(auth);
        Client client(settings);
        Recorder rec(&client);
        client.open();
        QTRY_COMPARE(rec.closed.size(), 1);
        QVERIFY(!rec.opened);
        QCOMPARE(int(firstFailure(rec)), kind);
        QCOMPARE(rec.failures.first().serverText, serverText);
        QVERIFY2(server.failures().isEmpty(), qPrintable(server.failures().join(u'\n')));
        QStringList received;
        for (const QByteArray &line : server.received().mid(1))
            received << QString::fromLatin1(line);
        QCOMPARE(received, sent);
    }

    void lineBreakInCredentialsIsNeverSent_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::newRow("password") << QStringLiteral("alice") << QStringLiteral("pw\r\nDELE 1");
        QTest::newRow("user") << QStringLiteral("alice\nDELE 1") << QStringLiteral("secret");
    }

    void lineBreakInCredentialsIsNeverSent()
    {
        QFETCH(QString, user);
        QFETCH(QString, password);
        ScriptedServer server;
        QVERIFY(server.start());
        server.addScript(QStringLiteral("S: +OK hi\nC: CAPA\nS: +OK\nS: USER\nS: .\nC: *\n"
                                        "S: +OK\nC: *\nS: +OK\nC: *\n"));
        Settings settings = settingsFor(server);
        settings.username = user;
        settings.password = password;
        Client client(settings);
        Recorder rec(&client);
        client.open();
        QTRY_COMPARE(rec.closed.size(), 1);
        QCOMPARE(firstFailure(rec), ErrorKind::LoginFailed);
        QTRY_VERIFY(server.clientDisconnected());
        QCOMPARE(server.received(), QByteArrayList{"CAPA"});
    }

    void serverWithoutCapaFallsBackToUserPass()
    {
        ScriptedServer server;
        QVERIFY(server.start());
        server.addScript(QStringLiteral("S: +OK old server\nC: CAPA\nS: -ERR unknown command\n"
                                        "C: USER alice\nS: +OK\nC: PASS secret\nS: +OK\n"
                                        "C: STAT\nS: +OK 0 0\n"));
        Client client(settingsFor(server));
        Recorder rec(&client);
        client.open();
        const CommandId s = client.stat();
        QTRY_VERIFY(rec.stats.contains(s));
        QVERIFY(!client.capabilities().isKnown());
        QVERIFY(!client.isPipelining());
        QVERIFY(server.failures().isEmpty());
    }

    void startTlsWithoutCapaSendsNoCredential()
    {
        ScriptedServer server;
        QVERIFY(server.start());
        server.addScript(QStringLiteral("S: +OK old server\nC: CAPA\nS: -ERR unknown command\n"
                                        "C: *\n"));
        Client client(settingsFor(server, Settings::Security::StartTls));
        Recorder rec(&client);
        client.open();
        QTRY_COMPARE(rec.closed.size(), 1);
        QCOMPARE(firstFailure(rec), ErrorKind::StartTlsUnavailable);
        QTRY_VERIFY(server.clientDisconnected());
        QCOMPARE(server.received(), QByteArrayList{"CAPA"});
    }

    void noFallbackWhenNotAllowed()
    {
        ScriptedServer server;
        QVERIFY(server.start());
        server.addScript(QStringLiteral("S: +OK ready <42.17@pop.example>\nC: CAPA\nS: +OK\n"
                                        "S: USER\nS: .\nC: *\n"));
        Settings settings = settingsFor(server);
        settings.allowApop = false;
        settings.allowUserPass = false;
        Client client(settings);
        Recorder rec(&client);
        client.open();
        QTRY_COMPARE(rec.closed.size(), 1);
        QCOMPARE(firstFailure(rec), ErrorKind::NoAuthMechanism);
        QCOMPARE(server.received(), QByteArrayList{"CAPA"});
    }

    void protocolLogRedactsSecrets_data()
    {
        QTest::addColumn<int>("auth");
        QTest::addColumn<QString>("capa");
        QTest::addColumn<QString>("exchange");
        const QByteArray apop =
            QCryptographicHash::hash("<1.2@x>secret", QCryptographicHash::Md5).toHex();
        QTest::newRow("PLAIN")
            << int(Settings::Auth::Plain) << QStringLiteral("S: SASL PLAIN\n")
            << QStringLiteral("C: AUTH PLAIN %1\n").arg(QString::fromLatin1(PlainResponse));
        QTest::newRow("USER/PASS") << int(Settings::Auth::User) << QStringLiteral("S: USER\n")
                                   << QStringLiteral("C: USER alice\nS: +OK\nC: PASS secret\n");
        QTest::newRow("APOP")
            << int(Settings::Auth::Apop) << QString()
            << QStringLiteral("C: APOP alice %1\n").arg(QString::fromLatin1(apop));
    }

    void protocolLogRedactsSecrets()
    {
        QFETCH(int, auth);
        QFETCH(QString, capa);
        QFETCH(QString, exchange);
        ScriptedServer server;
        QVERIFY(server.start());
        server.addScript(QStringLiteral("S: +OK ready <1.2@x>\nC: CAPA\nS: +OK\n") + capa +
                         QStringLiteral("S: .\n") + exchange + QStringLiteral("S: +OK\n"));
        Settings settings = settingsFor(server);
        settings.auth = Settings::Auth(auth);
        g_log.clear();
        QLoggingCategory::setFilterRules(QStringLiteral("poplar.pop3.debug=true"));
        const QtMessageHandler previous = qInstallMessageHandler(captureLog);
        {
            Client client(settings);
            Recorder rec(&client);
            client.open();
            QTRY_VERIFY(rec.opened || !rec.failures.isEmpty());
            QVERIFY(rec.opened);
        }
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QStringLiteral("poplar.pop3.debug=false"));
        const QString log = g_log.join(u'\n');
        QVERIFY2(log.contains(QStringLiteral("C: CAPA")), qPrintable(log));
        QVERIFY2(!log.contains(QStringLiteral("secret")), qPrintable(log));
        QVERIFY2(!log.contains(QString::fromLatin1(PlainResponse)), qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral("***")), qPrintable(log));
        const QString lastClientLine = exchange.section(u'\n', -2, -2).mid(3);
        QVERIFY2(!log.contains(lastClientLine), qPrintable(log));
    }
};

QTEST_GUILESS_MAIN(tst_Pop3Client)
#include "tst_Pop3Client.moc"
