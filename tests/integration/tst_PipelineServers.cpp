#include "Logging.h"
#include "ManyMessagesServer.h"

#include "store/StoreReader.h"
#include "store/StoreWriter.h"
#include "sync/SyncManager.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Poplar;
using Sync::LeavePolicy;
using Sync::SyncManager;
using Sync::SyncResult;
using TestSupport::ManyMessagesServer;

namespace {

// The protocol log, captured.
QStringList g_log;
void captureLog(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    if (context.category && QByteArrayView(context.category) == "poplar.pop3")
        g_log.append(message);
}

class LogCapture
{
public:
    LogCapture()
    {
        g_log.clear();
        QLoggingCategory::setFilterRules(QStringLiteral("poplar.pop3.debug=true"));
        m_previous = qInstallMessageHandler(captureLog);
    }
    ~LogCapture()
    {
        qInstallMessageHandler(m_previous);
        QLoggingCategory::setFilterRules(QStringLiteral("poplar.pop3.debug=false"));
    }
    bool contains(const QString &text) const
    {
        return std::any_of(g_log.cbegin(), g_log.cend(),
                           [&text](const QString &line) { return line.contains(text); });
    }

private:
    QtMessageHandler m_previous = nullptr;
};

// A store and a SyncManager writing into it, in a folder of their own.
struct Profile
{
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("mail.sqlite"));
    Store::StoreWriter writer{path};
    SyncManager manager{&writer, path};
};

} // namespace

// Servers that advertise PIPELINING and cannot take what it allows, through whole sync runs
// (SyncManager, as the application runs them): every message is stored once, nothing is
// deleted before it is stored, and the run ends without waiting for a timeout.
class tst_PipelineServers : public QObject
{
    Q_OBJECT

private:
    Sync::SyncAccount account(const QString &id, quint16 port) const
    {
        Sync::SyncAccount account;
        account.id = id;
        account.name = id;
        account.server.host = QStringLiteral("127.0.0.1");
        account.server.port = port;
        account.server.security = Net::Security::None;
        account.server.username = QStringLiteral("u");
        account.server.password = QStringLiteral("p");
        account.server.responseTimeoutMs = 60000; // a timeout would fail the test's wait
        account.server.keepAliveMs = 0;
        account.policy.mode = LeavePolicy::Mode::DeleteAfterDownload;
        return account;
    }

    static SyncResult syncOnce(SyncManager *manager, const QString &id)
    {
        QSignalSpy finished(manager, &SyncManager::finished);
        manager->sync(id);
        if (!finished.wait(120000))
            qFatal("sync did not finish");
        if (finished.size() != 1)
            qFatal("one sync, more than one result");
        return finished.first().at(1).value<SyncResult>();
    }

    // The stored messages are the server's, each once.
    static void checkStored(const QString &path, const QString &id, int count)
    {
        Store::StoreReader reader;
        QVERIFY(!reader.open(path));
        Store::PageQuery all;
        all.account = id;
        all.limit = 100000;
        const auto rows = reader.page(all).valueOr({});
        QCOMPARE(rows.size(), count);
        QSet<QByteArray> got;
        for (const auto &row : rows)
            got.insert(reader.rawMessage(row.id).valueOr({}));
        QCOMPARE(got.size(), count);
        for (int n = 1; n <= count; ++n)
            QVERIFY(got.contains(ManyMessagesServer::messageBytes(n)));
    }

private slots:
    // Answers only once it holds 16 commands (or the client has gone quiet): the window keeps
    // more than that in flight, so it is never left waiting for commands Poplar holds back;
    // only the ends of phases (UIDL and LIST, the last RETRs, the DELEs) are short batches.
    void serverAnsweringInBatches()
    {
        const int count = 400;
        ManyMessagesServer server(count);
        server.setAnswerInBatches(16);
        QVERIFY(server.start());
        Profile profile;
        profile.manager.setAccounts({account(QStringLiteral("batch"), server.port())});

        const SyncResult result = syncOnce(&profile.manager, QStringLiteral("batch"));
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.downloaded, count);
        QCOMPARE(result.deletedOnServer, count);
        QCOMPARE(server.retrieved(), count);
        QCOMPARE(server.deleted(), count);
        QVERIFY2(server.quietFlushes() <= 4, qPrintable(QString::number(server.quietFlushes())));
        QVERIFY(server.longestQueue() >= 16);
        checkStored(profile.path, QStringLiteral("batch"), count);
    }

    // Hangs up when more than 20 commands arrive together. The sync says so in the protocol
    // log, tries again at once with fewer commands in flight (as often as needed, each time
    // fewer), keeps what it had stored, and the account's next run starts with the smaller
    // window: no hang-up.
    void serverHangingUpOnALongQueue()
    {
        const int count = 300;
        ManyMessagesServer server(count);
        server.setHangUpAbove(20);
        QVERIFY(server.start());
        Profile profile;
        const QString id = QStringLiteral("hangup");
        Sync::SyncAccount account = this->account(id, server.port());
        account.policy.mode = LeavePolicy::Mode::Keep; // the second run finds them again
        profile.manager.setAccounts({account});

        {
            LogCapture log;
            const SyncResult result = syncOnce(&profile.manager, id);
            QVERIFY2(result.ok, qPrintable(result.error));
            QCOMPARE(result.downloaded, count); // over all the attempts
            QVERIFY(server.hangUps() >= 1);
            QVERIFY2(log.contains(QStringLiteral("the next session pipelines at most")),
                     qPrintable(g_log.join(u'\n')));
        }
        checkStored(profile.path, id, count);
        QCOMPARE(server.deleted(), 0);

        const int hangUps = server.hangUps();
        const SyncResult again = syncOnce(&profile.manager, id);
        QVERIFY2(again.ok, qPrintable(again.error));
        QCOMPARE(again.downloaded, 0);
        QCOMPARE(server.hangUps(), hangUps);
        checkStored(profile.path, id, count);
    }
};

QTEST_GUILESS_MAIN(tst_PipelineServers)
#include "tst_PipelineServers.moc"
