#include "store/BatchExecutor.h"
#include "store/Database.h"
#include "store/Schema.h"
#include "store/Statement.h"
#include "store/StoreReader.h"
#include "store/ThreadIndex.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Poplar::Store;

namespace {

const QDateTime kBase(QDate(2024, 6, 1), QTime(8, 0), Qt::UTC);

struct Mail
{
    QString uidl;
    QString messageId;
    QString inReplyTo;
    QStringList references;
    int hours = 0; // date = kBase + hours
    QString account = QStringLiteral("one");
};

NewMessage toNew(const Mail &mail)
{
    NewMessage m;
    m.account = mail.account;
    m.uidl = mail.uidl;
    m.messageId = mail.messageId;
    m.inReplyTo = mail.inReplyTo;
    m.references = mail.references;
    m.subject = QStringLiteral("Subject of ") + mail.uidl;
    m.from = QStringLiteral("Alice <alice@example.org>");
    m.date = kBase.addSecs(qint64(mail.hours) * 3600);
    m.raw = "Subject: x\r\n\r\nbody\r\n";
    return m;
}

QStringList uidlsOf(const QList<MessageSummary> &rows)
{
    QStringList out;
    for (const MessageSummary &m : rows)
        out << m.uidl;
    return out;
}

qint64 scalar(Database &db, const char *sql)
{
    Statement s(db.handle(), sql);
    if (s.step() != Statement::Step::Row)
        return -1;
    return s.int64(0);
}

} // namespace

class tst_ThreadIndex : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Database m_db;
    StoreReader m_reader;
    int m_file = 0;

    QHash<QString, qint64> add(const QList<Mail> &mails)
    {
        QHash<QString, qint64> ids;
        for (const Mail &mail : mails) {
            // One batch each: the order of arrival matters to threading.
            WriteBatch batch;
            batch.insertMessage(toNew(mail));
            const BatchResult r = BatchExecutor(m_db).apply(batch);
            if (!r.committed()) {
                qWarning() << r.error.message();
                return {};
            }
            ids.insert(mail.uidl, r.operations[0].id);
        }
        return ids;
    }

    bool apply(const WriteBatch &batch) { return BatchExecutor(m_db).apply(batch).committed(); }

    MessageSummary summary(qint64 id) { return m_reader.message(id).valueOr(MessageSummary()); }
    qint64 threadOf(qint64 id) { return summary(id).thread; }

    // The grouped list of a folder, read page by page with keyset cursors.
    QStringList grouped(const QString &account = {}, Folder folder = Folder::Inbox, int limit = 2)
    {
        PageQuery q;
        q.account = account;
        q.folder = folder;
        q.byThread = true;
        q.limit = limit;
        QStringList out;
        for (int guard = 0; guard < 1000; ++guard) {
            const Result<QList<MessageSummary>> page = m_reader.page(q);
            if (!page.ok())
                return {QStringLiteral("<error>")};
            out << uidlsOf(page.value());
            if (page.value().size() < limit)
                break;
            q.after = StoreReader::threadCursorAfter(page.value().last());
        }
        return out;
    }

private slots:
    void init()
    {
        const QString path = m_dir.filePath(QStringLiteral("mail%1.sqlite").arg(++m_file));
        QVERIFY(!m_db.open(path));
        QVERIFY(!m_reader.open(path));
    }

    void cleanup()
    {
        const Result<QStringList> check = m_db.integrityCheck();
        QVERIFY(check.ok());
        QCOMPARE(check.value(), QStringList());
        m_reader.close();
        m_db.close();
    }

    void linkIdsAreBoundedAndUnique()
    {
        QCOMPARE(
            ThreadIndex::linkIds(QStringLiteral("c@x"), QStringLiteral("b@x"),
                                 {QStringLiteral("a@x"), QStringLiteral("b@x")}),
            (QStringList{QStringLiteral("c@x"), QStringLiteral("b@x"), QStringLiteral("a@x")}));
        QCOMPARE(ThreadIndex::linkIds({}, {}, {}), QStringList());
        QStringList many;
        for (int i = 0; i < 5000; ++i)
            many << QStringLiteral("r%1@x").arg(i);
        const QStringList ids = ThreadIndex::linkIds(QStringLiteral("self@x"), {}, many);
        QCOMPARE(ids.size(), ThreadIndex::kMaxIds);
        QCOMPARE(ids.at(0), QStringLiteral("self@x"));
        QVERIFY(ids.contains(QStringLiteral("r0@x")));    // the root
        QVERIFY(ids.contains(QStringLiteral("r4999@x"))); // the parent
        QVERIFY(ThreadIndex::linkIds(QString(2000, u'x'), {}, {}).isEmpty());
    }

    void repliesJoinTheirParent()
    {
        const auto ids =
            add({{QStringLiteral("a"), QStringLiteral("a@x"), {}, {}, 1},
                 {QStringLiteral("b"),
                  QStringLiteral("b@x"),
                  QStringLiteral("a@x"),
                  {QStringLiteral("a@x")},
                  2},
                 {QStringLiteral("other"), QStringLiteral("o@x"), {}, {}, 3},
                 {QStringLiteral("c"), QStringLiteral("c@x"), QStringLiteral("b@x"), {}, 4}});
        const qint64 thread = threadOf(ids[QStringLiteral("a")]);
        QVERIFY(thread > 0);
        QCOMPARE(threadOf(ids[QStringLiteral("b")]), thread);
        QCOMPARE(threadOf(ids[QStringLiteral("c")]), thread);
        QVERIFY(threadOf(ids[QStringLiteral("other")]) != thread);
        // The thread's date is its newest message's, on every message of the thread.
        QCOMPARE(summary(ids[QStringLiteral("a")]).threadDate, kBase.addSecs(4 * 3600));
        QCOMPARE(summary(ids[QStringLiteral("other")]).threadDate, kBase.addSecs(3 * 3600));
    }

    void replyBeforeParentMergesWhenTheParentArrives()
    {
        // Two replies that only name their parent by In-Reply-To, each to a different
        // message; then the message that links both parents arrives: one thread.
        const auto ids =
            add({{QStringLiteral("r1"), QStringLiteral("r1@x"), QStringLiteral("p1@x"), {}, 5},
                 {QStringLiteral("r2"), QStringLiteral("r2@x"), QStringLiteral("p2@x"), {}, 6}});
        QVERIFY(threadOf(ids[QStringLiteral("r1")]) != threadOf(ids[QStringLiteral("r2")]));
        const auto more = add({{QStringLiteral("p1"),
                                QStringLiteral("p1@x"),
                                QStringLiteral("p2@x"),
                                {QStringLiteral("p2@x")},
                                2}});
        const qint64 thread = threadOf(more[QStringLiteral("p1")]);
        QCOMPARE(threadOf(ids[QStringLiteral("r1")]), thread);
        QCOMPARE(threadOf(ids[QStringLiteral("r2")]), thread);
        // The parent of them all arrives last and joins too.
        const auto root = add({{QStringLiteral("p2"), QStringLiteral("p2@x"), {}, {}, 1}});
        QCOMPARE(threadOf(root[QStringLiteral("p2")]), thread);
        QCOMPARE(grouped(), (QStringList{QStringLiteral("p2"), QStringLiteral("p1"),
                                         QStringLiteral("r1"), QStringLiteral("r2")}));
    }

    void missingMiddleMessageStillJoins()
    {
        const auto ids =
            add({{QStringLiteral("a"), QStringLiteral("a@x"), {}, {}, 1},
                 {QStringLiteral("c"),
                  QStringLiteral("c@x"),
                  QStringLiteral("b@x"),
                  {QStringLiteral("a@x"), QStringLiteral("b@x")},
                  3},
                 // A reply to the missing one only: it names b, which c named.
                 {QStringLiteral("d"), QStringLiteral("d@x"), QStringLiteral("b@x"), {}, 4}});
        const qint64 thread = threadOf(ids[QStringLiteral("a")]);
        QCOMPARE(threadOf(ids[QStringLiteral("c")]), thread);
        QCOMPARE(threadOf(ids[QStringLiteral("d")]), thread);
    }

    void cyclesAndSelfReferencesEnd()
    {
        const auto ids =
            add({{QStringLiteral("a"),
                  QStringLiteral("a@x"),
                  QStringLiteral("b@x"),
                  {QStringLiteral("b@x")},
                  1},
                 {QStringLiteral("b"),
                  QStringLiteral("b@x"),
                  QStringLiteral("a@x"),
                  {QStringLiteral("a@x")},
                  2},
                 {QStringLiteral("self"),
                  QStringLiteral("s@x"),
                  QStringLiteral("s@x"),
                  {QStringLiteral("s@x"), QStringLiteral("s@x")},
                  3},
                 {QStringLiteral("c"),
                  QStringLiteral("c@x"),
                  QStringLiteral("c@x"),
                  {QStringLiteral("a@x"), QStringLiteral("c@x"), QStringLiteral("b@x")},
                  4}});
        QCOMPARE(ids.size(), 4);
        const qint64 thread = threadOf(ids[QStringLiteral("a")]);
        QCOMPARE(threadOf(ids[QStringLiteral("b")]), thread);
        QCOMPARE(threadOf(ids[QStringLiteral("c")]), thread);
        QVERIFY(threadOf(ids[QStringLiteral("self")]) != thread);
        QCOMPARE(grouped(), (QStringList{QStringLiteral("a"), QStringLiteral("b"),
                                         QStringLiteral("c"), QStringLiteral("self")}));
    }

    void hugeReferencesAreBounded()
    {
        QStringList refs;
        refs << QStringLiteral("root@x");
        for (int i = 0; i < 20000; ++i)
            refs << QStringLiteral("filler-%1-of-a-very-long-reference-list@example.org").arg(i);
        refs << QStringLiteral("parent@x");
        const auto ids = add({{QStringLiteral("root"), QStringLiteral("root@x"), {}, {}, 1},
                              {QStringLiteral("unrelated"), QStringLiteral("u@x"), {}, {}, 2},
                              {QStringLiteral("huge"), QStringLiteral("huge@x"), {}, refs, 3},
                              {QStringLiteral("parent"), QStringLiteral("parent@x"), {}, {}, 4}});
        QCOMPARE(ids.size(), 4);
        const qint64 thread = threadOf(ids[QStringLiteral("root")]);
        QCOMPARE(threadOf(ids[QStringLiteral("huge")]), thread);
        QCOMPARE(threadOf(ids[QStringLiteral("parent")]), thread);
        QVERIFY(threadOf(ids[QStringLiteral("unrelated")]) != thread);
        // The row keeps the root and the nearest ancestors, within the summary limit.
        const MessageSummary huge = summary(ids[QStringLiteral("huge")]);
        QCOMPARE(huge.references.constFirst(), QStringLiteral("root@x"));
        QCOMPARE(huge.references.constLast(), QStringLiteral("parent@x"));
        QVERIFY(huge.references.join(u' ').size() <= BatchExecutor::kMaxSummaryField);
        QVERIFY(scalar(m_db, "SELECT count(*) FROM thread_refs") <= 4 + ThreadIndex::kMaxIds);
    }

    void accountsNeverShareThreads()
    {
        const auto ids =
            add({{QStringLiteral("a1"), QStringLiteral("same@x"), {}, {}, 1, QStringLiteral("one")},
                 {QStringLiteral("a2"), QStringLiteral("same@x"), {}, {}, 2, QStringLiteral("two")},
                 {QStringLiteral("r1"),
                  QStringLiteral("r1@x"),
                  QStringLiteral("same@x"),
                  {},
                  3,
                  QStringLiteral("one")},
                 {QStringLiteral("r2"),
                  QStringLiteral("r2@x"),
                  QStringLiteral("same@x"),
                  {},
                  4,
                  QStringLiteral("two")}});
        QCOMPARE(threadOf(ids[QStringLiteral("r1")]), threadOf(ids[QStringLiteral("a1")]));
        QCOMPARE(threadOf(ids[QStringLiteral("r2")]), threadOf(ids[QStringLiteral("a2")]));
        QVERIFY(threadOf(ids[QStringLiteral("a1")]) != threadOf(ids[QStringLiteral("a2")]));
        QCOMPARE(grouped(QStringLiteral("one")),
                 (QStringList{QStringLiteral("a1"), QStringLiteral("r1")}));
        // All accounts: each account's thread is its own group.
        QCOMPARE(grouped(), (QStringList{QStringLiteral("a2"), QStringLiteral("r2"),
                                         QStringLiteral("a1"), QStringLiteral("r1")}));
        WriteBatch remove;
        remove.removeAccount(QStringLiteral("two"));
        QVERIFY(apply(remove));
        QCOMPARE(scalar(m_db, "SELECT count(*) FROM thread_refs WHERE account = 'two'"), 0);
    }

    void groupedPagesOrderThreadsByTheirNewestMessage()
    {
        // Thread A: a1 (1h), a2 (7h). Thread B: b1 (3h), b2 (4h). Single c (5h), d (5h).
        add({{QStringLiteral("a1"), QStringLiteral("a1@x"), {}, {}, 1},
             {QStringLiteral("b1"), QStringLiteral("b1@x"), {}, {}, 3},
             {QStringLiteral("b2"), QStringLiteral("b2@x"), QStringLiteral("b1@x"), {}, 4},
             {QStringLiteral("c"), QStringLiteral("c@x"), {}, {}, 5},
             {QStringLiteral("d"), QStringLiteral("d@x"), {}, {}, 5},
             {QStringLiteral("a2"), QStringLiteral("a2@x"), QStringLiteral("a1@x"), {}, 7}});
        const QStringList expected = {QStringLiteral("a1"), QStringLiteral("a2"),
                                      QStringLiteral("d"),  QStringLiteral("c"),
                                      QStringLiteral("b1"), QStringLiteral("b2")};
        for (const int limit : {1, 2, 3, 100})
            QCOMPARE(grouped({}, Folder::Inbox, limit), expected);
        PageQuery q;
        q.byThread = true;
        q.offset = 2;
        q.limit = 3;
        QCOMPARE(uidlsOf(m_reader.page(q).valueOr({})), expected.mid(2, 3));
    }

    void threadDatesAreRightAfterManyBatchesInOneTransaction()
    {
        // As a sync writes: many batches, one transaction (applyAll), replies arriving after
        // their parents, and one batch that fails in the middle and leaves nothing.
        QList<WriteBatch> batches;
        auto batchOf = [](const Mail &mail) {
            WriteBatch batch;
            batch.insertMessage(toNew(mail));
            return batch;
        };
        batches
            << batchOf({QStringLiteral("a1"), QStringLiteral("a1@x"), {}, {}, 1})
            << batchOf({QStringLiteral("b1"), QStringLiteral("b1@x"), {}, {}, 2})
            << batchOf(
                   {QStringLiteral("a2"), QStringLiteral("a2@x"), QStringLiteral("a1@x"), {}, 3});
        NewMessage broken =
            toNew({QStringLiteral("a9"), QStringLiteral("a9@x"), QStringLiteral("a2@x"), {}, 9});
        broken.account.clear(); // refused: no account
        WriteBatch failing;
        failing.insertMessage(broken);
        batches << failing
                << batchOf({QStringLiteral("a3"),
                            QStringLiteral("a3@x"),
                            QStringLiteral("a2@x"),
                            {QStringLiteral("a1@x"), QStringLiteral("a2@x")},
                            4});
        const QList<BatchResult> results = BatchExecutor(m_db).applyAll(batches);
        QCOMPARE(results.size(), 5);
        QVERIFY(results[0].committed() && results[1].committed() && results[2].committed());
        QVERIFY(!results[3].committed());
        QVERIFY(results[4].committed());
        // Thread a's newest message is a3 (4h): every row of it says so; b stands alone.
        const qint64 a1 = results[0].operations[0].id;
        for (const BatchResult &r : {results[0], results[2], results[4]}) {
            const MessageSummary m = summary(r.operations[0].id);
            QCOMPARE(m.thread, threadOf(a1));
            QCOMPARE(m.threadDate, kBase.addSecs(4 * 3600));
        }
        QCOMPARE(summary(results[1].operations[0].id).threadDate, kBase.addSecs(2 * 3600));
        QCOMPARE(grouped(), (QStringList{QStringLiteral("a1"), QStringLiteral("a2"),
                                         QStringLiteral("a3"), QStringLiteral("b1")}));
    }

    void trashAndDeleteKeepTheThreadConsistent()
    {
        const auto ids =
            add({{QStringLiteral("a1"), QStringLiteral("a1@x"), {}, {}, 1},
                 {QStringLiteral("b"), QStringLiteral("b@x"), {}, {}, 3},
                 {QStringLiteral("a2"), QStringLiteral("a2@x"), QStringLiteral("a1@x"), {}, 5},
                 {QStringLiteral("a3"), QStringLiteral("a3@x"), QStringLiteral("a2@x"), {}, 6}});
        QCOMPARE(grouped(), (QStringList{QStringLiteral("a1"), QStringLiteral("a2"),
                                         QStringLiteral("a3"), QStringLiteral("b")}));
        WriteBatch trash;
        trash.moveToTrash({ids[QStringLiteral("a3")]});
        QVERIFY(apply(trash));
        QCOMPARE(grouped(),
                 (QStringList{QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("b")}));
        QCOMPARE(summary(ids[QStringLiteral("a1")]).threadDate, kBase.addSecs(5 * 3600));
        QCOMPARE(summary(ids[QStringLiteral("a3")]).threadDate, kBase.addSecs(6 * 3600));
        QCOMPARE(grouped({}, Folder::Trash), QStringList{QStringLiteral("a3")});

        // The thread's newest Inbox message deleted for good: the thread now sorts by a1.
        WriteBatch remove;
        remove.deleteLocally({ids[QStringLiteral("a2")]});
        QVERIFY(apply(remove));
        QCOMPARE(grouped(), (QStringList{QStringLiteral("b"), QStringLiteral("a1")}));
        QCOMPARE(summary(ids[QStringLiteral("a1")]).threadDate, kBase.addSecs(1 * 3600));

        // Back from the Trash, a3 is again in its thread, which is the newest again.
        WriteBatch restore;
        restore.restoreFromTrash({ids[QStringLiteral("a3")]});
        QVERIFY(apply(restore));
        QCOMPARE(grouped(),
                 (QStringList{QStringLiteral("a1"), QStringLiteral("a3"), QStringLiteral("b")}));
        QCOMPARE(threadOf(ids[QStringLiteral("a3")]), threadOf(ids[QStringLiteral("a1")]));
        // A reply to the deleted a2 still finds the thread.
        const auto late =
            add({{QStringLiteral("a4"), QStringLiteral("a4@x"), QStringLiteral("a2@x"), {}, 2}});
        QCOMPARE(threadOf(late[QStringLiteral("a4")]), threadOf(ids[QStringLiteral("a1")]));
    }

    void completingAHeadersOnlyMessageRethreadsIt()
    {
        Mail headers{QStringLiteral("h"), QStringLiteral("h@x"), {}, {}, 2};
        const auto ids = add({{QStringLiteral("p"), QStringLiteral("p@x"), {}, {}, 1}, headers});
        QVERIFY(threadOf(ids[QStringLiteral("h")]) != threadOf(ids[QStringLiteral("p")]));
        Mail full = headers;
        full.inReplyTo = QStringLiteral("p@x");
        full.hours = 9;
        WriteBatch replace;
        replace.replaceContent(ids[QStringLiteral("h")], toNew(full));
        QVERIFY(apply(replace));
        QCOMPARE(threadOf(ids[QStringLiteral("h")]), threadOf(ids[QStringLiteral("p")]));
        QCOMPARE(summary(ids[QStringLiteral("p")]).threadDate, kBase.addSecs(9 * 3600));
    }

    void groupedPagesComeFromAnIndexAt100000Messages()
    {
        // 100,000 messages in threads of 1 to 7, in two accounts and both folders, written
        // directly (threading each through the writer would only slow the test).
        QVERIFY(!m_db.exec(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)"
            " INSERT INTO messages (account, uidl, date, first_seen, stored_at, folder, thread)"
            " SELECT CASE WHEN i % 5 = 0 THEN 'two' ELSE 'one' END, 'u' || i,"
            " 1700000000000 + (i * 7919 % 100000) * 60000, 0, 0, CASE WHEN i % 50 = 0 THEN 1"
            " ELSE 0 END, i / 7 + 1 FROM n"));
        QVERIFY(!m_db.exec("UPDATE messages SET thread_date = (SELECT max(x.date) FROM messages x"
                           " WHERE x.thread = messages.thread AND x.folder = messages.folder)"));
        QCOMPARE(scalar(m_db, "SELECT count(*) FROM messages"), 100000);
        for (const bool analyzed : {false, true}) {
            if (analyzed) {
                QVERIFY(!m_db.exec("ANALYZE"));
                m_reader.close();
                QVERIFY(!m_reader.open(m_db.path()));
            }
            for (const QString &account : {QString(), QStringLiteral("one")}) {
                PageQuery q;
                q.account = account;
                q.byThread = true;
                for (const bool keyset : {false, true}) {
                    if (keyset)
                        q.after = PageCursor{qint64(1700000000000), 9, 5, 1700003000000};
                    const Result<QStringList> plan = m_reader.pageQueryPlan(q);
                    QVERIFY(plan.ok());
                    const QString text = plan.value().join(u'\n');
                    QVERIFY2(!text.contains(QStringLiteral("TEMP B-TREE")), qPrintable(text));
                    QVERIFY2(text.contains(account.isEmpty()
                                               ? QStringLiteral("INDEX messages_all_thread")
                                               : QStringLiteral("INDEX messages_account_thread")),
                             qPrintable(text));
                }
            }
        }
        // Paging by keyset through the first pages gives the SQL order, without repeats.
        PageQuery q;
        q.byThread = true;
        q.limit = 200;
        QList<MessageSummary> rows;
        for (int i = 0; i < 5; ++i) {
            const QList<MessageSummary> page = m_reader.page(q).valueOr({});
            QCOMPARE(page.size(), 200);
            rows << page;
            q.after = StoreReader::threadCursorAfter(page.last());
        }
        PageQuery whole;
        whole.byThread = true;
        whole.limit = 1000;
        const QList<MessageSummary> expected = m_reader.page(whole).valueOr({});
        QCOMPARE(uidlsOf(rows), uidlsOf(expected));
        for (qsizetype i = 1; i < rows.size(); ++i) {
            const MessageSummary &a = rows.at(i - 1);
            const MessageSummary &b = rows.at(i);
            QVERIFY(a.threadDate > b.threadDate ||
                    (a.threadDate == b.threadDate && a.thread > b.thread) ||
                    (a.thread == b.thread && a.date <= b.date));
        }
    }

    void upgradeThreadsTheStoredMessages()
    {
        const QString path = m_dir.filePath(QStringLiteral("old%1.sqlite").arg(m_file));
        {
            Database old;
            QVERIFY(!old.openWithoutMigration(path));
            QVERIFY(!Schema::migrate(old, 3));
            // As a version 3 Poplar stored them: the reply first, the parent later, a reply
            // naming a missing middle message, and another account with the same ids.
            QVERIFY(!old.exec(
                "INSERT INTO messages (id, account, uidl, date, first_seen, stored_at, folder,"
                " message_id, in_reply_to, refs) VALUES"
                " (1, 'one', 'u1', 3000, 0, 0, 0, 'b@x', 'a@x', 'a@x'),"
                " (2, 'one', 'u2', 1000, 0, 0, 0, 'a@x', '', ''),"
                " (3, 'one', 'u3', 2000, 0, 0, 0, 'z@x', '', ''),"
                " (4, 'one', 'u4', 9000, 0, 0, 1, 'd@x', 'c@x', 'a@x c@x'),"
                " (5, 'two', 'u5', 5000, 0, 0, 0, 'a@x', '', ''),"
                " (6, 'one', 'u6', 4000, 0, 0, 0, 'e@x', 'e@x', 'f@x e@x')"));
        }
        Database db;
        QVERIFY(!db.open(path));
        QCOMPARE(db.schemaVersion().valueOr(-1), Schema::latestVersion());
        StoreReader reader;
        QVERIFY(!reader.open(path));
        auto thread = [&reader](qint64 id) {
            return reader.message(id).valueOr(MessageSummary()).thread;
        };
        QVERIFY(thread(1) > 0);
        QCOMPARE(thread(2), thread(1));
        QCOMPARE(thread(4), thread(1));
        QVERIFY(thread(3) != thread(1));
        QVERIFY(thread(5) != thread(1));
        QVERIFY(thread(6) != thread(1));
        QVERIFY(thread(6) != thread(3));
        QCOMPARE(reader.message(2).valueOr(MessageSummary()).threadDate.toMSecsSinceEpoch(), 3000);
        QCOMPARE(reader.message(4).valueOr(MessageSummary()).threadDate.toMSecsSinceEpoch(), 9000);
        PageQuery q;
        q.account = QStringLiteral("one");
        q.byThread = true;
        QCOMPARE(uidlsOf(reader.page(q).valueOr({})),
                 (QStringList{QStringLiteral("u6"), QStringLiteral("u2"), QStringLiteral("u1"),
                              QStringLiteral("u3")}));
        // New mail keeps threading after the upgrade.
        WriteBatch batch;
        batch.insertMessage(
            toNew({QStringLiteral("u7"), QStringLiteral("g@x"), QStringLiteral("z@x"), {}, 0}));
        const BatchResult r = BatchExecutor(db).apply(batch);
        QVERIFY(r.committed());
        QCOMPARE(thread(r.operations[0].id), thread(3));
        QCOMPARE(db.integrityCheck().valueOr({QStringLiteral("failed")}), QStringList());
    }
};

QTEST_GUILESS_MAIN(tst_ThreadIndex)
#include "tst_ThreadIndex.moc"
