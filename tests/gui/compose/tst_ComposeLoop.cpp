// The whole loop as a user goes through it in the window: a Chinese message arrives over POP3
// from a real Dovecot, the user answers it with Reply (sending a copy to themselves), Send
// submits it through a real SMTP server (Exim) that delivers into Dovecot, Get Mail fetches
// the copy back, and it is in the same conversation as the message it answers. The passwords
// are in the OS keychain (./test.sh runs the tests in dbus-run-session with gnome-keyring).

#include "DovecotServer.h"
#include "MailFixture.h"
#include "SmtpServer.h"
#include "ui/MailServices.h"
#include "ui/MainWindow.h"
#include "ui/compose/ComposeActions.h"
#include "ui/compose/ComposerWindow.h"
#include "ui/reader/MailActions.h"

#include "Profile.h"
#include "accounts/AccountRepository.h"
#include "accounts/CredentialJob.h"
#include "accounts/CredentialStore.h"
#include "mime/MessageParser.h"
#include "store/StoreReader.h"

#include <QAction>
#include <QCryptographicHash>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>

#include <memory>
#include <optional>

using namespace Poplar;
using TestSupport::DovecotServer;
using TestSupport::SmtpServer;

namespace {

const QString kPassword = QStringLiteral("loop-密码-7d1e");

std::optional<Store::MessageSummary> findSubject(const QString &database, Store::Folder folder,
                                                 const QString &subject)
{
    Store::StoreReader reader;
    if (reader.open(database))
        return std::nullopt;
    Store::PageQuery query;
    query.folder = folder;
    query.limit = 100;
    for (const Store::MessageSummary &row : reader.page(query).valueOr({}))
        if (row.subject == subject)
            return row;
    return std::nullopt;
}

} // namespace

class tst_ComposeLoop : public QObject
{
    Q_OBJECT

    DovecotServer m_mailstore;
    std::unique_ptr<SmtpServer> m_smtp;

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("No D-Bus session bus, so no keychain: run the tests as ./test.sh does.");
        if (!DovecotServer::isAvailable())
            QSKIP("dovecot is not installed (package dovecot-pop3d); ./test.sh installs it");
        if (!SmtpServer::isAvailable())
            QSKIP("exim4 is not installed (package exim4-daemon-heavy); ./test.sh installs it");
        m_mailstore.addUser(QStringLiteral("alice"), kPassword);
        m_mailstore.addUser(QStringLiteral("wangfang"), QStringLiteral("wf-password-2b9d"));
        m_mailstore.deliver(
            QStringLiteral("alice"),
            "From: =?UTF-8?B?" + QStringLiteral("王芳").toUtf8().toBase64() +
                "?= <wangfang@poplar.test>\r\n"
                "To: Alice <alice@poplar.test>\r\n"
                "Subject: =?GBK?B?" +
                QByteArray("\xc3\xf7\xcc\xec\xcf\xc2\xce\xe7\xbf\xaa\xbb\xe1").toBase64() +
                "?=\r\n"
                "Date: Tue, 03 Nov 2026 09:00:00 +0800\r\n"
                "Message-ID: <meeting-1@poplar.test>\r\n"
                "MIME-Version: 1.0\r\n"
                "Content-Type: text/plain; charset=GBK\r\n"
                "Content-Transfer-Encoding: 8bit\r\n\r\n"
                "\xc7\xeb\xd7\xbc\xca\xb1\xb5\xbd\xbb\xe1\xd2\xe9\xca\xd2\xa1\xa3\r\n");
        QString error;
        QVERIFY2(m_mailstore.start(&error), qPrintable(error));
        m_smtp = std::make_unique<SmtpServer>(m_mailstore);
        QVERIFY2(m_smtp->start(&error), qPrintable(error));
    }

    void aReplySentFromTheWindowComesBackIntoItsThread()
    {
        QTemporaryDir dir;
        Profile profile(dir.path());
        QCOMPARE(profile.open(), Profile::OpenResult::Ok);
        const QByteArray pin = QSslCertificate::fromData(m_mailstore.certificatePem())
                                   .value(0)
                                   .digest(QCryptographicHash::Sha256);
        Accounts::AccountSettings account = Accounts::AccountSettings::create();
        account.displayName = QStringLiteral("Alice");
        account.senderName = QStringLiteral("李爱丽");
        account.emailAddress = QStringLiteral("alice@poplar.test");
        account.username = QStringLiteral("alice");
        account.host = m_mailstore.host();
        account.port = m_mailstore.tlsPort();
        account.security = Accounts::Security::Tls;
        account.pinnedCertificateSha256 = pin;
        account.checkIntervalMinutes = 0;
        account.outgoing.host = m_smtp->host();
        account.outgoing.port = m_smtp->tlsPort();
        account.outgoing.security = Accounts::Security::Tls;
        account.outgoing.pinnedCertificateSha256 = pin;
        {
            Accounts::AccountRepository repository(profile.settingsPath());
            QVERIFY(repository.add(account));
            Accounts::CredentialStore keychain;
            Accounts::CredentialJob *job = keychain.writePassword(account.id, kPassword);
            bool inKeychain = false;
            connect(job, &Accounts::CredentialJob::finished, this,
                    [&](Accounts::CredentialJob *done) {
                        inKeychain = done->status() == Accounts::CredentialStatus::Ok &&
                                     !done->inMemoryOnly();
                    });
            QSignalSpy written(job, &Accounts::CredentialJob::finished);
            QVERIFY(written.wait(20000));
            if (!inKeychain)
                QSKIP("the keychain cannot be used in this session; ./test.sh provides one");
        }

        Ui::MailServices services(profile);
        Ui::MainWindow window(Ui::MailContext{services.settingsPath(), services.writer(),
                                              services.databasePath(), services.sync(),
                                              services.accounts(), services.sendQueue()});
        services.setWindow(&window);
        connect(&window, &Ui::MainWindow::messageQueued, &services,
                &Ui::MailServices::messageQueued);
        window.show();
        services.start(); // fetches mail once

        const QString subject = QStringLiteral("明天下午开会");
        std::optional<Store::MessageSummary> original;
        QTRY_VERIFY_WITH_TIMEOUT(
            (original = findSubject(services.databasePath(), Store::Folder::Inbox, subject)),
            30000);

        Ui::ComposeActions *compose = window.composeActions();
        compose->setCurrentMessage(original->id);
        compose->reply()->trigger();
        QCOMPARE(compose->composers().size(), 1);
        Ui::ComposerWindow *composer = compose->composers().first();
        QVERIFY(composer->message().text.contains(QStringLiteral("> 请准时到会议室。")));
        MailFixture::type(composer->findChild<QLineEdit *>(QStringLiteral("ccField")),
                          QStringLiteral("alice@poplar.test"));
        auto *body = composer->findChild<QTextEdit *>(QStringLiteral("bodyEditor"));
        body->moveCursor(QTextCursor::Start);
        MailFixture::type(body, QStringLiteral("好的，三点见。\n\n"));

        QSignalSpy sent(services.sendQueue(), &Send::SendQueue::messageSent);
        composer->findChild<QAction *>(QStringLiteral("actionSend"))->trigger();
        QVERIFY2(sent.wait(60000), "the reply was not sent");
        QTRY_COMPARE_WITH_TIMEOUT(m_mailstore.messageFiles(QStringLiteral("wangfang")).size(), 1,
                                  15000);
        const Mime::Message atWangFang =
            Mime::MessageParser::parse(m_mailstore.messages(QStringLiteral("wangfang")).value(0));
        QCOMPARE(atWangFang.subject, QStringLiteral("Re: 明天下午开会"));
        QCOMPARE(atWangFang.inReplyTo, QStringList{QStringLiteral("meeting-1@poplar.test")});
        QCOMPARE(atWangFang.from.value(0).name, QStringLiteral("李爱丽"));
        QVERIFY(atWangFang.bodyText().contains(QStringLiteral("好的，三点见。")));
        // The copy kept in Sent.
        QTRY_VERIFY(findSubject(services.databasePath(), Store::Folder::Sent,
                                QStringLiteral("Re: 明天下午开会")));

        // Get Mail brings the copy sent to the user into the conversation it answers.
        QTRY_COMPARE_WITH_TIMEOUT(m_mailstore.messageFiles(QStringLiteral("alice")).size(), 2,
                                  15000);
        window.mailActions()->getMail()->trigger();
        std::optional<Store::MessageSummary> reply;
        QTRY_VERIFY_WITH_TIMEOUT((reply = findSubject(services.databasePath(), Store::Folder::Inbox,
                                                      QStringLiteral("Re: 明天下午开会"))),
                                 30000);
        QCOMPARE(reply->thread, original->thread);
        QCOMPARE(reply->inReplyTo, QStringLiteral("meeting-1@poplar.test"));
    }
};

QTEST_MAIN(tst_ComposeLoop)
#include "tst_ComposeLoop.moc"
