#include "DovecotServer.h"
#include "SmtpServer.h"

#include "mime/MessageParser.h"
#include "store/StoreReader.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Poplar;
using TestSupport::DovecotServer;
using TestSupport::SmtpServer;

namespace {

const QString kPassword = QStringLiteral("send-loop-password-4f2a");

struct Run
{
    int exitCode = -1;
    QString out; // standard output and standard error together
};

} // namespace

// The whole loop as a user runs it: `poplar send` submits through a real SMTP server (Exim)
// into a real Dovecot, and `poplar sync` fetches the message back. Every field a person wrote
// arrives as written (Chinese names and subject, an attachment with a Chinese file name), the
// Bcc recipient gets the message without seeing the Bcc line, the Sent copy keeps it, a refused
// recipient is named, and a message that cannot be sent stays in the Outbox until it can.
class tst_SendLoop : public QObject
{
    Q_OBJECT

private:
    DovecotServer m_mailstore;
    std::unique_ptr<SmtpServer> m_smtp;
    QTemporaryDir m_profile;
    QTemporaryDir m_files;

    Run poplar(const QStringList &arguments, const QByteArray &input = QByteArray())
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QStringLiteral(POPLAR_BINARY),
                      QStringList{QStringLiteral("--profile"), m_profile.path()} + arguments);
        if (!process.waitForStarted(10000))
            return {};
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
        }
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAll())};
    }

    QString fingerprint() const
    {
        const auto certificates = QSslCertificate::fromData(m_mailstore.certificatePem());
        return certificates.isEmpty()
                   ? QString()
                   : QString::fromLatin1(
                         certificates.first().digest(QCryptographicHash::Sha256).toHex());
    }

    QStringList outgoingOptions(quint16 port) const
    {
        return {QStringLiteral("--smtp-host"),
                m_smtp->host(),
                QStringLiteral("--smtp-port"),
                QString::number(port),
                QStringLiteral("--smtp-security"),
                QStringLiteral("tls"),
                QStringLiteral("--smtp-trust-fingerprint"),
                fingerprint()};
    }

    static QByteArray readFile(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    QList<Store::MessageSummary> folder(Store::Folder which)
    {
        Store::StoreReader reader;
        if (reader.open(m_profile.filePath(QStringLiteral("mail.sqlite"))))
            return {};
        Store::PageQuery query;
        query.folder = which;
        query.limit = 1000;
        return reader.page(query).valueOr({});
    }

    QByteArray raw(qint64 id)
    {
        Store::StoreReader reader;
        if (reader.open(m_profile.filePath(QStringLiteral("mail.sqlite"))))
            return {};
        return reader.rawMessage(id).valueOr({});
    }

    static std::optional<Store::MessageSummary>
    withSubject(const QList<Store::MessageSummary> &rows, const QString &subject)
    {
        for (const Store::MessageSummary &row : rows) {
            if (row.subject == subject)
                return row;
        }
        return std::nullopt;
    }

private slots:
    void initTestCase()
    {
        if (!DovecotServer::isAvailable())
            QSKIP("dovecot is not installed (package dovecot-pop3d); ./test.sh installs it");
        if (!SmtpServer::isAvailable())
            QSKIP("exim4 is not installed (package exim4-daemon-heavy); ./test.sh installs it");
        QVERIFY(m_profile.isValid() && m_files.isValid());
        m_mailstore.addUser(QStringLiteral("alice"), kPassword);
        m_mailstore.addUser(QStringLiteral("bob"), QStringLiteral("bob-password-91c3"));
        QString error;
        QVERIFY2(m_mailstore.start(&error), qPrintable(error));
        m_smtp = std::make_unique<SmtpServer>(m_mailstore);
        QVERIFY2(m_smtp->start(&error), qPrintable(error));

        const Run add = poplar(
            QStringList{QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--name"),
                        QStringLiteral("Alice"), QStringLiteral("--email"),
                        QStringLiteral("alice@poplar.test"), QStringLiteral("--sender-name"),
                        QStringLiteral("李爱丽 (Alice Li)"), QStringLiteral("--host"),
                        m_mailstore.host(), QStringLiteral("--port"),
                        QString::number(m_mailstore.tlsPort()), QStringLiteral("--user"),
                        QStringLiteral("alice"), QStringLiteral("--trust-fingerprint"),
                        fingerprint(), QStringLiteral("--password-stdin")} +
                outgoingOptions(m_smtp->tlsPort()),
            kPassword.toUtf8() + '\n');
        QVERIFY2(add.exitCode == 0, qPrintable(add.out));
        if (add.out.contains(QStringLiteral("could not be saved in the keychain")))
            QSKIP("no secret service in this session (./test.sh provides one): poplar send "
                  "reads the password from the keychain");
    }

    void sentMailArrivesWithEveryField()
    {
        const QString subject =
            QStringLiteral("第三季度报告：请在周五之前审阅并回复意见，谢谢 (Q3 report, review "
                           "by Friday)");
        const QString text = QStringLiteral("王先生：\n\n附件是第三季度的报告。\n"
                                            "From the team, with thanks.\n.\n"
                                            "A line that starts with a dot: .done\n");
        const QString attachment = m_files.filePath(QStringLiteral("季度报告.pdf"));
        QByteArray pdf = "%PDF-1.4\n";
        for (int i = 0; i < 3000; ++i)
            pdf += char(i * 37 % 256);
        {
            QFile file(attachment);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(pdf);
        }

        const Run send =
            poplar({QStringLiteral("send"), QStringLiteral("--account"), QStringLiteral("Alice"),
                    QStringLiteral("--to"), QStringLiteral("\"王, 小明\" <alice@poplar.test>"),
                    QStringLiteral("--bcc"), QStringLiteral("bob@poplar.test"),
                    QStringLiteral("--subject"), subject, QStringLiteral("--attach"), attachment},
                   text.toUtf8());
        QVERIFY2(send.exitCode == 0, qPrintable(send.out));
        QVERIFY2(send.out.contains(QStringLiteral(" sent.")), qPrintable(send.out));
        QTRY_COMPARE_WITH_TIMEOUT(m_mailstore.messageFiles(QStringLiteral("alice")).size(), 1,
                                  15000);
        QTRY_COMPARE_WITH_TIMEOUT(m_mailstore.messageFiles(QStringLiteral("bob")).size(), 1, 15000);
        // What the Bcc recipient receives does not name the Bcc recipients.
        const QByteArray atBob =
            readFile(m_mailstore.messageFiles(QStringLiteral("bob")).constFirst());
        QVERIFY(!atBob.contains("\nBcc:"));
        QVERIFY(!atBob.contains("bob@poplar.test>") || atBob.contains("for <bob@poplar.test>"));

        const Run sync =
            poplar({QStringLiteral("sync"), QStringLiteral("--account"), QStringLiteral("Alice")});
        QVERIFY2(sync.exitCode == 0, qPrintable(sync.out));
        const auto inbox = folder(Store::Folder::Inbox);
        const auto received = withSubject(inbox, subject);
        QVERIFY2(received.has_value(), qPrintable(sync.out));
        const Mime::Message message = Mime::MessageParser::parse(raw(received->id));
        QCOMPARE(message.subject, subject);
        QCOMPARE(message.from.size(), 1);
        QCOMPARE(message.from.first().name, QStringLiteral("李爱丽 (Alice Li)"));
        QCOMPARE(message.from.first().email, QStringLiteral("alice@poplar.test"));
        QCOMPARE(message.to.size(), 1);
        QCOMPARE(message.to.first().name, QStringLiteral("王, 小明"));
        QCOMPARE(message.to.first().email, QStringLiteral("alice@poplar.test"));
        QVERIFY(message.bcc.isEmpty());
        QCOMPARE(message.bodyText().trimmed(), text.trimmed());
        QCOMPARE(message.attachments.size(), 1);
        QCOMPARE(message.attachments.first().filename, QStringLiteral("季度报告.pdf"));
        QCOMPARE(message.attachments.first().mimeType, QByteArray("application/pdf"));
        QCOMPARE(message.attachments.first().data, pdf);
        QVERIFY(message.messageId.endsWith(QStringLiteral("@poplar.test")));

        // The Sent copy: the same message, read, with the Bcc line kept for the sender.
        const auto sent = folder(Store::Folder::Sent);
        const auto copy = withSubject(sent, subject);
        QVERIFY(copy.has_value());
        QVERIFY(copy->read);
        QCOMPARE(copy->messageId, message.messageId);
        const Mime::Message sentCopy = Mime::MessageParser::parse(raw(copy->id));
        QCOMPARE(sentCopy.bcc.size(), 1);
        QCOMPARE(sentCopy.bcc.first().email, QStringLiteral("bob@poplar.test"));
        QVERIFY(poplar({QStringLiteral("outbox")}).out.trimmed().isEmpty());

        // A reply joins the thread: In-Reply-To and References name the original.
        const Run reply =
            poplar({QStringLiteral("send"), QStringLiteral("--account"), QStringLiteral("Alice"),
                    QStringLiteral("--to"), QStringLiteral("alice@poplar.test"),
                    QStringLiteral("--subject"), QStringLiteral("Re: ") + subject,
                    QStringLiteral("--in-reply-to"), message.messageId},
                   QByteArray("收到，谢谢。\n"));
        QVERIFY2(reply.exitCode == 0, qPrintable(reply.out));
        QTRY_COMPARE_WITH_TIMEOUT(m_mailstore.messageFiles(QStringLiteral("alice")).size(), 2,
                                  15000);
        QCOMPARE(poplar({QStringLiteral("sync")}).exitCode, 0);
        const auto answer =
            withSubject(folder(Store::Folder::Inbox), QStringLiteral("Re: ") + subject);
        QVERIFY(answer.has_value());
        QCOMPARE(answer->inReplyTo, message.messageId);
        QCOMPARE(answer->thread, withSubject(folder(Store::Folder::Inbox), subject).value().thread);
    }

    // One refused recipient does not lose the others; the user is told who did not get it.
    void refusedRecipientIsNamed()
    {
        const int before = m_mailstore.messageFiles(QStringLiteral("bob")).size();
        const Run send =
            poplar({QStringLiteral("send"), QStringLiteral("--account"), QStringLiteral("Alice"),
                    QStringLiteral("--to"), QStringLiteral("nobody@poplar.test"),
                    QStringLiteral("--cc"), QStringLiteral("bob@poplar.test"),
                    QStringLiteral("--subject"), QStringLiteral("Partly refused")},
                   QByteArray("Hello\n"));
        QCOMPARE(send.exitCode, 1);
        QVERIFY2(send.out.contains(QStringLiteral("nobody@poplar.test did not get it")),
                 qPrintable(send.out));
        QTRY_COMPARE_WITH_TIMEOUT(m_mailstore.messageFiles(QStringLiteral("bob")).size(),
                                  before + 1, 15000);
        QVERIFY(withSubject(folder(Store::Folder::Sent), QStringLiteral("Partly refused")));
    }

    // A message that cannot be sent now stays in the Outbox with the reason, and goes out when
    // the account is fixed.
    void unsentMessageWaitsInTheOutbox()
    {
        const quint16 closed = m_smtp->plainPort() == 1 ? 2 : 1; // nothing listens on 1 or 2
        Run change = poplar(QStringList{QStringLiteral("account"), QStringLiteral("outgoing"),
                                        QStringLiteral("Alice")} +
                            outgoingOptions(closed));
        QVERIFY2(change.exitCode == 0, qPrintable(change.out));
        const Run send =
            poplar({QStringLiteral("send"), QStringLiteral("--account"), QStringLiteral("Alice"),
                    QStringLiteral("--to"), QStringLiteral("bob@poplar.test"),
                    QStringLiteral("--subject"), QStringLiteral("Waits for the server")},
                   QByteArray("Later\n"));
        QCOMPARE(send.exitCode, 1);
        QVERIFY2(send.out.contains(QStringLiteral("refused the connection")), qPrintable(send.out));
        const Run list = poplar({QStringLiteral("outbox")});
        QVERIFY2(list.out.contains(QStringLiteral("Waits for the server")), qPrintable(list.out));
        QVERIFY2(list.out.contains(QStringLiteral("queued")), qPrintable(list.out));

        change = poplar(QStringList{QStringLiteral("account"), QStringLiteral("outgoing"),
                                    QStringLiteral("Alice")} +
                        outgoingOptions(m_smtp->tlsPort()));
        QVERIFY2(change.exitCode == 0, qPrintable(change.out));
        const int before = m_mailstore.messageFiles(QStringLiteral("bob")).size();
        const Run flush = poplar({QStringLiteral("outbox"), QStringLiteral("send")});
        QVERIFY2(flush.exitCode == 0, qPrintable(flush.out));
        QTRY_COMPARE_WITH_TIMEOUT(m_mailstore.messageFiles(QStringLiteral("bob")).size(),
                                  before + 1, 15000);
        QVERIFY(poplar({QStringLiteral("outbox")}).out.trimmed().isEmpty());
    }

    // An address with a non-ASCII local part needs SMTPUTF8 (Exim offers it): it arrives.
    // Without the server's consent it would be refused in words (see tst_SmtpClient).
    void internationalisedAddressIsRefusedInWordsOrSent()
    {
        const Run send =
            poplar({QStringLiteral("send"), QStringLiteral("--account"), QStringLiteral("Alice"),
                    QStringLiteral("--to"), QStringLiteral("用户@例子.中国"),
                    QStringLiteral("--subject"), QStringLiteral("SMTPUTF8")},
                   QByteArray("Hi\n"));
        // Exim takes the SMTPUTF8 transaction and refuses the unknown recipient by name.
        QCOMPARE(send.exitCode, 1);
        QVERIFY2(send.out.contains(QStringLiteral("用户@例子.中国")), qPrintable(send.out));
    }
};

QTEST_GUILESS_MAIN(tst_SendLoop)
#include "tst_SendLoop.moc"
