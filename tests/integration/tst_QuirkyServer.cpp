#include "ScriptedServer.h"

#include "store/StoreReader.h"
#include "store/StoreWriter.h"
#include "sync/AccountSync.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Poplar;
using Sync::AccountSync;
using Sync::SyncResult;
using TestSupport::ScriptedServer;

namespace {

QByteArray message(const QByteArray &subject)
{
    // The same sender and date in every message, and no Message-ID: what makes servers that
    // derive UIDLs from a few headers hand out one UIDL twice.
    return "From: Same Sender <same@example.test>\r\nDate: Mon, 2 Nov 2026 10:00:00 "
           "+0800\r\nSubject: " +
           subject + "\r\n\r\nAbout " + subject + ".\r\n";
}

QByteArray listing(const QList<QByteArray> &messages, const QByteArrayList &uidls)
{
    QByteArray script;
    script += "C: UIDL\nS: +OK\n";
    for (int i = 0; i < uidls.size(); ++i)
        script += "S: " + QByteArray::number(i + 1) + ' ' + uidls.at(i) + '\n';
    script += "S: .\nC: LIST\nS: +OK\n";
    for (int i = 0; i < messages.size(); ++i)
        script += "S: " + QByteArray::number(i + 1) + ' ' +
                  QByteArray::number(messages.at(i).size()) + '\n';
    script += "S: .\n";
    return script;
}

} // namespace

// Servers that break the rules in ways real ones do, driven through a whole sync run.
class tst_QuirkyServer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    Sync::SyncAccount account(quint16 port) const
    {
        Sync::SyncAccount account;
        account.id = QStringLiteral("acct");
        account.name = QStringLiteral("Quirky");
        account.server.host = QStringLiteral("127.0.0.1");
        account.server.port = port;
        account.server.security = Pop3::Settings::Security::None;
        account.server.username = QStringLiteral("u");
        account.server.password = QStringLiteral("p");
        account.server.responseTimeoutMs = 10000;
        return account;
    }

    // One run of `account`'s sync, to its end.
    static SyncResult syncWith(const Sync::SyncAccount &account, Store::StoreWriter *writer,
                               const QString &databasePath)
    {
        AccountSync sync(account, writer, databasePath);
        QSignalSpy finished(&sync, &AccountSync::finished);
        sync.start();
        if (!finished.wait(20000)) {
            SyncResult timedOut;
            timedOut.error = QStringLiteral("the run did not finish");
            return timedOut;
        }
        return finished.first().first().value<SyncResult>();
    }

private slots:
    // Like popa3d: no CAPA, and one UIDL for three different messages (two of the same
    // size). Every message is downloaded, none twice, and a second run fetches nothing.
    void repeatedUidlsLoseNoMessage()
    {
        const QList<QByteArray> messages = {message("Alpha"), message("Bravo"), message("Other"),
                                            message("Delta!")};
        const QByteArrayList uidls = {"dup", "dup", "unique", "dup"};
        QCOMPARE(messages.at(0).size(), messages.at(1).size());
        QVERIFY(messages.at(0).size() != messages.at(3).size());

        const QString databasePath = m_dir.filePath(QStringLiteral("mail.sqlite"));
        Store::StoreWriter writer(databasePath);
        for (int run = 1; run <= 2; ++run) {
            ScriptedServer server;
            QByteArray script = "S: +OK ready\nC: CAPA\nS: -ERR unknown command\n"
                                "C: USER u\nS: +OK\nC: PASS p\nS: +OK\n" +
                                listing(messages, uidls);
            if (run == 1) {
                for (int i = 0; i < messages.size(); ++i)
                    script += "C: RETR " + QByteArray::number(i + 1) + "\nS: +OK\n" +
                              "S: " + messages.at(i).trimmed().replace("\r\n", "\nS: ") +
                              "\nS: .\n";
            }
            script += "C: QUIT\nS: +OK bye\nCLOSE\n";
            server.addScript(QString::fromUtf8(script));
            QVERIFY(server.start());

            const SyncResult result = syncWith(account(server.port()), &writer, databasePath);
            QVERIFY2(result.ok, qPrintable(result.error));
            QVERIFY2(server.failures().isEmpty(), qPrintable(server.failures().join(u'\n')));
            QCOMPARE(result.downloaded, run == 1 ? 4 : 0);
        }

        Store::StoreReader reader;
        QVERIFY(!reader.open(databasePath));
        Store::PageQuery query;
        query.account = QStringLiteral("acct");
        query.limit = 100;
        query.sortKey = Store::SortKey::Subject;
        query.order = Qt::AscendingOrder;
        const auto rows = reader.page(query).valueOr({});
        QStringList subjects;
        for (const auto &row : rows)
            subjects << row.subject;
        QCOMPARE(subjects, (QStringList{QStringLiteral("Alpha"), QStringLiteral("Bravo"),
                                        QStringLiteral("Delta!"), QStringLiteral("Other")}));
    }

    // With nothing to delete, QUIT goes as soon as the last answer is in, before the messages
    // are committed (never before the answers: a server may close before their tail is out).
    // Both messages are stored all the same, and the run ends once QUIT is confirmed.
    void quitFollowsTheLastAnswerWhenNothingIsDeleted()
    {
        const QList<QByteArray> messages = {message("One"), message("Two")};
        const QString databasePath = m_dir.filePath(QStringLiteral("early-quit.sqlite"));
        Store::StoreWriter writer(databasePath);
        QSignalSpy opened(&writer, &Store::StoreWriter::opened); // schema made before the run
        QVERIFY(!opened.isEmpty() || opened.wait(10000));
        ScriptedServer server;
        QByteArray script = "S: +OK ready\nC: CAPA\nS: +OK\nS: USER\nS: UIDL\nS: PIPELINING\n"
                            "S: .\nC: USER u\nS: +OK\nC: PASS p\nS: +OK\n"
                            "C: UIDL\nC: LIST\nS: +OK\nS: 1 one\nS: 2 two\nS: .\nS: +OK\nS: 1 " +
                            QByteArray::number(messages.at(0).size()) + "\nS: 2 " +
                            QByteArray::number(messages.at(1).size()) +
                            "\nS: .\nC: RETR 1\nC: RETR 2\n";
        for (const QByteArray &m : messages)
            script += "S: +OK\nS: " + m.trimmed().replace("\r\n", "\nS: ") + "\nS: .\n";
        script += "C: QUIT\nS: +OK bye\nCLOSE\n";
        server.addScript(QString::fromUtf8(script));
        QVERIFY(server.start());

        Sync::SyncAccount account = this->account(server.port());
        account.id = QStringLiteral("early-quit");
        const SyncResult result = syncWith(account, &writer, databasePath);
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY2(server.failures().isEmpty(), qPrintable(server.failures().join(u'\n')));
        QCOMPARE(result.downloaded, 2);
        Store::StoreReader reader;
        QVERIFY(!reader.open(databasePath));
        Store::PageQuery query;
        query.account = account.id;
        query.limit = 10;
        QCOMPARE(reader.page(query).valueOr({}).size(), 2);
    }
};

QTEST_GUILESS_MAIN(tst_QuirkyServer)
#include "tst_QuirkyServer.moc"
