// MailServices, the wiring between the window, the accounts, the keychain and the sync, as
// Poplar runs it: a profile, a real Dovecot with a self-signed certificate, the OS keychain
// (./test.sh runs the tests inside dbus-run-session with an unlocked gnome-keyring), and the
// real MainWindow showing what arrives.
#include "DovecotServer.h"
#include "Profile.h"
#include "ui/MailServices.h"
#include "ui/MainWindow.h"
#include "ui/accounts/AccountRemoveDialog.h"
#include "ui/accounts/CertificateDialog.h"
#include "ui/reader/MessageListModel.h"

#include "accounts/AccountRepository.h"
#include "accounts/CredentialJob.h"
#include "accounts/CredentialStore.h"
#include "store/StoreReader.h"

#include <QFile>
#include <QInputDialog>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Poplar;
using Poplar::TestSupport::DovecotServer;

namespace {

const QString User = QStringLiteral("li.wei@poplar.test");
const QString Password = QStringLiteral("s3cret-李伟");

// The outcome of one keychain read.
Accounts::CredentialStatus readStatus(const QString &accountId, QString *password)
{
    Accounts::CredentialStore store;
    Accounts::CredentialJob *job = store.readPassword(accountId);
    Accounts::CredentialStatus status = Accounts::CredentialStatus::Failed;
    QObject::connect(job, &Accounts::CredentialJob::finished, job,
                     [&](Accounts::CredentialJob *done) {
                         status = done->status();
                         *password = done->password();
                     });
    QSignalSpy finished(job, &Accounts::CredentialJob::finished);
    if (!finished.wait(20000))
        qWarning("keychain read did not finish in time");
    return status;
}

template<typename T> T *waitForDialog(QWidget *window)
{
    T *dialog = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] {
            dialog = window->findChild<T *>();
            return dialog && dialog->isVisible();
        },
        30000);
    return shown ? dialog : nullptr;
}

} // namespace

class tst_MailServices : public QObject
{
    Q_OBJECT

    std::unique_ptr<DovecotServer> m_server;

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("No D-Bus session bus, so no keychain: run the tests as ./test.sh does "
                  "(dbus-run-session with gnome-keyring-daemon --unlock).");
        if (!DovecotServer::isAvailable())
            QSKIP("Dovecot is not installed (Debian: dovecot-core dovecot-pop3d)");
        m_server = std::make_unique<DovecotServer>();
        m_server->addUser(User, Password);
        for (int i = 1; i <= 3; ++i)
            m_server->deliver(User, QStringLiteral("From: Zhang <zhang@example.org>\r\n"
                                                   "Subject: Note %1\r\n\r\nText %1\r\n")
                                        .arg(i)
                                        .toUtf8());
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    // A new account without a saved password on a server whose certificate nobody trusts
    // yet: Poplar asks for the password, then shows the certificate; trusting it pins it,
    // the mail arrives in the window, and the password is in the keychain, not in a file.
    // Removing the account with its mail takes away the account, its password and its mail.
    void asksForThePasswordThenTheCertificateAndRemovesEverything()
    {
        QTemporaryDir dir;
        Profile profile(dir.path());
        QCOMPARE(profile.open(), Profile::OpenResult::Ok);
        Accounts::AccountSettings account = Accounts::AccountSettings::create();
        account.displayName = QStringLiteral("李伟");
        account.emailAddress = User;
        account.username = User;
        account.host = m_server->host();
        account.port = m_server->tlsPort();
        account.security = Accounts::Security::Tls;
        account.checkIntervalMinutes = 0;
        {
            Accounts::AccountRepository repository(profile.settingsPath());
            QVERIFY(repository.add(account));
        }

        Ui::MailServices services(profile);
        Ui::MainWindow window(Ui::MailContext{services.settingsPath(), services.writer(),
                                              services.databasePath(), services.sync()});
        services.setWindow(&window);
        window.show();
        QSignalSpy finished(services.sync(), &Sync::SyncManager::finished);
        services.start();

        auto *ask = waitForDialog<QInputDialog>(&window);
        QVERIFY(ask);
        QVERIFY(ask->labelText().contains(User));
        ask->setTextValue(Password);
        ask->accept();

        auto *certificate = waitForDialog<Ui::CertificateDialog>(&window);
        QVERIFY(certificate);
        const QByteArray expected = QSslCertificate::fromData(m_server->certificatePem())
                                        .value(0)
                                        .digest(QCryptographicHash::Sha256);
        QCOMPARE(certificate->pinnedSha256(), expected);
        QTest::mouseClick(certificate->findChild<QPushButton *>(QStringLiteral("trustCertificate")),
                          Qt::LeftButton);

        QTRY_VERIFY_WITH_TIMEOUT(
            std::any_of(finished.cbegin(), finished.cend(),
                        [](const QList<QVariant> &args) {
                            return args.at(1).value<Sync::SyncResult>().downloaded == 3;
                        }),
            30000);
        QTRY_COMPARE(window.messageListModel()->rowCount(), 3);
        QCOMPARE(Accounts::AccountRepository(profile.settingsPath())
                     .findById(account.id)
                     ->pinnedCertificateSha256,
                 expected);
        QString kept;
        QCOMPARE(readStatus(account.id, &kept), Accounts::CredentialStatus::Ok);
        QCOMPARE(kept, Password);
        QFile settings(profile.settingsPath());
        QVERIFY(settings.open(QIODevice::ReadOnly));
        QVERIFY(!settings.readAll().contains(Password.toUtf8()));

        services.removeAccount(account.id);
        auto *remove = waitForDialog<Ui::AccountRemoveDialog>(&window);
        QVERIFY(remove);
        remove->findChild<QRadioButton *>(QStringLiteral("deleteLocalMail"))->setChecked(true);
        QTest::mouseClick(remove->findChild<QPushButton *>(QStringLiteral("removeAccount")),
                          Qt::LeftButton);
        QVERIFY(!Accounts::AccountRepository(profile.settingsPath()).findById(account.id));
        QTRY_COMPARE(window.messageListModel()->rowCount(), 0);
        Store::StoreReader reader;
        QVERIFY(!reader.open(profile.databasePath()));
        QTRY_COMPARE(reader.count(account.id, Store::Folder::Inbox).value(), qint64(0));
        QTRY_COMPARE(readStatus(account.id, &kept), Accounts::CredentialStatus::NotFound);
        // The server keeps the mail (the account left it there).
        QCOMPARE(m_server->messageFiles(User).size(), 3);
    }
};

QTEST_MAIN(tst_MailServices)
#include "tst_MailServices.moc"
