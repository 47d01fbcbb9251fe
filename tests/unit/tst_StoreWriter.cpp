#include "store/Database.h"
#include "store/StoreReader.h"
#include "store/StoreWriter.h"
#include "sync/MessageIngest.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Poplar::Store;

namespace {

NewMessage sample(const QString &uidl)
{
    NewMessage m;
    m.account = QStringLiteral("acct");
    m.uidl = uidl;
    m.raw = "Subject: " + uidl.toUtf8() + "\r\n\r\nhello\r\n";
    m.subject = uidl;
    m.from = QStringLiteral("Alice <alice@example.org>");
    m.date = QDateTime(QDate(2024, 5, 1), QTime(9, 0), Qt::UTC);
    m.bodyText = QStringLiteral("hello");
    return m;
}

BatchResult resultFor(const QSignalSpy &spy, quint64 ticket)
{
    for (const QList<QVariant> &args : spy) {
        const BatchResult r = args.at(0).value<BatchResult>();
        if (r.ticket == ticket)
            return r;
    }
    BatchResult missing;
    missing.error = StoreError(StoreError::Kind::Internal, QStringLiteral("no result"));
    return missing;
}

} // namespace

class tst_StoreWriter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_file = 0;

    QString newPath() { return m_dir.filePath(QStringLiteral("mail%1.sqlite").arg(++m_file)); }

    // Waits for the writer to open; fails the test on an error.
    static bool waitOpened(StoreWriter &writer)
    {
        if (writer.isOpen())
            return true;
        QSignalSpy opened(&writer, &StoreWriter::opened);
        if (!opened.wait(10000))
            return false;
        return !opened.at(0).at(0).value<StoreError>();
    }

private slots:
    void writesRunOffTheCallersThreadAndReportDurableResults()
    {
        const QString path = newPath();
        StoreWriter writer(path);
        QSignalSpy opened(&writer, &StoreWriter::opened);
        QSignalSpy finished(&writer, &StoreWriter::batchFinished);
        QSignalSpy added(&writer, &StoreWriter::messagesAdded);

        WriteBatch batch;
        batch.insertMessage(sample(QStringLiteral("u1")));
        batch.insertMessage(sample(QStringLiteral("u2")));
        // Submitted before the open finished: kept and run after it.
        const quint64 ticket = writer.submit(batch);
        QVERIFY(ticket != 0);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QCOMPARE(opened.size(), 1);
        QVERIFY(!opened.at(0).at(0).value<StoreError>());
        QVERIFY(writer.isOpen());

        const BatchResult result = resultFor(finished, ticket);
        QVERIFY2(result.committed(), qPrintable(result.error.message()));
        QCOMPARE(result.operations.size(), 2);
        QCOMPARE(added.size(), 1);
        const QList<qint64> ids = added.at(0).at(0).value<QList<qint64>>();
        QCOMPARE(ids, (QList<qint64>{result.operations[0].id, result.operations[1].id}));

        // Committed means visible to a reader's own connection, and on disk.
        StoreReader reader;
        QVERIFY(!reader.open(path));
        QCOMPARE(reader.count(QStringLiteral("acct"), Folder::Inbox).valueOr(-1), 2);
        QCOMPARE(reader.message(ids[0]).value().uidl, QStringLiteral("u1"));
    }

    // A broken server can answer RETR with no bytes at all. The sync stores that as an empty
    // message with a note in place of its text, like any other download, and goes on.
    void anEmptyDownloadIsStoredAsAnEmptyMessage()
    {
        const QString path = newPath();
        StoreWriter writer(path);
        QVERIFY(waitOpened(writer));
        QSignalSpy finished(&writer, &StoreWriter::batchFinished);

        const NewMessage empty = Poplar::Sync::MessageIngest::prepare(
            QStringLiteral("acct"), QStringLiteral("empty-1"), QByteArray(), 0, false,
            QDateTime(QDate(2024, 5, 1), QTime(9, 0), Qt::UTC));
        QCOMPARE(empty.size, 0);
        QVERIFY(empty.subject.isEmpty());
        QCOMPARE(empty.snippet, QStringLiteral("This message is empty."));
        QVERIFY(!empty.contentHash.isEmpty());

        WriteBatch batch;
        batch.insertMessage(empty);
        batch.insertMessage(sample(QStringLiteral("after-the-empty-one")));
        const quint64 ticket = writer.submit(batch);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        const BatchResult result = resultFor(finished, ticket);
        QVERIFY2(result.committed(), qPrintable(result.error.message()));
        QCOMPARE(result.operations.size(), 2);
        QCOMPARE(result.operations[0].insert, BatchResult::InsertOutcome::Inserted);

        StoreReader reader;
        QVERIFY(!reader.open(path));
        QCOMPARE(reader.count(QStringLiteral("acct"), Folder::Inbox).valueOr(-1), 2);
        const auto stored = reader.message(result.operations[0].id);
        QCOMPARE(stored.value().uidl, QStringLiteral("empty-1"));
        QCOMPARE(stored.value().snippet, QStringLiteral("This message is empty."));
        const auto raw = reader.rawMessage(result.operations[0].id);
        QVERIFY2(!raw.error(), qPrintable(raw.error().message()));
        QVERIFY(raw.value().isEmpty());
    }

    void changeSignalsDescribeEachKindOfChange()
    {
        StoreWriter writer(newPath());
        QVERIFY(waitOpened(writer));
        QSignalSpy finished(&writer, &StoreWriter::batchFinished);
        QSignalSpy added(&writer, &StoreWriter::messagesAdded);
        QSignalSpy changed(&writer, &StoreWriter::messagesChanged);
        QSignalSpy moved(&writer, &StoreWriter::messagesMoved);
        QSignalSpy removed(&writer, &StoreWriter::messagesRemoved);

        WriteBatch insert;
        insert.insertMessage(sample(QStringLiteral("a")));
        insert.insertMessage(sample(QStringLiteral("b")));
        writer.submit(insert);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        const BatchResult inserted = finished.at(0).at(0).value<BatchResult>();
        const qint64 a = inserted.operations[0].id;
        const qint64 b = inserted.operations[1].id;

        WriteBatch flags;
        flags.setRead({a}, true);
        writer.submit(flags);
        WriteBatch trash;
        trash.moveToTrash({b});
        writer.submit(trash);
        WriteBatch remove;
        remove.deleteLocally({a});
        writer.submit(remove);
        WriteBatch again; // the same UIDL again: nothing new to show
        again.insertMessage(sample(QStringLiteral("a2")));
        again.insertMessage(sample(QStringLiteral("b")));
        writer.submit(again);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 5, 10000);

        // Batches finish in submission order.
        for (int i = 1; i < finished.size(); ++i)
            QVERIFY(finished.at(i).at(0).value<BatchResult>().ticket >
                    finished.at(i - 1).at(0).value<BatchResult>().ticket);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).value<QList<qint64>>(), QList<qint64>{a});
        QCOMPARE(moved.size(), 1);
        QCOMPARE(moved.at(0).at(0).value<QList<qint64>>(), QList<qint64>{b});
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(0).value<QList<qint64>>(), QList<qint64>{a});
        QCOMPARE(added.size(), 2);
        QCOMPARE(added.at(1).at(0).value<QList<qint64>>().size(), 1); // only a2 is new
    }

    void signalsArriveOnTheCallersThread()
    {
        StoreWriter writer(newPath());
        QVERIFY(waitOpened(writer));
        QThread *seen = nullptr;
        QObject context;
        connect(&writer, &StoreWriter::batchFinished, &context,
                [&seen](const BatchResult &) { seen = QThread::currentThread(); });
        WriteBatch batch;
        batch.recordUidls(QStringLiteral("acct"), {QStringLiteral("x")});
        writer.submit(batch);
        QTRY_VERIFY_WITH_TIMEOUT(seen != nullptr, 10000);
        QCOMPARE(seen, QThread::currentThread());
    }

    void aFailingWriteIsReportedAndLeavesTheDataIntact()
    {
        const QString path = newPath();
        StoreWriter writer(path);
        QVERIFY(waitOpened(writer));
        QSignalSpy finished(&writer, &StoreWriter::batchFinished);
        QSignalSpy added(&writer, &StoreWriter::messagesAdded);
        QSignalSpy changed(&writer, &StoreWriter::messagesChanged);
        WriteBatch first;
        first.insertMessage(sample(QStringLiteral("kept")));
        writer.submit(first);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        const qint64 kept = finished.at(0).at(0).value<BatchResult>().operations[0].id;

        // Another program makes every new message row fail, as a broken disk or a full one
        // would; the writer's connection sees the rule at its next write.
        {
            Database other;
            QVERIFY(!other.open(path));
            QVERIFY(!other.exec("CREATE TRIGGER refuse BEFORE INSERT ON messages"
                                " BEGIN SELECT RAISE(ABORT, 'refused for the test'); END"));
        }
        WriteBatch batch;
        batch.setRead({kept}, true);
        batch.insertMessage(sample(QStringLiteral("lost")));
        const quint64 ticket = writer.submit(batch);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
        const BatchResult result = resultFor(finished, ticket);
        QVERIFY(!result.committed());
        QCOMPARE(result.error.kind(), StoreError::Kind::Constraint);
        QVERIFY2(result.error.message().contains(QStringLiteral("refused for the test")),
                 qPrintable(result.error.message()));
        QCOMPARE(result.failedOperation, 1);
        QCOMPARE(added.size(), 1);   // only the first batch
        QCOMPARE(changed.size(), 0); // the flag change was rolled back with the batch

        StoreReader reader;
        QVERIFY(!reader.open(path));
        QCOMPARE(reader.count(QString(), Folder::Inbox).valueOr(-1), 1);
        QVERIFY(!reader.message(kept).value().read);
        QCOMPARE(reader.database().integrityCheck().valueOr({QStringLiteral("failed")}),
                 QStringList());
    }

    void batchesThatWaitTogetherAreCommittedTogetherButFailAlone()
    {
        const QString path = newPath();
        StoreWriter writer(path);
        QVERIFY(waitOpened(writer));
        QSignalSpy finished(&writer, &StoreWriter::batchFinished);
        QSignalSpy added(&writer, &StoreWriter::messagesAdded);

        // Another connection holds the write lock, so the batches queue up behind the first.
        Database blocker;
        QVERIFY(!blocker.open(path));
        QVERIFY(!blocker.exec("BEGIN IMMEDIATE"));
        QList<quint64> tickets;
        for (const char *uidl : {"a", "b", "c", "d"}) {
            WriteBatch batch;
            batch.insertMessage(sample(QString::fromLatin1(uidl)));
            if (QByteArray(uidl) == "b") {
                NewMessage broken = sample(QStringLiteral("b2"));
                broken.uidl.clear();
                batch.insertMessage(broken);
            }
            tickets << writer.submit(batch);
        }
        QVERIFY(!blocker.exec("ROLLBACK"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 4, 10000);

        for (int i = 0; i < 4; ++i) // in submission order
            QCOMPARE(finished.at(i).at(0).value<BatchResult>().ticket, tickets[i]);
        QVERIFY(resultFor(finished, tickets[0]).committed());
        QCOMPARE(resultFor(finished, tickets[1]).error.kind(), StoreError::Kind::InvalidArgument);
        QVERIFY(resultFor(finished, tickets[2]).committed());
        QVERIFY(resultFor(finished, tickets[3]).committed());
        QCOMPARE(added.size(), 3);

        StoreReader reader;
        QVERIFY(!reader.open(path));
        QStringList stored;
        for (const MessageSummary &m : reader.page(PageQuery{}).value())
            stored << m.uidl;
        stored.sort();
        QCOMPARE(stored,
                 (QStringList{QStringLiteral("a"), QStringLiteral("c"), QStringLiteral("d")}));
    }

    void anUnopenableDatabaseFailsEveryBatchWithItsReason()
    {
        const QString path = newPath();
        {
            QFile junk(path);
            QVERIFY(junk.open(QIODevice::WriteOnly));
            junk.write(QByteArray(4096, 'j'));
        }
        StoreWriter writer(path);
        QSignalSpy opened(&writer, &StoreWriter::opened);
        QSignalSpy finished(&writer, &StoreWriter::batchFinished);
        WriteBatch batch;
        batch.insertMessage(sample(QStringLiteral("u1")));
        writer.submit(batch);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.at(0).at(0).value<StoreError>().kind(), StoreError::Kind::NotADatabase);
        QVERIFY(!writer.isOpen());
        const BatchResult result = finished.at(0).at(0).value<BatchResult>();
        QCOMPARE(result.error.kind(), StoreError::Kind::NotADatabase);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray(4096, 'j'));
    }

    void destroyingTheWriterFinishesSubmittedBatches()
    {
        const QString path = newPath();
        {
            auto writer = std::make_unique<StoreWriter>(path);
            for (int i = 0; i < 20; ++i) {
                WriteBatch batch;
                batch.insertMessage(sample(QStringLiteral("u%1").arg(i)));
                writer->submit(batch);
            }
        } // destroyed at once, without running the event loop
        StoreReader reader;
        QVERIFY(!reader.open(path));
        QCOMPARE(reader.count(QString(), Folder::Inbox).valueOr(-1), 20);
    }
};

QTEST_GUILESS_MAIN(tst_StoreWriter)
#include "tst_StoreWriter.moc"
