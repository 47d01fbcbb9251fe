#include "store/ContentHash.h"

#include <QTest>

using Poplar::Store::ContentHash;

class tst_ContentHash : public QObject
{
    Q_OBJECT

private slots:
    void bodyStartsAfterTheFirstEmptyLine_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<qsizetype>("start");
        QTest::newRow("crlf") << QByteArray("Subject: a\r\n\r\nbody\r\n") << qsizetype(14);
        QTest::newRow("lf") << QByteArray("Subject: a\n\nbody\n") << qsizetype(12);
        QTest::newRow("lf then crlf") << QByteArray("Subject: a\n\r\nbody") << qsizetype(13);
        QTest::newRow("later blank line in body")
            << QByteArray("A: 1\r\nB: 2\r\n\r\nx\r\n\r\ny") << qsizetype(14);
        QTest::newRow("no header") << QByteArray("\r\nbody") << qsizetype(2);
        QTest::newRow("no header, lf") << QByteArray("\nbody") << qsizetype(1);
        QTest::newRow("no body") << QByteArray("Subject: a\r\n") << qsizetype(12);
        QTest::newRow("empty") << QByteArray() << qsizetype(0);
        QTest::newRow("ends at the blank line") << QByteArray("A: 1\r\n\r\n") << qsizetype(8);
    }

    void bodyStartsAfterTheFirstEmptyLine()
    {
        QFETCH(QByteArray, raw);
        QFETCH(qsizetype, start);
        QCOMPARE(ContentHash::bodyStart(raw), start);
    }

    void sameBodyUnderDifferentHeadersAndLineEndsIsTheSameMessage()
    {
        const QByteArray fromServer =
            "Received: from a\r\nSubject: hi\r\n\r\nline one\r\nline two\r\n";
        const QByteArray fromMbox = "Status: RO\nSubject: hi\nX-UIDL: 17\n\nline one\nline two\n";
        QCOMPARE(ContentHash::of(fromServer), ContentHash::of(fromMbox));
        QCOMPARE(ContentHash::of(fromServer).size(), 32);
    }

    void differentBodiesDiffer()
    {
        const QByteArray a = "Subject: hi\r\n\r\nline one\r\n";
        QVERIFY(ContentHash::of(a) != ContentHash::of("Subject: hi\r\n\r\nline One\r\n"));
        QVERIFY(ContentHash::of(a) != ContentHash::of("Subject: hi\r\n\r\nline one\r\n\r\n"));
        // The header's blank line is not part of the body: a body that begins with an empty
        // line is another body.
        QVERIFY(ContentHash::of(a) != ContentHash::of("Subject: hi\r\n\r\n\r\nline one\r\n"));
    }

    void messageWithoutBodyHasTheEmptyBodysHash()
    {
        QCOMPARE(ContentHash::of("Subject: a\r\n"), ContentHash::of("Subject: b\r\n\r\n"));
        QVERIFY(!ContentHash::of(QByteArray()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_ContentHash)
#include "tst_ContentHash.moc"
