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
    }
};

QTEST_MAIN(tst_MessageListModel)
#include "tst_MessageListModel.moc"
