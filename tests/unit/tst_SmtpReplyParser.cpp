#include "smtp/ReplyParser.h"

#include <QTest>

using namespace Poplar::Smtp;

namespace {

// Feeds the bytes in pieces of `chunk` and collects every reply until the parser needs more.
QList<ReplyParser::Event> parseAll(const QByteArray &bytes, qsizetype chunk,
                                   ReplyParser::Limits limits = {})
{
    ReplyParser parser(limits);
    QList<ReplyParser::Event> events;
    for (qsizetype i = 0; i < bytes.size(); i += chunk) {
        parser.append(QByteArrayView(bytes).sliced(i, std::min(chunk, bytes.size() - i)));
        for (;;) {
            ReplyParser::Event e = parser.next();
            if (e.type == ReplyParser::Event::Type::NeedMore)
                break;
            events.append(e);
            if (e.type == ReplyParser::Event::Type::Failure)
                return events;
        }
    }
    return events;
}

} // namespace

class tst_SmtpReplyParser : public QObject
{
    Q_OBJECT

private slots:
    void multiLineReplyInAnyPieces_data()
    {
        QTest::addColumn<int>("chunk");
        for (int chunk : {1, 2, 7, 1000})
            QTest::addRow("%d", chunk) << chunk;
    }
    void multiLineReplyInAnyPieces()
    {
        QFETCH(int, chunk);
        const QByteArray bytes = "250-mail.example greets you\r\n250-PIPELINING\r\n"
                                 "250-SIZE 1000\r\n250 8BITMIME\r\n354 go on\r\n";
        const QList<ReplyParser::Event> events = parseAll(bytes, chunk);
        QCOMPARE(events.size(), 2);
        QCOMPARE(events[0].reply.code, 250);
        QCOMPARE(events[0].reply.lines, QByteArrayList({"mail.example greets you", "PIPELINING",
                                                        "SIZE 1000", "8BITMIME"}));
        QCOMPARE(events[1].reply.code, 354);
        QCOMPARE(events[1].reply.text(), QByteArray("go on"));
    }

    void enhancedStatusCodeIsTakenOffTheText()
    {
        const QList<ReplyParser::Event> events =
            parseAll("550-5.1.1 <bob@example.org>: Recipient address rejected:\r\n"
                     "550 5.1.1 User unknown in virtual mailbox table\r\n",
                     1000);
        QCOMPARE(events.size(), 1);
        const Reply &r = events[0].reply;
        QCOMPARE(r.code, 550);
        QCOMPARE(r.status, (EnhancedStatus{5, 1, 1}));
        QCOMPARE(r.status.toString(), QByteArray("5.1.1"));
        QVERIFY(r.isPermanentFailure());
        QCOMPARE(r.lines.last(), QByteArray("User unknown in virtual mailbox table"));
    }

    void enhancedStatusNeedsTheReplysClass()
    {
        // "4.2.0" on a 250 line, a version number, a bare "2.0": text, not a status.
        QByteArray rest;
        QVERIFY(!ReplyParser::parseEnhancedStatus("1.2.3 x", &rest).isValid());
        QVERIFY(!ReplyParser::parseEnhancedStatus("2.0 ok", &rest).isValid());
        QVERIFY(!ReplyParser::parseEnhancedStatus("2.x.1 ok", &rest).isValid());
        QVERIFY(!ReplyParser::parseEnhancedStatus("2.1000.1 ok", &rest).isValid());
        QCOMPARE(rest, QByteArray("2.1000.1 ok"));
        const QList<ReplyParser::Event> events = parseAll("250 4.2.0 odd\r\n", 100);
        QCOMPARE(events[0].reply.status.isValid(), false);
        QCOMPARE(events[0].reply.text(), QByteArray("4.2.0 odd"));
        const EnhancedStatus s = ReplyParser::parseEnhancedStatus("4.7.0", &rest);
        QCOMPARE(s, (EnhancedStatus{4, 7, 0}));
        QVERIFY(rest.isEmpty());
    }

    void bareCodeAndLfOnlyLineEnds()
    {
        const QList<ReplyParser::Event> events = parseAll("220\n221 bye\n", 3);
        QCOMPARE(events.size(), 2);
        QCOMPARE(events[0].reply.code, 220);
        QCOMPARE(events[0].reply.text(), QByteArray());
        QCOMPARE(events[1].reply.code, 221);
    }

    void hostileInput_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("failure");
        QTest::newRow("garbage") << QByteArray("HTTP/1.1 400 Bad Request\r\n")
                                 << int(ReplyParser::Failure::NotAReply);
        QTest::newRow("code out of range")
            << QByteArray("999 what\r\n") << int(ReplyParser::Failure::NotAReply);
        QTest::newRow("no separator")
            << QByteArray("250x\r\n") << int(ReplyParser::Failure::NotAReply);
        QTest::newRow("code changes mid-reply")
            << QByteArray("250-a\r\n550 b\r\n") << int(ReplyParser::Failure::NotAReply);
        QTest::newRow("endless line")
            << QByteArray(100 * 1024, 'A') << int(ReplyParser::Failure::LineTooLong);
        QByteArray huge;
        for (int i = 0; i < 200000; ++i)
            huge += "250-XEXTENSION" + QByteArray::number(i) + "\r\n";
        QTest::newRow("10 MB EHLO that never ends")
            << huge << int(ReplyParser::Failure::ReplyTooLarge);
    }
    void hostileInput()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, failure);
        const QList<ReplyParser::Event> events = parseAll(bytes, 4096);
        QVERIFY(!events.isEmpty());
        QCOMPARE(events.last().type, ReplyParser::Event::Type::Failure);
        QCOMPARE(int(events.last().failure), failure);
        QVERIFY(events.last().offending.size() <= 200);
    }

    void failedParserStaysFailed()
    {
        ReplyParser parser;
        parser.append("garbage\r\n");
        QCOMPARE(parser.next().type, ReplyParser::Event::Type::Failure);
        parser.append("250 ok\r\n");
        QCOMPARE(parser.next().type, ReplyParser::Event::Type::Failure);
    }

    void discardBufferedDropsWhatCameInClear()
    {
        ReplyParser parser;
        parser.append("220 go ahead\r\n250 injected\r\n");
        QCOMPARE(parser.next().reply.code, 220);
        QVERIFY(parser.hasBufferedBytes());
        parser.discardBuffered();
        QCOMPARE(parser.next().type, ReplyParser::Event::Type::NeedMore);
    }
};

QTEST_GUILESS_MAIN(tst_SmtpReplyParser)
#include "tst_SmtpReplyParser.moc"
