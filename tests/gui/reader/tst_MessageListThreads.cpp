#include "MailFixture.h"
#include "ui/MainWindow.h"
#include "ui/common/ItemRoles.h"
#include "ui/reader/MessageListModel.h"

#include "store/StoreReader.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QHeaderView>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace Poplar;
using Poplar::Ui::MainWindow;
using Poplar::Ui::MessageListModel;

namespace {

const QDateTime kBase(QDate(2026, 11, 2), QTime(8, 0), Qt::UTC);

// A message with threading headers, parsed like mail from a server.
Store::NewMessage mail(const QString &uidl, const QString &subject, int hours,
                       const QByteArray &messageId, const QByteArray &inReplyTo = {},
                       const QByteArray &references = {})
{
    QByteArray raw = "From: Alice Martin <alice@example.org>\r\nTo: Bob <bob@example.org>\r\n";
    raw += "Subject: " + subject.toUtf8() + "\r\n";
    raw += "Date: " + kBase.addSecs(qint64(hours) * 3600).toString(Qt::RFC2822Date).toLatin1() +
           "\r\n";
    raw += "Message-ID: <" + messageId + ">\r\n";
    if (!inReplyTo.isEmpty())
        raw += "In-Reply-To: <" + inReplyTo + ">\r\n";
    if (!references.isEmpty())
        raw += "References: " + references + "\r\n";
    raw += "\r\nHello.\r\n";
    return MailFixture::newMessage(QStringLiteral("a1"), uidl, raw);
}

struct Fixture
{
    MailFixture::TestStore store;
    Sync::SyncManager sync{store.writer(), store.path()};

    Fixture()
    {
        sync.setAccounts({MailFixture::account(QStringLiteral("a1"), QStringLiteral("Work"))});
        // Two conversations and a lone message; the budget thread has the newest reply.
        Store::WriteBatch batch;
        batch.insertMessage(mail(QStringLiteral("b1"), QStringLiteral("Budget"), 1, "b1@x"));
        batch.insertMessage(mail(QStringLiteral("t1"), QStringLiteral("Trip"), 2, "t1@x"));
        batch.insertMessage(mail(QStringLiteral("lone"), QStringLiteral("Newsletter"), 4, "n@x"));
        batch.insertMessage(
            mail(QStringLiteral("t2"), QStringLiteral("Re: Trip"), 3, "t2@x", "t1@x", "<t1@x>"));
        batch.insertMessage(
            mail(QStringLiteral("b2"), QStringLiteral("Re: Budget"), 5, "b2@x", "b1@x", "<b1@x>"));
        store.apply(std::move(batch));
    }

    Ui::MailContext context()
    {
        return {store.settingsPath(), store.writer(), store.path(), &sync};
    }
};

QStringList uidls(const MessageListModel *model)
{
    QStringList out;
    for (int row = 0; row < model->rowCount(); ++row)
        out << model->index(row, 0).data(Ui::UidlRole).toString();
    return out;
}

QString subjectAt(const MessageListModel *model, int row)
{
    return model->index(row, MessageListModel::Subject).data().toString();
}

} // namespace

class tst_MessageListThreads : public QObject
{
    Q_OBJECT

private slots:
    void groupingShowsConversationsAndIsRemembered()
    {
        Fixture fixture;
        {
            MainWindow window(fixture.context());
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            MessageListModel *model = window.messageListModel();
            QAbstractItemModelTester tester(model,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
            auto *group = window.findChild<QAction *>(QStringLiteral("actionGroupByThread"));
            QVERIFY(group);
            QVERIFY(group->isCheckable());
            QVERIFY(!group->isChecked()); // off by default
            QTRY_COMPARE(uidls(model), (QStringList{QStringLiteral("b2"), QStringLiteral("lone"),
                                                    QStringLiteral("t2"), QStringLiteral("t1"),
                                                    QStringLiteral("b1")}));
            QCOMPARE(subjectAt(model, 0), QStringLiteral("Re: Budget"));

            group->trigger();
            QVERIFY(model->groupedByThread());
            // Newest conversation first, each conversation oldest first, replies marked.
            QCOMPARE(uidls(model), (QStringList{QStringLiteral("b1"), QStringLiteral("b2"),
                                                QStringLiteral("lone"), QStringLiteral("t1"),
                                                QStringLiteral("t2")}));
            QCOMPARE(subjectAt(model, 0), QStringLiteral("Budget"));
            QVERIFY2(subjectAt(model, 1).endsWith(QStringLiteral("\u21B3 Re: Budget")),
                     qPrintable(subjectAt(model, 1)));
            QCOMPARE(subjectAt(model, 2), QStringLiteral("Newsletter"));
            // The columns do not sort the grouped list.
            auto *list = window.findChild<QTreeView *>(QStringLiteral("messageList"));
            QVERIFY(!list->isSortingEnabled());
            QVERIFY(!list->header()->isSortIndicatorShown());
            window.close();
        }
        {
            // The next start is grouped too; turning it off sorts by date again.
            MainWindow window(fixture.context());
            auto *group = window.findChild<QAction *>(QStringLiteral("actionGroupByThread"));
            QVERIFY(group->isChecked());
            MessageListModel *model = window.messageListModel();
            QCOMPARE(uidls(model).first(), QStringLiteral("b1"));
            group->trigger();
            QVERIFY(!model->groupedByThread());
            QCOMPARE(uidls(model).first(), QStringLiteral("b2"));
            auto *list = window.findChild<QTreeView *>(QStringLiteral("messageList"));
            QVERIFY(list->isSortingEnabled());
            window.close();
        }
    }

    void replyArrivingLandsInItsThreadWithoutAReset()
    {
        Fixture fixture;
        MainWindow window(fixture.context());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.findChild<QAction *>(QStringLiteral("actionGroupByThread"))->setChecked(true);
        MessageListModel *model = window.messageListModel();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto *list = window.findChild<QTreeView *>(QStringLiteral("messageList"));
        QCOMPARE(model->index(2, 0).data(Ui::UidlRole).toString(), QStringLiteral("lone"));
        list->setCurrentIndex(model->index(2, MessageListModel::Subject));
        const qint64 selected = list->currentIndex().data(Ui::MessageIdRole).toLongLong();
        QSignalSpy resets(model, &QAbstractItemModel::modelReset);

        // A late reply to the trip: that conversation becomes the newest and moves up whole.
        Store::WriteBatch reply;
        reply.insertMessage(mail(QStringLiteral("t3"), QStringLiteral("Re: Trip"), 6, "t3@x",
                                 "t2@x", "<t1@x> <t2@x>"));
        fixture.store.apply(std::move(reply));
        const QStringList withReply = {QStringLiteral("t1"), QStringLiteral("t2"),
                                       QStringLiteral("t3"), QStringLiteral("b1"),
                                       QStringLiteral("b2"), QStringLiteral("lone")};
        QTRY_COMPARE(uidls(model), withReply);
        QVERIFY(subjectAt(model, 2).contains(QStringLiteral("\u21B3")));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(list->currentIndex().data(Ui::MessageIdRole).toLongLong(), selected);

        // A reply whose parent has not arrived yet starts its own group; the parent, once it
        // arrives, brings both into one conversation.
        Store::WriteBatch early;
        early.insertMessage(
            mail(QStringLiteral("p2"), QStringLiteral("Re: Party"), 8, "p2@x", "p1@x", "<p1@x>"));
        fixture.store.apply(std::move(early));
        QTRY_COMPARE(uidls(model).first(), QStringLiteral("p2"));
        Store::WriteBatch parent;
        parent.insertMessage(mail(QStringLiteral("p1"), QStringLiteral("Party"), 7, "p1@x"));
        fixture.store.apply(std::move(parent));
        QTRY_COMPARE(
            uidls(model).mid(0, 3),
            (QStringList{QStringLiteral("p1"), QStringLiteral("p2"), QStringLiteral("t1")}));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(list->currentIndex().data(Ui::MessageIdRole).toLongLong(), selected);

        // Moving the newest trip message to the Trash: the trip falls back behind the budget.
        QCOMPARE(model->index(4, 0).data(Ui::UidlRole).toString(), QStringLiteral("t3"));
        Store::WriteBatch trash;
        trash.moveToTrash({model->index(4, 0).data(Ui::MessageIdRole).toLongLong()});
        fixture.store.apply(std::move(trash));
        QTRY_COMPARE(uidls(model),
                     (QStringList{QStringLiteral("p1"), QStringLiteral("p2"), QStringLiteral("b1"),
                                  QStringLiteral("b2"), QStringLiteral("lone"),
                                  QStringLiteral("t1"), QStringLiteral("t2")}));
        QCOMPARE(resets.count(), 0);
    }

    void searchResultsStayFlat()
    {
        Fixture fixture;
        MainWindow window(fixture.context());
        window.findChild<QAction *>(QStringLiteral("actionGroupByThread"))->setChecked(true);
        MessageListModel *model = window.messageListModel();
        auto *search = window.findChild<QLineEdit *>(QStringLiteral("searchField"));
        search->setText(QStringLiteral("Budget"));
        QTRY_COMPARE(uidls(model), (QStringList{QStringLiteral("b2"), QStringLiteral("b1")}));
        QVERIFY(!model->showsThreads());
        QCOMPARE(subjectAt(model, 0), QStringLiteral("Re: Budget")); // no reply marker
        search->clear();
        QTRY_COMPARE(uidls(model).first(), QStringLiteral("b1"));
        QVERIFY(model->showsThreads());

        // Until the results come, the conversations stay shown as they were, replies marked.
        model->setSearch(QStringLiteral("Budget"), false);
        QVERIFY(model->isSearching());
        QVERIFY(model->showsThreads());
        QCOMPARE(uidls(model).mid(0, 2), (QStringList{QStringLiteral("b1"), QStringLiteral("b2")}));
        QVERIFY(subjectAt(model, 1).endsWith(QStringLiteral("\u21B3 Re: Budget")));
        QTRY_VERIFY(!model->isSearching());
        QVERIFY(!model->showsThreads());
        QCOMPARE(subjectAt(model, 0), QStringLiteral("Re: Budget"));
    }
};

QTEST_MAIN(tst_MessageListThreads)
#include "tst_MessageListThreads.moc"
