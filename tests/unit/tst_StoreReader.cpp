#include "store/BatchExecutor.h"
#include "store/Database.h"
#include "store/StoreReader.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Poplar::Store;

namespace {

const QDateTime kBase(QDate(2024, 3, 1), QTime(8, 0), Qt::UTC);

struct Mail
{
    QString uidl;
    QString subject;
    QString body;
    QString from = QStringLiteral("Alice <alice@example.org>");
    int hours = 0; // date = kBase + hours
    QString account = QStringLiteral("one");
};

NewMessage toNew(const Mail &mail)
{
    NewMessage m;
    m.account = mail.account;
    m.uidl = mail.uidl;
    m.subject = mail.subject;
    m.bodyText = mail.body;
    m.from = mail.from;
    m.to = QStringLiteral("Reader <reader@example.org>");
    m.date = kBase.addSecs(qint64(mail.hours) * 3600);
    m.raw = "Subject: x\r\n\r\n" + mail.body.toUtf8();
    return m;
}

QStringList uidlsOf(const QList<MessageSummary> &rows)
{
    QStringList out;
    for (const MessageSummary &m : rows)
        out << m.uidl;
    return out;
}

} // namespace

class tst_StoreReader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Database m_db;
    StoreReader m_reader;
    int m_file = 0;

    QHash<QString, qint64> add(const QList<Mail> &mails)
    {
        WriteBatch batch;
        for (const Mail &m : mails)
            batch.insertMessage(toNew(m));
        const BatchResult r = BatchExecutor(m_db).apply(batch);
        QHash<QString, qint64> ids;
        if (!r.committed()) {
            qWarning() << r.error.message();
            return ids;
        }
        for (int i = 0; i < mails.size(); ++i)
            ids.insert(mails[i].uidl, r.operations[i].id);
        return ids;
    }

    bool apply(const WriteBatch &batch) { return BatchExecutor(m_db).apply(batch).committed(); }

    QStringList search(const QString &text, const QString &account = {},
                       std::optional<Folder> folder = std::nullopt)
    {
        SearchQuery q;
        q.text = text;
        q.account = account;
        q.folder = folder;
        const Result<QList<MessageSummary>> r = m_reader.search(q);
        if (!r.ok()) {
            qWarning() << r.error().message();
            return {QStringLiteral("<error>")};
        }
        return uidlsOf(r.value());
    }

    // A mailbox in which every sort order gives a different sequence, with ties.
    QList<Mail> sortableMailbox()
    {
        const QStringList senders = {QStringLiteral("\"Zoë Quinn\" <zoe@example.org>"),
                                     QStringLiteral("bob@example.org"),
                                     QStringLiteral("Émile <emile@example.fr>"),
                                     QStringLiteral("alice <a@example.org>"),
                                     QStringLiteral("Alice <a2@example.org>"),
                                     QStringLiteral("王芳 <wang@example.cn>")};
        const QStringList subjects = {QStringLiteral("Re: budget"), QStringLiteral("Agenda"),
                                      QStringLiteral("budget"),     QStringLiteral("会议安排"),
                                      QStringLiteral("zebra"),      QStringLiteral("Fwd: Agenda")};
        QList<Mail> mails;
        for (int i = 0; i < 41; ++i) {
            Mail m;
            m.uidl = QStringLiteral("m%1").arg(i, 2, 10, QLatin1Char('0'));
            m.subject = subjects[(i * 7) % subjects.size()];
            m.from = senders[(i * 5) % senders.size()];
            m.hours = (i * 13) % 17;                   // repeated dates
            m.body = QString(i * 37 % 11 * 100, u'x'); // repeated sizes
            m.account = i % 3 == 0 ? QStringLiteral("two") : QStringLiteral("one");
            mails << m;
        }
        return mails;
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

    void pagesFollowEverySortOrder_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("order");
        QTest::addColumn<QString>("account");
        const QList<SortKey> keys = {SortKey::Date, SortKey::From, SortKey::Subject, SortKey::Size};
        const char *names[] = {"date", "from", "subject", "size"};
        for (SortKey key : keys) {
            for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                for (const QString &account : {QString(), QStringLiteral("one")}) {
                    QTest::addRow("%s %s %s", names[int(key)],
                                  order == Qt::AscendingOrder ? "asc" : "desc",
                                  account.isEmpty() ? "all" : "one")
                        << int(key) << int(order) << account;
                }
            }
        }
    }

    void pagesFollowEverySortOrder()
    {
        QFETCH(int, key);
        QFETCH(int, order);
        QFETCH(QString, account);
        const QList<Mail> mails = sortableMailbox();
        const QHash<QString, qint64> ids = add(mails);
        QCOMPARE(ids.size(), mails.size());

        // The expected order, computed here from the rule: the key (case-folded names, reply
        // prefixes ignored, byte order), then the id, both in the requested direction.
        QList<Mail> expected;
        for (const Mail &m : mails) {
            if (account.isEmpty() || m.account == account)
                expected << m;
        }
        auto sortValue = [&](const Mail &m) -> QVariant {
            switch (SortKey(key)) {
            case SortKey::Date:
                return kBase.addSecs(qint64(m.hours) * 3600).toMSecsSinceEpoch();
            case SortKey::From:
                return BatchExecutor::senderSortKey(m.from).toUtf8();
            case SortKey::Subject:
                return BatchExecutor::subjectSortKey(m.subject).toUtf8();
            case SortKey::Size:
                return qint64(toNew(m).raw.size());
            }
            return {};
        };
        std::stable_sort(expected.begin(), expected.end(), [&](const Mail &a, const Mail &b) {
            const QVariant va = sortValue(a), vb = sortValue(b);
            const auto cmp = QVariant::compare(va, vb);
            if (cmp != QPartialOrdering::Equivalent)
                return order == Qt::AscendingOrder ? cmp == QPartialOrdering::Less
                                                   : cmp == QPartialOrdering::Greater;
            return order == Qt::AscendingOrder ? ids[a.uidl] < ids[b.uidl]
                                               : ids[a.uidl] > ids[b.uidl];
        });
        QStringList expectedUidls;
        for (const Mail &m : expected)
            expectedUidls << m.uidl;

        PageQuery q;
        q.account = account;
        q.sortKey = SortKey(key);
        q.order = Qt::SortOrder(order);
        q.limit = 7;
        // Offset paging.
        QStringList byOffset;
        for (q.offset = 0;; q.offset += q.limit) {
            const Result<QList<MessageSummary>> page = m_reader.page(q);
            QVERIFY2(page.ok(), qPrintable(page.error().message()));
            byOffset << uidlsOf(page.value());
            if (page.value().size() < q.limit)
                break;
        }
        QCOMPARE(byOffset, expectedUidls);
        // Keyset paging gives the same sequence.
        QStringList byKeyset;
        q.offset = 0;
        for (;;) {
            const Result<QList<MessageSummary>> page = m_reader.page(q);
            QVERIFY2(page.ok(), qPrintable(page.error().message()));
            byKeyset << uidlsOf(page.value());
            if (page.value().size() < q.limit)
                break;
            q.after = StoreReader::cursorAfter(page.value().last(), q.sortKey);
        }
        QCOMPARE(byKeyset, expectedUidls);
        QCOMPARE(m_reader.count(account, Folder::Inbox).valueOr(-1), expected.size());
    }

    void pagesAreReadFromAnIndex_data() { pagesFollowEverySortOrder_data(); }

    void pagesAreReadFromAnIndex()
    {
        QFETCH(int, key);
        QFETCH(int, order);
        QFETCH(QString, account);
        add(sortableMailbox());
        PageQuery q;
        q.account = account;
        q.sortKey = SortKey(key);
        q.order = Qt::SortOrder(order);
        // With and without the statistics ANALYZE (or PRAGMA optimize) leaves for the planner.
        for (bool analyzed : {false, true}) {
            if (analyzed) {
                QVERIFY(!m_db.exec("ANALYZE"));
                m_reader.close();
                QVERIFY(!m_reader.open(m_db.path()));
            }
            q.after.reset();
            for (bool keyset : {false, true}) {
                if (keyset)
                    q.after = PageCursor{key >= 1 && key <= 2 ? QVariant(QStringLiteral("m"))
                                                              : QVariant(qint64(1000)),
                                         5};
                const Result<QStringList> plan = m_reader.pageQueryPlan(q);
                QVERIFY(plan.ok());
                const QString text = plan.value().join(u'\n');
                // Sorting a whole folder to show one page would cost time in proportion to its
                // size.
                QVERIFY2(!text.contains(QStringLiteral("TEMP B-TREE")), qPrintable(text));
                QVERIFY2(text.contains(QStringLiteral("INDEX messages_")), qPrintable(text));
            }
        }
    }

    void trashIsItsOwnFolder()
    {
        const auto ids = add({{QStringLiteral("a"), QStringLiteral("A"), {}, {}, 1},
                              {QStringLiteral("b"), QStringLiteral("B"), {}, {}, 2},
                              {QStringLiteral("c"), QStringLiteral("C"), {}, {}, 3}});
        WriteBatch trash;
        trash.moveToTrash({ids[QStringLiteral("b")]});
        QVERIFY(apply(trash));
        PageQuery q;
        QCOMPARE(uidlsOf(m_reader.page(q).valueOr({})),
                 (QStringList{QStringLiteral("c"), QStringLiteral("a")}));
        q.folder = Folder::Trash;
        QCOMPARE(uidlsOf(m_reader.page(q).valueOr({})), QStringList{QStringLiteral("b")});
        QCOMPARE(m_reader.count(QString(), Folder::Trash).valueOr(-1), 1);
    }

    void unreadCountsPerAccount()
    {
        const auto ids =
            add({{QStringLiteral("a1"), QStringLiteral("s"), {}, {}, 1, QStringLiteral("one")},
                 {QStringLiteral("a2"), QStringLiteral("s"), {}, {}, 2, QStringLiteral("one")},
                 {QStringLiteral("a3"), QStringLiteral("s"), {}, {}, 3, QStringLiteral("one")},
                 {QStringLiteral("b1"), QStringLiteral("s"), {}, {}, 1, QStringLiteral("two")},
                 {QStringLiteral("c1"), QStringLiteral("s"), {}, {}, 1, QStringLiteral("three")}});
        WriteBatch batch;
        batch.setRead({ids[QStringLiteral("a1")], ids[QStringLiteral("c1")]}, true);
        batch.moveToTrash({ids[QStringLiteral("a2")]}); // unread, but in the Trash
        QVERIFY(apply(batch));
        const QHash<QString, qint64> counts = m_reader.unreadCounts().valueOr({});
        QCOMPARE(counts.value(QStringLiteral("one")), 1);
        QCOMPARE(counts.value(QStringLiteral("two")), 1);
        QVERIFY(!counts.contains(QStringLiteral("three")));
        WriteBatch unread;
        unread.setRead({ids[QStringLiteral("c1")]}, false);
        QVERIFY(apply(unread));
        QCOMPARE(m_reader.unreadCounts().valueOr({}).value(QStringLiteral("three")), 1);
    }

    void searchFindsWordsInEveryScript_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected"); // newest first

        QTest::newRow("latin word")
            << QStringLiteral("budget") << QStringList{QStringLiteral("en")};
        QTest::newRow("latin prefix")
            << QStringLiteral("budg") << QStringList{QStringLiteral("en")};
        QTest::newRow("latin case")
            << QStringLiteral("QUARTERLY") << QStringList{QStringLiteral("en")};
        QTest::newRow("two latin words")
            << QStringLiteral("numbers attach") << QStringList{QStringLiteral("en")};
        QTest::newRow("latin no match") << QStringLiteral("budgetary") << QStringList{};
        QTest::newRow("diacritics")
            << QStringLiteral("resume") << QStringList{QStringLiteral("fr")};
        QTest::newRow("sender name")
            << QStringLiteral("zhang") << QStringList{QStringLiteral("zh1")};
        QTest::newRow("sender chinese")
            << QStringLiteral("张伟") << QStringList{QStringLiteral("zh1")};
        QTest::newRow("address") << QStringLiteral("zhang@example.cn")
                                 << QStringList{QStringLiteral("zh1")};
        QTest::newRow("2-char chinese inside sentences")
            << QStringLiteral("会议") << QStringList{QStringLiteral("zh2"), QStringLiteral("zh1")};
        QTest::newRow("3-char chinese")
            << QStringLiteral("会议室") << QStringList{QStringLiteral("zh1")};
        QTest::newRow("chinese at end of sentence")
            << QStringLiteral("安排") << QStringList{QStringLiteral("zh2"), QStringLiteral("zh1")};
        QTest::newRow("single chinese character")
            << QStringLiteral("计") << QStringList{QStringLiteral("zh-other")};
        QTest::newRow("last character of a run")
            << QStringLiteral("见") << QStringList{QStringLiteral("zh1")};
        QTest::newRow("chinese reversed is another word")
            << QStringLiteral("议会") << QStringList{};
        QTest::newRow("traditional chinese")
            << QStringLiteral("會議") << QStringList{QStringLiteral("zh-tw")};
        QTest::newRow("japanese kanji")
            << QStringLiteral("会議") << QStringList{QStringLiteral("ja")};
        QTest::newRow("japanese katakana")
            << QStringLiteral("コーヒー") << QStringList{QStringLiteral("ja")};
        QTest::newRow("japanese half-width")
            << QStringLiteral("ｺｰﾋｰ") << QStringList{QStringLiteral("ja")};
        QTest::newRow("korean word") << QStringLiteral("회의") << QStringList{QStringLiteral("ko")};
        QTest::newRow("korean inside a word")
            << QStringLiteral("시작") << QStringList{QStringLiteral("ko")};
        QTest::newRow("mixed latin and chinese")
            << QStringLiteral("Poplar 会议") << QStringList{QStringLiteral("zh2")};
    }

    void searchFindsWordsInEveryScript()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        add({
            {QStringLiteral("en"), QStringLiteral("Quarterly budget review"),
             QStringLiteral("Please find the numbers attached."),
             QStringLiteral("Alice <alice@example.org>"), 1},
            {QStringLiteral("fr"), QStringLiteral("Candidature"),
             QStringLiteral("Vous trouverez mon résumé en pièce jointe."),
             QStringLiteral("Émile <emile@example.fr>"), 2},
            {QStringLiteral("zh1"), QStringLiteral("明天的安排"),
             QStringLiteral("明天下午三点开会议室见，请准时。"),
             QStringLiteral("张伟 <zhang@example.cn>"), 3},
            {QStringLiteral("zh2"), QStringLiteral("关于下周会议的安排"),
             QStringLiteral("各位同事：Poplar 下周的例会改到周三。"),
             QStringLiteral("李娜 <li@example.cn>"), 4},
            {QStringLiteral("zh-other"), QStringLiteral("财务"),
             QStringLiteral("请查收会计报告和国会新闻。"),
             QStringLiteral("财务部 <finance@example.cn>"), 5},
            {QStringLiteral("zh-tw"), QStringLiteral("會議記錄"),
             QStringLiteral("請查收本週的記錄。"), QStringLiteral("陳 <chen@example.tw>"), 6},
            {QStringLiteral("ja"), QStringLiteral("来週の件"),
             QStringLiteral("来週の会議室を予約しました。コーヒーを用意します。"),
             QStringLiteral("佐藤 <sato@example.jp>"), 7},
            {QStringLiteral("ko"), QStringLiteral("일정 안내"),
             QStringLiteral("내일 회의는 오후 3시에 시작합니다."),
             QStringLiteral("김민수 <kim@example.kr>"), 8},
        });
        QCOMPARE(search(query), expected);
    }

    void hostileQueriesNeverFail_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("findsBudget");
        QTest::newRow("open quote") << QStringLiteral("\"budget") << true;
        QTest::newRow("close quote") << QStringLiteral("budget\"") << true;
        QTest::newRow("only quotes") << QStringLiteral("\"\"\"") << false;
        // Operators are words to find like any other: no message has a word starting with "not".
        QTest::newRow("trailing operator") << QStringLiteral("budget NOT") << false;
        QTest::newRow("and") << QStringLiteral("AND budget") << false;
        QTest::newRow("not") << QStringLiteral("NOT") << false;
        QTest::newRow("near") << QStringLiteral("NEAR(budget review, 3)") << false;
        QTest::newRow("star") << QStringLiteral("*") << false;
        QTest::newRow("single letter is not a prefix") << QStringLiteral("b") << false;
        QTest::newRow("star word") << QStringLiteral("budget*") << true;
        QTest::newRow("parentheses") << QStringLiteral("(budget") << true;
        QTest::newRow("unbalanced") << QStringLiteral("budget))") << true;
        QTest::newRow("column filter") << QStringLiteral("subject:budget") << false;
        QTest::newRow("braces") << QStringLiteral("{subject}: budget") << false;
        QTest::newRow("minus") << QStringLiteral("-budget") << true;
        QTest::newRow("caret") << QStringLiteral("^budget") << true;
        QTest::newRow("plus") << QStringLiteral("budget + review") << true;
        QTest::newRow("sql") << QStringLiteral("'; DROP TABLE messages; --") << false;
        QTest::newRow("backslash") << QStringLiteral("\\budget\\") << true;
        QTest::newRow("control characters") << QStringLiteral("bud\x01get") << false;
        QTest::newRow("nul") << QString(QStringLiteral("budget") + QChar(0)) << true;
        QTest::newRow("lone surrogate") << QString(QChar(0xD800)) << false;
        QTest::newRow("emoji") << QStringLiteral("💰 budget") << true;
        QTest::newRow("long") << QStringLiteral("budget ").repeated(2000) << true;
    }

    void hostileQueriesNeverFail()
    {
        QFETCH(QString, query);
        QFETCH(bool, findsBudget);
        add({{QStringLiteral("en"),
              QStringLiteral("Quarterly budget review"),
              QStringLiteral("numbers"),
              {},
              1},
             {QStringLiteral("other"),
              QStringLiteral("Lunch"),
              QStringLiteral("sandwiches"),
              {},
              2}});
        SearchQuery q;
        q.text = query;
        const Result<QList<MessageSummary>> r = m_reader.search(q);
        QVERIFY2(r.ok(), qPrintable(r.error().message()));
        QCOMPARE(uidlsOf(r.value()).contains(QStringLiteral("en")), findsBudget);
        QVERIFY(!uidlsOf(r.value()).contains(QStringLiteral("other")));
        QCOMPARE(m_reader.count(QString(), Folder::Inbox).valueOr(-1), 2); // nothing dropped
    }

    void searchIsScopedAndPaged()
    {
        QList<Mail> mails;
        for (int i = 0; i < 25; ++i)
            mails << Mail{QStringLiteral("p%1").arg(i),
                          QStringLiteral("weekly report %1").arg(i),
                          QStringLiteral("text"),
                          QStringLiteral("x <x@example.org>"),
                          i,
                          i % 5 == 0 ? QStringLiteral("two") : QStringLiteral("one")};
        const auto ids = add(mails);
        WriteBatch trash;
        trash.moveToTrash({ids[QStringLiteral("p24")]});
        QVERIFY(apply(trash));

        QCOMPARE(search(QStringLiteral("report")).size(), 25);
        QCOMPARE(search(QStringLiteral("report"), QStringLiteral("two")),
                 (QStringList{QStringLiteral("p20"), QStringLiteral("p15"), QStringLiteral("p10"),
                              QStringLiteral("p5"), QStringLiteral("p0")}));
        QCOMPARE(search(QStringLiteral("report"), {}, Folder::Trash),
                 QStringList{QStringLiteral("p24")});
        QCOMPARE(search(QStringLiteral("report"), {}, Folder::Inbox).size(), 24);

        SearchQuery q;
        q.text = QStringLiteral("report");
        q.folder = Folder::Inbox;
        q.limit = 10;
        q.offset = 10;
        QStringList expected;
        for (int i = 13; i > 3; --i)
            expected << QStringLiteral("p%1").arg(i);
        QCOMPARE(uidlsOf(m_reader.search(q).value()), expected);
    }

    void commonWordsAreSearchedThroughTheDateIndex()
    {
        // More matches than StoreReader::kDateScanThreshold: the other query strategy.
        const int n = StoreReader::kDateScanThreshold + 250;
        QList<Mail> mails;
        for (int i = 0; i < n; ++i) {
            Mail m{QStringLiteral("c%1").arg(i),
                   QStringLiteral("status update"),
                   i % 2 ? QStringLiteral("常见的会议通知") : QStringLiteral("routine"),
                   QStringLiteral("x <x@example.org>"),
                   (i * 7919) % n,
                   i % 4 == 0 ? QStringLiteral("two") : QStringLiteral("one")};
            mails << m;
        }
        const auto ids = add(mails);
        QCOMPARE(ids.size(), n);
        WriteBatch trash;
        trash.moveToTrash({ids[QStringLiteral("c1")], ids[QStringLiteral("c2")]});
        QVERIFY(apply(trash));

        auto expected = [&](const QString &account, int offset, int limit, bool cjkOnly) {
            QList<Mail> rows;
            for (const Mail &m : mails) {
                if (m.uidl == QStringLiteral("c1") || m.uidl == QStringLiteral("c2"))
                    continue;
                if ((account.isEmpty() || m.account == account) &&
                    (!cjkOnly || m.body != QStringLiteral("routine")))
                    rows << m;
            }
            std::sort(rows.begin(), rows.end(), [&](const Mail &a, const Mail &b) {
                if (a.hours != b.hours)
                    return a.hours > b.hours;
                return ids[a.uidl] > ids[b.uidl];
            });
            QStringList uidls;
            for (int i = offset; i < std::min<qsizetype>(rows.size(), offset + limit); ++i)
                uidls << rows[i].uidl;
            return uidls;
        };
        SearchQuery q;
        q.text = QStringLiteral("status");
        q.folder = Folder::Inbox;
        q.limit = 50;
        QCOMPARE(uidlsOf(m_reader.search(q).value()), expected({}, 0, 50, false));
        q.offset = 2150;
        QCOMPARE(uidlsOf(m_reader.search(q).value()), expected({}, 2150, 50, false));
        q.offset = 0;
        q.account = QStringLiteral("one");
        QCOMPARE(uidlsOf(m_reader.search(q).value()),
                 expected(QStringLiteral("one"), 0, 50, false));
        // Fewer matches (half the messages): the other strategy, the same answer.
        q.account.clear();
        q.text = QStringLiteral("会议");
        QCOMPARE(uidlsOf(m_reader.search(q).value()), expected({}, 0, 50, true));
    }

    void deletedMessagesLeaveTheSearchIndex()
    {
        const auto ids = add({{QStringLiteral("a"), QStringLiteral("invoice"), {}, {}, 1}});
        QCOMPARE(search(QStringLiteral("invoice")), QStringList{QStringLiteral("a")});
        WriteBatch remove;
        remove.deleteLocally({ids[QStringLiteral("a")]});
        QVERIFY(apply(remove));
        QCOMPARE(search(QStringLiteral("invoice")), QStringList());
    }

    void lookupByMessageId()
    {
        NewMessage a = toNew({QStringLiteral("a"), QStringLiteral("s"), {}, {}, 1});
        a.messageId = QStringLiteral("same@example.org");
        NewMessage b = a;
        b.uidl = QStringLiteral("b");
        WriteBatch batch;
        batch.insertMessage(a);
        batch.insertMessage(b);
        QVERIFY(apply(batch));
        const auto found = m_reader.messagesWithMessageId(QStringLiteral("one"),
                                                          QStringLiteral("same@example.org"));
        QCOMPARE(uidlsOf(found.valueOr({})),
                 (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QVERIFY(
            m_reader
                .messagesWithMessageId(QStringLiteral("two"), QStringLiteral("same@example.org"))
                .value()
                .isEmpty());
    }

    // A search whose stop check says so ends early with Interrupted; the same connection
    // searches normally afterwards, and the check survives closing and opening again.
    void aStopCheckEndsASearch()
    {
        QList<Mail> mails;
        for (int i = 0; i < 1000; ++i)
            mails << Mail{QStringLiteral("s%1").arg(i), QStringLiteral("status %1").arg(i),
                          QStringLiteral("the weekly status")};
        add(mails);
        QCOMPARE(m_reader.path(), m_db.path());
        bool stop = true;
        int asked = 0;
        m_reader.setStopCheck([&] {
            ++asked;
            return stop;
        });
        SearchQuery q;
        q.text = QStringLiteral("status");
        q.limit = 200;
        const Result<QList<MessageSummary>> stopped = m_reader.search(q);
        QVERIFY(!stopped.ok());
        QCOMPARE(stopped.error().kind(), StoreError::Kind::Interrupted);
        QVERIFY(asked > 0);

        stop = false;
        QCOMPARE(m_reader.search(q).valueOr({}).size(), 200);

        m_reader.close();
        QCOMPARE(m_reader.path(), QString());
        QVERIFY(!m_reader.open(m_db.path()));
        stop = true;
        QCOMPARE(m_reader.search(q).error().kind(), StoreError::Kind::Interrupted);
        m_reader.setStopCheck({});
        QCOMPARE(m_reader.search(q).valueOr({}).size(), 200);
    }

    void readerSeesCommitsWithoutReopening()
    {
        QCOMPARE(m_reader.count(QString(), Folder::Inbox).valueOr(-1), 0);
        add({{QStringLiteral("a"), QStringLiteral("s"), {}, {}, 1}});
        QCOMPARE(m_reader.count(QString(), Folder::Inbox).valueOr(-1), 1);
    }
};

QTEST_GUILESS_MAIN(tst_StoreReader)
#include "tst_StoreReader.moc"
