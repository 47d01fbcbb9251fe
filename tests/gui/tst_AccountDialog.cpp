#include "AccountDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTest>

using Poplar::Ui::AccountDialog;
namespace Accounts = Poplar::Accounts;

class tst_AccountDialog : public QObject
{
    Q_OBJECT

private:
    template<typename T> static T *field(AccountDialog &dialog, const char *name)
    {
        return dialog.findChild<T *>(QString::fromLatin1(name));
    }

    static void fillIn(AccountDialog &dialog)
    {
        // QTest types ASCII only; the name is pasted in.
        field<QLineEdit>(dialog, "accountName")->setText(QStringLiteral("王芳"));
        QTest::keyClicks(field<QLineEdit>(dialog, "accountEmail"),
                         QStringLiteral("wang.fang@example.com"));
        QTest::keyClicks(field<QLineEdit>(dialog, "accountPassword"), QStringLiteral("s3cret"));
        QTest::keyClicks(field<QLineEdit>(dialog, "accountHost"),
                         QStringLiteral("pop.example.com"));
    }

private slots:
    void typedSettingsBecomeTheAccount()
    {
        AccountDialog dialog;
        dialog.show();
        fillIn(dialog);
        // The user name follows the address until the user types one.
        QCOMPARE(field<QLineEdit>(dialog, "accountUser")->text(),
                 QStringLiteral("wang.fang@example.com"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));

        const Accounts::AccountSettings settings = dialog.settings();
        QCOMPARE(settings.displayName, QStringLiteral("王芳"));
        QCOMPARE(settings.host, QStringLiteral("pop.example.com"));
        QCOMPARE(settings.port, 995);
        QCOMPARE(settings.security, Accounts::Security::Tls);
        QCOMPARE(settings.leavePolicy, Accounts::LeavePolicy::Keep);
        QCOMPARE(dialog.password(), QStringLiteral("s3cret"));
    }

    void missingFieldsAreExplainedAndNothingIsAccepted()
    {
        AccountDialog dialog;
        dialog.show();
        dialog.accept();
        QVERIFY(dialog.isVisible());
        const QString problems = field<QLabel>(dialog, "accountProblems")->text();
        QVERIFY2(problems.contains(QStringLiteral("password")), qPrintable(problems));
    }

    void noEncryptionNeedsAnExplicitConfirmation()
    {
        AccountDialog dialog;
        dialog.show();
        fillIn(dialog);
        auto *security = field<QComboBox>(dialog, "accountSecurity");
        security->setCurrentIndex(security->findData(int(Accounts::Security::None)));
        QVERIFY(field<QLabel>(dialog, "plainWarning")->isVisible());
        QCOMPARE(field<QSpinBox>(dialog, "accountPort")->value(), 110);

        dialog.accept();
        QVERIFY2(dialog.isVisible(), "not accepted without the confirmation");
        QVERIFY(field<QLabel>(dialog, "accountProblems")
                    ->text()
                    .contains(QStringLiteral("encryption")));

        field<QCheckBox>(dialog, "confirmPlain")->setChecked(true);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.settings().security, Accounts::Security::None);
    }
};

QTEST_MAIN(tst_AccountDialog)
#include "tst_AccountDialog.moc"
