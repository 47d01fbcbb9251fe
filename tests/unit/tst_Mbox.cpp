#include "mime/Mbox.h"

#include <QTest>

using Poplar::Mime::Mbox;

class tst_Mbox : public QObject
{
    Q_OBJECT

private slots:
    void roundTripKeepsEveryLine()
    {
        // Lines that look like separators, at every quoting level, must come back unchanged.
        const QByteArray first = "From: a@example.test\nSubject: one\n\nFrom here on.\n"
                                 ">From the quoted.\n>>From deeper.\nFromage is not a From line.\n";
        const QByteArray second = "Subject: two\n\nLast line without newline";
        const QDateTime date(QDate(2026, 11, 22), QTime(9, 0), Qt::UTC);
        const QByteArray mbox =
            Mbox::entry(first, "a@example.test", date) + Mbox::entry(second, QByteArray(), date);
        QVERIFY(mbox.startsWith("From a@example.test Sun Nov 22 09:00:00 2026\n"));
        QVERIFY(mbox.contains("\n>From here on.\n"));
        QVERIFY(mbox.contains("\n>>From the quoted.\n"));
        QVERIFY(mbox.contains("\n>>>From deeper.\n"));
        QVERIFY(mbox.contains("\nFrom MAILER-DAEMON "));

        const QList<QByteArray> messages = Mbox::split(mbox);
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(0), first);
        QCOMPARE(messages.at(1), second + '\n');
    }

    void crlfMessagesAreWrittenWithLf()
    {
        const QByteArray message = "Subject: crlf\r\n\r\nbody\r\n";
        const QList<QByteArray> back = Mbox::split(Mbox::entry(message, "x@y", QDateTime()));
        QCOMPARE(back, QList<QByteArray>{"Subject: crlf\n\nbody\n"});
    }

    void textBeforeTheFirstSeparatorIsNotAMessage()
    {
        QVERIFY(Mbox::split(QByteArray()).isEmpty());
        QVERIFY(Mbox::split("no separator here\n").isEmpty());
        const auto messages = Mbox::split("junk\n\nFrom x Sun Nov 22 09:00:00 2026\nA: b\n\nc\n");
        QCOMPARE(messages, QList<QByteArray>{"A: b\n\nc\n"});
    }
};

QTEST_GUILESS_MAIN(tst_Mbox)
#include "tst_Mbox.moc"
