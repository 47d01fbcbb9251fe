#include "DovecotServer.h"
#include "SampleMailGenerator.h"
#include "TcpRelay.h"

#include "store/StoreReader.h"
#include "store/StoreWriter.h"
#include "sync/AccountSync.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>
#include <sqlite3.h>

using namespace Poplar;
using Sync::AccountSync;
using Sync::LeavePolicy;
using Sync::SyncResult;
using TestSupport::DovecotServer;

namespace {

const QString kAccount = QStringLiteral("acct-1");
const QString kUser = QStringLiteral("alice");
const QString kPassword = QStringLiteral("wonderland");

QByteArray message(int n, int bodyBytes = 200)
{
    QByteArray body;
    while (body.size() < bodyBytes)
        body += "Line " + QByteArray::number(body.size()) + " of message " + QByteArray::number(n) +
                ".\r\n";
    return "From: Sender " + QByteArray::number(n) + " <s" + QByteArray::number(n) +
           "@example.test>\r\nTo: alice@example.test\r\nSubject: =?UTF-8?B?" +
           QStringLiteral("测试 %1").arg(n).toUtf8().toBase64() +
           "?=\r\nDate: Mon, 2 Nov 2026 10:00:00 +0800\r\nMessage-ID: <m" + QByteArray::number(n) +
           "@example.test>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; "
           "charset=utf-8\r\n\r\n" +
           body;
}

// A Dovecot with a mailbox, a store, and a way to run one sync of the account.
class Fixture
{
public:
    explicit Fixture(int messages, int bodyBytes = 200)
    {
        m_server.addUser(kUser, kPassword);
        for (int n = 1; n <= messages; ++n)
            m_server.deliver(kUser, message(n, bodyBytes));
        QString error;
        m_started = m_server.start(&error);
        if (!m_started)
            qWarning("%s", qPrintable(error));
        m_databasePath = m_dir.filePath(QStringLiteral("mail.sqlite"));
        m_writer = std::make_unique<Store::StoreWriter>(m_databasePath);
    }
    bool ok() const { return m_started; }
    DovecotServer &server() { return m_server; }

    Sync::SyncAccount account(quint16 port = 0) const
    {
        Sync::SyncAccount account;
        account.id = kAccount;
        account.name = QStringLiteral("Alice");
        account.server.host = QStringLiteral("127.0.0.1");
        account.server.port = port ? port : m_server.tlsPort();
        account.server.username = kUser;
        account.server.password = kPassword;
        account.server.extraCaCertificates = QSslCertificate::fromData(m_server.certificatePem());
        account.server.responseTimeoutMs = 10000;
        return account;
    }

    SyncResult sync(const Sync::SyncAccount &account)
    {
        AccountSync run(account, m_writer.get(), m_databasePath);
        QSignalSpy finished(&run, &AccountSync::finished);
        run.start();
        if (!finished.wait(60000))
            qFatal("sync did not finish");
        return finished.first().first().value<SyncResult>();
    }

    QList<Store::MessageSummary> stored()
    {
        Store::StoreReader reader;
        if (reader.open(m_databasePath))
            return {};
        Store::PageQuery query;
        query.account = kAccount;
        query.limit = 100000;
        query.sortKey = Store::SortKey::Subject;
        query.order = Qt::AscendingOrder;
        return reader.page(query).valueOr({});
    }

    QString databasePath() const { return m_databasePath; }

    QStringList integrityProblems()
    {
        Store::StoreReader reader;
        if (reader.open(m_databasePath))
            return {QStringLiteral("cannot open")};
        return reader.database().integrityCheck().valueOr({QStringLiteral("check failed")});
    }

private:
    DovecotServer m_server;
    QTemporaryDir m_dir;
    QString m_databasePath;
    std::unique_ptr<Store::StoreWriter> m_writer;
    bool m_started = false;
};

QSet<QString> subjects(const QList<Store::MessageSummary> &rows)
{
    QSet<QString> set;
    for (const auto &row : rows)
        set.insert(row.subject);
    return set;
}

} // namespace

class tst_AccountSync : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        if (!DovecotServer::isAvailable())
            QSKIP("dovecot is not installed (package dovecot-pop3d); ./test.sh installs it");
    }

    void downloadsEverythingOnceAndKeepsItOnTheServer()
    {
        Fixture f(30);
        QVERIFY(f.ok());
        const SyncResult first = f.sync(f.account());
        QVERIFY2(first.ok, qPrintable(first.error));
        QCOMPARE(first.downloaded, 30);
        QCOMPARE(first.deletedOnServer, 0);
        const auto rows = f.stored();
        QCOMPARE(rows.size(), 30);
        QVERIFY(subjects(rows).contains(QStringLiteral("测试 17")));
        QCOMPARE(f.server().messageFiles(kUser).size(), 30); // Keep is the default

        // Nothing new: nothing downloaded, nothing duplicated.
        const SyncResult second = f.sync(f.account());
        QVERIFY2(second.ok, qPrintable(second.error));
        QCOMPARE(second.downloaded, 0);
        QCOMPARE(f.stored().size(), 30);

        // New mail arrives: only it is downloaded.
        f.server().deliver(kUser, message(31));
        const SyncResult third = f.sync(f.account());
        QCOMPARE(third.downloaded, 1);
        QCOMPARE(f.stored().size(), 31);
        QVERIFY(f.integrityProblems().isEmpty());
    }

    // Realistic mail in GBK, Big5, ISO-2022-JP and UTF-8, with attachments and threads:
    // every message arrives, with the subject and sender its author wrote.
    void generatedMailboxArrivesReadable()
    {
        const TestSupport::SampleMailGenerator generator(7, 256 * 1024);
        Fixture f(0);
        QVERIFY(f.ok());
        const int count = 40;
        for (int i = 0; i < count; ++i)
            f.server().deliver(kUser, generator.message(i));
        const SyncResult result = f.sync(f.account());
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.downloaded, count);

        QHash<QString, Store::MessageSummary> byMessageId;
        for (const auto &row : f.stored())
            byMessageId.insert(row.messageId, row);
        QCOMPARE(byMessageId.size(), count);
        for (int i = 0; i < count; ++i) {
            const auto info = generator.info(i);
            QByteArray id = info.messageId;
            id = id.mid(1, id.size() - 2); // the store keeps it without angle brackets
            const auto row = byMessageId.value(QString::fromLatin1(id));
            QVERIFY2(row.id, info.messageId.constData());
            QCOMPARE(row.subject, info.subject);
            QVERIFY2(row.from.contains(info.fromName), qPrintable(row.from));
            QCOMPARE(row.hasAttachments, !info.attachmentNames.isEmpty());
        }
    }

    void deleteAfterDownloadRemovesOnlyStoredMail()
    {
        Fixture f(12);
        QVERIFY(f.ok());
        Sync::SyncAccount account = f.account();
        account.policy.mode = LeavePolicy::Mode::DeleteAfterDownload;
        const SyncResult result = f.sync(account);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.downloaded, 12);
        QCOMPARE(result.deletedOnServer, 12);
        QCOMPARE(f.stored().size(), 12);
        QTRY_COMPARE(f.server().messageFiles(kUser).size(), 0);

        // Running again changes nothing.
        const SyncResult again = f.sync(account);
        QVERIFY2(again.ok, qPrintable(again.error));
        QCOMPARE(again.downloaded, 0);
        QCOMPARE(f.stored().size(), 12);
    }

    void largeMessagesArriveAsHeadersAndStayOnTheServer()
    {
        Fixture f(0);
        QVERIFY(f.ok());
        f.server().deliver(kUser, message(1, 300));
        f.server().deliver(kUser, message(2, 200 * 1024));
        Sync::SyncAccount account = f.account();
        account.headersOnlyLimit = 100 * 1024;
        account.policy.mode = LeavePolicy::Mode::DeleteAfterDownload;
        const SyncResult result = f.sync(account);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.downloaded, 2);
        QCOMPARE(result.deletedOnServer, 1); // the small one only

        const auto rows = f.stored();
        QCOMPARE(rows.size(), 2);
        const auto big =
            std::find_if(rows.begin(), rows.end(), [](const auto &r) { return r.headersOnly; });
        QVERIFY(big != rows.end());
        QCOMPARE(big->subject, QStringLiteral("测试 2"));
        QVERIFY(big->size > 200 * 1024);
        QTRY_COMPARE(f.server().messageFiles(kUser).size(), 1);
    }

    // The store refuses to write (here a trigger plays a full disk): the run stops with the
    // store's words, and nothing at all is deleted on the server.
    void storeWriteFailureDeletesNothingOnTheServer()
    {
        Fixture f(6);
        QVERIFY(f.ok());
        QVERIFY(f.sync(f.account()).ok); // creates the database; the mail stays (Keep)
        QCOMPARE(f.stored().size(), 6);
        for (int n = 7; n <= 12; ++n)
            f.server().deliver(kUser, message(n));

        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(f.databasePath()).constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db,
                              "CREATE TRIGGER full_disk BEFORE INSERT ON messages BEGIN "
                              "SELECT RAISE(FAIL, 'database or disk is full'); END;",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(db);

        Sync::SyncAccount account = f.account();
        account.policy.mode = LeavePolicy::Mode::DeleteAfterDownload;
        const SyncResult result = f.sync(account);
        QVERIFY(!result.ok);
        QVERIFY(result.storeFailed);
        QVERIFY2(!result.error.isEmpty(), "the user is told why");
        QCOMPARE(result.deletedOnServer, 0);
        QCOMPARE(f.server().messageFiles(kUser).size(), 12);
        QCOMPARE(f.stored().size(), 6);
    }

    void wrongPasswordStoresNothingAndSaysWhy()
    {
        Fixture f(3);
        QVERIFY(f.ok());
        Sync::SyncAccount account = f.account();
        account.server.password = QStringLiteral("not-the-password");
        const SyncResult result = f.sync(account);
        QVERIFY(!result.ok);
        QVERIFY(result.pop3Error.isError());
        QVERIFY2(result.error.contains(QStringLiteral("password")), qPrintable(result.error));
        QVERIFY(!result.error.contains(QStringLiteral("not-the-password")));
        QCOMPARE(f.stored().size(), 0);
        QCOMPARE(f.server().messageFiles(kUser).size(), 3);
    }

    // The network drops at many points of a delete-after-download sync (spread over the
    // whole conversation, measured first); every next run completes. Whatever happens:
    // server ∪ local = all mail, and nothing is stored twice.
    void connectionCutAtAnyPointLosesAndDuplicatesNothing()
    {
        const int messages = 8;
        qint64 conversation = 0;
        {
            Fixture f(messages, 900);
            QVERIFY(f.ok());
            TestSupport::TcpRelay relay;
            relay.setTarget(QHostAddress::LocalHost, f.server().tlsPort());
            QVERIFY(relay.listen());
            Sync::SyncAccount account = f.account(relay.port());
            account.policy.mode = LeavePolicy::Mode::DeleteAfterDownload;
            QVERIFY(f.sync(account).ok);
            conversation = relay.bytesFromServer();
        }
        QVERIFY(conversation > 8 * 900);

        const int points = 16;
        for (int i = 0; i < points; ++i) {
            const qint64 cut = conversation * i / points + 1;
            Fixture f(messages, 900);
            QVERIFY(f.ok());
            TestSupport::TcpRelay relay;
            relay.setTarget(QHostAddress::LocalHost, f.server().tlsPort());
            relay.setCutAfter(cut, 1);
            QVERIFY(relay.listen());
            Sync::SyncAccount account = f.account(relay.port());
            account.policy.mode = LeavePolicy::Mode::DeleteAfterDownload;

            const SyncResult interrupted = f.sync(account);
            QCOMPARE(relay.cutCount(), 1);
            QVERIFY2(!interrupted.ok, qPrintable(QStringLiteral("cut at %1").arg(cut)));

            const SyncResult next = f.sync(account);
            QVERIFY2(next.ok, qPrintable(QStringLiteral("cut at %1: %2").arg(cut).arg(next.error)));
            const auto rows = f.stored();
            QCOMPARE(subjects(rows).size(), rows.size()); // no duplicate
            QCOMPARE(rows.size(), messages);
            QTRY_COMPARE(f.server().messageFiles(kUser).size(), 0);
            QVERIFY(f.integrityProblems().isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(tst_AccountSync)
#include "tst_AccountSync.moc"
