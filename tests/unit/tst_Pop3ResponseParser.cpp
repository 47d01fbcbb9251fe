#include "pop3/ResponseParser.h"

#include <QTest>

using namespace Poplar::Pop3;
using Expect = ResponseParser::Expect;
using Type = ResponseParser::Event::Type;

namespace {

// One response of a transcript as the client would expect it.
struct Step
{
    Expect expect;
};

// Plays `transcript` through a parser fed in the given pieces and returns a flat, readable
// record of the events: "OK:text", "ERR:text", "+:text", "L:line", "D:<all data>", "END",
// "FAIL:<kind>". Consecutive Data events are joined, since their split is arbitrary.
QStringList play(const QList<QByteArray> &pieces, const QList<Expect> &expects,
                 ResponseParser::Limits limits = {})
{
    ResponseParser parser(limits);
    QStringList out;
    qsizetype response = 0;
    QByteArray data;
    auto flushData = [&] {
        if (!data.isEmpty()) {
            out << QStringLiteral("D:") + QString::fromLatin1(data);
            data.clear();
        }
    };
    for (const QByteArray &piece : pieces) {
        parser.append(piece);
        while (response < expects.size()) {
            const auto event = parser.next(expects.at(response));
            if (event.type == Type::NeedMore)
                break;
            if (event.type != Type::Data)
                flushData();
            switch (event.type) {
            case Type::NeedMore:
                break;
            case Type::Ok:
                out << QStringLiteral("OK:") + QString::fromLatin1(event.text);
                if (expects.at(response) == Expect::Status ||
                    expects.at(response) == Expect::SaslStep)
                    ++response;
                break;
            case Type::Err:
                out << QStringLiteral("ERR:") + QString::fromLatin1(event.text);
                ++response;
                break;
            case Type::Continuation:
                out << QStringLiteral("+:") + QString::fromLatin1(event.text);
                ++response;
                break;
            case Type::Line:
                out << QStringLiteral("L:") + QString::fromLatin1(event.text);
                break;
            case Type::Data:
                data += event.text;
                break;
            case Type::End:
                out << QStringLiteral("END");
                ++response;
                break;
            case Type::Failure:
                out << QStringLiteral("FAIL:") + QString::fromLatin1(errorKindName(event.failure));
                return out;
            }
        }
    }
    flushData();
    return out;
}

const QByteArray Transcript = "+OK POP3 ready <1.2@x>\r\n"
                              "+OK\r\nUSER\r\nSASL PLAIN\r\n.\r\n"
                              "+ \r\n"
                              "+OK logged in\r\n"
                              "+OK 2 messages\r\n1 120\r\n2 200\r\n.\r\n"
                              "+OK\r\nSubject: a\r\n\r\n..dot\r\nbare\n.\r\n"
                              "-ERR [IN-USE] no such message\r\n"
                              "+OK\r\n.\r\n"
                              "+OK bye\r\n";
const QList<Expect> TranscriptExpects = {Expect::Status,   Expect::MultiLine, Expect::SaslStep,
                                         Expect::SaslStep, Expect::MultiLine, Expect::Stream,
                                         Expect::Stream,   Expect::Stream,    Expect::Status};

} // namespace

class tst_Pop3ResponseParser : public QObject
{
    Q_OBJECT

private slots:
    void wholeTranscript()
    {
        const QStringList events = play({Transcript}, TranscriptExpects);
        const QStringList expected = {QStringLiteral("OK:POP3 ready <1.2@x>"),
                                      QStringLiteral("OK:"),
                                      QStringLiteral("L:USER"),
                                      QStringLiteral("L:SASL PLAIN"),
                                      QStringLiteral("END"),
                                      QStringLiteral("+:"),
                                      QStringLiteral("OK:logged in"),
                                      QStringLiteral("OK:2 messages"),
                                      QStringLiteral("L:1 120"),
                                      QStringLiteral("L:2 200"),
                                      QStringLiteral("END"),
                                      QStringLiteral("OK:"),
                                      QStringLiteral("D:Subject: a\r\n\r\n.dot\r\nbare\r\n"),
                                      QStringLiteral("END"),
                                      QStringLiteral("ERR:[IN-USE] no such message"),
                                      QStringLiteral("OK:"),
                                      QStringLiteral("END"),
                                      QStringLiteral("OK:bye")};
        QCOMPARE(events, expected);
    }

    void splitAtEveryByteBoundary()
    {
        const QStringList whole = play({Transcript}, TranscriptExpects);
        for (qsizetype cut = 1; cut < Transcript.size(); ++cut) {
            const QStringList split =
                play({Transcript.left(cut), Transcript.mid(cut)}, TranscriptExpects);
            QVERIFY2(split == whole, qPrintable(QStringLiteral("cut at %1").arg(cut)));
        }
    }

    void oneByteAtATime()
    {
        QList<QByteArray> bytes;
        for (char c : Transcript)
            bytes.append(QByteArray(1, c));
        QCOMPARE(play(bytes, TranscriptExpects), play({Transcript}, TranscriptExpects));
    }

    void smallDataChunksKeepContent()
    {
        // Chunks smaller than a line still unstuff and end correctly.
        ResponseParser::Limits limits;
        limits.dataChunkSize = 3;
        const QByteArray message = "+OK\r\nabcdefgh\r\n..x\r\n.\r\n";
        QCOMPARE(play({message}, {Expect::Stream}, limits),
                 (QStringList{QStringLiteral("OK:"), QStringLiteral("D:abcdefgh\r\n.x\r\n"),
                              QStringLiteral("END")}));
    }

    void terminatorWithBareLineFeed()
    {
        QCOMPARE(play({"+OK\nline\n.\n+OK next\n"}, {Expect::Stream, Expect::Status}),
                 (QStringList{QStringLiteral("OK:"), QStringLiteral("D:line\r\n"),
                              QStringLiteral("END"), QStringLiteral("OK:next")}));
    }

    void dotLinesThatAreNotTerminators()
    {
        // ".\r" followed by something else, and ". " are stuffed lines, not the end.
        QCOMPARE(play({"+OK\r\n. x\r\n..\r\n.\r\n"}, {Expect::Stream}),
                 (QStringList{QStringLiteral("OK:"), QStringLiteral("D: x\r\n.\r\n"),
                              QStringLiteral("END")}));
        QCOMPARE(play({"+OK\r\n.. x\r\n...\r\n.\r\n"}, {Expect::MultiLine}),
                 (QStringList{QStringLiteral("OK:"), QStringLiteral("L:. x"),
                              QStringLiteral("L:.."), QStringLiteral("END")}));
    }

    void garbageStatusLines_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("imap") << QByteArray("* OK IMAP4rev1\r\n");
        QTest::newRow("lower case") << QByteArray("+ok\r\n");
        QTest::newRow("glued") << QByteArray("+OKAY\r\n");
        QTest::newRow("empty") << QByteArray("\r\n");
        QTest::newRow("binary") << QByteArray("\x00\xff\x80\r\n", 5);
        QTest::newRow("continuation outside AUTH") << QByteArray("+ abc\r\n");
    }

    void garbageStatusLines()
    {
        QFETCH(QByteArray, line);
        QCOMPARE(play({line}, {Expect::Status}),
                 QStringList{QStringLiteral("FAIL:ProtocolViolation")});
    }

    void lineTooLong()
    {
        ResponseParser::Limits limits;
        limits.maxLineLength = 100;
        // Without a line end at all: detected as soon as more than the limit is buffered.
        QCOMPARE(play({QByteArray(60, 'x'), QByteArray(60, 'x')}, {Expect::Status}, limits),
                 QStringList{QStringLiteral("FAIL:LineTooLong")});
        // A complete line that is too long.
        QCOMPARE(play({"+OK " + QByteArray(200, 'y') + "\r\n"}, {Expect::Status}, limits),
                 QStringList{QStringLiteral("FAIL:LineTooLong")});
        // A listing line that is too long.
        QCOMPARE(play({"+OK\r\n1 " + QByteArray(200, '9') + "\r\n"}, {Expect::MultiLine}, limits),
                 (QStringList{QStringLiteral("OK:"), QStringLiteral("FAIL:LineTooLong")}));
        // Message lines are not limited: they are streamed.
        const QByteArray longLine(5000, 'z');
        QCOMPARE(play({"+OK\r\n" + longLine + "\r\n.\r\n"}, {Expect::Stream}, limits),
                 (QStringList{QStringLiteral("OK:"),
                              QStringLiteral("D:") + QString::fromLatin1(longLine) +
                                  QStringLiteral("\r\n"),
                              QStringLiteral("END")}));
    }

    void listingTooLarge()
    {
        ResponseParser::Limits limits;
        limits.maxListingSize = 1000;
        QByteArray listing = "+OK\r\n";
        for (int i = 1; i < 500; ++i)
            listing += QByteArray::number(i) + " 100\r\n";
        const QStringList events = play({listing}, {Expect::MultiLine}, limits);
        QCOMPARE(events.last(), QStringLiteral("FAIL:ResponseTooLarge"));
        QVERIFY(events.size() < 200);
    }

    void failureIsSticky()
    {
        ResponseParser parser;
        parser.append("garbage\r\n+OK\r\n");
        QCOMPARE(parser.next(Expect::Status).type, Type::Failure);
        QVERIFY(parser.hasFailed());
        parser.append("+OK\r\n");
        QCOMPARE(parser.next(Expect::Status).type, Type::Failure);
        QCOMPARE(parser.bufferedBytes(), 0);
    }

    void clearForgetsEverything()
    {
        ResponseParser parser;
        parser.append("+OK begin TLS\r\n+OK injected\r\n");
        QCOMPARE(parser.next(Expect::Status).type, Type::Ok);
        parser.clear();
        QCOMPARE(parser.bufferedBytes(), 0);
        QCOMPARE(parser.next(Expect::Status).type, Type::NeedMore);
        parser.append("+OK after\r\n");
        const auto event = parser.next(Expect::Status);
        QCOMPARE(event.type, Type::Ok);
        QCOMPARE(event.text, QByteArray("after"));
    }

    void largeMessageStreamsInBoundedChunks()
    {
        ResponseParser parser;
        QByteArray line(76, 'm');
        line += "\r\n";
        parser.append("+OK\r\n");
        QCOMPARE(parser.next(Expect::Stream).type, Type::Ok);
        qint64 total = 0;
        qsizetype largestChunk = 0;
        for (int i = 0; i < 40000; ++i) { // about 3 MB
            parser.append(line);
            if (i % 1000 == 999) {
                for (auto e = parser.next(Expect::Stream); e.type == Type::Data;
                     e = parser.next(Expect::Stream)) {
                    total += e.text.size();
                    largestChunk = std::max(largestChunk, e.text.size());
                }
                QVERIFY(parser.bufferedBytes() < 2 * line.size());
            }
        }
        parser.append(".\r\n");
        auto e = parser.next(Expect::Stream);
        QCOMPARE(e.type, Type::End);
        QCOMPARE(total, qint64(40000) * line.size());
        QVERIFY(largestChunk <= 64 * 1024 + line.size());
    }
};

QTEST_GUILESS_MAIN(tst_Pop3ResponseParser)
#include "tst_Pop3ResponseParser.moc"
