#include "mime/Charset.h"

#include <QElapsedTimer>
#include <QStringEncoder>
#include <QTest>

using Poplar::Mime::Charset;
using Poplar::Mime::DecodedText;

class tst_Charset : public QObject
{
    Q_OBJECT

private slots:
    void labelsMapToSupersets_data()
    {
        QTest::addColumn<QByteArray>("label");
        QTest::addColumn<QByteArray>("decoder");
        QTest::newRow("gb2312") << QByteArray("GB2312") << QByteArray("GB18030");
        QTest::newRow("gbk") << QByteArray("gbk") << QByteArray("GB18030");
        QTest::newRow("x-gbk") << QByteArray("x-gbk") << QByteArray("GB18030");
        QTest::newRow("cp936") << QByteArray("cp936") << QByteArray("GB18030");
        QTest::newRow("big5") << QByteArray("big5") << QByteArray("Big5-HKSCS");
        QTest::newRow("shift_jis") << QByteArray("Shift_JIS") << QByteArray("windows-31j");
        QTest::newRow("euc-kr") << QByteArray("euc-kr") << QByteArray("windows-949");
        QTest::newRow("ks_c_5601-1987")
            << QByteArray("ks_c_5601-1987") << QByteArray("windows-949");
        QTest::newRow("latin1") << QByteArray("ISO-8859-1") << QByteArray("windows-1252");
        QTest::newRow("quoted") << QByteArray("\"utf-8\"") << QByteArray("UTF-8");
        QTest::newRow("cp1251") << QByteArray("cp1251") << QByteArray("windows-1251");
        QTest::newRow("unknown") << QByteArray("x-no-such-thing") << QByteArray();
    }

    void labelsMapToSupersets()
    {
        QFETCH(QByteArray, label);
        QFETCH(QByteArray, decoder);
        QCOMPARE(Charset::canonicalName(label), decoder);
    }

    void decodesLabelledCjk_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QByteArray>("label");
        QTest::addColumn<QString>("text");
        // 你好 in GB2312; 镕 exists only in GBK; 𠀀 needs GB18030's four-byte form.
        QTest::newRow("gb2312") << QByteArray("\xc4\xe3\xba\xc3") << QByteArray("gb2312")
                                << QStringLiteral("你好");
        QTest::newRow("gbk-under-gb2312-label")
            << QByteArray("\xe9\x46") << QByteArray("gb2312") << QStringLiteral("镕");
        QTest::newRow("gb18030") << QByteArray("\x95\x32\x82\x36") << QByteArray("gb18030")
                                 << QStringLiteral("𠀀");
        QTest::newRow("big5") << QByteArray("\xa4\xa4\xa4\xe5") << QByteArray("big5")
                              << QStringLiteral("中文");
        QTest::newRow("big5-hkscs")
            << QByteArray("\x9d\xee") << QByteArray("big5") << QStringLiteral("㗎");
        QTest::newRow("iso-2022-jp") << QByteArray("\x1b$B$3$s$K$A$O\x1b(B")
                                     << QByteArray("iso-2022-jp") << QStringLiteral("こんにちは");
        QTest::newRow("shift_jis-nec-extension")
            << QByteArray("\x87\x40\x82\xa0") << QByteArray("shift_jis") << QStringLiteral("①あ");
        QTest::newRow("euc-jp") << QByteArray("\xa4\xb3\xa4\xf3") << QByteArray("euc-jp")
                                << QStringLiteral("こん");
        QTest::newRow("euc-kr") << QByteArray("\xc7\xd1\xb1\xb9") << QByteArray("euc-kr")
                                << QStringLiteral("한국");
        QTest::newRow("iso-8859-16") << QByteArray("\xaa\xba\xde\xfe") << QByteArray("iso-8859-16")
                                     << QStringLiteral("ȘșȚț");
        QTest::newRow("koi8-r") << QByteArray("\xf0\xd2\xc9\xd7\xc5\xd4") << QByteArray("koi8-r")
                                << QStringLiteral("Привет");
        QTest::newRow("windows-1252-under-latin1-label")
            << QByteArray("\x93q\x94") << QByteArray("iso-8859-1") << QStringLiteral("“q”");
    }

    void decodesLabelledCjk()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QByteArray, label);
        QFETCH(QString, text);
        const DecodedText decoded = Charset::decode(bytes, label);
        QCOMPARE(decoded.text, text);
        QVERIFY(!decoded.guessed);
    }

    void utf8UnderWesternLabelIsRecognised()
    {
        const DecodedText decoded = Charset::decode("Stra\xc3\x9f"
                                                    "e",
                                                    "iso-8859-1");
        QCOMPARE(decoded.text, QStringLiteral("Straße"));
        QCOMPARE(decoded.charset, QByteArray("UTF-8"));
        QVERIFY(decoded.guessed);
    }

    void missingLabelIsGuessed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("codec");
        QTest::newRow("utf-8") << QStringLiteral("中文和 Ünïcödé") << QByteArray("UTF-8");
        QTest::newRow("gbk") << QStringLiteral("我们的会议在明天下午三点开始，请大家准时参加。")
                             << QByteArray("GBK");
        QTest::newRow("big5") << QStringLiteral("請您在週五之前回覆這封郵件，謝謝。")
                              << QByteArray("Big5");
        QTest::newRow("shift_jis")
            << QStringLiteral("明日の会議は午後三時から始まります。") << QByteArray("Shift_JIS");
        QTest::newRow("euc-kr") << QStringLiteral("내일 회의는 오후 세 시에 시작합니다.")
                                << QByteArray("EUC-KR");
        QTest::newRow("windows-1251")
            << QStringLiteral("Съешь же ещё этих мягких французских булок, да выпей чаю.")
            << QByteArray("windows-1251");
        QTest::newRow("koi8-r") << QStringLiteral(
                                       "Съешь же ещё этих мягких французских булок, да выпей чаю.")
                                << QByteArray("KOI8-R");
        QTest::newRow("iso-8859-7") << QStringLiteral("Ελληνικό κείμενο χωρίς ετικέτα και άλλα.")
                                    << QByteArray("ISO-8859-7");
        QTest::newRow("latin-1") << QStringLiteral("Größere Änderungen für Straße und Café später.")
                                 << QByteArray("ISO-8859-1");
    }

    void missingLabelIsGuessed()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, codec);
        QStringEncoder encoder(codec.constData());
        QVERIFY(encoder.isValid());
        const QByteArray bytes = encoder.encode(text);
        const DecodedText decoded = Charset::decode(bytes, {});
        QCOMPARE(decoded.text, text);
        QVERIFY(decoded.guessed);
    }

    void wrongUtf8LabelFallsBackToGuess()
    {
        QStringEncoder gbk("GBK");
        const QString text = QStringLiteral("标签说是 UTF-8，实际上是国标码的中文内容。");
        const QByteArray bytes = gbk.encode(text);
        const DecodedText decoded = Charset::decode(bytes, "utf-8");
        QCOMPARE(decoded.text, text);
        QVERIFY(decoded.guessed);
    }

    // A big unlabelled body is judged on a sample and decoded once, completely.
    void largeUnlabelledTextIsDecodedWhole()
    {
        QString text;
        for (int i = 0; i < 50000; ++i)
            text += QStringLiteral("我们的会议在明天下午三点开始。");
        QStringEncoder gbk("GBK");
        const QByteArray bytes = gbk.encode(text);
        QElapsedTimer timer;
        timer.start();
        const DecodedText decoded = Charset::decode(bytes, {});
        QCOMPARE(decoded.charset, QByteArray("GB18030"));
        QCOMPARE(decoded.text.size(), text.size());
        QVERIFY(decoded.text == text);
        QVERIFY2(timer.elapsed() < 10000,
                 "guessing should not rescan the whole text per candidate");
    }

    void neverEmptyForGarbage()
    {
        QByteArray garbage;
        for (int i = 0; i < 256; ++i)
            garbage.append(static_cast<char>((i * 91 + 7) % 256));
        for (const char *label : {"", "utf-8", "gbk", "iso-2022-jp", "bogus", "utf-16"}) {
            const DecodedText decoded = Charset::decode(garbage, label);
            QVERIFY2(!decoded.text.isEmpty(), label);
        }
    }

    void plainAsciiIsNotAGuess()
    {
        const DecodedText decoded = Charset::decode("hello", {});
        QCOMPARE(decoded.text, QStringLiteral("hello"));
        QVERIFY(!decoded.guessed);
    }
};

QTEST_GUILESS_MAIN(tst_Charset)
#include "tst_Charset.moc"
