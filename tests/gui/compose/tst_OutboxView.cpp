#include "MailFixture.h"
#include "ui/common/ItemRoles.h"
#include "ui/compose/OutboxModel.h"
#include "ui/compose/OutboxView.h"
#include "ui/reader/FolderModel.h"

#include "compose/ComposedMessage.h"
#include "mime/MessageParser.h"
#include "store/StoreReader.h"
#include "store/WriteBatch.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace Poplar;
using State = Store::OutgoingRecord::State;
using Ui::OutboxModel;
using Ui::OutboxView;

namespace {

Mime::OutgoingMessage message(const QString &subject)
{
    Mime::OutgoingMessage m;
    m.from = {QStringLiteral("Bob"), QStringLiteral("bob@example.org"), QString()};
    m.to = {{QStringLiteral("王芳"), QStringLiteral("wangfang@example.cn"), QString()}};
    m.bcc = {{QString(), QStringLiteral("boss@example.org"), QString()}};
    m.subject = subject;
    m.text = QStringLiteral("正文");
    return m;
}

// An Outbox of three: one waiting, one the server refused, one perhaps sent.
struct Fixture
{
    MailFixture::TestStore store;
    Store::StoreReader reader;
    QList<qint64> ids;
    bool ready = false;

    Fixture()
    {
        Store::WriteBatch queue;
        for (const QString &subject :
             {QStringLiteral("等待"), QStringLiteral("被拒"), QStringLiteral("也许")})
            queue.queueOutgoing(
                Compose::ComposedMessage::outboxEntry(message(subject), QStringLiteral("a1")));
        for (const auto &operation : store.apply(std::move(queue)).operations)
            ids.append(operation.id);
        Store::WriteBatch states;
        states.setOutgoingState(ids.value(1), State::Failed,
                                QStringLiteral("The recipient's mailbox does not exist."));
        states.setOutgoingState(ids.value(2), State::Unknown,
                                QStringLiteral("The connection ended after the message."));
        ready = ids.size() == 3 && store.apply(std::move(states)).committed() &&
                !reader.open(store.path());
    }

    QList<Store::OutgoingRecord> outbox()
    {
        Store::StoreReader fresh;
        return fresh.open(store.path()) ? QList<Store::OutgoingRecord>()
                                        : fresh.outbox().valueOr({});
    }

    qint64 countIn(Store::Folder folder)
    {
        Store::StoreReader fresh;
        return fresh.open(store.path()) ? -1 : fresh.count(QString(), folder).valueOr(-1);
    }
};

QPushButton *button(OutboxView &view, const char *name)
{
    return view.findChild<QPushButton *>(QString::fromLatin1(name));
}

int rowWithSubject(OutboxModel *model, const QString &subject)
{
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->record(row).subject == subject)
            return row;
    return -1;
}

} // namespace

class tst_OutboxView : public QObject
{
    Q_OBJECT

private slots:
    void showsWhereEachMessageStandsInWords()
    {
        Fixture f;
        QVERIFY(f.ready);
        OutboxView view(&f.reader, f.store.writer());
        view.setAccount(QString());
        OutboxModel *model = view.model();
        QCOMPARE(model->rowCount(), 3);
        const int refused = rowWithSubject(model, QStringLiteral("被拒"));
        QCOMPARE(model->index(refused, OutboxModel::Status).data().toString(),
                 QStringLiteral("Not sent"));
        QCOMPARE(model->index(refused, OutboxModel::To).data().toString(),
                 QStringLiteral("王芳 <wangfang@example.cn>"));
        view.selectRow(refused);
        const QString details = view.findChild<QLabel *>(QStringLiteral("outboxDetails"))->text();
        QVERIFY2(details.contains(QStringLiteral("mailbox does not exist")), qPrintable(details));
        QVERIFY(button(view, "outboxSendAgain")->isEnabled());
        QVERIFY(!button(view, "outboxMarkSent")->isEnabled()); // refused: it did not go out

        view.selectRow(rowWithSubject(model, QStringLiteral("也许")));
        QVERIFY(button(view, "outboxMarkSent")->isEnabled());
        QCOMPARE(model->index(rowWithSubject(model, QStringLiteral("等待")), 0).data().toString(),
                 QStringLiteral("Waiting"));
    }

    void sendAgainQueuesARefusedMessageAndAsksToSend()
    {
        Fixture f;
        QVERIFY(f.ready);
        OutboxView view(&f.reader, f.store.writer());
        view.setAccount(QStringLiteral("a1"));
        QSignalSpy send(&view, &OutboxView::sendRequested);
        view.selectRow(rowWithSubject(view.model(), QStringLiteral("被拒")));
        button(view, "outboxSendAgain")->click();
        QCOMPARE(send.count(), 1);
        QCOMPARE(send.first().first().toString(), QStringLiteral("a1"));
        // The model follows the store by itself.
        QTRY_COMPARE(view.model()
                         ->index(rowWithSubject(view.model(), QStringLiteral("被拒")), 0)
                         .data()
                         .toString(),
                     QStringLiteral("Waiting"));
    }

    void markAsSentMovesAPerhapsSentMessageToSent()
    {
        Fixture f;
        QVERIFY(f.ready);
        OutboxView view(&f.reader, f.store.writer());
        view.setAccount(QString());
        view.selectRow(rowWithSubject(view.model(), QStringLiteral("也许")));
        button(view, "outboxMarkSent")->click();
        QTRY_COMPARE(view.model()->rowCount(), 2);
        QCOMPARE(f.countIn(Store::Folder::Sent), 1);
        QCOMPARE(f.outbox().size(), 2);
    }

    void editBringsTheMessageBackToDraftsWithItsBcc()
    {
        Fixture f;
        QVERIFY(f.ready);
        OutboxView view(&f.reader, f.store.writer());
        view.setAccount(QString());
        QSignalSpy draft(&view, &OutboxView::draftReady);
        view.selectRow(rowWithSubject(view.model(), QStringLiteral("被拒")));
        button(view, "outboxEdit")->click();
        QTRY_COMPARE(draft.count(), 1);
        QCOMPARE(view.model()->rowCount(), 2);
        QCOMPARE(f.countIn(Store::Folder::Drafts), 1);
        const QByteArray raw = f.reader.rawMessage(draft.first().first().toLongLong()).valueOr({});
        const Mime::OutgoingMessage back = Compose::ComposedMessage::fromRaw(raw);
        QCOMPARE(back.subject, QStringLiteral("被拒"));
        QCOMPARE(back.bcc.value(0).email, QStringLiteral("boss@example.org"));
        QCOMPARE(back.to.value(0).email, QStringLiteral("wangfang@example.cn"));
    }

    void deleteAsksFirst()
    {
        Fixture f;
        QVERIFY(f.ready);
        OutboxView view(&f.reader, f.store.writer());
        view.setAccount(QString());
        view.selectRow(0);
        QTimer::singleShot(0, this, [] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            box->button(QMessageBox::Cancel)->click();
        });
        button(view, "outboxDelete")->click();
        QTest::qWait(50);
        QCOMPARE(f.outbox().size(), 3);
        QTimer::singleShot(0, this, [] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            box->button(QMessageBox::Yes)->click();
        });
        button(view, "outboxDelete")->click();
        QTRY_COMPARE(view.model()->rowCount(), 2);
        QCOMPARE(f.outbox().size(), 2);
    }

    void theFolderTreeCountsTheOutboxAndDrafts()
    {
        Fixture f;
        QVERIFY(f.ready);
        Ui::FolderModel folders(&f.reader, f.store.writer());
        folders.setAccounts({{QStringLiteral("a1"), QStringLiteral("Work")}});
        const QModelIndex outbox = folders.outboxIndexFor(QStringLiteral("a1"));
        QVERIFY(outbox.isValid());
        QVERIFY(outbox.data(Ui::OutboxRole).toBool());
        QCOMPARE(outbox.data().toString(), QStringLiteral("Outbox (3)"));
        // A refused message needs the user: the Outbox stands out.
        QVERIFY(outbox.data(Qt::FontRole).value<QFont>().bold());
        QCOMPARE(folders.outboxIndexFor(QString()).data().toString(), QStringLiteral("Outbox (3)"));

        // Drafts counts what it holds; the tree follows the store.
        Store::WriteBatch batch;
        batch.insertMessage(
            Compose::ComposedMessage::draft(message(QStringLiteral("草稿")), QStringLiteral("a1")));
        batch.deleteOutgoing(f.ids.at(0));
        QVERIFY(f.store.apply(std::move(batch)).committed());
        QTRY_COMPARE(
            folders.indexFor(QStringLiteral("a1"), Store::Folder::Drafts).data().toString(),
            QStringLiteral("Drafts (1)"));
        QTRY_COMPARE(folders.outboxIndexFor(QStringLiteral("a1")).data().toString(),
                     QStringLiteral("Outbox (2)"));
        QCOMPARE(folders.indexFor(QStringLiteral("a1"), Store::Folder::Sent).data().toString(),
                 QStringLiteral("Sent"));
    }
};

QTEST_MAIN(tst_OutboxView)
#include "tst_OutboxView.moc"
