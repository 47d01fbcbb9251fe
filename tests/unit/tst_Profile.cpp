#include "Profile.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

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

    void aLockFileLeftEmptyByAKilledPoplarDoesNotLockTheProfileForever()
    {
        QTemporaryDir root;
        QFile leftover(QDir(root.path()).filePath(QStringLiteral("poplar.lock")));
        QVERIFY(leftover.open(QIODevice::WriteOnly));
        leftover.close();
        Profile profile(root.path());
        QCOMPARE(profile.open(), Profile::OpenResult::Ok);
        Profile second(root.path());
        QCOMPARE(second.open(), Profile::OpenResult::Locked);
    }

    void anUnreadableLockFileThatIsStillHeldIsRespected()
    {
        // A Poplar that has created its lock file but not yet written its id into it.
        QTemporaryDir root;
        const QString path = QDir(root.path()).filePath(QStringLiteral("poplar.lock"));
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT, 0600);
        QVERIFY(fd >= 0);
        QCOMPARE(::flock(fd, LOCK_EX | LOCK_NB), 0);
        Profile profile(root.path());
        const auto result = profile.open();
        ::close(fd);
        QCOMPARE(result, Profile::OpenResult::Locked);
        QVERIFY2(profile.errorString().contains(QStringLiteral("in use by another Poplar.")),
                 qPrintable(profile.errorString()));
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
