#include "mime/TransferEncoding.h"

#include <QTest>

using Poplar::Mime::TransferEncoding;
using Poplar::Mime::UuencodedFile;

class tst_TransferEncoding : public QObject
{
    Q_OBJECT

private slots:
    void base64IsTolerant_data()
    {
        QTest::addColumn<QByteArray>("encoded");
        QTest::addColumn<QByteArray>("decoded");
        QTest::newRow("clean") << QByteArray("SGVsbG8sIHdvcmxkIQ==") << QByteArray("Hello, world!");
        QTest::newRow("no-padding")
            << QByteArray("SGVsbG8sIHdvcmxkIQ") << QByteArray("Hello, world!");
        QTest::newRow("blanks-and-newlines")
            << QByteArray("SGVs bG8s\r\n IHdv\tcmxk IQ==\r\n") << QByteArray("Hello, world!");
        QTest::newRow("stray-characters")
            << QByteArray("SGVs*bG8s!IHdvcmxkIQ==") << QByteArray("Hello, world!");
        QTest::newRow("padding-in-the-middle")
            << QByteArray("SGk=IHRoZXJl") << QByteArray("Hi there");
        QTest::newRow("url-safe-alphabet") << QByteArray("-_8=") << QByteArray("\xfb\xff");
        QTest::newRow("empty") << QByteArray() << QByteArray();
    }

    void base64IsTolerant()
    {
        QFETCH(QByteArray, encoded);
        QFETCH(QByteArray, decoded);
        QCOMPARE(TransferEncoding::decodeBase64(encoded), decoded);
    }

    void quotedPrintable_data()
    {
        QTest::addColumn<QByteArray>("encoded");
        QTest::addColumn<QByteArray>("decoded");
        QTest::newRow("hex") << QByteArray("caf=C3=A9") << QByteArray("caf\xc3\xa9");
        QTest::newRow("lower-case-hex") << QByteArray("caf=c3=a9") << QByteArray("caf\xc3\xa9");
        QTest::newRow("soft-break-crlf") << QByteArray("join=\r\ned") << QByteArray("joined");
        QTest::newRow("soft-break-lf") << QByteArray("join=\ned") << QByteArray("joined");
        QTest::newRow("soft-break-with-blanks")
            << QByteArray("join=  \ned") << QByteArray("joined");
        QTest::newRow("bad-escape-kept") << QByteArray("a =ZZ b") << QByteArray("a =ZZ b");
        QTest::newRow("trailing-blanks-dropped")
            << QByteArray("line   \nnext") << QByteArray("line\nnext");
        QTest::newRow("equals-at-end") << QByteArray("end=") << QByteArray("end");
    }

    void quotedPrintable()
    {
        QFETCH(QByteArray, encoded);
        QFETCH(QByteArray, decoded);
        QCOMPARE(TransferEncoding::decodeQuotedPrintable(encoded), decoded);
    }

    void qEncodingUnderscoreIsSpace()
    {
        QCOMPARE(TransferEncoding::decodeQ("a_b=5Fc"), QByteArray("a b_c"));
    }

    void uuencodedBlocksAreExtracted()
    {
        // "Cat" uuencoded.
        QString text = QStringLiteral("Before\nbegin 644 cat.txt\n#0V%T\n`\nend\nAfter");
        const QList<UuencodedFile> files = TransferEncoding::extractUuencoded(text);
        QCOMPARE(files.size(), 1);
        QCOMPARE(files[0].filename, QStringLiteral("cat.txt"));
        QCOMPARE(files[0].data, QByteArray("Cat"));
        QCOMPARE(text, QStringLiteral("Before\nAfter"));
    }

    void beginWithoutEndIsLeftAsText()
    {
        QString text = QStringLiteral("begin 644 x.txt\n#0V%T\nno end here");
        QVERIFY(TransferEncoding::extractUuencoded(text).isEmpty());
        QCOMPARE(text, QStringLiteral("begin 644 x.txt\n#0V%T\nno end here"));
    }

    void flowedTextJoins()
    {
        const QString in = QStringLiteral("one \ntwo\n> quoted \n> more\n>> deep\n-- \nsig");
        QCOMPARE(TransferEncoding::unflow(in, false),
                 QStringLiteral("one two\n> quoted more\n>> deep\n-- \nsig"));
    }

    void flowedDelSpRemovesTheSpace()
    {
        QCOMPARE(TransferEncoding::unflow(QStringLiteral("日本 \n語"), true),
                 QStringLiteral("日本語"));
    }

    void flowedSpaceStuffingRemoved()
    {
        QCOMPARE(TransferEncoding::unflow(QStringLiteral(" From here\n >not a quote"), false),
                 QStringLiteral("From here\n>not a quote"));
    }
};

QTEST_GUILESS_MAIN(tst_TransferEncoding)
#include "tst_TransferEncoding.moc"
