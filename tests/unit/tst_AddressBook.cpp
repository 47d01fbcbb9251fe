#include "compose/AddressBook.h"
#include "store/StoreReader.h"
#include "store/StoreWriter.h"
#include "store/WriteBatch.h"
#include "sync/MessageIngest.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Poplar;
using Compose::AddressBook;

namespace {

const QDateTime kNow(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC);

QStringList emails(const AddressBook &book)
{
    QStringList out;
    for (const Compose::Correspondent &person : book.ranked())
        out.append(person.address.email);
    return out;
}

} // namespace

// Address completion ranks the people in the user's mail by how often and how recently they
// wrote or were written to.
class tst_AddressBook : public QObject
{
    Q_OBJECT

private slots:
    void ranksByFrequencyAndRecency()
    {
        AddressBook book({}, kNow);
        // Three old messages from Zoe, one recent one from Wang Fang: recent wins over
        // a little more frequent but a year old.
        for (int i = 0; i < 3; ++i)
            book.addReceived(QStringLiteral("Zoe <zoe@example.org>"), kNow.addDays(-365 - i));
        book.addReceived(QStringLiteral("王芳 <wangfang@example.cn>"), kNow.addDays(-1));
        // Many recent messages from Alice put her first.
        for (int i = 0; i < 5; ++i)
            book.addReceived(QStringLiteral("Alice <alice@example.org>"), kNow.addDays(-i));
        QCOMPARE(emails(book), (QStringList{QStringLiteral("alice@example.org"),
                                            QStringLiteral("wangfang@example.cn"),
                                            QStringLiteral("zoe@example.org")}));
    }

    void writingToSomeoneCountsMoreThanHearingFromThem()
    {
        AddressBook book({}, kNow);
        book.addReceived(QStringLiteral("newsletter@example.com"), kNow.addDays(-2));
        book.addSent(QStringLiteral("Bob <bob@example.org>"), QString(), kNow.addDays(-2));
        QCOMPARE(emails(book).value(0), QStringLiteral("bob@example.org"));
        book.addSent(QString(), QStringLiteral("carol@example.org, dave@example.org"),
                     kNow.addDays(-1));
        QVERIFY(emails(book).contains(QStringLiteral("carol@example.org")));
        QVERIFY(emails(book).contains(QStringLiteral("dave@example.org")));
    }

    void leavesOutTheUsersOwnAddressesAndKeepsTheLatestName()
    {
        AddressBook book({QStringLiteral("Me@Example.org")}, kNow);
        book.addReceived(QStringLiteral("Me <me@example.org>"), kNow);
        book.addReceived(QStringLiteral("Li <li@example.cn>"), kNow.addDays(-10));
        book.addReceived(QStringLiteral("李明 <LI@example.cn>"), kNow.addDays(-2));
        book.addReceived(QStringLiteral("Old Name <li@example.cn>"), kNow.addDays(-30));
        book.addReceived(QStringLiteral("undisclosed-recipients:;"), kNow);
        const QList<Compose::Correspondent> ranked = book.ranked();
        QCOMPARE(ranked.size(), 1);
        QCOMPARE(ranked.first().address.name, QStringLiteral("李明"));
        QCOMPARE(ranked.first().address.email.toLower(), QStringLiteral("li@example.cn"));
    }

    void formatsNamesSoTheyCanBeTypedBack()
    {
        QCOMPARE(AddressBook::formatted(
                     {QStringLiteral("李明"), QStringLiteral("li@example.cn"), QString()}),
                 QStringLiteral("李明 <li@example.cn>"));
        QCOMPARE(AddressBook::formatted({QStringLiteral("Martin, Alice"),
                                         QStringLiteral("alice@example.org"), QString()}),
                 QStringLiteral("\"Martin, Alice\" <alice@example.org>"));
        QCOMPARE(AddressBook::formatted(
                     {QStringLiteral("Say \"hi\""), QStringLiteral("hi@example.org"), QString()}),
                 QStringLiteral("\"Say \\\"hi\\\"\" <hi@example.org>"));
        QCOMPARE(AddressBook::formatted({QString(), QStringLiteral("x@example.org"), QString()}),
                 QStringLiteral("x@example.org"));
        // What formatted() writes reads back to the same address.
        for (const QString &name : {QStringLiteral("Martin, Alice"), QStringLiteral("Say \"hi\""),
                                    QStringLiteral("王 (Wang) <x>")}) {
            const Mime::Address address{name, QStringLiteral("a@example.org"), QString()};
            const QList<Mime::Address> back =
                Mime::Address::parseList(AddressBook::formatted(address).toUtf8());
            QCOMPARE(back.size(), 1);
            QCOMPARE(back.first().name, name);
            QCOMPARE(back.first().email, address.email);
        }
    }

    void readsSendersFromTheInboxAndRecipientsFromSent()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mail.sqlite"));
        Store::StoreWriter writer(path);
        if (!writer.isOpen())
            QVERIFY(QSignalSpy(&writer, &Store::StoreWriter::opened).wait(10000));
        auto message = [](const QString &uidl, const QByteArray &headers, Store::Folder folder) {
            Store::NewMessage m = Sync::MessageIngest::prepare(
                QStringLiteral("a1"), uidl, headers + "\r\nText\r\n", -1, false, QDateTime());
            m.folder = folder;
            return m;
        };
        Store::WriteBatch batch;
        batch.insertMessage(message(QStringLiteral("u1"),
                                    "From: =?UTF-8?B?546L6Iqz?= <wangfang@example.cn>\r\n"
                                    "To: me@example.org\r\n"
                                    "Date: Mon, 30 Nov 2026 10:00:00 +0000\r\n",
                                    Store::Folder::Inbox));
        batch.insertMessage(message(QStringLiteral("s1"),
                                    "From: me@example.org\r\n"
                                    "To: Bob <bob@example.org>\r\nCc: carol@example.org\r\n"
                                    "Date: Mon, 30 Nov 2026 11:00:00 +0000\r\n",
                                    Store::Folder::Sent));
        QSignalSpy finished(&writer, &Store::StoreWriter::batchFinished);
        writer.submit(std::move(batch));
        QVERIFY(finished.wait(10000));

        Store::StoreReader reader;
        QVERIFY(!reader.open(path));
        const AddressBook book = AddressBook::fromStore(reader, {QStringLiteral("me@example.org")});
        const QStringList found = emails(book);
        QCOMPARE(found.size(), 3);
        QVERIFY(found.contains(QStringLiteral("wangfang@example.cn")));
        QVERIFY(found.contains(QStringLiteral("bob@example.org")));
        QVERIFY(found.contains(QStringLiteral("carol@example.org")));
        QVERIFY(!found.contains(QStringLiteral("me@example.org")));
        for (const Compose::Correspondent &person : book.ranked())
            if (person.address.email == QStringLiteral("wangfang@example.cn"))
                QCOMPARE(person.address.name, QStringLiteral("王芳"));
    }
};

QTEST_MAIN(tst_AddressBook)
#include "tst_AddressBook.moc"
