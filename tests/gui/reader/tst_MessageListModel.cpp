#include "MailFixture.h"
#include "ui/common/ItemRoles.h"
#include "ui/reader/MessageListModel.h"

#include "store/Database.h"
#include "store/StoreReader.h"
#include "store/WriteBatch.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFont>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <memory>

using namespace Poplar;
using MailFixture::Mail;
using Ui::MessageListModel;

namespace {

QList<Mail> numbered(int count, int firstDay = 0, const QString &prefix = QStringLiteral("Note"))
{
    QList<Mail> mails;
    const QDateTime start(QDate(2026, 1, 1), QTime(8, 0), Qt::UTC);
    for (int i = 0; i < count; ++i) {
        Mail mail;
        mail.subject = QStringLiteral("%1 %2").arg(prefix).arg(i, 4, 10, QLatin1Char('0'));
        mail.date = start.addSecs(qint64(firstDay + i) * 3600);
        mails.append(mail);
    }
    return mails;
}

qint64 idAt(const QAbstractItemModel &model, int row)
{
    return model.index(row, 0).data(Ui::MessageIdRole).toLongLong();
}

QList<qint64> allIds(MessageListModel &model)
{
    while (model.canFetchMore({}))
        model.fetchMore({});
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(idAt(model, row));
    return ids;
}

// Types text into the model's search and waits until its results are shown.
bool searchAndWait(MessageListModel &model, const QString &text, bool allAccounts = false)
{
    QSignalSpy shown(&model, &MessageListModel::searchShown);
    model.setSearch(text, allAccounts);
    return shown.count() > 0 || shown.wait(20000);
}

QStringList subjects(const QAbstractItemModel &model)
{
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list << model.index(row, MessageListModel::Subject).data().toString();
    return list;
}

// A store of BigCount messages searched by the tests that need searches taking a while:
// every message says "report", one in ZebraEvery says "zebra", one in MeetingEvery "会议",
// one in three "alpha".
constexpr int BigCount = 2500;
constexpr int ZebraEvery = 50;
constexpr int MeetingEvery = 100;

QList<Mail> bigMailbox()
{
    QList<Mail> mails;
    const QDateTime start(QDate(2025, 1, 1), QTime(8, 0), Qt::UTC);
    for (int i = 0; i < BigCount; ++i) {
        Mail mail;
        mail.from = QStringLiteral("Sender %1 <sender%1@example.org>").arg(i % 37);
        mail.date = start.addSecs(qint64(i) * 1800);
        mail.subject = QStringLiteral("Weekly report %1").arg(i, 4, 10, QLatin1Char('0'));
        mail.body =
            QStringLiteral("The report for week %1 covers budget, travel and hiring.\n").arg(i);
        if (i % ZebraEvery == 0)
            mail.body += QStringLiteral("A zebra crossed the office.\n");
        if (i % MeetingEvery == 0)
            mail.body += QStringLiteral("明天下午三点在会议室见。\n");
        if (i % 3 == 1)
            mail.body += QStringLiteral("Alpha team notes.\n");
        mails.append(mail);
    }
    return mails;
}

} // namespace

class tst_MessageListModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_big = std::make_unique<MailFixture::TestStore>();
        QCOMPARE(m_big->insert(QStringLiteral("acct"), bigMailbox()).size(), BigCount);
    }

    void cleanupTestCase() { m_big.reset(); }

    void fetchesPagesLazily()
    {
        MailFixture::TestStore store;
        store.insert(QStringLiteral("acct"), numbered(450));
        Store::StoreReader reader;
        QVERIFY(!reader.open(store.path()));
        MessageListModel model(&reader, store.writer());

        QCOMPARE(model.rowCount(), MessageListModel::PageSize);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 2 * MessageListModel::PageSize);
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 450);
        QVERIFY(!model.canFetchMore({}));
        // Newest first, no row twice.
        QSet<qint64> ids;
        for (int row = 0; row < model.rowCount(); ++row)
            ids.insert(idAt(model, row));
        QCOMPARE(ids.size(), 450);
        QCOMPARE(model.index(0, MessageListModel::Subject).data().toString(),
                 QStringLiteral("Note 0449"));

        // The model is consistent from the first page on (the tester pages through it too).
        MessageListModel fresh(&reader, store.writer());
        QAbstractItemModelTester tester(&fresh,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void sortsBySenderAndSize()
    {
        MailFixture::TestStore store;
        QList<Mail> mails;
        const QStringList senders = {QStringLiteral("Zoe <zoe@example.org>"),
                                     QStringLiteral("Amy <amy@example.org>"),
                                     QStringLiteral("Mia <mia@example.org>")};
        for (int i = 0; i < 3; ++i) {
            Mail mail;
            mail.from = senders.at(i);
            mail.body = QString(100 * (i + 1) * (i + 1), QLatin1Char('x'));
            mails.append(mail);
        }
        store.insert(QStringLiteral("acct"), mails);
        Store::StoreReader reader;
        QVERIFY(!reader.open(store.path()));
        MessageListModel model(&reader, store.writer());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);

        model.sort(MessageListModel::From, Qt::AscendingOrder);
        QStringList order;
        for (int row = 0; row < 3; ++row)
            order << model.index(row, MessageListModel::From).data().toString().left(3);
        QCOMPARE(order, (QStringList{QStringLiteral("Amy"), QStringLiteral("Mia"),
                                     QStringLiteral("Zoe")}));
        QCOMPARE(model.sortColumn(), int(MessageListModel::From));

        model.sort(MessageListModel::Size, Qt::DescendingOrder);
        for (int row = 1; row < 3; ++row)
            QVERIFY(
                model.index(row - 1, MessageListModel::Size).data(Ui::SortValueRole).toLongLong() >=
                model.index(row, MessageListModel::Size).data(Ui::SortValueRole).toLongLong());
        QCOMPARE(model.index(0, MessageListModel::From).data().toString().left(3),
                 QStringLiteral("Mia"));
    }

    void tooltipsShowTheFullSenderAndTheStartOfTheText()
    {
        MailFixture::TestStore store;
        Mail mail;
        mail.from = QStringLiteral("Zoe Li <zoe@example.org>");
        mail.body = QStringLiteral("明天下午三点在会议室见。\nBring the budget.\n");
        store.insert(QStringLiteral("acct"), {mail});
        Store::StoreReader reader;
        QVERIFY(!reader.open(store.path()));
        MessageListModel model(&reader, store.writer());

        QCOMPARE(model.index(0, MessageListModel::From).data().toString(),
                 QStringLiteral("Zoe Li"));
        QCOMPARE(model.index(0, MessageListModel::From).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Zoe Li <zoe@example.org>"));
        const QString preview =
            model.index(0, MessageListModel::Subject).data(Qt::ToolTipRole).toString();
        QVERIFY2(preview.startsWith(QStringLiteral("明天下午三点在会议室见。")),
                 qPrintable(preview));
        QVERIFY2(preview.contains(QStringLiteral("Bring the budget.")), qPrintable(preview));
    }

    void unreadRowsAreBoldAndMarkingReadUpdatesInPlace()
    {
        MailFixture::TestStore store;
        const QList<qint64> ids = store.insert(QStringLiteral("acct"), numbered(5));
        Store::StoreReader reader;
        QVERIFY(!reader.open(store.path()));
        MessageListModel model(&reader, store.writer());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        const int row = model.rowOfMessage(ids.at(2));
        QVERIFY(row >= 0);
        QVERIFY(
            model.index(row, MessageListModel::Subject).data(Qt::FontRole).value<QFont>().bold());

        Store::WriteBatch batch;
        batch.setRead({ids.at(2)}, true);
        store.apply(std::move(batch));
        QTRY_VERIFY(model.index(row, 0).data(Ui::ReadRole).toBool());
        QVERIFY(
            !model.index(row, MessageListModel::Subject).data(Qt::FontRole).value<QFont>().bold());
        QCOMPARE(resets.count(), 0);
    }

    void rowsArrivingKeepTheSelection()
    {
        MailFixture::TestStore store;
        store.insert(QStringLiteral("acct"), numbered(30));
        Store::StoreReader reader;
        QVERIFY(!reader.open(store.path()));
        MessageListModel model(&reader, store.writer());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTreeView view;
        view.setSelectionBehavior(QAbstractItemView::SelectRows);
        view.setModel(&model);
        view.setCurrentIndex(model.index(10, MessageListModel::Subject));
        const qint64 selected = idAt(model, 10);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        // A sync stores newer messages (they sort above) and an older one (below).
        QList<Mail> newer = numbered(4, 1000, QStringLiteral("Fresh"));
        newer.append(numbered(1, -1000, QStringLiteral("Old")));
        store.insert(QStringLiteral("acct"), newer);
        QTRY_COMPARE(model.rowCount(), 35);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(view.currentIndex().data(Ui::MessageIdRole).toLongLong(), selected);
        QCOMPARE(view.currentIndex().row(), 14);
        const QModelIndexList rows = view.selectionModel()->selectedRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().data(Ui::MessageIdRole).toLongLong(), selected);

        // Moving another message to the Trash removes its row; the selection stays.
        Store::WriteBatch batch;
        batch.moveToTrash({idAt(model, 0)});
        store.apply(std::move(batch));
        QTRY_COMPARE(model.rowCount(), 34);
        QCOMPARE(view.currentIndex().data(Ui::MessageIdRole).toLongLong(), selected);
        QCOMPARE(resets.count(), 0);
    }

    void arrivingMailGoesWhereTheSqlWouldPutIt_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<Qt::SortOrder>("order");
        QTest::newRow("date, newest first") << int(MessageListModel::Date) << Qt::DescendingOrder;
        QTest::newRow("date, oldest first") << int(MessageListModel::Date) << Qt::AscendingOrder;
        QTest::newRow("sender") << int(MessageListModel::From) << Qt::AscendingOrder;
        QTest::newRow("sender, descending") << int(MessageListModel::From) << Qt::DescendingOrder;
        QTest::newRow("subject") << int(MessageListModel::Subject) << Qt::AscendingOrder;
        QTest::newRow("size") << int(MessageListModel::Size) << Qt::DescendingOrder;
    }

    // New mail is inserted row by row (no reset, no re-reading of the loaded rows) and ends
    // up exactly where a fresh query puts it; mail that sorts after the loaded rows comes with
    // the next page, once.
    void arrivingMailGoesWhereTheSqlWouldPutIt()
    {
        QFETCH(int, column);
        QFETCH(Qt::SortOrder, order);
        MailFixture::TestStore store;
        const QStringList senders = {
            QStringLiteral("amy <amy@example.org>"),     QStringLiteral("Zoe <zoe@example.org>"),
            QStringLiteral("Émile <emile@example.fr>"),  QStringLiteral("王芳 <wang@example.cn>"),
            QStringLiteral("\"Bob\" <bob@example.org>"), QStringLiteral("carol@example.org")};
        const auto make = [&senders](int count, int salt, const QString &prefix) {
            QList<Mail> mails = numbered(count, salt * 7, prefix);
            for (int i = 0; i < mails.size(); ++i) {
                mails[i].from = senders.at((i * 5 + salt) % senders.size());
                mails[i].body = QString((i * 37 + salt * 11) % 300 + 1, QLatin1Char('x'));
                // Spread the new mail over the whole range of dates.
                mails[i].date = mails[i].date.addSecs(qint64((i * 7919 + salt * 104729) % 450) *
                                                      3600 * (salt % 2 ? 1 : -1));
            }
            return mails;
        };
        store.insert(QStringLiteral("acct"), make(450, 0, QStringLiteral("Note")));
        Store::StoreReader reader;
        QVERIFY(!reader.open(store.path()));
        // (No QAbstractItemModelTester here: it would load every page at once. The other
        // tests run it over arriving mail.)
        MessageListModel model(&reader, store.writer());
        model.sort(column, order);
        QCOMPARE(model.rowCount(), MessageListModel::PageSize);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        // Two syncs' worth of mail, and mail for another account in the same store.
        store.insert(QStringLiteral("acct"), make(40, 1, QStringLiteral("Fresh")));
        store.insert(QStringLiteral("acct"), make(25, 2, QStringLiteral("Zulu")));
        store.insert(QStringLiteral("other"), make(5, 3, QStringLiteral("Else")));
        QTRY_VERIFY(inserted.count() > 0);
        QTRY_VERIFY(model.rowCount() > MessageListModel::PageSize);
        QCOMPARE(resets.count(), 0);
        // Some of it belonged after the loaded rows: not loaded yet, still to come.
        QVERIFY(model.rowCount() < MessageListModel::PageSize + 65 + 5);
        QVERIFY(model.canFetchMore({}));

        // A model made now, on the same rows (all accounts' Inbox), pages them in this order.
        MessageListModel fresh(&reader, nullptr);
        fresh.sort(column, order);
        const QList<qint64> expected = allIds(fresh);
        QCOMPARE(expected.size(), 450 + 65 + 5);
        QCOMPARE(allIds(model), expected);
        QCOMPARE(resets.count(), 0);
    }

    // Sorting a list scrolled far down reads at most SortKeepRows again; the rest is still
    // there, page by page, in the new order.
    void sortingALongLoadedListKeepsEveryRowReachable()
    {
        MailFixture::TestStore store;
        QList<Mail> mails = numbered(MessageListModel::SortKeepRows + 250);
        for (int i = 0; i < mails.size(); ++i)
            mails[i].from = QStringLiteral("Sender %1 <s%1@example.org>").arg(i % 97);
        store.insert(QStringLiteral("acct"), mails);
        Store::StoreReader reader;
        QVERIFY(!reader.open(store.path()));
        MessageListModel model(&reader, store.writer());
        QCOMPARE(allIds(model).size(), mails.size());

        model.sort(MessageListModel::From, Qt::AscendingOrder);
        QCOMPARE(model.rowCount(), MessageListModel::SortKeepRows);
        QVERIFY(model.canFetchMore({}));
        const QList<qint64> ids = allIds(model);
        QCOMPARE(ids.size(), mails.size());
        QCOMPARE(QSet<qint64>(ids.cbegin(), ids.cend()).size(), mails.size());
        for (int row = 1; row < model.rowCount(); ++row)
            QVERIFY(
                model.index(row - 1, MessageListModel::From)
                    .data(Ui::SortValueRole)
                    .toString()
                    .compare(
                        model.index(row, MessageListModel::From).data(Ui::SortValueRole).toString(),
                        Qt::CaseInsensitive) <= 0);
    }

    void trashFollowsMovesAndDeletions()
    {
        MailFixture::TestStore store;
        const QList<qint64> ids = store.insert(QStringLiteral("acct"), numbered(10));
        Store::StoreReader reader;
        QVERIFY(!reader.open(store.path()));
        MessageListModel trash(&reader, store.writer());
        trash.setFolder(QStringLiteral("acct"), Store::Folder::Trash);
        QAbstractItemModelTester tester(&trash,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(trash.rowCount(), 0);
        QSignalSpy resets(&trash, &QAbstractItemModel::modelReset);

        Store::WriteBatch toTrash;
        toTrash.moveToTrash({ids.at(2), ids.at(7), ids.at(4)});
        store.apply(std::move(toTrash));
        QTRY_COMPARE(trash.rowCount(), 3);
        // Newest first.
        QCOMPARE(idAt(trash, 0), ids.at(7));
        QCOMPARE(idAt(trash, 1), ids.at(4));
        QCOMPARE(idAt(trash, 2), ids.at(2));

        Store::WriteBatch restore;
        restore.restoreFromTrash({ids.at(4)});
        store.apply(std::move(restore));
        QTRY_COMPARE(trash.rowCount(), 2);
        QCOMPARE(idAt(trash, 1), ids.at(2));

        Store::WriteBatch remove;
        remove.deleteLocally({ids.at(7)});
        store.apply(std::move(remove));
        QTRY_COMPARE(trash.rowCount(), 1);
        QCOMPARE(idAt(trash, 0), ids.at(2));
        QCOMPARE(resets.count(), 0);
    }

    void dateColumnIsShortAndFollowsTheLocale()
    {
        const QDateTime now(QDate(2026, 11, 22), QTime(15, 30), Qt::LocalTime);
        const QDateTime morning(QDate(2026, 11, 22), QTime(9, 5, 33), Qt::LocalTime);
        const QDateTime thisYear(QDate(2026, 3, 7), QTime(18, 45, 12), Qt::LocalTime);
        const QDateTime lastYear(QDate(2025, 12, 31), QTime(23, 59, 59), Qt::LocalTime);

        const QLocale us(QLocale::English, QLocale::UnitedStates);
        QCOMPARE(MessageListModel::dateText(morning, now, us), QStringLiteral("9:05 AM"));
        QCOMPARE(MessageListModel::dateText(thisYear, now, us), QStringLiteral("3/7"));
        QCOMPARE(MessageListModel::dateText(lastYear, now, us), QStringLiteral("12/31/25"));

        const QLocale german(QLocale::German, QLocale::Germany);
        QCOMPARE(MessageListModel::dateText(morning, now, german), QStringLiteral("09:05"));
        QCOMPARE(MessageListModel::dateText(thisYear, now, german), QStringLiteral("07.03"));
        QCOMPARE(MessageListModel::dateText(lastYear, now, german), QStringLiteral("31.12.25"));

        const QLocale chinese(QLocale::Chinese, QLocale::China);
        QCOMPARE(MessageListModel::dateText(thisYear, now, chinese), QStringLiteral("3/7"));
        QCOMPARE(MessageListModel::dateText(lastYear, now, chinese), QStringLiteral("2025/12/31"));

        // The C locale's time format has seconds; the list does not show them.
        const QLocale c = QLocale::c();
        QCOMPARE(MessageListModel::dateText(morning, now, c), QStringLiteral("09:05"));
        const QString cThisYear = MessageListModel::dateText(thisYear, now, c);
        QVERIFY2(!cThisYear.contains(QLatin1String("2026")) && cThisYear.contains(u'7'),
                 qPrintable(cThisYear));
        QVERIFY(MessageListModel::dateText(lastYear, now, c).contains(QLatin1String("2025")));
    }

    void searchFindsLatinAndChineseWords()
    {
        MailFixture::TestStore store;
        Mail meeting;
        meeting.subject = QStringLiteral("明天下午开会");
        meeting.body = QStringLiteral("请准时到会议室见。");
        Mail invoice;
        invoice.subject = QStringLiteral("Invoice for November");
        invoice.body = QStringLiteral("Please find the invoice attached.");
        Mail other;
        other.subject = QStringLiteral("Lunch");
        const QList<qint64> ids = store.insert(QStringLiteral("acct"), {meeting, invoice, other});
        Store::StoreReader reader;
        QVERIFY(!reader.open(store.path()));
        MessageListModel model(&reader, store.writer());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 3);

        QVERIFY(searchAndWait(model, QStringLiteral("会议")));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(idAt(model, 0), ids.at(0));
        QVERIFY(searchAndWait(model, QStringLiteral("invoi")));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(idAt(model, 0), ids.at(1));
        QVERIFY(searchAndWait(model, QStringLiteral("nothing-like-this")));
        QCOMPARE(model.rowCount(), 0);
        // Ending the search shows the folder at once (a page of the folder is a quick read).
        model.setSearch(QString(), false);
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(!model.isSearching());

        // A search looks in the folder shown.
        Store::WriteBatch batch;
        batch.moveToTrash({ids.at(1)});
        store.apply(std::move(batch));
        QVERIFY(searchAndWait(model, QStringLiteral("invoi")));
        QCOMPARE(model.rowCount(), 0);
        model.setFolder(QString(), Store::Folder::Trash);
        QVERIFY(searchAndWait(model, QStringLiteral("invoi"), true));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(idAt(model, 0), ids.at(1));
    }

    // The search runs elsewhere: right after the keystroke the list still shows what it
    // showed, and the results replace it in one step when they arrive.
    void resultsArriveLaterAndReplaceTheRowsAtOnce()
    {
        Store::StoreReader reader;
        QVERIFY(!reader.open(m_big->path()));
        MessageListModel model(&reader, m_big->writer());
        // (No QAbstractItemModelTester: back in the folder, its checks after the layout change
        // fetch a page while the change is still being announced and then blame the model.)
        const QStringList folder = subjects(model);
        QCOMPARE(folder.size(), MessageListModel::PageSize);
        QSignalSpy shown(&model, &MessageListModel::searchShown);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy layouts(&model, &QAbstractItemModel::layoutChanged);

        model.setSearch(QStringLiteral("zebra"), false);
        QVERIFY(model.isSearching());
        QCOMPARE(subjects(model), folder);
        QVERIFY(!model.canFetchMore({}));
        QVERIFY(shown.wait(20000));
        QVERIFY(!model.isSearching());
        QCOMPARE(model.rowCount(), BigCount / ZebraEvery);
        QCOMPARE(layouts.count(), 1);
        QCOMPARE(resets.count(), 0);
        // Newest first: the last zebra written is the first row.
        QCOMPARE(model.index(0, MessageListModel::Subject).data().toString(),
                 QStringLiteral("Weekly report %1")
                     .arg((BigCount - 1) / ZebraEvery * ZebraEvery, 4, 10, QLatin1Char('0')));

        // Chinese too, and back to the folder.
        QVERIFY(searchAndWait(model, QStringLiteral("会议")));
        QCOMPARE(model.rowCount(), BigCount / MeetingEvery);
        for (const QString &subject : subjects(model))
            QCOMPARE(subject.mid(14).toInt() % MeetingEvery, 0);
        model.setSearch(QString(), false);
        QCOMPARE(subjects(model), folder);
    }

    // Keystrokes that come while a search runs never show the results of an older text:
    // whatever the list shows is the folder or the results of the last text.
    void resultsOfAnOlderTextAreNeverShown()
    {
        Store::StoreReader reader;
        QVERIFY(!reader.open(m_big->path()));
        MessageListModel model(&reader, m_big->writer());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QStringList folder = subjects(model);
        QStringList wrong;
        const auto check = [&] {
            const QStringList now = subjects(model);
            if (now == folder)
                return;
            for (const QString &subject : now)
                if (subject.mid(14).toInt() % ZebraEvery != 0)
                    wrong << subject;
        };
        connect(&model, &QAbstractItemModel::layoutChanged, this, check);
        connect(&model, &QAbstractItemModel::rowsInserted, this, check);
        connect(&model, &QAbstractItemModel::rowsRemoved, this, check);
        connect(&model, &QAbstractItemModel::dataChanged, this, check);
        QSignalSpy shown(&model, &MessageListModel::searchShown);

        // "alpha" matches a third of the messages (each is read, then sorted by date); while
        // it runs, the user types on. The prefixes of "zebra" match only "zebra" too.
        model.setSearch(QStringLiteral("alpha"), false);
        QTest::qWait(2);
        model.setSearch(QStringLiteral("alpha hiring"), false);
        QTest::qWait(1);
        for (const QString &text : {QStringLiteral("ze"), QStringLiteral("zeb"),
                                    QStringLiteral("zebr"), QStringLiteral("zebra")})
            model.setSearch(text, false);
        QVERIFY(shown.wait(20000));
        QCOMPARE(model.rowCount(), BigCount / ZebraEvery);
        // Nothing older comes afterwards either (a stale answer would come within this time).
        QTest::qWait(300);
        QCOMPARE(shown.count(), 1);
        QCOMPARE(model.rowCount(), BigCount / ZebraEvery);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.mid(0, 5).join(u',')));
    }

    void clearingOrSwitchingFolderDropsThePendingSearch()
    {
        Store::StoreReader reader;
        QVERIFY(!reader.open(m_big->path()));
        MessageListModel model(&reader, m_big->writer());
        // (No QAbstractItemModelTester, as above.)
        const QStringList folder = subjects(model);
        QSignalSpy shown(&model, &MessageListModel::searchShown);

        model.setSearch(QStringLiteral("zebra"), false);
        model.setSearch(QString(), false);
        QVERIFY(!model.isSearching());
        QCOMPARE(subjects(model), folder);
        QVERIFY(model.canFetchMore({}));

        model.setSearch(QStringLiteral("会议"), false);
        model.setFolder(QStringLiteral("acct"), Store::Folder::Trash);
        QVERIFY(!model.isSearching());
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.searchText(), QString());

        // Neither search shows up later (they would have come well within this time).
        QTest::qWait(500);
        QCOMPARE(shown.count(), 0);
        QCOMPARE(model.rowCount(), 0);
        model.setFolder(QStringLiteral("acct"), Store::Folder::Inbox);
        QCOMPARE(subjects(model), folder);
    }

    // Scrolling through many results fetches the next page on the search thread too.
    void moreResultsArriveWithoutBlocking()
    {
        Store::StoreReader reader;
        QVERIFY(!reader.open(m_big->path()));
        MessageListModel model(&reader, m_big->writer());
        QVERIFY(searchAndWait(model, QStringLiteral("hiring")));
        QCOMPARE(model.rowCount(), MessageListModel::PageSize);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        // Asked for, not read here: no second request while the first runs.
        QCOMPARE(model.rowCount(), MessageListModel::PageSize);
        QVERIFY(!model.canFetchMore({}));
        QTRY_COMPARE(model.rowCount(), 2 * MessageListModel::PageSize);
        for (int page = 2; page * MessageListModel::PageSize < BigCount; ++page) {
            QTRY_VERIFY(model.canFetchMore({}));
            model.fetchMore({});
            QTRY_COMPARE(model.rowCount(),
                         std::min(BigCount, (page + 1) * MessageListModel::PageSize));
        }
        QVERIFY(!model.canFetchMore({}));
        QSet<qint64> ids;
        for (int row = 0; row < model.rowCount(); ++row)
            ids.insert(idAt(model, row));
        QCOMPARE(ids.size(), BigCount);
        for (int row = 1; row < model.rowCount(); ++row)
            QVERIFY(
                model.index(row - 1, MessageListModel::Date).data(Ui::SortValueRole).toDateTime() >=
                model.index(row, MessageListModel::Date).data(Ui::SortValueRole).toDateTime());
    }

    // The GUI thread keeps running its timers while a search goes through thousands of
    // messages (on the GUI thread it would stop them for the whole search).
    void theGuiThreadKeepsTickingWhileASearchRuns()
    {
        Store::StoreReader reader;
        QVERIFY(!reader.open(m_big->path()));
        // How long the search takes when done right here.
        Store::SearchQuery q;
        q.text = QStringLiteral("alpha");
        q.folder = Store::Folder::Inbox;
        q.limit = MessageListModel::PageSize;
        QElapsedTimer direct;
        direct.start();
        QCOMPARE(reader.search(q).valueOr({}).size(), MessageListModel::PageSize);
        const qint64 directMs = direct.elapsed();
        if (directMs < 20)
            QSKIP("the search takes under 20 ms on this machine: too quick to see a stall");

        MessageListModel model(&reader, m_big->writer());
        QSignalSpy shown(&model, &MessageListModel::searchShown);
        QTimer ticker;
        ticker.setInterval(1);
        QElapsedTimer sinceTick;
        qint64 longestGap = 0;
        int ticks = 0;
        connect(&ticker, &QTimer::timeout, this, [&] {
            longestGap = std::max(longestGap, sinceTick.restart());
            ++ticks;
        });
        QElapsedTimer took;
        took.start();
        sinceTick.start();
        ticker.start();
        model.setSearch(QStringLiteral("alpha"), false);
        QVERIFY(shown.wait(20000));
        ticker.stop();
        QCOMPARE(model.rowCount(), MessageListModel::PageSize);
        // The timer ran all along: no gap near the length of the search.
        QVERIFY2(ticks >= 3 && longestGap < std::max<qint64>(directMs / 2, 10),
                 qPrintable(QStringLiteral("%1 ticks, longest gap %2 ms, search %3 ms here, "
                                           "%4 ms in all")
                                .arg(ticks)
                                .arg(longestGap)
                                .arg(directMs)
                                .arg(took.elapsed())));
    }

    // Search results follow the store like a folder: read state, new mail, deletions.
    void searchResultsFollowTheStore()
    {
        MailFixture::TestStore store;
        QList<Mail> mails = numbered(6);
        mails[1].subject = QStringLiteral("Budget 会议 Monday");
        mails[4].subject = QStringLiteral("Budget review 会议");
        const QList<qint64> ids = store.insert(QStringLiteral("acct"), mails);
        Store::StoreReader reader;
        QVERIFY(!reader.open(store.path()));
        MessageListModel model(&reader, store.writer());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(searchAndWait(model, QStringLiteral("会议")));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(idAt(model, 0), ids.at(4));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        Store::WriteBatch read;
        read.setRead({ids.at(4)}, true);
        store.apply(std::move(read));
        QTRY_VERIFY(model.index(0, 0).data(Ui::ReadRole).toBool());
        QVERIFY(!model.index(1, 0).data(Ui::ReadRole).toBool());

        Mail fresh;
        fresh.subject = QStringLiteral("会议 moved to Tuesday");
        fresh.date = QDateTime(QDate(2027, 1, 1), QTime(8, 0), Qt::UTC);
        Mail unrelated;
        unrelated.subject = QStringLiteral("Lunch");
        const QList<qint64> arrived = store.insert(QStringLiteral("acct"), {fresh, unrelated});
        QTRY_COMPARE(model.rowCount(), 3);
        QCOMPARE(idAt(model, 0), arrived.at(0));

        Store::WriteBatch trash;
        trash.moveToTrash({ids.at(1)});
        store.apply(std::move(trash));
        QTRY_COMPARE(model.rowCount(), 2);
        QCOMPARE(idAt(model, 1), ids.at(4));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(model.searchText(), QStringLiteral("会议"));
    }

    // The selected message stays selected when it is among the new results.
    void theSelectionFollowsItsMessageIntoTheResults()
    {
        Store::StoreReader reader;
        QVERIFY(!reader.open(m_big->path()));
        MessageListModel model(&reader, m_big->writer());
        QTreeView view;
        view.setSelectionBehavior(QAbstractItemView::SelectRows);
        view.setModel(&model);
        // A zebra message a few rows down the folder.
        int row = 0;
        while (model.index(row, MessageListModel::Subject).data().toString().mid(14).toInt() %
                   ZebraEvery !=
               0)
            ++row;
        const qint64 selected = idAt(model, row);
        view.setCurrentIndex(model.index(row, MessageListModel::Subject));

        QVERIFY(searchAndWait(model, QStringLiteral("zebra")));
        QCOMPARE(view.currentIndex().data(Ui::MessageIdRole).toLongLong(), selected);
        QCOMPARE(view.selectionModel()->selectedRows().size(), 1);
        QCOMPARE(view.selectionModel()->selectedRows().first().data(Ui::MessageIdRole).toLongLong(),
                 selected);
        // Back in the folder it is still the one selected.
        model.setSearch(QString(), false);
        QCOMPARE(view.currentIndex().data(Ui::MessageIdRole).toLongLong(), selected);
        // Not among the results: nothing is selected.
        QVERIFY(searchAndWait(model, QStringLiteral("会议 nothing-like-this")));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(view.selectionModel()->selectedRows().isEmpty());
    }

    void aSearchThatCannotRunSaysSo()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mail.sqlite"));
        {
            Store::Database db;
            QVERIFY(!db.open(path));
        }
        Store::StoreReader reader;
        QVERIFY(!reader.open(path));
        MessageListModel model(&reader, nullptr);
        // The file is replaced by something that is not a database while the list is open on
        // it; the search thread opens its own connection and cannot read it.
        QVERIFY(MailFixture::replaceWithJunk(path));
        QSignalSpy failed(&model, &MessageListModel::loadFailed);
        QVERIFY(searchAndWait(model, QStringLiteral("hello")));
        QCOMPARE(failed.count(), 1);
        QVERIFY2(!failed.first().first().toString().isEmpty(), "the error has words");
        QCOMPARE(model.rowCount(), 0);
    }

private:
    std::unique_ptr<MailFixture::TestStore> m_big;
};

QTEST_MAIN(tst_MessageListModel)
#include "tst_MessageListModel.moc"
