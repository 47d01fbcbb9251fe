#include "ItemRoles.h"
#include "MailFixture.h"
#include "MessageListModel.h"

#include "store/StoreReader.h"
#include "store/WriteBatch.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

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

} // namespace

class tst_MessageListModel : public QObject
{
    Q_OBJECT

private slots:
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

        model.setSearch(QStringLiteral("会议"), false);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(idAt(model, 0), ids.at(0));
        model.setSearch(QStringLiteral("invoi"), false);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(idAt(model, 0), ids.at(1));
        model.setSearch(QStringLiteral("nothing-like-this"), false);
        QCOMPARE(model.rowCount(), 0);
        model.setSearch(QString(), false);
        QCOMPARE(model.rowCount(), 3);

        // A search looks in the folder shown.
        Store::WriteBatch batch;
        batch.moveToTrash({ids.at(1)});
        store.apply(std::move(batch));
        model.setSearch(QStringLiteral("invoi"), false);
        QCOMPARE(model.rowCount(), 0);
        model.setFolder(QString(), Store::Folder::Trash);
        model.setSearch(QStringLiteral("invoi"), true);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(idAt(model, 0), ids.at(1));
    }
};

QTEST_MAIN(tst_MessageListModel)
#include "tst_MessageListModel.moc"
