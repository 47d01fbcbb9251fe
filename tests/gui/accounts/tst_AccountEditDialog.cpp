#include "DovecotServer.h"
#include "RefusingPort.h"
#include "SmtpServer.h"
#include "ui/accounts/AccountEditDialog.h"
#include "ui/accounts/AccountRemoveDialog.h"
#include "ui/accounts/AccountServerForm.h"

#include "accounts/AccountRepository.h"
#include "accounts/CredentialJob.h"
#include "accounts/CredentialStore.h"
#include "accounts/MemoryCredentialBackend.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

using namespace Poplar::Accounts;
using Poplar::TestSupport::DovecotServer;
using Poplar::TestSupport::RefusingPort;
using Poplar::TestSupport::SmtpServer;
using Poplar::Ui::AccountEditDialog;
using Poplar::Ui::AccountRemoveDialog;

class tst_AccountEditDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_run = 0;

    struct Setup
    {
        std::unique_ptr<AccountRepository> repository;
        std::unique_ptr<CredentialStore> credentials;
        AccountSettings account;
        QString iniPath;
    };

    // With an outgoing server (STARTTLS, the same password) or, like an account made before
    // Poplar could send, without one.
    Setup makeAccount(bool withOutgoing = false)
    {
        Setup s;
        s.iniPath = m_dir.filePath(QStringLiteral("edit-%1.ini").arg(++m_run));
        s.repository = std::make_unique<AccountRepository>(s.iniPath);
        s.credentials =
            std::make_unique<CredentialStore>(std::make_unique<MemoryCredentialBackend>());
        s.account = AccountSettings::create();
        s.account.displayName = QStringLiteral("Work");
        s.account.emailAddress = QStringLiteral("chen@example.com");
        s.account.host = QStringLiteral("pop.example.com");
        s.account.username = QStringLiteral("chen@example.com");
        s.account.pinnedCertificateSha256 = QByteArray(32, '\x5a');
        if (withOutgoing) {
            s.account.outgoing.host = QStringLiteral("smtp.example.com");
            s.account.outgoing.security = Security::StartTls;
            s.account.outgoing.port = 587;
        }
        if (!s.repository->add(s.account))
            qWarning() << "could not add the account";
        return s;
    }

    static QString password(CredentialStore &credentials, const QString &id)
    {
        CredentialJob *job = credentials.readPassword(id);
        QSignalSpy done(job, &CredentialJob::finished);
        if (!done.wait(5000))
            return QStringLiteral("<no answer>");
        return job->status() == CredentialStatus::Ok ? job->password() : QString();
    }

    template<typename T> static T *field(QWidget *root, const char *name)
    {
        return root->findChild<T *>(QLatin1StringView(name));
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void showsTheAccountAndSavesChanges()
    {
        Setup s = makeAccount();
        AccountEditDialog dialog(s.repository.get(), s.credentials.get(), s.account);
        dialog.show();
        QCOMPARE(field<QLineEdit>(&dialog, "accountName")->text(), QStringLiteral("Work"));
        QCOMPARE(field<QLineEdit>(&dialog, "serverHost")->text(),
                 QStringLiteral("pop.example.com"));
        QCOMPARE(field<QSpinBox>(&dialog, "serverPort")->value(), 995);
        QCOMPARE(field<QComboBox>(&dialog, "leavePolicy")->currentData().toInt(),
                 int(LeavePolicy::Keep));

        auto *host = field<QLineEdit>(&dialog, "serverHost");
        host->selectAll();
        QTest::keyClicks(host, QStringLiteral("pop3.example.com"));
        auto *leave = field<QComboBox>(&dialog, "leavePolicy");
        leave->setCurrentIndex(leave->findData(int(LeavePolicy::DeleteAfterDownload)));
        QTest::keyClicks(field<QLineEdit>(&dialog, "accountPassword"), QStringLiteral("new-pw"));
        QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));

        const AccountSettings saved = *s.repository->findById(s.account.id);
        QCOMPARE(saved.host, QStringLiteral("pop3.example.com"));
        QCOMPARE(saved.leavePolicy, LeavePolicy::DeleteAfterDownload);
        // Unchanged fields stay, including the pinned certificate.
        QCOMPARE(saved.displayName, QStringLiteral("Work"));
        QCOMPARE(saved.pinnedCertificateSha256, s.account.pinnedCertificateSha256);
        QCOMPARE(password(*s.credentials, s.account.id), QStringLiteral("new-pw"));
        QFile ini(s.iniPath);
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QVERIFY(!ini.readAll().contains("new-pw"));
    }

    void theNameInSentMailAndTheSignatureAreSaved()
    {
        Setup s = makeAccount();
        s.account.senderName = QStringLiteral("陈静");
        QVERIFY(s.repository->update(s.account));
        AccountEditDialog dialog(s.repository.get(), s.credentials.get(), s.account);
        dialog.show();
        auto *sender = field<QLineEdit>(&dialog, "senderName");
        QCOMPARE(sender->text(), QStringLiteral("陈静"));
        sender->setText(QStringLiteral("陈静 (Chen Jing)"));
        field<QPlainTextEdit>(&dialog, "signature")
            ->setPlainText(QStringLiteral("陈静\n市场部 · 电话 010-1234"));
        field<QCheckBox>(&dialog, "signatureAboveQuote")->setChecked(true);
        QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));

        // Saved in the profile, as a fresh read of it shows.
        const AccountSettings saved = *AccountRepository(s.iniPath).findById(s.account.id);
        QCOMPARE(saved.senderName, QStringLiteral("陈静 (Chen Jing)"));
        QCOMPARE(saved.signature, QStringLiteral("陈静\n市场部 · 电话 010-1234"));
        QVERIFY(saved.signatureAboveQuote);
    }

    void emptyPasswordLeavesTheSavedOne()
    {
        Setup s = makeAccount();
        {
            CredentialJob *job = s.credentials->writePassword(s.account.id, QStringLiteral("old"));
            QSignalSpy done(job, &CredentialJob::finished);
            QVERIFY(done.wait(5000));
        }
        AccountEditDialog dialog(s.repository.get(), s.credentials.get(), s.account);
        dialog.show();
        dialog.accept();
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.newPassword().isEmpty());
        QCOMPARE(password(*s.credentials, s.account.id), QStringLiteral("old"));
    }

    void invalidChangesAreExplainedAndNotSaved()
    {
        Setup s = makeAccount();
        AccountEditDialog dialog(s.repository.get(), s.credentials.get(), s.account);
        dialog.show();
        field<QLineEdit>(&dialog, "serverHost")->clear();
        auto *security = field<QComboBox>(&dialog, "serverSecurity");
        security->setCurrentIndex(security->findData(int(Security::None)));
        dialog.accept();
        QVERIFY(dialog.isVisible());
        const QString problems = field<QLabel>(&dialog, "accountProblems")->text();
        QVERIFY2(problems.contains(QStringLiteral("server")), qPrintable(problems));
        QVERIFY2(problems.contains(QStringLiteral("without encryption")), qPrintable(problems));
        QCOMPARE(s.repository->findById(s.account.id)->host, QStringLiteral("pop.example.com"));
    }

    void removeAsksWhetherToDeleteLocalMail()
    {
        {
            AccountRemoveDialog dialog(QStringLiteral("Work"));
            dialog.show();
            // Keeping the mail is the default.
            QVERIFY(field<QRadioButton>(&dialog, "keepLocalMail")->isChecked());
            QTest::mouseClick(field<QPushButton>(&dialog, "removeAccount"), Qt::LeftButton);
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
            QVERIFY(!dialog.deleteLocalMail());
        }
        {
            AccountRemoveDialog dialog(QStringLiteral("Work"));
            dialog.show();
            auto *remove = field<QRadioButton>(&dialog, "deleteLocalMail");
            QTest::mouseClick(remove, Qt::LeftButton, {}, QPoint(6, remove->height() / 2));
            QVERIFY(!field<QRadioButton>(&dialog, "keepLocalMail")->isChecked());
            QTest::mouseClick(field<QPushButton>(&dialog, "removeAccount"), Qt::LeftButton);
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
            QVERIFY(dialog.deleteLocalMail());
        }
    }

    // An account made before Poplar could send: the dialog offers the outgoing server with the
    // incoming user name and the same password, and OK keeps what was typed.
    void oldAccountGetsAnOutgoingServer()
    {
        Setup s = makeAccount();
        QVERIFY(!s.account.outgoing.isConfigured());
        AccountEditDialog dialog(s.repository.get(), s.credentials.get(), s.account);
        dialog.show();
        auto *host = field<QLineEdit>(&dialog, "outgoingHost");
        QVERIFY(host->text().isEmpty());
        QCOMPARE(field<QLineEdit>(&dialog, "outgoingUser")->text(),
                 QStringLiteral("chen@example.com"));
        QVERIFY(field<QCheckBox>(&dialog, "outgoingSamePassword")->isChecked());
        QVERIFY(!field<QLineEdit>(&dialog, "outgoingPassword")->isEnabled());

        QTest::keyClicks(host, QStringLiteral("smtp.example.com"));
        auto *security = field<QComboBox>(&dialog, "outgoingSecurity");
        security->setCurrentIndex(security->findData(int(Security::StartTls)));
        QCOMPARE(field<QSpinBox>(&dialog, "outgoingPort")->value(), 587);
        auto *method = field<QComboBox>(&dialog, "outgoingAuthentication");
        method->setCurrentIndex(method->findData(int(OutgoingAuthentication::CramMd5)));
        QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));

        // In the profile's file: a repository opened afresh reads it back.
        AccountRepository reopened(s.iniPath);
        const AccountSettings saved = *reopened.findById(s.account.id);
        QCOMPARE(saved.outgoing.host, QStringLiteral("smtp.example.com"));
        QCOMPARE(saved.outgoing.port, 587);
        QCOMPARE(saved.outgoing.security, Security::StartTls);
        QCOMPARE(saved.outgoing.authentication, OutgoingAuthentication::CramMd5);
        QVERIFY(saved.outgoing.username.isEmpty()); // the incoming one
        QVERIFY(saved.outgoing.samePassword);
        // The rest of the account is as it was.
        AccountSettings expected = s.account;
        expected.outgoing = saved.outgoing;
        QCOMPARE(saved, expected);
    }

    // Changing nothing changes nothing: an account without an outgoing server keeps none.
    void untouchedOutgoingServerStaysUnset()
    {
        Setup s = makeAccount();
        AccountEditDialog dialog(s.repository.get(), s.credentials.get(), s.account);
        dialog.show();
        dialog.accept();
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(*AccountRepository(s.iniPath).findById(s.account.id), s.account);
    }

    // A password of its own goes to the credential store under the outgoing credential id;
    // the dialog asks for it when there is none yet.
    void ownOutgoingPasswordIsStored()
    {
        Setup s = makeAccount(true);
        AccountEditDialog dialog(s.repository.get(), s.credentials.get(), s.account);
        dialog.show();
        QCOMPARE(field<QLineEdit>(&dialog, "outgoingHost")->text(),
                 QStringLiteral("smtp.example.com"));
        auto *same = field<QCheckBox>(&dialog, "outgoingSamePassword");
        QTest::mouseClick(same, Qt::LeftButton, {}, QPoint(6, same->height() / 2));
        auto *ownPassword = field<QLineEdit>(&dialog, "outgoingPassword");
        QVERIFY(ownPassword->isEnabled());
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QVERIFY(field<QLabel>(&dialog, "accountProblems")
                    ->text()
                    .contains(QStringLiteral("password for the outgoing server")));

        QTest::keyClicks(ownPassword, QStringLiteral("smtp-pw"));
        dialog.accept();
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!s.repository->findById(s.account.id)->outgoing.samePassword);
        QCOMPARE(password(*s.credentials, AccountSettings::outgoingCredentialId(s.account.id)),
                 QStringLiteral("smtp-pw"));
        QCOMPARE(password(*s.credentials, s.account.id), QString()); // the incoming: untouched
    }

    // The saved outgoing password stays when its field is left empty; emptying the server's
    // name removes the outgoing server and the password that was only for it.
    void emptyHostRemovesTheOutgoingServerAndItsPassword()
    {
        Setup s = makeAccount(true);
        s.account.outgoing.samePassword = false;
        QVERIFY(s.repository->update(s.account));
        const QString key = AccountSettings::outgoingCredentialId(s.account.id);
        {
            QSignalSpy done(s.credentials->writePassword(key, QStringLiteral("smtp-pw")),
                            &CredentialJob::finished);
            QVERIFY(done.wait(5000));
        }
        {
            AccountEditDialog dialog(s.repository.get(), s.credentials.get(), s.account);
            dialog.show();
            QVERIFY(!field<QCheckBox>(&dialog, "outgoingSamePassword")->isChecked());
            auto *ownPassword = field<QLineEdit>(&dialog, "outgoingPassword");
            QTRY_COMPARE(ownPassword->placeholderText(), QStringLiteral("Unchanged"));
            dialog.accept();
            QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        }
        QCOMPARE(password(*s.credentials, key), QStringLiteral("smtp-pw"));

        AccountEditDialog dialog(s.repository.get(), s.credentials.get(),
                                 *s.repository->findById(s.account.id));
        dialog.show();
        field<QLineEdit>(&dialog, "outgoingHost")->clear();
        dialog.accept();
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!AccountRepository(s.iniPath).findById(s.account.id)->outgoing.isConfigured());
        QCOMPARE(password(*s.credentials, key), QString());
    }

    void invalidOutgoingServerIsExplained()
    {
        Setup s = makeAccount();
        AccountEditDialog dialog(s.repository.get(), s.credentials.get(), s.account);
        dialog.show();
        QTest::keyClicks(field<QLineEdit>(&dialog, "outgoingHost"), QStringLiteral("smtp..bad"));
        auto *security = field<QComboBox>(&dialog, "outgoingSecurity");
        security->setCurrentIndex(security->findData(int(Security::None)));
        QVERIFY(field<QLabel>(&dialog, "outgoingPlainWarning")->isVisible());
        dialog.accept();
        QVERIFY(dialog.isVisible());
        const QString problems = field<QLabel>(&dialog, "accountProblems")->text();
        QVERIFY2(
            problems.contains(QStringLiteral("Outgoing server: The server name is not valid.")),
            qPrintable(problems));
        QVERIFY2(problems.contains(QStringLiteral("Outgoing server: Confirm")),
                 qPrintable(problems));
        QVERIFY(!s.repository->findById(s.account.id)->outgoing.isConfigured());
    }

    // Test Connection logs in to both real servers with the passwords the keychain holds:
    // the incoming one, and the outgoing server's own under its user name.
    void testConnectionUsesTheSavedPasswords()
    {
        if (!DovecotServer::isAvailable() || !SmtpServer::isAvailable())
            QSKIP("Dovecot or exim4 is not installed (dovecot-pop3d, exim4-daemon-heavy)");
        DovecotServer dovecot;
        dovecot.addUser(QStringLiteral("chen"), QStringLiteral("pop-pw"));
        dovecot.addUser(QStringLiteral("chen-smtp"), QStringLiteral("smtp-pw"));
        QString error;
        QVERIFY2(dovecot.start(&error), qPrintable(error));
        SmtpServer smtp(dovecot);
        QVERIFY2(smtp.start(&error), qPrintable(error));

        Setup s = makeAccount(true);
        s.account.host = dovecot.host();
        s.account.port = dovecot.tlsPort();
        s.account.username = QStringLiteral("chen");
        s.account.pinnedCertificateSha256.clear();
        s.account.outgoing.host = smtp.host();
        s.account.outgoing.port = smtp.startTlsPort();
        s.account.outgoing.username = QStringLiteral("chen-smtp");
        s.account.outgoing.samePassword = false;
        QVERIFY(s.repository->update(s.account));
        for (const auto &[key, secret] :
             {std::pair{s.account.id, QStringLiteral("pop-pw")},
              std::pair{AccountSettings::outgoingCredentialId(s.account.id),
                        QStringLiteral("smtp-pw")}}) {
            QSignalSpy done(s.credentials->writePassword(key, secret), &CredentialJob::finished);
            QVERIFY(done.wait(5000));
        }

        Poplar::Ui::AccountSetupEnvironment trusting;
        trusting.extraCaCertificates = QSslCertificate::fromData(dovecot.certificatePem());
        AccountEditDialog dialog(s.repository.get(), s.credentials.get(), s.account, trusting);
        dialog.show();
        QCOMPARE(field<QLineEdit>(&dialog, "outgoingUser")->text(), QStringLiteral("chen-smtp"));
        // The saved passwords arrive from the keychain in the background.
        QTRY_COMPARE(field<QLineEdit>(&dialog, "outgoingPassword")->placeholderText(),
                     QStringLiteral("Unchanged"));
        auto *test = field<QPushButton>(&dialog, "testConnection");
        QTest::mouseClick(test, Qt::LeftButton);
        QVERIFY(!test->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled(), 20000);
        const QString incoming = field<QLabel>(&dialog, "serverTestResult")->text();
        QVERIFY2(incoming.contains(QStringLiteral("logged in")), qPrintable(incoming));
        const QString outgoing = field<QLabel>(&dialog, "outgoingTestResult")->text();
        QVERIFY2(outgoing.contains(QStringLiteral("ready to send")), qPrintable(outgoing));

        // A wrong port is said in words.
        const RefusingPort refusing;
        auto *port = field<QSpinBox>(&dialog, "outgoingPort");
        port->selectAll();
        QTest::keyClicks(port, QString::number(refusing.port()));
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled(), 20000);
        QVERIFY(field<QLabel>(&dialog, "outgoingTestResult")
                    ->text()
                    .contains(QStringLiteral("refused the connection")));
    }
};

QTEST_MAIN(tst_AccountEditDialog)
#include "tst_AccountEditDialog.moc"
