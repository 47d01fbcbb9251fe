#include "ManyMessagesServer.h"

#include "store/StoreReader.h"
#include "store/StoreWriter.h"
#include "sync/AccountSync.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Poplar;
using Sync::AccountSync;
using Sync::LeavePolicy;
using Sync::SyncResult;
using TestSupport::ManyMessagesServer;

namespace {

const QString kAccount = QStringLiteral("many-1");

// How many messages the server announces: 1,000,000 unless POPLAR_MANY_MESSAGES says
// otherwise (to try a larger mailbox by hand).
int announced()
{
    bool ok = false;
    const int n = qEnvironmentVariableIntValue("POPLAR_MANY_MESSAGES", &ok);
    return ok && n > 0 ? n : 1000000;
}

} // namespace

// A server announces a million messages. The sync takes them as they come: the user sees
// how many there are and how far the download is, and can stop it at any time — while the
// server is still listing, or while messages download — without losing what was stored
// and without anything deleted on the server. (What this costs in memory and time is
// measured by tests/bench/announce-bench.sh, not here.)
class tst_ManyMessages : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_databasePath;
    std::unique_ptr<Store::StoreWriter> m_writer;
    std::unique_ptr<ManyMessagesServer> m_server;

    Sync::SyncAccount account() const
    {
        Sync::SyncAccount account;
        account.id = kAccount;
        account.name = QStringLiteral("Many");
        account.server.host = QStringLiteral("127.0.0.1");
        account.server.port = m_server->port();
        account.server.security = Net::Security::None;
        account.server.username = QStringLiteral("many");
        account.server.password = QStringLiteral("many-password");
        account.server.responseTimeoutMs = 120000; // a sanitizer build parses slowly
        account.policy.mode = LeavePolicy::Mode::DeleteAfterDownload;
        return account;
    }

    QList<Store::MessageSummary> stored()
    {
        Store::StoreReader reader;
        if (reader.open(m_databasePath))
            return {};
        Store::PageQuery all;
        all.account = kAccount;
        all.limit = 1000;
        return reader.page(all).valueOr({});
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<ManyMessagesServer>(announced());
        QVERIFY(m_server->start());
        m_databasePath = m_dir.filePath(QStringLiteral("mail.sqlite"));
        m_writer = std::make_unique<Store::StoreWriter>(m_databasePath);
    }

    // Stopped while the server is still sending its list of a million UIDLs: the run ends
    // at once as cancelled, says so, and has stored and deleted nothing.
    void stopWhileListing()
    {
        AccountSync run(account(), m_writer.get(), m_databasePath);
        QSignalSpy finished(&run, &AccountSync::finished);
        connect(m_server.get(), &ManyMessagesServer::listingStarted, &run, [&run] {
            QCOMPARE(run.state(), AccountSync::State::Listing);
            run.cancel();
        });
        run.start();
        QVERIFY(finished.wait(120000));
        const auto result = finished.first().first().value<SyncResult>();
        QVERIFY(!result.ok);
        QCOMPARE(result.pop3Error.kind, Pop3::ErrorKind::Cancelled);
        QVERIFY2(!result.error.isEmpty(), "the user is told the run stopped");
        QCOMPARE(result.downloaded, 0);
        QVERIFY(stored().isEmpty());
        QCOMPARE(m_server->deleted(), 0);
        QTRY_VERIFY(!m_server->clientConnected());
    }

    // The run lists, plans and starts downloading: progress says how many of the million
    // are to come; stopped after some dozens, what was downloaded is stored, byte for byte,
    // and nothing is deleted on the server (the stop came before the run's end).
    void progressThenStopWhileDownloading()
    {
        AccountSync run(account(), m_writer.get(), m_databasePath);
        QSignalSpy finished(&run, &AccountSync::finished);
        int total = -1;
        int doneAtStop = -1;
        int progressSignals = 0;
        connect(&run, &AccountSync::progressChanged, &run, [&](const Sync::SyncProgress &progress) {
            ++progressSignals;
            total = progress.messagesTotal;
            if (progress.messagesDone >= 40 && doneAtStop < 0) {
                doneAtStop = progress.messagesDone;
                run.cancel();
            }
        });
        run.start();
        QVERIFY(finished.wait(600000));
        const auto result = finished.first().first().value<SyncResult>();
        QCOMPARE(total, announced());
        QVERIFY(progressSignals > 40);
        QVERIFY(!result.ok);
        QCOMPARE(result.pop3Error.kind, Pop3::ErrorKind::Cancelled);
        QCOMPARE(doneAtStop, 40);
        QCOMPARE(result.downloaded, doneAtStop);
        QCOMPARE(result.deletedOnServer, 0);
        QCOMPARE(m_server->deleted(), 0);
        // Never more than the window in flight past the stop (it is sized in bytes: for
        // messages this small, the most commands it may hold).
        QVERIFY2(m_server->retrieved() <= doneAtStop + Pop3::Settings().pipelineMaxCommands,
                 qPrintable(QString::number(m_server->retrieved())));

        Store::StoreReader reader;
        QVERIFY(!reader.open(m_databasePath));
        const auto rows = stored();
        QCOMPARE(rows.size(), doneAtStop);
        QSet<QString> uidls;
        for (const auto &row : rows) {
            uidls.insert(row.uidl);
            const int number = row.uidl.mid(4).toInt();
            QCOMPARE(reader.rawMessage(row.id).valueOr({}),
                     ManyMessagesServer::messageBytes(number));
        }
        QCOMPARE(uidls.size(), rows.size());
    }

    // A server without UIDL: each message is keyed by its header (TOP n 0, asked for a
    // window at a time). Every message arrives once, byte for byte, and the next run
    // recognises them all and downloads nothing.
    void withoutUidlEveryMessageOnceByItsHeader()
    {
        const int count = 600;
        ManyMessagesServer server(count);
        server.setUidlOffered(false);
        QVERIFY(server.start());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mail.sqlite"));
        Store::StoreWriter writer(path);
        Sync::SyncAccount account = this->account();
        account.id = QStringLiteral("no-uidl");
        account.server.port = server.port();
        account.policy.mode = LeavePolicy::Mode::Keep;

        for (int run = 0; run < 2; ++run) {
            AccountSync sync(account, &writer, path);
            QSignalSpy finished(&sync, &AccountSync::finished);
            sync.start();
            QVERIFY(finished.wait(300000));
            const auto result = finished.first().first().value<SyncResult>();
            QVERIFY2(result.ok, qPrintable(result.error));
            QCOMPARE(result.downloaded, run == 0 ? count : 0);
            QVERIFY(!result.warnings.isEmpty()); // the user is told why keys are guessed
        }
        QCOMPARE(server.retrieved(), count);

        Store::StoreReader reader;
        QVERIFY(!reader.open(path));
        Store::PageQuery all;
        all.account = account.id;
        all.limit = 10000;
        const auto rows = reader.page(all).valueOr({});
        QCOMPARE(rows.size(), count);
        QSet<QByteArray> expected;
        for (int n = 1; n <= count; ++n)
            expected.insert(ManyMessagesServer::messageBytes(n));
        QSet<QByteArray> got;
        for (const auto &row : rows)
            got.insert(reader.rawMessage(row.id).valueOr({}));
        QCOMPARE(got.size(), count);
        QVERIFY(got == expected);
    }
};

QTEST_GUILESS_MAIN(tst_ManyMessages)
#include "tst_ManyMessages.moc"
