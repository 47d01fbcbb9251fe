#include "DovecotServer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTest>

using Poplar::TestSupport::DovecotServer;

namespace {

// A tiny blocking POP3 conversation, good enough to check the server the tests rely on.
class Conversation
{
public:
    explicit Conversation(const QByteArray &certificatePem)
    {
        QSslConfiguration config = m_socket.sslConfiguration();
        config.setCaCertificates(QSslCertificate::fromData(certificatePem));
        m_socket.setSslConfiguration(config);
        m_socket.setPeerVerifyName(QStringLiteral("localhost"));
    }
    bool connectPlain(quint16 port)
    {
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        return m_socket.waitForConnected(5000);
    }
    bool connectTls(quint16 port)
    {
        m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port,
                                        QStringLiteral("localhost"));
        return m_socket.waitForEncrypted(5000);
    }
    bool startTls()
    {
        m_socket.startClientEncryption();
        return m_socket.waitForEncrypted(5000);
    }
    QByteArray line()
    {
        while (!m_socket.canReadLine()) {
            if (!m_socket.waitForReadyRead(5000))
                return {};
        }
        return m_socket.readLine();
    }
    QByteArray command(const QByteArray &text)
    {
        m_socket.write(text + "\r\n");
        return line();
    }
    QList<QByteArray> multiline()
    {
        QList<QByteArray> lines;
        for (QByteArray l = line(); !l.isEmpty() && l != ".\r\n"; l = line())
            lines << l;
        return lines;
    }
    QSslSocket &socket() { return m_socket; }

private:
    QSslSocket m_socket;
};

QByteArray sampleMessage(int n)
{
    return QByteArrayLiteral("From: a@example.test\r\nTo: alice@example.test\r\nSubject: test ") +
           QByteArray::number(n) + QByteArrayLiteral("\r\n\r\nBody ") + QByteArray::number(n) +
           QByteArrayLiteral("\r\n");
}

// Command lines of the processes that belong to this test's Dovecot: the master names its
// configuration, every service carries the instance name made from this process's id.
QStringList serverProcesses(const DovecotServer &server)
{
    const QByteArray instance =
        "dovecot-poplar-" + QByteArray::number(QCoreApplication::applicationPid()) + '/';
    const QByteArray config = QFile::encodeName(server.directory());
    QStringList found;
    const QDir proc(QStringLiteral("/proc"));
    for (const QString &entry : proc.entryList(QDir::Dirs)) {
        QFile cmdline(proc.filePath(entry) + QStringLiteral("/cmdline"));
        if (!cmdline.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = cmdline.readAll().replace('\0', ' ');
        if (text.startsWith(instance) || text.contains(config))
            found << entry + u' ' + QString::fromLocal8Bit(text);
    }
    return found;
}

} // namespace

class tst_DovecotServer : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        if (!DovecotServer::isAvailable())
            QSKIP("dovecot is not installed (package dovecot-pop3d); ./test.sh installs it");
    }

    void servesMailOverStlsAndImplicitTls()
    {
        DovecotServer server;
        server.addUser(QStringLiteral("alice"), QStringLiteral("secret"));
        server.deliver(QStringLiteral("alice"), sampleMessage(1));
        server.deliver(QStringLiteral("alice"), sampleMessage(2));
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QVERIFY(server.plainPort() != server.tlsPort());

        Conversation plain(server.certificatePem());
        QVERIFY(plain.connectPlain(server.plainPort()));
        QVERIFY(plain.line().startsWith("+OK"));
        QVERIFY(plain.command("CAPA").startsWith("+OK"));
        const QList<QByteArray> caps = plain.multiline();
        QVERIFY(caps.contains("STLS\r\n"));
        QVERIFY(caps.contains("UIDL\r\n"));
        QVERIFY(plain.command("STLS").startsWith("+OK"));
        QVERIFY2(plain.startTls(), qPrintable(plain.socket().errorString()));
        QVERIFY(plain.command("USER alice").startsWith("+OK"));
        QVERIFY(plain.command("PASS secret").startsWith("+OK"));
        QCOMPARE(plain.command("STAT").left(6), QByteArray("+OK 2 "));
        QVERIFY(plain.command("QUIT").startsWith("+OK"));

        Conversation tls(server.certificatePem());
        QVERIFY2(tls.connectTls(server.tlsPort()), qPrintable(tls.socket().errorString()));
        QVERIFY(tls.line().startsWith("+OK"));
        QVERIFY(tls.command("USER alice").startsWith("+OK"));
        QVERIFY(tls.command("PASS wrong").startsWith("-ERR"));
    }

    void deleteTakesEffectOnQuit()
    {
        DovecotServer server;
        server.addUser(QStringLiteral("bob"), QStringLiteral("pw"));
        server.deliver(QStringLiteral("bob"), sampleMessage(1));
        server.deliver(QStringLiteral("bob"), sampleMessage(2));
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));

        Conversation pop(server.certificatePem());
        QVERIFY(pop.connectTls(server.tlsPort()));
        pop.line();
        QVERIFY(pop.command("USER bob").startsWith("+OK"));
        QVERIFY(pop.command("PASS pw").startsWith("+OK"));
        QVERIFY(pop.command("RETR 1").startsWith("+OK"));
        QVERIFY(pop.multiline().join().contains("Body 1"));
        QVERIFY(pop.command("DELE 1").startsWith("+OK"));
        QVERIFY(pop.command("QUIT").startsWith("+OK"));
        QTRY_COMPARE(server.messageFiles(QStringLiteral("bob")).size(), 1);
    }

    void stopLeavesNoProcessBehind()
    {
        DovecotServer server;
        server.addUser(QStringLiteral("carol"), QStringLiteral("pw"));
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QVERIFY(server.masterPid() > 0);
        QVERIFY(!serverProcesses(server).isEmpty());
        server.stop();
        QVERIFY(!server.isRunning());
        // Neither the master nor any of its services (which carry the instance name).
        QTRY_VERIFY2_WITH_TIMEOUT(serverProcesses(server).isEmpty(),
                                  qPrintable(serverProcesses(server).join(u'\n')), 2000);
    }

    void keepsEverythingInItsOwnFolder()
    {
        DovecotServer server;
        server.addUser(QStringLiteral("dave"), QStringLiteral("pw"));
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QVERIFY(QFileInfo(server.logPath()).absoluteFilePath().startsWith(server.directory()));
        QTRY_VERIFY(QFileInfo::exists(server.directory() + QStringLiteral("/run/master.pid")));
        QVERIFY(server.certificatePem().startsWith("-----BEGIN CERTIFICATE-----"));
    }
};

QTEST_GUILESS_MAIN(tst_DovecotServer)
#include "tst_DovecotServer.moc"
