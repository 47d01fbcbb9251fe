#include "accounts/AccountRepository.h"
#include "accounts/CredentialStore.h"
#include "accounts/MemoryCredentialBackend.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Poplar::Accounts;

class tst_AccountRepository : public QObject
{
    Q_OBJECT

    static AccountSettings sample(const QString &name)
    {
        AccountSettings a = AccountSettings::create();
        a.displayName = name;
        a.emailAddress = name.toLower() + QStringLiteral("@example.org");
        a.host = QStringLiteral("pop.example.org");
        a.username = a.emailAddress;
        return a;
    }

    static QByteArray fileContents(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void roundTripKeepsEveryField()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("poplar.ini"));
        AccountSettings a = sample(QStringLiteral("Work"));
        a.displayName = QStringLiteral("工作邮箱");
        a.port = 1995;
        a.security = Security::StartTls;
        a.authentication = Authentication::CramMd5;
        a.username = QStringLiteral("wang.wu");
        a.leavePolicy = LeavePolicy::DeleteAfterDays;
        a.deleteAfterDays = 30;
        a.headersOnlyLimitKiB = 512;
        a.checkIntervalMinutes = 45;
        a.senderName = QStringLiteral("王五 (Wang Wu)");
        a.signature = QStringLiteral("王五\n电话：010-1234 5678\n");
        a.signatureAboveQuote = true;
        a.pinnedCertificateSha256 = QByteArray(32, '\xab');
        a.outgoing.host = QStringLiteral("smtp.example.org");
        a.outgoing.port = 2525;
        a.outgoing.security = Security::StartTls;
        a.outgoing.authentication = OutgoingAuthentication::CramMd5;
        a.outgoing.username = QStringLiteral("wang.wu-smtp");
        a.outgoing.samePassword = false;
        a.outgoing.pinnedCertificateSha256 = QByteArray(32, '\xcd');
        AccountSettings b = sample(QStringLiteral("Home"));
        b.security = Security::None;
        b.port = 110;
        b.leavePolicy = LeavePolicy::DeleteWhenTrashed;
        b.outgoing.host = QStringLiteral("mail.example.org");
        b.outgoing.security = Security::None;
        b.outgoing.port = 25;
        b.outgoing.authentication = OutgoingAuthentication::None;
        AccountSettings c = sample(QStringLiteral("Old")); // no outgoing server
        {
            AccountRepository repo(path);
            QVERIFY(repo.add(a));
            QVERIFY(repo.add(b));
            QVERIFY(repo.add(c));
        }
        AccountRepository again(path);
        QCOMPARE(again.accounts().size(), 3);
        QCOMPARE(again.accounts().at(0), a);
        QCOMPARE(again.accounts().at(1), b);
        QCOMPARE(again.accounts().at(2), c);
        QSettings s(path, QSettings::IniFormat);
        const QString group = QStringLiteral("accounts/") + a.id + u'/';
        QCOMPARE(s.value(group + QStringLiteral("outgoingHost")).toString(),
                 QStringLiteral("smtp.example.org"));
        QCOMPARE(s.value(group + QStringLiteral("outgoingSecurity")).toString(),
                 QStringLiteral("starttls"));
        QCOMPARE(s.value(group + QStringLiteral("outgoingAuthentication")).toString(),
                 QStringLiteral("cram-md5"));
        QCOMPARE(s.value(group + QStringLiteral("outgoingSameCredential")).toString(),
                 QStringLiteral("false"));
        QCOMPARE(again.fileVersion(), AccountRepository::CurrentVersion);
    }

    void findByIdAndName()
    {
        QTemporaryDir dir;
        AccountRepository repo(dir.filePath(QStringLiteral("poplar.ini")));
        const AccountSettings a = sample(QStringLiteral("Work"));
        QVERIFY(repo.add(a));
        QCOMPARE(repo.findById(a.id)->emailAddress, a.emailAddress);
        QCOMPARE(repo.findByName(QStringLiteral("work"))->id, a.id);
        QVERIFY(!repo.findByName(QStringLiteral("Home")));
        QVERIFY(!repo.findById(QStringLiteral("nope")));
    }

    void updateAndRemoveAnnounceChanges()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("poplar.ini"));
        AccountRepository repo(path);
        QSignalSpy changed(&repo, &AccountRepository::changed);
        QSignalSpy added(&repo, &AccountRepository::accountAdded);
        QSignalSpy updated(&repo, &AccountRepository::accountUpdated);
        QSignalSpy removed(&repo, &AccountRepository::accountRemoved);
        AccountSettings a = sample(QStringLiteral("Work"));
        QVERIFY(repo.add(a));
        a.host = QStringLiteral("pop3.example.org");
        QVERIFY(repo.update(a));
        QCOMPARE(AccountRepository(path).findById(a.id)->host, QStringLiteral("pop3.example.org"));
        QVERIFY(repo.remove(a.id));
        QVERIFY(AccountRepository(path).accounts().isEmpty());
        QCOMPARE(changed.count(), 3);
        QCOMPARE(added.count(), 1);
        QCOMPARE(updated.count(), 1);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.first().first().toString(), a.id);
    }

    void badChangesAreRefused()
    {
        QTemporaryDir dir;
        AccountRepository repo(dir.filePath(QStringLiteral("poplar.ini")));
        const AccountSettings a = sample(QStringLiteral("Work"));
        QVERIFY(repo.add(a));
        const AccountRepository::Result dup = repo.add(a);
        QCOMPARE(dup.error, AccountRepository::Error::DuplicateId);
        AccountSettings broken = sample(QStringLiteral("Broken"));
        broken.port = 0;
        const AccountRepository::Result invalid = repo.add(broken);
        QCOMPARE(invalid.error, AccountRepository::Error::Invalid);
        QVERIFY(invalid.message.contains(QStringLiteral("65535")));
        QCOMPARE(repo.update(sample(QStringLiteral("Ghost"))).error,
                 AccountRepository::Error::NotFound);
        QCOMPARE(repo.remove(QStringLiteral("ghost")).error, AccountRepository::Error::NotFound);
        QCOMPARE(repo.accounts().size(), 1);
    }

    void unversionedFileIsMigrated()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("poplar.ini"));
        {
            // A file without a version key, as hand-written; other groups must survive.
            QSettings s(path, QSettings::IniFormat);
            s.setValue(QStringLiteral("window/geometry"), QStringLiteral("kept"));
            s.setValue(QStringLiteral("accounts/abc-123/emailAddress"),
                       QStringLiteral("li@example.org"));
            s.setValue(QStringLiteral("accounts/abc-123/host"), QStringLiteral("pop.example.org"));
            s.setValue(QStringLiteral("accounts/abc-123/username"), QStringLiteral("li"));
            s.setValue(QStringLiteral("accounts/abc-123/security"), QStringLiteral("bogus"));
            s.setValue(QStringLiteral("accounts/abc-123/port"), QStringLiteral("not a number"));
            s.setValue(QStringLiteral("accounts/abc-123/pinnedCertificateSha256"),
                       QString(QStringLiteral("ab")).repeated(32));
        }
        AccountRepository repo(path);
        QCOMPARE(repo.fileVersion(), 1);
        QCOMPARE(repo.accounts().size(), 1);
        const AccountSettings a = repo.accounts().first();
        QCOMPARE(a.id, QStringLiteral("abc-123"));
        // An unknown security value never turns into "no encryption".
        QCOMPARE(a.security, Security::Tls);
        QCOMPARE(a.port, 995);
        QCOMPARE(a.checkIntervalMinutes, AccountSettings::DefaultCheckIntervalMinutes);
        QCOMPARE(a.pinnedCertificateSha256, QByteArray(32, '\xab'));
        QSettings s(path, QSettings::IniFormat);
        QCOMPARE(s.value(QStringLiteral("accounts/version")).toInt(), 1);
        QCOMPARE(s.value(QStringLiteral("accounts/abc-123/security")).toString(),
                 QStringLiteral("tls"));
        QCOMPARE(s.value(QStringLiteral("window/geometry")).toString(), QStringLiteral("kept"));
    }

    // A profile written before accounts had an outgoing server: version 1, no outgoing keys.
    // It loads as it was, with no outgoing server, and keeps working for changes.
    void profileWithoutOutgoingServerLoads()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("poplar.ini"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("[accounts]\n"
                    "version=1\n"
                    "order=abc-123\n"
                    "abc-123\\displayName=Work\n"
                    "abc-123\\emailAddress=li@example.org\n"
                    "abc-123\\host=pop.example.org\n"
                    "abc-123\\port=995\n"
                    "abc-123\\security=tls\n"
                    "abc-123\\authentication=auto\n"
                    "abc-123\\username=li\n"
                    "abc-123\\leaveOnServer=keep\n"
                    "abc-123\\deleteAfterDays=14\n"
                    "abc-123\\headersOnlyLimitKiB=0\n"
                    "abc-123\\checkIntervalMinutes=15\n"
                    "abc-123\\pinnedCertificateSha256=\n");
        }
        AccountRepository repo(path);
        QVERIFY(!repo.isReadOnly());
        QCOMPARE(repo.fileVersion(), 1);
        QCOMPARE(repo.accounts().size(), 1);
        AccountSettings a = repo.accounts().first();
        QCOMPARE(a.host, QStringLiteral("pop.example.org"));
        QCOMPARE(a.username, QStringLiteral("li"));
        QCOMPARE(a.outgoing, OutgoingServer());
        QVERIFY(!a.outgoing.isConfigured());
        QVERIFY(a.isValid());

        a.outgoing.host = QStringLiteral("smtp.example.org");
        QVERIFY(repo.update(a));
        const AccountSettings back = AccountRepository(path).accounts().first();
        QCOMPARE(back, a);
        QCOMPARE(back.outgoing.port, 465);
        QVERIFY(back.outgoing.samePassword);
    }

    void damagedOutgoingValuesFallBackSafely()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("poplar.ini"));
        {
            QSettings s(path, QSettings::IniFormat);
            s.setValue(QStringLiteral("accounts/version"), 1);
            s.setValue(QStringLiteral("accounts/abc/emailAddress"),
                       QStringLiteral("li@example.org"));
            s.setValue(QStringLiteral("accounts/abc/host"), QStringLiteral("pop.example.org"));
            s.setValue(QStringLiteral("accounts/abc/username"), QStringLiteral("li"));
            s.setValue(QStringLiteral("accounts/abc/outgoingHost"),
                       QStringLiteral("smtp.example.org"));
            s.setValue(QStringLiteral("accounts/abc/outgoingSecurity"), QStringLiteral("ssl3"));
            s.setValue(QStringLiteral("accounts/abc/outgoingPort"), QStringLiteral("x"));
            s.setValue(QStringLiteral("accounts/abc/outgoingAuthentication"),
                       QStringLiteral("apop"));
            s.setValue(QStringLiteral("accounts/abc/outgoingSameCredential"),
                       QStringLiteral("maybe"));
        }
        const AccountSettings a = AccountRepository(path).accounts().first();
        // An unknown security value never turns into "no encryption".
        QCOMPARE(a.outgoing.security, Security::Tls);
        QCOMPARE(a.outgoing.port, 465);
        QCOMPARE(a.outgoing.authentication, OutgoingAuthentication::Auto);
        QVERIFY(a.outgoing.samePassword);
    }

    void newerFileIsReadOnly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("poplar.ini"));
        {
            QSettings s(path, QSettings::IniFormat);
            s.setValue(QStringLiteral("accounts/version"), 99);
            s.setValue(QStringLiteral("accounts/abc/emailAddress"), QStringLiteral("a@b.org"));
            s.setValue(QStringLiteral("accounts/abc/futureKey"), QStringLiteral("future"));
        }
        const QByteArray before = fileContents(path);
        AccountRepository repo(path);
        QVERIFY(repo.isReadOnly());
        QCOMPARE(repo.accounts().size(), 1);
        const AccountRepository::Result r = repo.add(sample(QStringLiteral("New")));
        QCOMPARE(r.error, AccountRepository::Error::ReadOnly);
        QVERIFY(r.message.contains(QStringLiteral("newer version")));
        QCOMPARE(fileContents(path), before);
    }

    void unreadableFileIsLeftAlone()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("poplar.ini"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("[accounts\n\x01\x02garbage=\xff\xfe\n[window]\nstate=\"unterminated\n");
        }
        const QByteArray before = fileContents(path);
        AccountRepository repo(path);
        QVERIFY(repo.isReadOnly());
        QVERIFY(repo.errorString().contains(QStringLiteral("cannot be read")));
        const AccountRepository::Result r = repo.add(sample(QStringLiteral("New")));
        QCOMPARE(r.error, AccountRepository::Error::ReadOnly);
        QCOMPARE(r.message, repo.errorString());
        QCOMPARE(fileContents(path), before);
    }

    void passwordNeverReachesTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("poplar.ini"));
        const QString password = QStringLiteral("Secr3t-口令-6fe1");
        AccountRepository repo(path);
        CredentialStore credentials(std::make_unique<MemoryCredentialBackend>());
        AccountSettings a = sample(QStringLiteral("Work"));
        QVERIFY(repo.add(a));
        CredentialJob *job = credentials.writePassword(a.id, password);
        QSignalSpy done(job, &CredentialJob::finished);
        QVERIFY(done.wait());
        a.checkIntervalMinutes = 5;
        QVERIFY(repo.update(a));
        const QByteArray contents = fileContents(path);
        QVERIFY(contents.contains(a.id.toUtf8()));
        QVERIFY(!contents.contains(password.toUtf8()));
        QVERIFY(!contents.contains("Secr3t"));
        QVERIFY(!contents.toLower().contains("password"));
    }
};

QTEST_GUILESS_MAIN(tst_AccountRepository)
#include "tst_AccountRepository.moc"
