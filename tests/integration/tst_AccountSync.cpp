#include "DovecotServer.h"
#include "SampleMailGenerator.h"
#include "TcpRelay.h"

#include "store/StoreReader.h"
#include "store/StoreWriter.h"
#include "sync/AccountSync.h"
#include "sync/BackgroundJobs.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMutex>
#include <QPointer>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <sqlite3.h>
#include <time.h>

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
    Store::StoreWriter *writer() const { return m_writer.get(); }

    // Commits a batch through the fixture's writer (to give the account a history).
    bool write(Store::WriteBatch batch)
    {
        QSignalSpy done(m_writer.get(), &Store::StoreWriter::batchFinished);
        const quint64 ticket = m_writer->submit(std::move(batch));
        if (!done.wait(60000))
            return false;
        const auto result = done.first().first().value<Store::BatchResult>();
        return result.ticket == ticket && result.committed();
    }

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

// A message whose parse is real work: an HTML newsletter of about `bytes` bytes, quoted-
// printable, full of markup and entities that the summary turns into text.
QByteArray heavyHtmlMessage(int n, qint64 bytes)
{
    QByteArray html = "<html><body><table>";
    for (int row = 0; html.size() < bytes; ++row) {
        html += "<tr><td class=3D\"c\"><a href=3D\"https://example.test/item/" +
                QByteArray::number(row) + "\">Item&nbsp;" + QByteArray::number(row) +
                "</a> &amp; caf=C3=A9 &lt;deal&gt;</td><td><b>" + QByteArray::number(row * 7) +
                "</b> =E4=BC=9A=E8=AE=AE</td></tr>=\r\n";
    }
    html += "</table></body></html>\r\n";
    return "From: News <news@example.test>\r\nTo: alice@example.test\r\nSubject: Heavy " +
           QByteArray::number(n) +
           "\r\nDate: Mon, 2 Nov 2026 10:00:00 +0800\r\nMessage-ID: <heavy" +
           QByteArray::number(n) +
           "@example.test>\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n"
           "Content-Transfer-Encoding: quoted-printable\r\n\r\n" +
           html;
}

// Where the sync engine's "parsed" debug lines were logged from.
struct ParseThreads
{
    QMutex mutex;
    QSet<QThread *> threads;
    int lines = 0;
};
ParseThreads *g_parseThreads = nullptr;
QtMessageHandler g_previousHandler = nullptr;

void recordParseThread(QtMsgType type, const QMessageLogContext &context, const QString &text)
{
    if (g_parseThreads && qstrcmp(context.category, "poplar.sync") == 0 &&
        text.startsWith(QLatin1StringView("parsed"))) {
        QMutexLocker lock(&g_parseThreads->mutex);
        g_parseThreads->threads.insert(QThread::currentThread());
        ++g_parseThreads->lines;
        return;
    }
    if (g_previousHandler)
        g_previousHandler(type, context, text);
}

// The processor time this thread has used, in milliseconds.
qint64 threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1000 + t.tv_nsec / 1000000;
}

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

    // The thread that owns the run (the GUI thread in the app) keeps handling events while a
    // 1 MB HTML newsletter is parsed (seconds of work in this sanitizer build) and an account
    // with a long history is compared with the server: reading the store and parsing run on
    // worker threads.
    void ownerThreadKeepsRunningDuringParseAndPlan()
    {
        Fixture f(0);
        QVERIFY(f.ok());
        // An old account: 40,000 UIDLs seen before (long gone from the server).
        QStringList history;
        for (int i = 0; i < 40000; ++i)
            history << QStringLiteral("old-uidl-%1").arg(i);
        Store::WriteBatch batch;
        const QDateTime past = QDateTime::currentDateTimeUtc().addDays(-400);
        batch.recordUidls(kAccount, history, past);
        batch.markDeletedOnServer(kAccount, history, past.addDays(30));
        QVERIFY(f.write(std::move(batch)));
        for (int n = 1; n <= 3; ++n)
            f.server().deliver(kUser, message(n));
        f.server().deliver(kUser, heavyHtmlMessage(4, 1024 * 1024));
        for (int n = 5; n <= 8; ++n)
            f.server().deliver(kUser, message(n));

        ParseThreads threads;
        g_parseThreads = &threads;
        QLoggingCategory::setFilterRules(QStringLiteral("poplar.sync.debug=true"));
        g_previousHandler = qInstallMessageHandler(recordParseThread);
        auto restore = qScopeGuard([] {
            qInstallMessageHandler(g_previousHandler);
            QLoggingCategory::setFilterRules(QString());
            g_parseThreads = nullptr;
        });

        // A timer ticking every 5 ms on this thread: between two ticks the thread could not
        // handle any other event (a click, a repaint). What counts is the processor time the
        // thread spent between two ticks, so that a busy machine (other processes taking the
        // processor away from this thread) does not count as Poplar's stall.
        qint64 lastTick = -1;
        qint64 longestGap = 0;
        qint64 longestWallGap = 0;
        QElapsedTimer wall;
        qint64 lastWall = 0;
        QTimer ticker;
        ticker.setInterval(5);
        connect(&ticker, &QTimer::timeout, &ticker, [&] {
            const qint64 now = threadCpuMs();
            if (lastTick >= 0) {
                longestGap = qMax(longestGap, now - lastTick);
                longestWallGap = qMax(longestWallGap, wall.elapsed() - lastWall);
            }
            lastTick = now;
            lastWall = wall.elapsed();
        });
        wall.start();
        ticker.start();
        const SyncResult result = f.sync(f.account());
        ticker.stop();

        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.downloaded, 8);
        const auto rows = f.stored();
        QCOMPARE(rows.size(), 8);
        QVERIFY(subjects(rows).contains(QStringLiteral("Heavy 4")));
        qInfo("longest stall of the owner thread: %lld ms of processor time (%lld ms wall time)",
              longestGap, longestWallGap);
        QVERIFY2(longestGap < 200,
                 qPrintable(QStringLiteral("the owner thread stalled %1 ms").arg(longestGap)));
        QMutexLocker lock(&threads.mutex);
        QCOMPARE(threads.lines, 8);
        QVERIFY(!threads.threads.contains(QThread::currentThread()));
    }

    // Cancel while downloaded messages are still being parsed: the run ends as cancelled,
    // what was completely downloaded is stored, nothing is deleted on the server, and the
    // next run completes the job without duplicates.
    void cancelWhileParsingKeepsWhatWasDownloaded()
    {
        Fixture f(0);
        QVERIFY(f.ok());
        const int count = 6;
        for (int n = 1; n <= count; ++n)
            f.server().deliver(kUser, heavyHtmlMessage(n, 512 * 1024));
        Sync::SyncAccount account = f.account();
        account.policy.mode = LeavePolicy::Mode::DeleteAfterDownload;

        AccountSync run(account, f.writer(), f.databasePath());
        QSignalSpy finished(&run, &AccountSync::finished);
        int downloadedAtCancel = -1;
        connect(&run, &AccountSync::progressChanged, &run, [&](const Sync::SyncProgress &progress) {
            // Called as the download completes, before its parse can have come back.
            if (progress.messagesDone >= 1 && downloadedAtCancel < 0) {
                downloadedAtCancel = progress.messagesDone;
                run.cancel();
            }
        });
        run.start();
        QVERIFY(finished.wait(60000));
        const auto cancelled = finished.first().first().value<SyncResult>();
        QVERIFY(!cancelled.ok);
        QCOMPARE(cancelled.pop3Error.kind, Pop3::ErrorKind::Cancelled);
        QCOMPARE(downloadedAtCancel, 1);
        QCOMPARE(cancelled.downloaded, 1);
        QCOMPARE(cancelled.deletedOnServer, 0);
        QCOMPARE(f.stored().size(), 1);
        QCOMPARE(f.server().messageFiles(kUser).size(), count);
        QVERIFY(f.integrityProblems().isEmpty());

        const SyncResult next = f.sync(account);
        QVERIFY2(next.ok, qPrintable(next.error));
        QCOMPARE(next.downloaded, count - 1);
        const auto rows = f.stored();
        QCOMPARE(rows.size(), count);
        QCOMPARE(subjects(rows).size(), count);
        QTRY_COMPARE(f.server().messageFiles(kUser).size(), 0);
    }

    // The run is destroyed (the account removed, the window closed) while messages are
    // being parsed: the parses finish on their threads and their results go nowhere — no
    // use of the destroyed run (ASan checks), nothing deleted on the server, and a new run
    // stores everything once.
    void destroyedWhileParsingIsSafe()
    {
        Fixture f(0);
        QVERIFY(f.ok());
        const int count = 6;
        for (int n = 1; n <= count; ++n)
            f.server().deliver(kUser, heavyHtmlMessage(n, 512 * 1024));
        Sync::SyncAccount account = f.account();
        account.policy.mode = LeavePolicy::Mode::DeleteAfterDownload;

        auto *run = new AccountSync(account, f.writer(), f.databasePath());
        QPointer<AccountSync> alive(run);
        QSignalSpy finished(run, &AccountSync::finished);
        connect(run, &AccountSync::progressChanged, run, [run](const Sync::SyncProgress &p) {
            if (p.messagesDone == 2)
                run->deleteLater();
        });
        run->start();
        QTRY_VERIFY_WITH_TIMEOUT(!alive, 60000);
        QCOMPARE(finished.size(), 0);
        // Let every parse that was running finish and try to deliver its result.
        Sync::BackgroundJobs::pool()->waitForDone();
        QTest::qWait(50);

        QCOMPARE(f.server().messageFiles(kUser).size(), count);
        QVERIFY(f.stored().size() <= 2);
        QVERIFY(f.integrityProblems().isEmpty());

        const SyncResult next = f.sync(account);
        QVERIFY2(next.ok, qPrintable(next.error));
        const auto rows = f.stored();
        QCOMPARE(rows.size(), count);
        QCOMPARE(subjects(rows).size(), count);
        QTRY_COMPARE(f.server().messageFiles(kUser).size(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_AccountSync)
#include "tst_AccountSync.moc"
