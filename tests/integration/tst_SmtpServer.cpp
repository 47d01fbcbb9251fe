#include "DovecotServer.h"
#include "SmtpServer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMessageAuthenticationCode>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTest>

#include <algorithm>

using Poplar::TestSupport::DovecotServer;
using Poplar::TestSupport::SmtpServer;

namespace {

// A tiny blocking SMTP (and POP3) conversation, good enough to check the server the tests of
// Poplar's SMTP client will rely on. Qt has no SMTP client.
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
    // One SMTP reply, all its lines ("250-a\r\n250 b\r\n"); the code is its first 3 bytes.
    QByteArray reply()
    {
        QByteArray all;
        for (QByteArray l = line(); !l.isEmpty(); l = line()) {
            all += l;
            if (l.size() < 4 || l.at(3) != '-')
                break;
        }
        return all;
    }
    QByteArray command(const QByteArray &text)
    {
        m_socket.write(text + "\r\n");
        return reply();
    }
    // The EHLO keywords, one per reply line after the greeting line.
    QList<QByteArray> ehlo()
    {
        QList<QByteArray> keywords;
        const QList<QByteArray> lines = command("EHLO client.poplar.test").split('\n');
        for (qsizetype i = 1; i < lines.size(); ++i) {
            if (lines.at(i).size() > 4)
                keywords << lines.at(i).mid(4).trimmed();
        }
        return keywords;
    }
    // DATA, the dot-stuffed message and the final dot; returns the reply to the dot.
    QByteArray data(const QByteArray &message)
    {
        const QByteArray started = command("DATA");
        if (!started.startsWith("354"))
            return started;
        QByteArray stuffed;
        for (const QByteArray &l : message.split('\n')) {
            if (l.isEmpty())
                continue;
            stuffed += (l.startsWith('.') ? "." : "") + l + '\n';
        }
        m_socket.write(stuffed + ".\r\n");
        return reply();
    }
    QSslSocket &socket() { return m_socket; }

private:
    QSslSocket m_socket;
};

// Lines end in CRLF; 8-bit UTF-8 and a line starting with a dot check the body arrives as sent.
QByteArray sampleMessage(const QByteArray &subject)
{
    return "From: Alice <alice@poplar.test>\r\n"
           "To: Alice <alice@poplar.test>\r\n"
           "Subject: " +
           subject +
           "\r\n"
           "Date: Mon, 01 Jan 2024 10:00:00 +0000\r\n"
           "Message-ID: <" +
           subject +
           "@client.poplar.test>\r\n"
           "MIME-Version: 1.0\r\n"
           "Content-Type: text/plain; charset=utf-8\r\n"
           "Content-Transfer-Encoding: 8bit\r\n"
           "\r\n"
           "Grüße aus Köln, 你好.\r\n"
           ".a line that starts with a dot\r\n"
           "\r\n"
           "-- \r\n"
           "Alice\r\n";
}

QByteArray fileContents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Processes that belong to this SMTP server: every Exim process and the watchdog name its
// configuration on their command line.
QStringList serverProcesses(const SmtpServer &server)
{
    const QByteArray config = QFile::encodeName(server.configPath());
    QStringList found;
    const QDir proc(QStringLiteral("/proc"));
    for (const QString &entry : proc.entryList(QDir::Dirs)) {
        QFile cmdline(proc.filePath(entry) + QStringLiteral("/cmdline"));
        if (!cmdline.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = cmdline.readAll().replace('\0', ' ');
        if (text.contains(config))
            found << entry + u' ' + QString::fromLocal8Bit(text);
    }
    return found;
}

} // namespace

class tst_SmtpServer : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        if (!DovecotServer::isAvailable())
            QSKIP("dovecot is not installed (package dovecot-pop3d); ./test.sh installs it");
        if (!SmtpServer::isAvailable())
            QSKIP("exim4 is not installed (package exim4-daemon-heavy); ./test.sh installs it");
        m_dovecot = std::make_unique<DovecotServer>();
        m_dovecot->addUser(QStringLiteral("alice"), QStringLiteral("secret"));
        QString error;
        QVERIFY2(m_dovecot->start(&error), qPrintable(error));
        m_smtp = std::make_unique<SmtpServer>(*m_dovecot);
    }

    void cleanup()
    {
        m_smtp.reset();
        m_dovecot.reset();
    }

    void submitsOverImplicitTlsWithPlain()
    {
        startSmtp();
        Conversation smtp(m_smtp->certificatePem());
        QVERIFY2(smtp.connectTls(m_smtp->tlsPort()), qPrintable(smtp.socket().errorString()));
        QVERIFY(smtp.reply().startsWith("220 "));
        const QList<QByteArray> keywords = smtp.ehlo();
        QVERIFY2(keywords.contains("AUTH PLAIN LOGIN CRAM-MD5"), keywords.join(' ').constData());
        QVERIFY(keywords.contains("PIPELINING"));
        QVERIFY(keywords.contains("SIZE 10485760"));
        QVERIFY(keywords.contains("8BITMIME"));
        QVERIFY(keywords.contains("SMTPUTF8"));
        QVERIFY(!keywords.contains("STARTTLS"));

        QVERIFY(smtp.command("AUTH PLAIN " + QByteArray("\0alice\0wrong", 12).toBase64())
                    .startsWith("535 "));
        QVERIFY(smtp.command("AUTH PLAIN " + QByteArray("\0alice\0secret", 13).toBase64())
                    .startsWith("235 "));
        QVERIFY(smtp.command("MAIL FROM:<alice@poplar.test> BODY=8BITMIME").startsWith("250 "));
        QVERIFY(smtp.command("RCPT TO:<nobody@poplar.test>").startsWith("550 "));
        QVERIFY(smtp.command("RCPT TO:<someone@example.com>").startsWith("550 "));
        QVERIFY(smtp.command("RCPT TO:<alice@poplar.test>").startsWith("250 "));
        const QByteArray message = sampleMessage("implicit-tls");
        QVERIFY(smtp.data(message).startsWith("250 "));
        QVERIFY(smtp.command("QUIT").startsWith("221 "));

        // Delivery runs just after the 250: the file appears shortly.
        QTRY_COMPARE(m_dovecot->messageFiles(QStringLiteral("alice")).size(), 1);
        const QByteArray stored =
            fileContents(m_dovecot->messageFiles(QStringLiteral("alice")).constFirst());
        QVERIFY2(stored.startsWith("Received: "), stored.constData());
        QVERIFY2(stored.endsWith(message), stored.constData());

        // And Dovecot serves it.
        Conversation pop(m_dovecot->certificatePem());
        QVERIFY(pop.connectTls(m_dovecot->tlsPort()));
        QVERIFY(pop.line().startsWith("+OK"));
        pop.socket().write("USER alice\r\nPASS secret\r\nSTAT\r\n");
        QVERIFY(pop.line().startsWith("+OK"));
        QVERIFY(pop.line().startsWith("+OK"));
        QCOMPARE(pop.line().left(6), QByteArray("+OK 1 "));
    }

    void submitsOverStartTlsWithLogin()
    {
        startSmtp();
        Conversation smtp(m_smtp->certificatePem());
        QVERIFY(smtp.connectPlain(m_smtp->startTlsPort()));
        QVERIFY(smtp.reply().startsWith("220 "));
        QList<QByteArray> keywords = smtp.ehlo();
        QVERIFY(keywords.contains("STARTTLS"));
        // No AUTH and no mail before TLS on the submission port.
        QVERIFY2(std::none_of(keywords.cbegin(), keywords.cend(),
                              [](const QByteArray &k) { return k.startsWith("AUTH"); }),
                 keywords.join(' ').constData());
        QVERIFY(smtp.command("MAIL FROM:<alice@poplar.test>").startsWith("530 "));
        QVERIFY(smtp.command("STARTTLS").startsWith("220 "));
        QVERIFY2(smtp.startTls(), qPrintable(smtp.socket().errorString()));
        keywords = smtp.ehlo();
        QVERIFY2(keywords.contains("AUTH PLAIN LOGIN CRAM-MD5"), keywords.join(' ').constData());
        QVERIFY(!keywords.contains("STARTTLS"));

        QVERIFY(smtp.command("AUTH LOGIN").startsWith("334 "));
        QVERIFY(smtp.command(QByteArray("alice").toBase64()).startsWith("334 "));
        QVERIFY(smtp.command(QByteArray("secret").toBase64()).startsWith("235 "));
        // Pipelined, as a client may do after PIPELINING.
        const QByteArray message = sampleMessage("starttls");
        smtp.socket().write("MAIL FROM:<alice@poplar.test>\r\n"
                            "RCPT TO:<nobody@poplar.test>\r\n"
                            "RCPT TO:<alice@poplar.test>\r\n");
        QVERIFY(smtp.reply().startsWith("250 "));
        QVERIFY(smtp.reply().startsWith("550 "));
        QVERIFY(smtp.reply().startsWith("250 "));
        QVERIFY(smtp.data(message).startsWith("250 "));
        QVERIFY(smtp.command("QUIT").startsWith("221 "));

        QTRY_COMPARE(m_dovecot->messageFiles(QStringLiteral("alice")).size(), 1);
        QVERIFY(fileContents(m_dovecot->messageFiles(QStringLiteral("alice")).constFirst())
                    .endsWith(message));
    }

    void authenticatesWithCramMd5OnPlainPort()
    {
        startSmtp();
        Conversation smtp(m_smtp->certificatePem());
        QVERIFY(smtp.connectPlain(m_smtp->plainPort()));
        QVERIFY(smtp.reply().startsWith("220 "));
        QVERIFY(smtp.ehlo().contains("AUTH PLAIN LOGIN CRAM-MD5"));
        const QByteArray challenge = smtp.command("AUTH CRAM-MD5");
        QVERIFY(challenge.startsWith("334 "));
        const QByteArray digest =
            QMessageAuthenticationCode::hash(QByteArray::fromBase64(challenge.mid(4).trimmed()),
                                             "secret", QCryptographicHash::Md5)
                .toHex();
        QVERIFY(smtp.command(QByteArray("alice " + digest).toBase64()).startsWith("235 "));
    }

    void refusesMessagesOverTheSizeLimit()
    {
        m_smtp->setMessageSizeLimit(2000);
        startSmtp();
        Conversation smtp(m_smtp->certificatePem());
        QVERIFY(smtp.connectTls(m_smtp->tlsPort()));
        QVERIFY(smtp.reply().startsWith("220 "));
        QVERIFY(smtp.ehlo().contains("SIZE 2000"));
        QVERIFY(smtp.command("AUTH PLAIN " + QByteArray("\0alice\0secret", 13).toBase64())
                    .startsWith("235 "));
        // Declared too big: refused at MAIL.
        QVERIFY(smtp.command("MAIL FROM:<alice@poplar.test> SIZE=5000").startsWith("552 "));
        // Not declared: refused after the data.
        QVERIFY(smtp.command("MAIL FROM:<alice@poplar.test>").startsWith("250 "));
        QVERIFY(smtp.command("RCPT TO:<alice@poplar.test>").startsWith("250 "));
        const QByteArray big =
            sampleMessage("big") + QByteArray(50, 'x').append("\r\n").repeated(100);
        QVERIFY(smtp.data(big).startsWith("552 "));
        QVERIFY(smtp.command("QUIT").startsWith("221 "));
        // A refused message is gone: nothing to wait for.
        QCOMPARE(m_dovecot->messageFiles(QStringLiteral("alice")).size(), 0);
    }

    void stopLeavesNoProcessBehind()
    {
        startSmtp();
        QVERIFY(m_smtp->isRunning());
        QVERIFY(!serverProcesses(*m_smtp).isEmpty());
        // An open connection has a process of its own.
        Conversation smtp(m_smtp->certificatePem());
        QVERIFY(smtp.connectTls(m_smtp->tlsPort()));
        QVERIFY(smtp.reply().startsWith("220 "));
        m_smtp->stop();
        QVERIFY(!m_smtp->isRunning());
        QTRY_VERIFY2_WITH_TIMEOUT(serverProcesses(*m_smtp).isEmpty(),
                                  qPrintable(serverProcesses(*m_smtp).join(u'\n')), 2000);
    }

private:
    void startSmtp()
    {
        QElapsedTimer timer;
        timer.start();
        QString error;
        QVERIFY2(m_smtp->start(&error), qPrintable(error));
        qInfo("SmtpServer::start took %lld ms", timer.elapsed());
        QVERIFY(m_smtp->tlsPort() != m_smtp->startTlsPort());
        QVERIFY(m_smtp->plainPort() != m_smtp->startTlsPort());
    }

    std::unique_ptr<DovecotServer> m_dovecot;
    std::unique_ptr<SmtpServer> m_smtp;
};

QTEST_GUILESS_MAIN(tst_SmtpServer)
#include "tst_SmtpServer.moc"
