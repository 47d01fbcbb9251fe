#include "Profile.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using Poplar::Profile;

class tst_Profile : public QObject
{
    Q_OBJECT

private slots:
    void createsPrivateFolder()
    {
        QTemporaryDir root;
        const QString dir = root.filePath(QStringLiteral("nested/profile"));
        Profile profile(dir);
        QCOMPARE(profile.open(), Profile::OpenResult::Ok);
        QVERIFY(QFileInfo(dir).isDir());
        const QFileDevice::Permissions perms = QFileInfo(dir).permissions();
        QVERIFY(perms.testFlag(QFileDevice::ReadOwner));
        QVERIFY(!perms.testFlag(QFileDevice::ReadOther));
        QVERIFY(!perms.testFlag(QFileDevice::ReadGroup));
        QVERIFY(profile.settingsPath().startsWith(dir + u'/'));
        QVERIFY(profile.databasePath().startsWith(dir + u'/'));
        QVERIFY(QFileInfo(profile.logDirectory()).isDir());
    }

    void secondOpenOfSameProfileIsRefused()
    {
        QTemporaryDir root;
        Profile first(root.path());
        QCOMPARE(first.open(), Profile::OpenResult::Ok);
        Profile second(root.path());
        QCOMPARE(second.open(), Profile::OpenResult::Locked);
        QVERIFY2(second.errorString().contains(QStringLiteral("in use")),
                 qPrintable(second.errorString()));
    }

    void lockIsReleasedWhenProfileCloses()
    {
        QTemporaryDir root;
        {
            Profile first(root.path());
            QCOMPARE(first.open(), Profile::OpenResult::Ok);
        }
        Profile again(root.path());
        QCOMPARE(again.open(), Profile::OpenResult::Ok);
    }

    void unwritableLocationIsReported()
    {
        QTemporaryDir root;
        QFile blocker(root.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        Profile profile(root.filePath(QStringLiteral("file/profile")));
        QCOMPARE(profile.open(), Profile::OpenResult::CannotCreate);
        QVERIFY(profile.errorString().contains(QStringLiteral("Cannot create")));
    }
};

QTEST_GUILESS_MAIN(tst_Profile)
#include "tst_Profile.moc"
