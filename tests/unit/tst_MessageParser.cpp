#include "mime/MessageJson.h"
#include "mime/MessageParser.h"
#include "mime/MessageRenderer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Poplar::Mime;

namespace {

QString corpusDir()
{
    return qEnvironmentVariable("POPLAR_SOURCE_DIR") + QStringLiteral("/tests/data/mime");
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

Message parseCorpus(const QString &name)
{
    return MessageParser::parse(readFile(corpusDir() + u'/' + name + QStringLiteral(".eml")));
}

// The first place two JSON values differ, as "path: expected vs actual".
QString firstDifference(const QJsonValue &expected, const QJsonValue &actual, const QString &path)
{
    if (expected == actual)
        return {};
    if (expected.isObject() && actual.isObject()) {
        const QJsonObject e = expected.toObject();
        const QJsonObject a = actual.toObject();
        QStringList keys = e.keys() + a.keys();
        keys.removeDuplicates();
        for (const QString &key : keys) {
            const QString diff = firstDifference(e.value(key), a.value(key), path + u'.' + key);
            if (!diff.isEmpty())
                return diff;
        }
    }
    if (expected.isArray() && actual.isArray()) {
        const QJsonArray e = expected.toArray();
        const QJsonArray a = actual.toArray();
        for (qsizetype i = 0; i < std::max(e.size(), a.size()); ++i) {
            const QString diff = firstDifference(i < e.size() ? e.at(i) : QJsonValue(),
                                                 i < a.size() ? a.at(i) : QJsonValue(),
                                                 path + u'[' + QString::number(i) + u']');
            if (!diff.isEmpty())
                return diff;
        }
    }
    const auto show = [](const QJsonValue &v) -> QString {
        if (v.isString())
            return u'"' + v.toString().left(300) + u'"';
        return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact))
            .left(300);
    };
    return path + QStringLiteral(": expected ") + show(expected) + QStringLiteral(" but got ") +
           show(actual);
}

} // namespace

class tst_MessageParser : public QObject
{
    Q_OBJECT

private slots:
    // Every message of the corpus parses to its golden JSON (what `poplar parse --json` prints).
    // Set POPLAR_UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate change, then
    // review the diff.
    void corpusMatchesGolden_data()
    {
        QTest::addColumn<QString>("name");
        const QStringList files =
            QDir(corpusDir()).entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name);
        QVERIFY2(files.size() >= 80, qPrintable(corpusDir()));
        for (const QString &file : files) {
            const QString name = file.chopped(4);
            QTest::newRow(qPrintable(name)) << name;
        }
    }

    void corpusMatchesGolden()
    {
        QFETCH(QString, name);
        const QString base = corpusDir() + u'/' + name;
        const QByteArray raw = readFile(base + QStringLiteral(".eml"));
        const QJsonObject actual = MessageJson::toJson(MessageParser::parse(raw));
        if (qEnvironmentVariableIntValue("POPLAR_UPDATE_GOLDEN") == 1) {
            QFile out(base + QStringLiteral(".json"));
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write(QJsonDocument(actual).toJson(QJsonDocument::Indented));
            return;
        }
        QJsonParseError error;
        const QJsonDocument golden =
            QJsonDocument::fromJson(readFile(base + QStringLiteral(".json")), &error);
        QVERIFY2(error.error == QJsonParseError::NoError && golden.isObject(),
                 qPrintable(QStringLiteral("no readable golden file for ") + name));
        const QString diff = firstDifference(golden.object(), actual, name);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void chineseMessageIsReadable()
    {
        const Message m = parseCorpus(QStringLiteral("c01-gb2312"));
        QCOMPARE(m.subject, QStringLiteral("简体中文邮件"));
        QVERIFY(m.bodyText().startsWith(QStringLiteral("你好！这是一封用 GB2312 编码的邮件。")));
        QVERIFY(!m.charsetGuessed);
    }

    void rawGbkHeaderUsesBodyCharset()
    {
        const Message m = parseCorpus(QStringLiteral("h08-raw-8bit-gbk-header"));
        QCOMPARE(m.subject, QStringLiteral("会议通知：周五下午"));
        QCOMPARE(m.from.value(0).name, QStringLiteral("王小明"));
    }

    void alternativePicksHtml()
    {
        for (const char *name : {"s02-alternative", "s03-alternative-html-first"}) {
            const Message m = parseCorpus(QLatin1StringView(name));
            QCOMPARE(m.body.size(), 1);
            QCOMPARE(m.body[0].kind, BodyPiece::Kind::Html);
            QVERIFY(m.hasHtmlBody());
        }
    }

    void plainTextCanBePreferred()
    {
        const QByteArray raw = readFile(corpusDir() + QStringLiteral("/s04-related-cid.eml"));
        const Message m = MessageParser::parse(raw, {}, MessageParser::BodyPreference::PlainText);
        QCOMPARE(m.body.size(), 1);
        QCOMPARE(m.body[0].kind, BodyPiece::Kind::Plain);
        QCOMPARE(m.bodyText(), QStringLiteral("Plain version of the newsletter."));
        // A message with only HTML still shows its HTML.
        const Message htmlOnly = MessageParser::parse(
            readFile(corpusDir() + QStringLiteral("/s21-html-remote-content.eml")), {},
            MessageParser::BodyPreference::PlainText);
        QVERIFY(htmlOnly.hasHtmlBody());
    }

    void relatedImageIsInlineAndRenderedFromTheMessage()
    {
        const Message m = parseCorpus(QStringLiteral("s04-related-cid"));
        QCOMPARE(m.attachments.size(), 1);
        QVERIFY(m.attachments[0].isInline);
        QCOMPARE(m.attachments[0].contentId, QStringLiteral("logo@example.org"));
        QVERIFY(!m.summary().hasAttachments);
        const RenderResult r = MessageRenderer::render(m);
        QVERIFY(r.html.contains(QStringLiteral("src=\"data:image/png;base64,iVBORw0KGgo")));
        QVERIFY(!r.html.contains(QStringLiteral("tracker.example.com")));
        QCOMPARE(r.remoteBlocked, 1);

        MessageRenderer::Options keep;
        keep.cidImages = MessageRenderer::CidImages::KeepCid;
        QVERIFY(MessageRenderer::render(m, keep).html.contains(
            QStringLiteral("src=\"cid:logo%40example.org\"")));
    }

    void renderingAllowsRemoteOnlyOnRequest()
    {
        const Message m = parseCorpus(QStringLiteral("s21-html-remote-content"));
        const RenderResult blocked = MessageRenderer::render(m);
        QCOMPARE(blocked.remoteBlocked, 7);
        QVERIFY(!blocked.html.contains(QStringLiteral("img.example.com")));
        MessageRenderer::Options allow;
        allow.allowRemote = true;
        const RenderResult allowed = MessageRenderer::render(m, allow);
        QVERIFY(allowed.html.contains(QStringLiteral("http://img.example.com/a.png")));
        QVERIFY(!allowed.html.contains(QStringLiteral("cdn.example.com"))); // style sheet
    }

    void noRenderedCorpusMessageReferencesTheNetwork()
    {
        const QStringList files =
            QDir(corpusDir()).entryList({QStringLiteral("*.eml")}, QDir::Files);
        for (const QString &file : files) {
            const Message m = parseCorpus(file.chopped(4));
            const QString html = MessageRenderer::render(m).html;
            for (const char *attr : {"src=\"http", "src=\"//", "src=\"ftp", "url(http", "url(//",
                                     "<script", "<iframe", "<link", " onerror", " onclick"}) {
                QVERIFY2(!html.contains(QLatin1StringView(attr), Qt::CaseInsensitive),
                         qPrintable(file + u' ' + QLatin1StringView(attr)));
            }
        }
    }

    // Markup hidden by a charset (UTF-7 spells '<' as "+ADw-") is sanitized after decoding.
    void charsetDisguisedScriptIsRemoved()
    {
        const Message m = MessageParser::parse(
            "Subject: x\nContent-Type: text/html; charset=utf-7\n\n"
            "+ADw-p+AD4-hi+ADw-/p+AD4-+ADw-script+AD4-alert(1)+ADw-/script+AD4-\n");
        const QString html = MessageRenderer::render(m).html;
        QVERIFY2(html.contains(QStringLiteral("<p>hi</p>")), qPrintable(html));
        QVERIFY2(!html.contains(QStringLiteral("alert")), qPrintable(html));
    }

    void plainBodyRendersQuotesAndLinks()
    {
        const Message m = MessageParser::parse("Subject: x\n\nSee https://example.com\n> quoted\n");
        const QString html = MessageRenderer::render(m).html;
        QVERIFY(html.contains(QStringLiteral("<a href=\"https://example.com\">")));
        QVERIFY(html.contains(QStringLiteral("<blockquote")));
    }

    void signedAndEncryptedAreFlagged()
    {
        QVERIFY(parseCorpus(QStringLiteral("s05-pgp-signed")).isSigned);
        QVERIFY(parseCorpus(QStringLiteral("s07-smime-signed")).isSigned);
        QVERIFY(parseCorpus(QStringLiteral("s27-pgp-inline-signed")).isSigned);
        const Message encrypted = parseCorpus(QStringLiteral("s06-pgp-encrypted"));
        QVERIFY(encrypted.isEncrypted);
        QVERIFY(!encrypted.isSigned);
        QVERIFY(parseCorpus(QStringLiteral("s08-smime-encrypted")).isEncrypted);
        // The signature itself is not an attachment the user needs to see.
        QVERIFY(parseCorpus(QStringLiteral("s05-pgp-signed")).attachments.isEmpty());
    }

    void forwardedMessageIsShownNested()
    {
        const Message m = parseCorpus(QStringLiteral("s09-forwarded-message"));
        QCOMPARE(m.body.size(), 3);
        QCOMPARE(m.body[1].kind, BodyPiece::Kind::MessageHeaders);
        QCOMPARE(m.body[1].depth, 1);
        QVERIFY(m.body[1].headerFields.contains(
            {QStringLiteral("Subject"), QStringLiteral("原始邮件")}));
        QCOMPARE(m.body[2].content, QStringLiteral("这是被转发的原始邮件。\n"));
        QCOMPARE(m.attachments.value(0).mimeType, QByteArray("message/rfc822"));
    }

    // The attachment name: Content-Disposition filename* (RFC 2231, one value or continued) >
    // filename > Content-Type name* > name, each decoded on its own.
    void attachmentNamePrecedence_data()
    {
        QTest::addColumn<QByteArray>("typeParameters");
        QTest::addColumn<QByteArray>("dispositionParameters");
        QTest::addColumn<QString>("expected");
        QTest::newRow("all four")
            << QByteArray("; name*=utf-8''type-ext.pdf; name=\"type.pdf\"")
            << QByteArray("; filename=\"fallback.pdf\"; filename*=UTF-8''%E5%90%88%E5%90%8C.pdf")
            << QStringLiteral("合同.pdf");
        QTest::newRow("disposition continuations")
            << QByteArray("; name=\"type.pdf\"")
            << QByteArray("; filename*0*=UTF-8''%E5%90%88; filename*1=\".pdf\"; "
                          "filename=\"fallback.pdf\"")
            << QStringLiteral("合.pdf");
        QTest::newRow("disposition plain over type")
            << QByteArray("; name*=utf-8''type-ext.pdf; name=\"type.pdf\"")
            << QByteArray("; filename=\"plain.pdf\"") << QStringLiteral("plain.pdf");
        QTest::newRow("type extended over type plain")
            << QByteArray("; name=\"type.pdf\"; name*=utf-8''%E6%8A%A5%E5%91%8A.pdf")
            << QByteArray() << QStringLiteral("报告.pdf");
        QTest::newRow("type plain only")
            << QByteArray("; name=\"type.pdf\"") << QByteArray() << QStringLiteral("type.pdf");
    }

    void attachmentNamePrecedence()
    {
        QFETCH(QByteArray, typeParameters);
        QFETCH(QByteArray, dispositionParameters);
        QFETCH(QString, expected);
        const QByteArray raw = "Subject: names\nContent-Type: multipart/mixed; boundary=b\n\n"
                               "--b\nContent-Type: text/plain\n\nsee the file\n"
                               "--b\nContent-Type: application/pdf" +
                               typeParameters + "\nContent-Disposition: attachment" +
                               dispositionParameters +
                               "\nContent-Transfer-Encoding: base64\n\nJVBERi0=\n--b--\n";
        const Message m = MessageParser::parse(raw);
        QCOMPARE(m.attachments.size(), 1);
        QCOMPARE(m.attachments[0].filename, expected);
        QCOMPARE(m.root.children.at(1).filename, expected);
    }

    // A delimiter is "--" + the exact boundary alone on its line (trailing blanks allowed), the
    // close delimiter the same with "--" after it. Lines that only look like one are text, and
    // boundaries that share a prefix (as MH writes them) never end each other's parts.
    void delimitersAreWholeLines_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("expected");
        const QByteArray b0 = "------- =_aaaaaaaaaa0";
        const QByteArray b1 = "------- =_aaaaaaaaaa1";
        const QByteArray b2 = "------- =_aaaaaaaaaa2";
        QTest::newRow("MH boundaries, lines like their end tags")
            << QByteArray(
                   "Content-Type: multipart/mixed; boundary=\"" + b0 + "\"\n\n" + b0 + "--\n--" +
                   b0 +
                   "\nContent-Type: text/plain\n\ntop text\n"
                   "------- Forwarded Message\n--" +
                   b0 + "-- not the end\n--" + b0 +
                   "\nContent-Type: multipart/alternative; boundary=\"" + b1 + "\"\n\n--" + b1 +
                   "--x\n--" + b1 + "\nContent-Type: text/plain\n\nplain\n--" + b1 + "0\n--" + b1 +
                   "-\n--" + b1 + "\nContent-Type: multipart/related; boundary=\"" + b2 +
                   "\"\n\n--" + b2 + "\nContent-Type: text/plain\n\nrelated text\n--" + b2 +
                   "--trailing\n------- End of Forwarded Message\n--" + b2 + "--\n\n--" + b1 +
                   "--\n\n--" + b0 + "\nContent-Type: text/plain\n\nlast text\n--" + b0 + "--\n")
            << QStringLiteral("top text\n------- Forwarded Message\n--------- =_aaaaaaaaaa0-- "
                              "not the end\n\nrelated text\n--------- =_aaaaaaaaaa2--trailing\n"
                              "------- End of Forwarded Message\n\nlast text");
        QTest::newRow("inner boundary is the outer one with a tail")
            << QByteArray("Content-Type: multipart/mixed; boundary=\"XX\"\n\n--XX\n"
                          "Content-Type: multipart/mixed; boundary=\"XX--1\"\n\n--XX--1\n\ninner "
                          "one\n--XX--1\n\ninner two\n--XX--1--\n--XX\n\nouter two\n--XX--\n")
            << QStringLiteral("inner one\n\ninner two\n\nouter two");
        QTest::newRow("close delimiter in the preamble")
            << QByteArray("Content-Type: multipart/mixed; boundary=b\n\nquoted: \n--b--\n--b\n\n"
                          "first\n--b\n\nsecond\n--b--\n")
            << QStringLiteral("first\n\nsecond");
        QTest::newRow("enclosing delimiter ends an unclosed inner multipart")
            << QByteArray("Content-Type: multipart/mixed; boundary=out\n\n--out\n"
                          "Content-Type: multipart/alternative; boundary=in\n\n--in\n\nalt text\n"
                          "--out\n\nafter\n--out--\n")
            << QStringLiteral("alt text\n\nafter");
        QTest::newRow("CRLF and blanks after delimiters")
            << QByteArray("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b \t\r\n\r\none\r\n"
                          "--b2\r\n--b--more\r\n--b\r\n\r\ntwo\r\n--b--  \r\n")
            << QStringLiteral("one\n--b2\n--b--more\n\ntwo");
    }

    void delimitersAreWholeLines()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, expected);
        const QByteArray message = "Subject: boundaries\n" + raw;
        const Message m = MessageParser::parse(message);
        QCOMPARE(m.bodyText(), expected);
        QVERIFY2(!m.bodyText().contains(u"Content-Type"), "raw MIME headers shown in the body");
    }

    // A forwarded message ends where its part of the enclosing multipart ends, however broken
    // its own multipart is: the enclosing boundaries never reach the body, nor does raw MIME,
    // and the enclosing multipart's later parts are still read.
    void brokenForwardEndsWithItsPart_data()
    {
        QTest::addColumn<QByteArray>("innerType");
        QTest::addColumn<QByteArray>("innerBody");
        QTest::addColumn<QString>("innerText");
        QTest::newRow("unterminated")
            << QByteArray("multipart/mixed; boundary=\"CCC\"")
            << QByteArray("--CCC\nContent-Type: text/plain\n\ninner text\n")
            << QStringLiteral("inner text");
        QTest::newRow("no boundary parameter, one part")
            << QByteArray("multipart/mixed")
            << QByteArray("--CCC\nContent-Type: text/plain\n\ninner text\n")
            << QStringLiteral("inner text");
        QTest::newRow("no boundary parameter, two parts")
            << QByteArray("multipart/alternative")
            << QByteArray("--CCC\nContent-Type: text/plain\n\ninner text\n--CCC\n"
                          "Content-Type: text/plain\n\nalternative\n")
            << QStringLiteral("alternative");
        QTest::newRow("declared boundary missing from the body")
            << QByteArray("multipart/mixed; boundary=\"DDD\"")
            << QByteArray("Content-Type: text/plain\n\ninner text\n")
            << QStringLiteral("inner text");
        QTest::newRow("close delimiter only")
            << QByteArray("multipart/mixed; boundary=\"CCC\"")
            << QByteArray("inner text\n--CCC--\n") << QStringLiteral("inner text");
    }

    void brokenForwardEndsWithItsPart()
    {
        QFETCH(QByteArray, innerType);
        QFETCH(QByteArray, innerBody);
        QFETCH(QString, innerText);
        const QByteArray raw = "Subject: fwd\nContent-Type: multipart/mixed; boundary=\"BBB\"\n\n"
                               "--BBB\nContent-Type: text/plain\n\nouter text\n"
                               "--BBB\nContent-Type: message/rfc822\n\nSubject: inner\n"
                               "Content-Type: " +
                               innerType + "\n\n" + innerBody +
                               "--BBB\nContent-Type: text/plain\n\nafter the forward\n--BBB--\n";
        const Message m = MessageParser::parse(raw);
        const QString text = m.bodyText();
        QVERIFY2(text.startsWith(QStringLiteral("outer text\n\nSubject: inner\n\n")),
                 qPrintable(text));
        QVERIFY2(text.contains(innerText), qPrintable(text));
        QVERIFY2(text.endsWith(QStringLiteral("\n\nafter the forward")), qPrintable(text));
        for (const char *raw : {"--BBB", "--CCC", "Content-Type"})
            QVERIFY2(!text.contains(QLatin1StringView(raw)), qPrintable(text));
        QCOMPARE(m.root.children.size(), size_t(3));
        QCOMPARE(m.root.children[1].kind, Part::Kind::Message);
    }

    void summaryForTheStore()
    {
        const Message m = parseCorpus(QStringLiteral("s01-mixed-attachments"));
        const MessageSummary s = m.summary();
        QCOMPARE(s.subject, QStringLiteral("Report attached"));
        QCOMPARE(s.from, QStringLiteral("Poplar Tester <tester@example.org>"));
        QCOMPARE(s.to, QStringLiteral("Reader <reader@example.net>"));
        QCOMPARE(s.date, QDateTime(QDate(2024, 1, 15), QTime(9, 30), Qt::UTC));
        QVERIFY(s.hasAttachments);
        QCOMPARE(s.snippet, QStringLiteral("Hi, the report and the chart are attached."));
        QVERIFY(s.searchText.contains(QStringLiteral("report.pdf")));
    }

    // Storing mail parses it without decoding binary attachments; what the store keeps of it
    // (the summary, the flags, the attachment list) must be exactly what a full parse gives.
    void summaryParseMatchesTheFullParse()
    {
        const QStringList files =
            QDir(corpusDir()).entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name);
        QVERIFY(!files.isEmpty());
        int undecoded = 0;
        for (const QString &file : files) {
            const QByteArray raw = readFile(corpusDir() + u'/' + file);
            const Message full = MessageParser::parse(raw);
            const Message light = MessageParser::parseForSummary(raw);
            const MessageSummary a = full.summary();
            const MessageSummary b = light.summary();
            QVERIFY2(a.from == b.from && a.to == b.to && a.cc == b.cc && a.subject == b.subject &&
                         a.date == b.date && a.hasAttachments == b.hasAttachments &&
                         a.snippet == b.snippet && a.searchText == b.searchText,
                     qPrintable(file));
            QVERIFY2(full.isSigned == light.isSigned && full.isEncrypted == light.isEncrypted,
                     qPrintable(file));
            QCOMPARE(light.attachments.size(), full.attachments.size());
            for (qsizetype i = 0; i < full.attachments.size(); ++i) {
                QCOMPARE(light.attachments.at(i).filename, full.attachments.at(i).filename);
                if (light.attachments.at(i).data.isEmpty() &&
                    !full.attachments.at(i).data.isEmpty())
                    ++undecoded;
            }
        }
        QVERIFY2(undecoded > 0, "no attachment was left undecoded: the light parse saves nothing");
    }

    void snippetIsBoundedAndSkipsQuotes()
    {
        QByteArray raw = "Subject: long\n\n> quoted reply text\n";
        for (int i = 0; i < 100; ++i)
            raw += "word" + QByteArray::number(i) + ' ';
        const MessageSummary s = MessageParser::parse(raw).summary();
        QCOMPARE(s.snippet.size(), 201);
        QVERIFY(s.snippet.startsWith(QStringLiteral("word0 word1")));
        QVERIFY(s.searchText.contains(QStringLiteral("quoted reply text")));
    }

    void htmlIsReducedToTextForSearch()
    {
        const Message m = parseCorpus(QStringLiteral("s02-alternative"));
        QCOMPARE(m.summary().searchText, QStringLiteral("Newsletter\n\nThe HTML version & more."));
    }

    void partLimitStopsTheTree()
    {
        QByteArray raw = "Content-Type: multipart/mixed; boundary=b\n\n";
        for (int i = 0; i < 500; ++i)
            raw += "--b\nContent-Type: text/plain\n\npart " + QByteArray::number(i) + '\n';
        raw += "--b--\n";
        ParserLimits limits;
        limits.maxParts = 50;
        const Message m = MessageParser::parse(raw, limits);
        QVERIFY(m.truncated);
        QVERIFY(m.root.children.size() < 50);
        QVERIFY(m.bodyText().startsWith(QStringLiteral("part 0")));
    }

    // A multipart reached after the part limit is not opened; it is listed, not shown raw.
    void partLimitListsTheUnopenedMultipart()
    {
        const QByteArray raw = "Content-Type: multipart/mixed; boundary=out\n\n--out\n\nfirst\n"
                               "--out\nContent-Type: multipart/mixed; boundary=in\n\n--in\n\n"
                               "inner\n--in--\n--out--\n";
        ParserLimits limits;
        limits.maxParts = 3;
        const Message m = MessageParser::parse(raw, limits);
        QVERIFY(m.truncated);
        QVERIFY2(m.bodyText().startsWith(QStringLiteral("first\n\n")), qPrintable(m.bodyText()));
        QVERIFY2(m.bodyText().contains(QStringLiteral("too many parts")), qPrintable(m.bodyText()));
        QVERIFY2(!m.bodyText().contains(QStringLiteral("--in")), qPrintable(m.bodyText()));
        QCOMPARE(m.attachments.size(), 1);
        QCOMPARE(m.attachments[0].partPath, QStringLiteral("2"));
    }

    void depthLimitStopsNesting()
    {
        QByteArray raw;
        for (int i = 0; i < 2000; ++i)
            raw += "Content-Type: message/rfc822\n\n";
        raw += "Subject: bottom\n\nbottom text\n";
        const Message m = MessageParser::parse(raw);
        QVERIFY(m.truncated);
        int depth = 0;
        for (const Part *p = &m.root; !p->children.empty(); p = &p->children.front())
            ++depth;
        QVERIFY(depth <= ParserLimits{}.maxDepth);
    }

    // Past the depth limit the parser stops building the tree, but the reader still gets the
    // parts: listed as attachments in their order with their real paths, and a notice in the
    // body instead of raw boundary lines and headers.
    void deepNestingListsItsPartsInsteadOfRawMime()
    {
        const int levels = 40;
        QByteArray raw = "Subject: deep\nContent-Type: multipart/mixed; boundary=\"n0\"\n\n"
                         "--n0\nContent-Type: text/plain\n\nnear the top\n";
        for (int i = 1; i < levels; ++i)
            raw += "--n" + QByteArray::number(i - 1) +
                   "\nContent-Type: multipart/mixed; boundary=\"n" + QByteArray::number(i) +
                   "\"\n\n";
        raw += "--n39\nContent-Type: text/plain\n\nthe bottom\n"
               "--n39\nContent-Type: image/png; name=\"deep.png\"\nContent-Transfer-Encoding: "
               "base64\n\niVBORw0KGgo=\n--n39--\n";
        for (int i = levels - 2; i >= 0; --i)
            raw += "--n" + QByteArray::number(i) + "--\n";

        for (const Message &m : {MessageParser::parse(raw), MessageParser::parseForSummary(raw)}) {
            QVERIFY(m.truncated);
            const QString text = m.bodyText();
            QVERIFY2(text.startsWith(QStringLiteral("near the top\n\n")), qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("nested too deeply")), qPrintable(text));
            QVERIFY2(!text.contains(QStringLiteral("--n")) &&
                         !text.contains(QStringLiteral("Content-Type")),
                     "raw MIME shown in the body");
            QCOMPARE(m.attachments.size(), 2);
            QStringList bottom(levels, QStringLiteral("1"));
            bottom.first() = QStringLiteral("2");
            QCOMPARE(m.attachments[0].partPath, bottom.join(u'.'));
            QCOMPARE(m.attachments[0].mimeType, QByteArray("text/plain"));
            QCOMPARE(m.attachments[1].filename, QStringLiteral("deep.png"));
            bottom.last() = QStringLiteral("2");
            QCOMPARE(m.attachments[1].partPath, bottom.join(u'.'));
            QVERIFY(m.summary().hasAttachments);
            QVERIFY2(m.problems.join(u'\n').contains(QStringLiteral("nested more than 24 levels")),
                     qPrintable(m.problems.join(u'\n')));
        }
        QCOMPARE(MessageParser::parse(raw).attachments[0].data, QByteArray("the bottom"));
    }

    // Below the limit the parts are found without recursion, and no deeper than the bytes and
    // the part count allow: a hostile nesting costs no more than a message that deep would.
    void deepNestingIsReadInBoundedTime()
    {
        QByteArray raw = "Content-Type: multipart/mixed; boundary=\"b0\"\n\n";
        for (int i = 1; i < 20000; ++i)
            raw += "--b" + QByteArray::number(i - 1) +
                   "\nContent-Type: multipart/mixed; boundary=\"b" + QByteArray::number(i) +
                   "\"\n\n";
        raw += "--b19999\n\nbottom\n";
        ParserLimits limits;
        limits.maxDepth = 4;
        QElapsedTimer timer;
        timer.start();
        const Message m = MessageParser::parse(raw, limits);
        QVERIFY2(timer.elapsed() < 20000, "reading below the depth limit did not stop");
        QVERIFY(m.truncated);
        QVERIFY(m.problems.join(u'\n').contains(QStringLiteral("not every part")));
        QVERIFY(!m.bodyText().contains(QStringLiteral("--b")));
    }

    void headerLimitsKeepTheBody()
    {
        QByteArray raw = "Subject: many fields\n";
        for (int i = 0; i < 5000; ++i)
            raw += "X-Filler: " + QByteArray::number(i) + '\n';
        raw += "\nthe body\n";
        const Message m = MessageParser::parse(raw);
        QVERIFY(m.truncated);
        QCOMPARE(m.headers.fields().size(), ParserLimits{}.maxHeaderFields);
        QCOMPARE(m.subject, QStringLiteral("many fields"));
        QCOMPARE(m.bodyText(), QStringLiteral("the body"));
    }

    void longLinesAreBrokenForDisplay()
    {
        ParserLimits limits;
        limits.maxTextLine = 100;
        const QByteArray raw = QByteArray("Subject: x\n\n") + QByteArray(1000, 'a');
        const Message m = MessageParser::parse(raw, limits);
        for (const QString &line : m.bodyText().split(u'\n'))
            QVERIFY(line.size() <= 100);
        QCOMPARE(m.bodyText().count(u'a'), 1000);
    }

    // Nothing at all (what a broken server can deliver) is an empty message: parsed, with a
    // problem entry for the parse tool and a note in words where the text would be.
    void emptyMessageIsParsedWithANote_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::newRow("0 bytes") << QByteArray();
        QTest::newRow("line ends") << QByteArray("\r\n\r\n");
        QTest::newRow("blanks") << QByteArray(" \t\n");
    }

    void emptyMessageIsParsedWithANote()
    {
        QFETCH(QByteArray, raw);
        for (const Message &m : {MessageParser::parse(raw), MessageParser::parseForSummary(raw)}) {
            QCOMPARE(m.problems, QStringList{QStringLiteral("The message is empty")});
            QCOMPARE(m.root.mimeType, QByteArray("text/plain"));
            QVERIFY(m.subject.isEmpty());
            QVERIFY(m.attachments.isEmpty());
            QCOMPARE(m.bodyText(), QStringLiteral("This message is empty."));
            QCOMPARE(m.summary().snippet, QStringLiteral("This message is empty."));
        }
        // A message with headers and no text is not empty: no note.
        QVERIFY(MessageParser::parse("Subject: no text\n\n").problems.isEmpty());
    }

    void emptyAndGarbageInputDegrade()
    {
        const Message garbage = MessageParser::parse(QByteArray("\x00\xff\xfe\r\r\n:::\n\n", 11));
        QCOMPARE(garbage.root.mimeType, QByteArray("text/plain")); // shown as text
        QCOMPARE(MessageParser::parse("no headers at all").bodyText(),
                 QStringLiteral("no headers at all"));
    }
};

QTEST_GUILESS_MAIN(tst_MessageParser)
#include "tst_MessageParser.moc"
