#include "DovecotServer.h"

#include "store/StoreReader.h"
#include "store/StoreWriter.h"
#include "sync/SyncManager.h"

#include <QSignalSpy>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

using namespace Poplar;
using TestSupport::DovecotServer;

namespace {

QByteArray message(const QByteArray &subject)
{
    return "From: a@example.test\r\nTo: b@example.test\r\nSubject: " + subject +
           "\r\nMessage-ID: <" + subject + "@example.test>\r\n\r\nHello\r\n";
}

Sync::SyncAccount account(const QString &id, const DovecotServer &server, const QString &user,
                          const QString &password)
{
    Sync::SyncAccount account;
    account.id = id;
    account.server.host = server.host();
    account.server.port = server.tlsPort();
    account.server.username = user;
    account.server.password = password;
    account.server.extraCaCertificates = QSslCertificate::fromData(server.certificatePem());
    return account;
}

} // namespace

class tst_SyncManager : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        if (!DovecotServer::isAvailable())
            QSKIP("dovecot is not installed (package dovecot-pop3d); ./test.sh installs it");
    }

    // Three accounts at once: one with a wrong password, one on a server that is down. The
    // third gets its mail, and each failure is told in words.
    void oneFailingAccountDoesNotStopTheOthers()
    {
        DovecotServer server;
        server.addUser(QStringLiteral("ann"), QStringLiteral("pw-ann"));
        server.addUser(QStringLiteral("ben"), QStringLiteral("pw-ben"));
        server.deliver(QStringLiteral("ann"), message("for-ann"));
        server.deliver(QStringLiteral("ben"), message("for-ben"));
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mail.sqlite"));
        Store::StoreWriter writer(path);
        Sync::SyncManager manager(&writer, path);
        Sync::SyncAccount down = account(QStringLiteral("down"), server, QStringLiteral("ann"),
                                         QStringLiteral("pw-ann"));
        down.server.port = 1; // nothing listens there
        manager.setAccounts(
            {account(QStringLiteral("ann"), server, QStringLiteral("ann"),
                     QStringLiteral("pw-ann")),
             account(QStringLiteral("ben"), server, QStringLiteral("ben"), QStringLiteral("wrong")),
             down});
        QSignalSpy finished(&manager, &Sync::SyncManager::finished);
        QSignalSpy busy(&manager, &Sync::SyncManager::busyChanged);
        manager.syncAll();
        QVERIFY(manager.isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 30000);
        QVERIFY(!manager.isBusy());
        QCOMPARE(busy.size(), 2); // busy once, idle once

        QHash<QString, Sync::SyncResult> results;
        for (const auto &args : finished)
            results.insert(args.at(0).toString(), args.at(1).value<Sync::SyncResult>());
        QVERIFY2(results[QStringLiteral("ann")].ok,
                 qPrintable(results[QStringLiteral("ann")].error));
        QCOMPARE(results[QStringLiteral("ann")].downloaded, 1);
        QVERIFY(!results[QStringLiteral("ben")].ok);
        QVERIFY(results[QStringLiteral("ben")].error.contains(QStringLiteral("password")));
        QVERIFY(!results[QStringLiteral("down")].ok);
        QVERIFY2(results[QStringLiteral("down")].error.contains(QStringLiteral("refused")),
                 qPrintable(results[QStringLiteral("down")].error));

        Store::StoreReader reader;
        QVERIFY(!reader.open(path));
        QCOMPARE(reader.count(QStringLiteral("ann"), Store::Folder::Inbox).valueOr(-1), 1);
        QCOMPARE(reader.count(QStringLiteral("ben"), Store::Folder::Inbox).valueOr(-1), 0);
    }

    void secondRequestWhileRunningIsIgnored()
    {
        DovecotServer server;
        server.addUser(QStringLiteral("cat"), QStringLiteral("pw"));
        server.deliver(QStringLiteral("cat"), message("one"));
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mail.sqlite"));
        Store::StoreWriter writer(path);
        Sync::SyncManager manager(&writer, path);
        manager.setAccounts(
            {account(QStringLiteral("cat"), server, QStringLiteral("cat"), QStringLiteral("pw"))});
        QSignalSpy started(&manager, &Sync::SyncManager::started);
        QSignalSpy finished(&manager, &Sync::SyncManager::finished);
        manager.sync(QStringLiteral("cat"));
        manager.sync(QStringLiteral("cat"));
        QVERIFY(finished.wait(20000));
        QCOMPARE(started.size(), 1);
        QVERIFY(finished.first().at(1).value<Sync::SyncResult>().ok);
    }

    // "Download full message" while the account syncs runs right after that sync.
    void fetchFullWhileSyncingRunsAfterwards()
    {
        DovecotServer server;
        server.addUser(QStringLiteral("dan"), QStringLiteral("pw"));
        server.deliver(QStringLiteral("dan"), message("first"));
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mail.sqlite"));
        Store::StoreWriter writer(path);
        Sync::SyncManager manager(&writer, path);
        manager.setAccounts(
            {account(QStringLiteral("dan"), server, QStringLiteral("dan"), QStringLiteral("pw"))});
        QSignalSpy started(&manager, &Sync::SyncManager::started);
        QSignalSpy finished(&manager, &Sync::SyncManager::finished);
        QSignalSpy busy(&manager, &Sync::SyncManager::busyChanged);
        manager.sync(QStringLiteral("dan"));
        manager.fetchFull(QStringLiteral("dan"), 42, QStringLiteral("gone-from-the-server"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
        QCOMPARE(started.size(), 2);
        // The second run looked for that message and says it is no longer there.
        const auto second = finished.at(1).at(1).value<Sync::SyncResult>();
        QVERIFY2(second.ok, qPrintable(second.error));
        QCOMPARE(second.warnings.size(), 1);
        QVERIFY(!manager.isBusy());
        QCOMPARE(busy.size(), 2); // busy through both runs, then idle once
    }
};

QTEST_GUILESS_MAIN(tst_SyncManager)
#include "tst_SyncManager.moc"
