#include "mime/MailtoUrl.h"

#include <QRandomGenerator>
#include <QTest>

using Poplar::Mime::MailtoUrl;
using namespace Qt::StringLiterals;

namespace {

bool hasControl(const QString &text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator ||
            c == QChar::ParagraphSeparator)
            return true;
    }
    return false;
}

} // namespace

class tst_MailtoUrl : public QObject
{
    Q_OBJECT

private slots:
    void parses_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QStringList>("to");
        QTest::addColumn<QStringList>("cc");
        QTest::addColumn<QStringList>("bcc");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("inReplyTo");
        QTest::addColumn<int>("problems");

        const QStringList none;
        // RFC 6068 section 6.1, basic examples.
        QTest::newRow("rfc-individual")
            << u"mailto:chris@example.com"_s << QStringList{u"chris@example.com"_s} << none << none
            << QString() << QString() << QString() << 0;
        QTest::newRow("rfc-subject") << u"mailto:infobot@example.com?subject=current-issue"_s
                                     << QStringList{u"infobot@example.com"_s} << none << none
                                     << u"current-issue"_s << QString() << QString() << 0;
        QTest::newRow("rfc-body") << u"mailto:infobot@example.com?body=send%20current-issue"_s
                                  << QStringList{u"infobot@example.com"_s} << none << none
                                  << QString() << u"send current-issue"_s << QString() << 0;
        QTest::newRow("rfc-body-two-lines")
            << u"mailto:infobot@example.com?body=send%20current-issue%0D%0Asend%20index"_s
            << QStringList{u"infobot@example.com"_s} << none << none << QString()
            << u"send current-issue\nsend index"_s << QString() << 0;
        QTest::newRow("rfc-in-reply-to")
            << u"mailto:list@example.org?In-Reply-To=%3C3469A91.D10AF4C@example.com%3E"_s
            << QStringList{u"list@example.org"_s} << none << none << QString() << QString()
            << u"3469A91.D10AF4C@example.com"_s << 0;
        QTest::newRow("rfc-subscribe")
            << u"mailto:majordomo@example.com?body=subscribe%20bamboo-l"_s
            << QStringList{u"majordomo@example.com"_s} << none << none << QString()
            << u"subscribe bamboo-l"_s << QString() << 0;
        QTest::newRow("rfc-cc") << u"mailto:joe@example.com?cc=bob@example.com&body=hello"_s
                                << QStringList{u"joe@example.com"_s}
                                << QStringList{u"bob@example.com"_s} << none << QString()
                                << u"hello"_s << QString() << 0;
        QTest::newRow("rfc-to-in-query")
            << u"mailto:?to=joe@example.com&cc=bob@example.com&body=hello"_s
            << QStringList{u"joe@example.com"_s} << QStringList{u"bob@example.com"_s} << none
            << QString() << u"hello"_s << QString() << 0;
        // The RFC's "WRONG!" example: the second "?" is not a separator, so no body is set.
        QTest::newRow("rfc-wrong-second-question-mark")
            << u"mailto:joe@example.com?cc=bob@example.com?body=hello"_s
            << QStringList{u"joe@example.com"_s} << QStringList{u"bob@example.com?body=hello"_s}
            << none << QString() << QString() << QString() << 0;
        QTest::newRow("rfc-percent-in-address")
            << u"mailto:gorby%25kremvax@example.com"_s
            << QStringList{u"gorby%kremvax@example.com"_s} << none << none << QString() << QString()
            << QString() << 0;
        QTest::newRow("rfc-question-mark-in-address-unknown-field")
            << u"mailto:unlikely%3Faddress@example.com?blat=foop"_s
            << QStringList{u"unlikely?address@example.com"_s} << none << none << QString()
            << QString() << QString() << 0;
        QTest::newRow("rfc-ampersand-in-address")
            << u"mailto:Mike%26family@example.org"_s << QStringList{u"Mike&family@example.org"_s}
            << none << none << QString() << QString() << QString() << 0;
        // Section 6.2, complicated addresses.
        QTest::newRow("rfc-quoted-at")
            << u"mailto:%22not%40me%22@example.org"_s << QStringList{u"\"not@me\"@example.org"_s}
            << none << none << QString() << QString() << QString() << 0;
        QTest::newRow("rfc-quoted-backslashes")
            << u"mailto:%22oh%5C%5Cno%22@example.org"_s
            << QStringList{u"\"oh\\\\no\"@example.org"_s} << none << none << QString() << QString()
            << QString() << 0;
        QTest::newRow("rfc-quoted-ugly")
            << u"mailto:%22%5C%5C%5C%22it's%5C%20ugly%5C%5C%5C%22%22@example.org"_s
            << QStringList{u"\"\\\\\\\"it's\\ ugly\\\\\\\"\"@example.org"_s} << none << none
            << QString() << QString() << QString() << 0;
        // Section 6.3, non-ASCII.
        QTest::newRow("rfc-utf8-subject")
            << u"mailto:user@example.org?subject=caf%C3%A9"_s << QStringList{u"user@example.org"_s}
            << none << none << u"café"_s << QString() << QString() << 0;
        QTest::newRow("rfc-encoded-word-utf8")
            << u"mailto:user@example.org?subject=%3D%3Futf-8%3FQ%3Fcaf%3DC3%3DA9%3F%3D"_s
            << QStringList{u"user@example.org"_s} << none << none << u"café"_s << QString()
            << QString() << 0;
        QTest::newRow("rfc-encoded-word-latin1")
            << u"mailto:user@example.org?subject=%3D%3Fiso-8859-1%3FQ%3Fcaf%3DE9%3F%3D"_s
            << QStringList{u"user@example.org"_s} << none << none << u"café"_s << QString()
            << QString() << 0;
        QTest::newRow("rfc-utf8-subject-and-body")
            << u"mailto:user@example.org?subject=caf%C3%A9&body=caf%C3%A9"_s
            << QStringList{u"user@example.org"_s} << none << none << u"café"_s << u"café"_s
            << QString() << 0;
        QTest::newRow("rfc-idn-domain")
            << u"mailto:user@%E7%B4%8D%E8%B1%86.example.org?subject=Test&body=NATTO"_s
            << QStringList{u"user@納豆.example.org"_s} << none << none << u"Test"_s << u"NATTO"_s
            << QString() << 0;

        // Chinese names, subjects and bodies, percent-encoded UTF-8 and raw (an IRI).
        QTest::newRow("cjk-name-and-subject")
            << u"mailto:%E5%BC%A0%E4%B8%89%20%3Czhang@example.cn%3E"
               "?subject=%E4%BC%9A%E8%AE%AE%E9%80%9A%E7%9F%A5"_s
            << QStringList{u"张三 <zhang@example.cn>"_s} << none << none << u"会议通知"_s
            << QString() << QString() << 0;
        QTest::newRow("cjk-traditional-subject-and-body")
            << u"mailto:?cc=%E6%9D%8E%E5%9B%9B%20%3Cli@example.tw%3E"
               "&subject=%E6%9C%83%E8%AD%B0%E9%80%9A%E7%9F%A5%EF%BC%9A%E7%AC%AC%E4%B8%89%E5%AD%A3"
               "&body=%E4%BD%A0%E5%A5%BD%EF%BC%8C%E4%B8%96%E7%95%8C%0D%0A%E7%AC%AC%E4%BA%8C%E8%A1%8C"_s
            << none << QStringList{u"李四 <li@example.tw>"_s} << none << u"會議通知：第三季"_s
            << u"你好，世界\n第二行"_s << QString() << 0;
        QTest::newRow("cjk-raw-iri")
            << u"mailto:王小明@例子.中国?subject=回复：报告"_s << QStringList{u"王小明@例子.中国"_s}
            << none << none << u"回复：报告"_s << QString() << QString() << 0;

        // Several addresses, to= adding to the path's, case-insensitive and repeated fields.
        QTest::newRow("path-list")
            << u"mailto:a@x.org,b@y.org"_s << QStringList{u"a@x.org"_s, u"b@y.org"_s} << none
            << none << QString() << QString() << QString() << 0;
        QTest::newRow("to-adds-to-path")
            << u"mailto:a@x.org?to=b@y.org&TO=c@z.org,d@z.org"_s
            << QStringList{u"a@x.org"_s, u"b@y.org"_s, u"c@z.org"_s, u"d@z.org"_s} << none << none
            << QString() << QString() << QString() << 0;
        QTest::newRow("hfnames-any-case")
            << u"mailto:a@x.org?SUBJECT=Hi&Cc=c@x.org&bCC=d@x.org&Body=text&in-REPLY-to=i@x"_s
            << QStringList{u"a@x.org"_s} << QStringList{u"c@x.org"_s} << QStringList{u"d@x.org"_s}
            << u"Hi"_s << u"text"_s << u"i@x"_s << 0;
        QTest::newRow("percent-encoded-hfname")
            << u"mailto:?%73ubject=Hi&%63c=c@x.org"_s << none << QStringList{u"c@x.org"_s} << none
            << u"Hi"_s << QString() << QString() << 0;
        QTest::newRow("repeated-fields")
            << u"mailto:?cc=a@x.org&cc=b@x.org&bcc=c@x.org&bcc=d@x.org&subject=first"
               "&subject=second&body=one&body=two&in-reply-to=%3C1@x%3E&in-reply-to=%3C2@x%3E"_s
            << none << QStringList{u"a@x.org"_s, u"b@x.org"_s}
            << QStringList{u"c@x.org"_s, u"d@x.org"_s} << u"first"_s << u"one\ntwo"_s << u"1@x"_s
            << 0;
        QTest::newRow("encoded-commas-split") << u"mailto:?to=a%40x.org%2C%20B%20%3Cb%40y.org%3E"_s
                                              << QStringList{u"a@x.org"_s, u"B <b@y.org>"_s} << none
                                              << none << QString() << QString() << QString() << 0;
        QTest::newRow("quoted-comma-kept")
            << u"mailto:%22a,b%22@x.org,c@y.org"_s << QStringList{u"\"a,b\"@x.org"_s, u"c@y.org"_s}
            << none << none << QString() << QString() << QString() << 0;
        QTest::newRow("empty-entries-skipped")
            << u"mailto:a@x.org,,%20,b@y.org,?cc=&&subject=&body="_s
            << QStringList{u"a@x.org"_s, u"b@y.org"_s} << none << none << QString() << QString()
            << QString() << 0;
        QTest::newRow("scheme-any-case-and-blanks")
            << u"  MailTo:a@x.org?subject=Hi \n"_s << QStringList{u"a@x.org"_s} << none << none
            << u"Hi"_s << QString() << QString() << 0;
        QTest::newRow("fragment-ignored")
            << u"mailto:a@x.org?subject=Hi#bcc=evil@x.org"_s << QStringList{u"a@x.org"_s} << none
            << none << u"Hi"_s << QString() << QString() << 0;
        QTest::newRow("empty") << u"mailto:"_s << none << none << none << QString() << QString()
                               << QString() << 0;
        QTest::newRow("field-without-value")
            << u"mailto:a@x.org?subject&body"_s << QStringList{u"a@x.org"_s} << none << none
            << QString() << QString() << QString() << 0;
        QTest::newRow("equals-in-value") << u"mailto:?subject=a=b&body=x=1%3D2"_s << none << none
                                         << none << u"a=b"_s << u"x=1=2"_s << QString() << 0;

        // "+" is a plus (RFC 6068 section 5), in addresses and in text.
        QTest::newRow("plus-is-not-space") << u"mailto:user+tag@x.org?subject=1+1&body=a+b%2Bc"_s
                                           << QStringList{u"user+tag@x.org"_s} << none << none
                                           << u"1+1"_s << u"a+b+c"_s << QString() << 0;

        // Line ends of the body.
        QTest::newRow("body-line-ends")
            << u"mailto:?body=crlf%0D%0Alf%0Acr%0Dend%0D%0D%0A"_s << none << none << none
            << QString() << u"crlf\nlf\ncr\nend\n\n"_s << QString() << 0;

        // Fields that are not the link's to set, or that nobody knows, are ignored.
        QTest::newRow("hostile-hfnames-ignored")
            << u"mailto:a@x.org?from=boss@corp.example&sender=boss@corp.example"
               "&received=from%20evil&reply-to=evil@x.org&content-type=text/html"
               "&x-mailer=evil&return-path=evil@x.org&message-id=%3Cevil@x%3E"_s
            << QStringList{u"a@x.org"_s} << none << none << QString() << QString() << QString()
            << 0;

        // Header injection attempts never yield a header of their own.
        QTest::newRow("crlf-in-subject")
            << u"mailto:a@x.org?subject=Hi%0D%0ABcc:%20victim@evil.example"_s
            << QStringList{u"a@x.org"_s} << none << none << u"Hi Bcc: victim@evil.example"_s
            << QString() << QString() << 1;
        QTest::newRow("lf-and-nul-in-subject")
            << u"mailto:?subject=a%0Ab%00c%09d%E2%80%A8e%C2%85f%0D%0A"_s << none << none << none
            << u"a b c d e f"_s << QString() << QString() << 1;
        QTest::newRow("crlf-in-path-address")
            << u"mailto:a@x.org%0D%0ABcc:victim@evil.example,b@y.org"_s << QStringList{u"b@y.org"_s}
            << none << none << QString() << QString() << QString() << 1;
        QTest::newRow("crlf-in-cc-and-bcc")
            << u"mailto:?cc=c@x.org%0ABcc:%20v@evil.example&bcc=d@x.org%0D&to=ok@x.org"_s
            << QStringList{u"ok@x.org"_s} << none << none << QString() << QString() << QString()
            << 1;
        QTest::newRow("nul-in-address")
            << u"mailto:a%00@x.org,b@y.org"_s << QStringList{u"b@y.org"_s} << none << none
            << QString() << QString() << QString() << 1;
        QTest::newRow("crlf-in-in-reply-to")
            << u"mailto:?in-reply-to=%3Cid@x%3E%0D%0ABcc:%20v@evil.example"_s << none << none
            << none << QString() << QString() << QString() << 1;
        QTest::newRow("not-a-message-id") << u"mailto:?in-reply-to=hello%20there"_s << none << none
                                          << none << QString() << QString() << QString() << 1;
        QTest::newRow("crlf-in-hfname")
            << u"mailto:a@x.org?subject%0D%0ABcc=v@evil.example&x%0D%0Abcc=v@evil.example"_s
            << QStringList{u"a@x.org"_s} << none << none << QString() << QString() << QString()
            << 0;
        QTest::newRow("encoded-word-with-crlf")
            << u"mailto:?subject=%3D%3Futf-8%3FQ%3Fa%3D0D%3D0ABcc:x%3F%3D"_s << none << none << none
            << u"a Bcc:x"_s << QString() << QString() << 1;
        // In the body a line break is a line break, not a header.
        QTest::newRow("crlf-in-body-stays-text")
            << u"mailto:a@x.org?body=hi%0D%0ABcc:%20v@evil.example"_s << QStringList{u"a@x.org"_s}
            << none << none << QString() << u"hi\nBcc: v@evil.example"_s << QString() << 0;
        QTest::newRow("nul-in-body") << u"mailto:?body=a%00b"_s << none << none << none << QString()
                                     << u"a\uFFFDb"_s << QString() << 1;

        // Invalid percent escapes are kept as written.
        QTest::newRow("percent-zz") << u"mailto:?subject=100%zz&body=%G1"_s << none << none << none
                                    << u"100%zz"_s << u"%G1"_s << QString() << 0;
        QTest::newRow("percent-at-end") << u"mailto:?subject=50%"_s << none << none << none
                                        << u"50%"_s << QString() << QString() << 0;
        QTest::newRow("percent-one-digit-at-end") << u"mailto:?body=x%4"_s << none << none << none
                                                  << QString() << u"x%4"_s << QString() << 0;
        QTest::newRow("percent-percent") << u"mailto:?body=%%41"_s << none << none << none
                                         << QString() << u"%A"_s << QString() << 0;

        // Bytes that are not UTF-8 become U+FFFD, with one problem however many there are.
        QTest::newRow("invalid-utf8")
            << u"mailto:?subject=a%C3%28b&body=%FF%FE"_s << none << none << none << u"a\uFFFD(b"_s
            << u"\uFFFD\uFFFD"_s << QString() << 1;
        QTest::newRow("overlong-utf8") << u"mailto:?body=%C0%AF"_s << none << none << none
                                       << QString() << u"\uFFFD\uFFFD"_s << QString() << 1;
        QTest::newRow("truncated-utf8-at-end")
            << u"mailto:?subject=%E4%BD"_s << none << none << none << u"\uFFFD\uFFFD"_s << QString()
            << QString() << 1;
        QTest::newRow("invalid-utf8-in-address")
            << u"mailto:%FFa@x.org"_s << QStringList{u"\uFFFDa@x.org"_s} << none << none
            << QString() << QString() << QString() << 1;
    }

    void parses()
    {
        QFETCH(QString, uri);
        QFETCH(QStringList, to);
        QFETCH(QStringList, cc);
        QFETCH(QStringList, bcc);
        QFETCH(QString, subject);
        QFETCH(QString, body);
        QFETCH(QString, inReplyTo);
        QFETCH(int, problems);

        const MailtoUrl mailto = MailtoUrl::parse(uri);
        QVERIFY2(mailto.isValid(), qPrintable(mailto.error));
        QCOMPARE(mailto.to, to);
        QCOMPARE(mailto.cc, cc);
        QCOMPARE(mailto.bcc, bcc);
        QCOMPARE(mailto.subject, subject);
        QCOMPARE(mailto.body, body);
        QCOMPARE(mailto.inReplyTo, inReplyTo);
        QCOMPARE(mailto.problems.size(), problems);
    }

    void problemsNameWhatWasLeftOut()
    {
        const MailtoUrl mailto =
            MailtoUrl::parse(u"mailto:ok@x.org,a@x.org%0D%0ABcc:%20v@evil.example"_s);
        QCOMPARE(mailto.to, QStringList{u"ok@x.org"_s});
        QCOMPARE(mailto.problems.size(), 1);
        // The address is named on one line, its line break a space.
        QVERIFY2(mailto.problems[0].contains(u"a@x.org Bcc: v@evil.example"_s),
                 qPrintable(mailto.problems[0]));
        QVERIFY(!hasControl(mailto.problems[0]));
    }

    void manyDroppedAddressesAreOneProblem()
    {
        QString uri = u"mailto:"_s;
        for (int i = 0; i < 200; ++i)
            uri += u"a%d@x.org%0A,"_s.replace(u"%d"_s, QString::number(i));
        const MailtoUrl mailto = MailtoUrl::parse(uri);
        QVERIFY(mailto.to.isEmpty());
        QCOMPARE(mailto.problems.size(), 1);
        QVERIFY(mailto.problems[0].contains(u"a4@x.org"_s));
        QVERIFY(!mailto.problems[0].contains(u"a5@x.org"_s));
        QVERIFY(mailto.problems[0].size() < 500);
    }

    void longDroppedAddressIsShortened()
    {
        // 59 letters, then a character outside the BMP (two UTF-16 units) across the cut.
        const MailtoUrl mailto = MailtoUrl::parse(
            QString(u"mailto:"_s + QString(59, u'a') + u"%F0%9F%98%80b%0A@x.org"_s));
        QVERIFY(mailto.to.isEmpty());
        QCOMPARE(mailto.problems.size(), 1);
        QVERIFY2(mailto.problems[0].contains(QString(59, u'a') + u"…"_s),
                 qPrintable(mailto.problems[0]));
        QVERIFY(mailto.problems[0].isValidUtf16());
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("words"); // part of the error
        QTest::newRow("http") << u"http://example.org/"_s << u"not a mailto"_s;
        QTest::newRow("empty") << QString() << u"not a mailto"_s;
        QTest::newRow("no-colon") << u"mailto"_s << u"not a mailto"_s;
        QTest::newRow("address-only") << u"a@x.org"_s << u"not a mailto"_s;
        QTest::newRow("scheme-later") << u"x-mailto:a@x.org"_s << u"not a mailto"_s;
        QTest::newRow("one-byte-too-long")
            << u"mailto:?body="_s + QString(MailtoUrl::MaxLength - 12, u'a') << u"65 KiB"_s;
        // Three UTF-8 bytes per character: short in characters, long in bytes.
        QTest::newRow("long-in-utf8")
            << u"mailto:?body="_s + QString(MailtoUrl::MaxLength / 2, u'中') << u"97 KiB"_s;
        QTest::newRow("huge") << u"mailto:?body="_s + QString(16 * 1024 * 1024, u'%')
                              << u"16385 KiB"_s;
    }

    void refuses()
    {
        QFETCH(QString, uri);
        QFETCH(QString, words);
        const MailtoUrl mailto = MailtoUrl::parse(uri);
        QVERIFY(!mailto.isValid());
        QVERIFY2(mailto.error.contains(words), qPrintable(mailto.error));
        QVERIFY(mailto.to.isEmpty());
        QVERIFY(mailto.cc.isEmpty());
        QVERIFY(mailto.bcc.isEmpty());
        QVERIFY(mailto.subject.isEmpty());
        QVERIFY(mailto.body.isEmpty());
        QVERIFY(mailto.problems.isEmpty());
    }

    void longestLinkIsAccepted()
    {
        const QString uri = u"mailto:?body="_s + QString(MailtoUrl::MaxLength - 13, u'a');
        QCOMPARE(uri.size(), MailtoUrl::MaxLength);
        const MailtoUrl mailto = MailtoUrl::parse(uri);
        QVERIFY2(mailto.isValid(), qPrintable(mailto.error));
        QCOMPARE(mailto.body.size(), MailtoUrl::MaxLength - 13);
    }

    // Random links of the characters that matter: whatever comes, no address holds a line
    // break or control character, the subject is one line and the body has no CR or NUL.
    void randomLinksKeepTheInvariants()
    {
        static const QList<QString> pieces = {
            u"%0D"_s,        u"%0A"_s, u"%00"_s,  u"%"_s,        u"%2C"_s,       u"%22"_s,
            u"%5C"_s,        u"%C3"_s, u"%A9"_s,  u"%FF"_s,      u"%E2%80%A8"_s, u"?"_s,
            u"&"_s,          u"="_s,   u","_s,    u"\""_s,       u"a"_s,         u"@"_s,
            u"to="_s,        u"cc="_s, u"bcc="_s, u"subject="_s, u"body="_s,     u"in-reply-to="_s,
            u"=?utf-8?Q?"_s, u"?="_s,  u"中"_s,   u"\r"_s,       u"\n"_s,        u"#"_s,
            u"+"_s,          u" "_s};
        QRandomGenerator random(6068);
        for (int round = 0; round < 3000; ++round) {
            QString uri = u"mailto:"_s;
            const int length = random.bounded(1, 40);
            for (int i = 0; i < length; ++i)
                uri += pieces[random.bounded(pieces.size())];
            const MailtoUrl mailto = MailtoUrl::parse(uri);
            QVERIFY(mailto.isValid());
            for (const QStringList *list : {&mailto.to, &mailto.cc, &mailto.bcc}) {
                for (const QString &address : *list) {
                    QVERIFY2(!hasControl(address), qPrintable(uri));
                    QVERIFY2(!address.isEmpty(), qPrintable(uri));
                }
            }
            QVERIFY2(!hasControl(mailto.subject), qPrintable(uri));
            QVERIFY2(!hasControl(mailto.inReplyTo), qPrintable(uri));
            QVERIFY2(!mailto.body.contains(u'\r'), qPrintable(uri));
            QVERIFY2(!mailto.body.contains(QChar::Null), qPrintable(uri));
        }
    }
};

QTEST_GUILESS_MAIN(tst_MailtoUrl)
#include "tst_MailtoUrl.moc"
