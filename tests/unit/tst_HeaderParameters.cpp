#include "mime/HeaderParameters.h"

#include <QTest>

using Poplar::Mime::HeaderParameters;

class tst_HeaderParameters : public QObject
{
    Q_OBJECT

private slots:
    void valueAndSimpleParameters()
    {
        const auto p = HeaderParameters::parse("Text/HTML; Charset=\"GB2312\"; format=flowed");
        QCOMPARE(p.value(), QByteArray("text/html"));
        QCOMPARE(p.parameter("charset"), QStringLiteral("GB2312"));
        QCOMPARE(p.parameter("FORMAT"), QStringLiteral("flowed"));
        QVERIFY(!p.hasParameter("name"));
    }

    void quotedValuesKeepSemicolonsAndEscapes()
    {
        const auto p = HeaderParameters::parse("multipart/mixed; boundary=\"a;b=c\\\"d\"; x=1");
        QCOMPARE(p.parameter("boundary"), QStringLiteral("a;b=c\"d"));
        QCOMPARE(p.parameter("x"), QStringLiteral("1"));
    }

    void rfc2231ContinuationsJoinInOrder()
    {
        const auto p = HeaderParameters::parse(
            "attachment; filename*1=\"second-\"; filename*0=\"first-\"; filename*2=end.txt");
        QCOMPARE(p.value(), QByteArray("attachment"));
        QCOMPARE(p.parameter("filename"), QStringLiteral("first-second-end.txt"));
    }

    void rfc2231CharsetAndLanguage()
    {
        const auto p =
            HeaderParameters::parse("attachment; filename*=utf-8'zh-cn'%E4%B8%AD%E6%96%87.pdf");
        QCOMPARE(p.parameter("filename"), QStringLiteral("中文.pdf"));
    }

    void rfc2231ExtendedContinuationsInGbk()
    {
        // 项目 in GBK is CF EE C4 BF, split across two sections.
        const auto p = HeaderParameters::parse(
            "attachment; name*0*=gbk''%CF%EE; name*1*=%C4%BF; name*2=\".doc\"");
        QCOMPARE(p.parameter("name"), QStringLiteral("项目.doc"));
    }

    // RFC 2231 section 4: the extended value and the plain fallback a sender adds for old readers
    // are two spellings of one name; the extended one wins and they are never joined.
    void extendedFormWinsOverPlain_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain, then extended")
            << QByteArray("attachment; filename=\"fallback.pdf\"; "
                          "filename*=UTF-8''%E5%90%88%E5%90%8C.pdf")
            << QStringLiteral("合同.pdf");
        QTest::newRow("extended, then plain")
            << QByteArray("attachment; filename*=UTF-8''%E5%90%88%E5%90%8C.pdf; "
                          "filename=\"fallback.pdf\"")
            << QStringLiteral("合同.pdf");
        QTest::newRow("plain and extended continuations")
            << QByteArray("attachment; filename=\"fallback.pdf\"; "
                          "filename*0*=UTF-8''%E5%90%88; filename*1*=%E5%90%8C; filename*2=.pdf")
            << QStringLiteral("合同.pdf");
        QTest::newRow("plain and plain continuations")
            << QByteArray("attachment; filename*1=\"-two.txt\"; filename=\"short.txt\"; "
                          "filename*0=\"part-one\"")
            << QStringLiteral("part-one-two.txt");
        QTest::newRow("extended and continuations")
            << QByteArray("attachment; filename*0=\"cont\"; filename*1=\"inued.txt\"; "
                          "filename*=utf-8''%C3%A9t%C3%A9.txt")
            << QStringLiteral("été.txt");
        QTest::newRow("empty extended falls back to plain")
            << QByteArray("attachment; filename*=utf-8''; filename=\"kept.txt\"")
            << QStringLiteral("kept.txt");
        QTest::newRow("repeated plain parameter")
            << QByteArray("attachment; filename=\"first.txt\"; filename=\"second.txt\"")
            << QStringLiteral("first.txt");
        QTest::newRow("repeated continuation section")
            << QByteArray("attachment; filename*0=\"a\"; filename*0=\"b\"; filename*1=\".txt\"")
            << QStringLiteral("a.txt");
    }

    void extendedFormWinsOverPlain()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, expected);
        const auto p = HeaderParameters::parse(raw);
        QCOMPARE(p.value(), QByteArray("attachment"));
        QCOMPARE(p.parameter("filename"), expected);
        QVERIFY(p.hasParameter("filename"));
    }

    void encodedWordInQuotedValue()
    {
        const auto p = HeaderParameters::parse("image/png; name=\"=?UTF-8?B?54Wn54mHLnBuZw==?=\"");
        QCOMPARE(p.parameter("name"), QStringLiteral("照片.png"));
    }

    void missingSemicolonAfterValue()
    {
        const auto p = HeaderParameters::parse("text/plain charset=\"iso-8859-1\"");
        QCOMPARE(p.value(), QByteArray("text/plain"));
        QCOMPARE(p.parameter("charset"), QStringLiteral("iso-8859-1"));
    }

    void rawUtf8Value()
    {
        const auto p =
            HeaderParameters::parse("attachment; filename=\"\xe5\xa0\xb1\xe5\x91\x8a.xls\"");
        QCOMPARE(p.parameter("filename"), QStringLiteral("報告.xls"));
    }

    void junkDoesNotCrash()
    {
        for (const char *raw : {";;;;", "=", "a/b; =x", "a/b; x*=''", "a/b; x*99999999=1",
                                "a/b; x=\"unterminated", "a/b; x*0*=%", "a/b; x*=utf-8'"}) {
            const auto p = HeaderParameters::parse(raw);
            Q_UNUSED(p.parameter("x"));
        }
        QVERIFY(true);
    }
};

QTEST_GUILESS_MAIN(tst_HeaderParameters)
#include "tst_HeaderParameters.moc"
