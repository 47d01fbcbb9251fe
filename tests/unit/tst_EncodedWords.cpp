#include "mime/EncodedWords.h"

#include <QElapsedTimer>
#include <QTest>

using Poplar::Mime::EncodedWords;

class tst_EncodedWords : public QObject
{
    Q_OBJECT

private slots:
    void decodes_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("text");
        QTest::newRow("plain") << QByteArray("Hello world") << QStringLiteral("Hello world");
        QTest::newRow("b-utf8") << QByteArray("=?UTF-8?B?5L2g5aW9?=") << QStringLiteral("你好");
        QTest::newRow("q-latin1") << QByteArray("=?ISO-8859-1?Q?caf=E9_cr=E8me?=")
                                  << QStringLiteral("café crème");
        QTest::newRow("adjacent-words-join")
            << QByteArray("=?utf-8?B?5L2g?=  \t =?utf-8?B?5aW9?=") << QStringLiteral("你好");
        QTest::newRow("text-between-words-kept")
            << QByteArray("=?utf-8?Q?a?= and =?utf-8?Q?b?=") << QStringLiteral("a and b");
        // 日 is E6 97 A5: split after its first byte.
        QTest::newRow("split-multibyte")
            << QByteArray("=?utf-8?B?5g==?= =?utf-8?B?l6U=?=") << QStringLiteral("日");
        QTest::newRow("gb2312") << QByteArray("=?gb2312?B?xOO6ww==?=") << QStringLiteral("你好");
        QTest::newRow("lower-case-encoding")
            << QByteArray("=?utf-8?q?m=C3=A4hen?=") << QStringLiteral("mähen");
        QTest::newRow("glued-to-text")
            << QByteArray("Re:=?utf-8?q?caf=c3=a9?=s") << QStringLiteral("Re:cafés");
        QTest::newRow("language-tag") << QByteArray("=?utf-8*en?Q?hi?=") << QStringLiteral("hi");
        QTest::newRow("missing-padding")
            << QByteArray("=?utf-8?B?5L2g5aW9?=") << QStringLiteral("你好");
        QTest::newRow("unclosed-word-left-as-is")
            << QByteArray("=?utf-8?B?5L2g") << QStringLiteral("=?utf-8?B?5L2g");
        QTest::newRow("bad-encoding-letter-left-as-is")
            << QByteArray("=?utf-8?X?abc?=") << QStringLiteral("=?utf-8?X?abc?=");
        QTest::newRow("raw-utf8") << QByteArray("Gr\xc3\xbc\xc3\x9f"
                                                "e")
                                  << QStringLiteral("Grüße");
        QTest::newRow("two-charsets") << QByteArray("=?gb2312?B?vPLM5Q==?= =?big5?B?wWPF6Q==?=")
                                      << QStringLiteral("简体繁體");
    }

    void decodes()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, text);
        QCOMPARE(EncodedWords::decode(raw), text);
    }

    // Many unterminated words must not make decoding quadratic: this took minutes before.
    void unterminatedWordsStayLinear()
    {
        QByteArray raw;
        for (int i = 0; i < 20000; ++i)
            raw += "=?a?q?x ";
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(EncodedWords::decode(raw), QString::fromLatin1(raw));
        QVERIFY2(timer.elapsed() < 10000, "far slower than linear");
    }

    void rawBytesUseFallbackCharset()
    {
        // 会议 in GBK, unlabelled in a Subject; the body's charset is the hint.
        QCOMPARE(EncodedWords::decode("\xbb\xe1\xd2\xe9", "gbk"), QStringLiteral("会议"));
    }
};

QTEST_GUILESS_MAIN(tst_EncodedWords)
#include "tst_EncodedWords.moc"
