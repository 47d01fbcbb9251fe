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
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace Poplar::Accounts;
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

    Setup makeAccount()
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
};

QTEST_MAIN(tst_AccountEditDialog)
#include "tst_AccountEditDialog.moc"
