#include "mime/MessageParser.h"
#include "mime/MessageWriter.h"

#include <QLocale>
#include <QMimeDatabase>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

using Poplar::Mime::Address;
using Poplar::Mime::Message;
using Poplar::Mime::MessageParser;
using Poplar::Mime::MessageWriter;
using Poplar::Mime::OutgoingAttachment;
using Poplar::Mime::OutgoingMessage;
using Poplar::Mime::WriterOptions;

Q_DECLARE_METATYPE(OutgoingMessage)
Q_DECLARE_METATYPE(WriterOptions)

namespace {

QString oneLine(QString text)
{
    for (QChar &c : text) {
        if (c == u'\r' || c == u'\n' || c == u'\t')
            c = u' ';
    }
    return text;
}

// The body as a reader gets it back: LF, trailing blanks gone (format=flowed needs that),
// no trailing newlines.
QString comparableBody(QString text)
{
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(u'\r', u'\n');
    QStringList lines = text.split(u'\n');
    for (QString &line : lines) {
        while (line.endsWith(u' '))
            line.chop(1);
    }
    QString joined = lines.join(u'\n');
    while (joined.endsWith(u'\n'))
        joined.chop(1);
    return joined;
}

QString expectedFileName(const QString &name)
{
    QString out;
    for (QChar c : oneLine(name)) {
        if (c.unicode() >= 0x20 && c.unicode() != 0x7f && c != u'<' && c != u'>')
            out += c;
    }
    out.replace(u'/', u'_');
    out.replace(u'\\', u'_');
    return out.trimmed();
}

QByteArray expectedType(const OutgoingAttachment &a)
{
    if (a.isMessage)
        return "message/rfc822";
    if (!a.mimeType.isEmpty())
        return a.mimeType;
    const QMimeType guess =
        QMimeDatabase().mimeTypeForFile(a.fileName, QMimeDatabase::MatchExtension);
    return guess.isDefault() ? QByteArrayLiteral("application/octet-stream")
                             : guess.name().toLatin1();
}

QList<QByteArray> headerLines(const QByteArray &bytes)
{
    const qsizetype end = bytes.indexOf("\r\n\r\n");
    return bytes.left(end).split('\n');
}

// What every receiver relies on; `sevenBit`: not one octet above 127.
void checkStructure(const QByteArray &bytes, bool sevenBit, bool headersShort = true)
{
    QVERIFY(bytes.contains("\r\n\r\n"));
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (c == '\n') {
            QVERIFY2(i > 0 && bytes[i - 1] == '\r', "bare LF");
            QVERIFY2(i - 1 - lineStart <= 998, "line over 998 octets");
            lineStart = i + 1;
        } else if (c == '\r') {
            QVERIFY2(i + 1 < bytes.size() && bytes[i + 1] == '\n', "bare CR");
        } else if (sevenBit) {
            QVERIFY2(static_cast<unsigned char>(c) < 128, "8-bit octet in 7-bit output");
            QVERIFY2(c != 0, "NUL");
        }
    }
    QVERIFY(bytes.endsWith("\r\n") || bytes.endsWith("\r\n\r\n"));
    static const QRegularExpression word(QStringLiteral("=\\?UTF-8\\?[BQ]\\?[^? ]*\\?="));
    for (const QByteArray &raw : headerLines(bytes)) {
        const QString line = QString::fromUtf8(raw).chopped(raw.endsWith('\r') ? 1 : 0);
        if (headersShort)
            QVERIFY2(line.toUtf8().size() <= 78, qPrintable(line));
        QVERIFY2(!line.startsWith(u"Bcc", Qt::CaseInsensitive), qPrintable(line));
        const qsizetype opened = line.count(QStringLiteral("=?UTF-8?"));
        qsizetype complete = 0;
        auto it = word.globalMatch(line);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            QVERIFY2(m.capturedLength() <= 75, qPrintable(line));
            ++complete;
        }
        QVERIFY2(opened == complete, qPrintable(QStringLiteral("split encoded word: ") + line));
    }
}

void compareAddresses(const QList<Address> &got, const QList<Address> &sent)
{
    QList<Address> expected;
    for (const Address &a : sent) {
        Address e{oneLine(a.name).simplified(), a.email, oneLine(a.group).simplified()};
        if (e.email.isEmpty() && e.group.isEmpty())
            continue;
        if (e.email.isEmpty())
            e.name = e.group; // an empty group reads back as one entry named like it
        expected.append(e);
    }
    QCOMPARE(got.size(), expected.size());
    for (qsizetype i = 0; i < got.size(); ++i) {
        QCOMPARE(got[i].name, expected[i].name);
        QCOMPARE(got[i].email, expected[i].email);
        QCOMPARE(got[i].group, expected[i].group);
    }
}

QString firstTextPiece(const Message &m)
{
    for (const auto &piece : m.body) {
        if (piece.kind == Poplar::Mime::BodyPiece::Kind::Plain && piece.depth == 0)
            return piece.content;
    }
    return {};
}

// Parses the bytes with Poplar's reader and compares every field with what was sent.
void checkRoundTrip(const OutgoingMessage &sent, const WriterOptions &options)
{
    const QByteArray bytes = MessageWriter::write(sent, options);
    checkStructure(bytes, !options.eightBit && !options.smtpUtf8);
    if (QTest::currentTestFailed())
        return;
    for (const Address &a : sent.bcc) {
        if (!a.email.isEmpty())
            QVERIFY2(!bytes.contains(MessageWriter::envelopeAddress(a.email, true)), "Bcc leaked");
    }
    const Message got = MessageParser::parse(bytes);
    QVERIFY2(got.problems.isEmpty(), qPrintable(got.problems.join(u'\n')));
    QCOMPARE(got.subject, oneLine(sent.subject).simplified());
    compareAddresses(got.from, {sent.from});
    compareAddresses(got.to, sent.to);
    compareAddresses(got.cc, sent.cc);
    compareAddresses(got.replyTo, sent.replyTo);
    QVERIFY(got.bcc.isEmpty());
    if (!sent.messageId.isEmpty())
        QCOMPARE(got.messageId, sent.messageId);
    else
        QVERIFY(!got.messageId.isEmpty());
    QCOMPARE(got.inReplyTo, sent.inReplyTo.isEmpty() ? QStringList() : QStringList{sent.inReplyTo});
    QCOMPARE(got.references, sent.references);
    if (sent.date.isValid()) {
        QCOMPARE(got.date.toSecsSinceEpoch(), sent.date.toSecsSinceEpoch());
        QCOMPARE(got.date.offsetFromUtc(), sent.date.offsetFromUtc());
    }
    QCOMPARE(comparableBody(firstTextPiece(got)), comparableBody(sent.text));

    QList<Poplar::Mime::Attachment> attachments;
    for (const auto &a : got.attachments) {
        if (!a.partPath.contains(u'.'))
            attachments.append(a); // not the parts of a forwarded message
    }
    QCOMPARE(attachments.size(), sent.attachments.size());
    for (qsizetype i = 0; i < attachments.size(); ++i) {
        const OutgoingAttachment &a = sent.attachments[i];
        QCOMPARE(attachments[i].data, a.data);
        const QString name = expectedFileName(a.fileName);
        if (!name.isEmpty())
            QCOMPARE(attachments[i].filename, name);
        if (a.isMessage && bytes.contains("Content-Type: application/octet-stream"))
            continue; // unsendable as message/rfc822; checked in rfc822Attachment
        QCOMPARE(attachments[i].mimeType, expectedType(a));
    }
}

QString repeat(const QString &s, int n)
{
    QString out;
    for (int i = 0; i < n; ++i)
        out += s;
    return out;
}

OutgoingMessage base()
{
    OutgoingMessage m;
    m.from = {QStringLiteral("Alice Example"), QStringLiteral("alice@example.org"), {}};
    m.to = {{{}, QStringLiteral("bob@example.net"), {}}};
    m.subject = QStringLiteral("Hello");
    m.text = QStringLiteral("Hi Bob,\nsee you.\n");
    m.date = QDateTime(QDate(2025, 7, 1), QTime(9, 5, 3), QTimeZone(7200));
    m.messageId = QStringLiteral("1234.abcd@example.org");
    return m;
}

const QString kCjkName = QStringLiteral("季度报告.pdf");

QByteArray innerMessage()
{
    return "From: Carol <carol@example.com>\r\nTo: alice@example.org\r\nSubject: inner\r\n"
           "Date: Mon, 30 Jun 2025 10:00:00 +0000\r\nMessage-ID: <inner@example.com>\r\n\r\n"
           "Inner body line.\r\n--=_Poplar_notreally\r\n";
}

// A random message mixing the hard cases, from a seeded generator.
OutgoingMessage randomMessage(QRandomGenerator &rng, bool utf8LocalParts)
{
    static const QStringList names{
        QString(),
        QStringLiteral("Bob"),
        QStringLiteral("Doe, John"),
        QStringLiteral("\"Quoted\" Person"),
        QStringLiteral("Back\\slash"),
        QStringLiteral("王小明"),
        QStringLiteral("Ünïcødé Name"),
        QStringLiteral("Emoji 😀 Fan"),
        QStringLiteral("Eve\r\nBcc: victim@example.com"),
        QStringLiteral("=?utf-8?q?not_an_encoded_word?="),
        QStringLiteral("(comment) <tricky> @ name; here:"),
        repeat(QStringLiteral("长名字"), 40),
        repeat(QStringLiteral("Long Name "), 12),
    };
    static const QStringList emails{
        QStringLiteral("bob@example.net"),      QStringLiteral("x.y+tag@sub.example.com"),
        QStringLiteral("user@bücher.example"),  QStringLiteral("o'brien@example.ie"),
        QStringLiteral("john doe@example.com"),
    };
    static const QStringList subjects{
        QString(),
        QStringLiteral("Re: 季度报告"),
        QStringLiteral("plain ascii subject"),
        repeat(QStringLiteral("很长的主题"), 60),
        repeat(QStringLiteral("word "), 300),
        QStringLiteral("=?utf-8?B?Zm9v?= literal"),
        QStringLiteral("Hi\r\nBcc: victim@example.com"),
        repeat(QStringLiteral("😀"), 100),
        QString(3000, u'x'),
        QStringLiteral("Mixed Ünïcødé and ascii, with \"quotes\""),
    };
    static const QStringList texts{
        QString(),
        QStringLiteral("one line without newline"),
        QStringLiteral("Line one\r\nLine two\r\n\r\n"),
        QStringLiteral("From the start\n>not a quote\n> a quote\n>> deeper quote\n -- \n-- \nsig"),
        repeat(QStringLiteral("flowing words "), 200),
        QString(5000, u'y'),
        repeat(QStringLiteral("中文没有空格"), 300),
        QStringLiteral("trailing blanks   \nnext\n"),
        QStringLiteral("> ") + repeat(QStringLiteral("quoted flowing text "), 30),
        QStringLiteral("-- ") + repeat(QStringLiteral("x "), 60),
        QStringLiteral(". a dot line\nÜmlauts and 😀\n"),
    };
    static const QStringList fileNames{
        kCjkName,
        QStringLiteral("report.pdf"),
        QStringLiteral("photo.JPG"),
        repeat(QStringLiteral("长"), 300) + QStringLiteral(".txt"),
        repeat(QStringLiteral("a"), 300) + QStringLiteral(".zip"),
        QStringLiteral("evil\r\nContent-Type: text/html.txt"),
        QStringLiteral("with \"quotes\" and spaces.doc"),
        QString(),
        QStringLiteral("Ünïcødé 😀.png"),
    };
    const auto pick = [&](const QStringList &list) {
        return list[static_cast<qsizetype>(rng.bounded(static_cast<quint32>(list.size())))];
    };
    const auto address = [&] {
        QString email = pick(emails);
        if (utf8LocalParts && rng.bounded(4) == 0)
            email = QStringLiteral("用户@例子.测试");
        return Address{pick(names), email, {}};
    };
    OutgoingMessage m;
    m.from = address();
    for (int i = 0, n = static_cast<int>(rng.bounded(4)); i < n; ++i)
        m.to.append(address());
    if (rng.bounded(3) == 0) {
        for (int i = 0, n = 1 + static_cast<int>(rng.bounded(3)); i < n; ++i) {
            Address a = address();
            a.group = QStringLiteral("Team 团队");
            m.cc.append(a);
        }
    }
    for (int i = 0, n = static_cast<int>(rng.bounded(3)); i < n; ++i)
        m.cc.append(address());
    for (int i = 0, n = static_cast<int>(rng.bounded(3)); i < n; ++i)
        m.bcc.append({pick(names), QStringLiteral("hidden%1@secret.example").arg(i), {}});
    if (rng.bounded(2) == 0)
        m.replyTo.append(address());
    m.subject = pick(subjects);
    m.text = pick(texts);
    if (rng.bounded(2) == 0) {
        m.inReplyTo = QStringLiteral("parent.%1@example.org").arg(rng.bounded(1000));
        for (int i = 0, n = static_cast<int>(rng.bounded(30)); i < n; ++i)
            m.references.append(
                QStringLiteral("ref%1.%2@example.org").arg(i).arg(rng.bounded(1000)));
    }
    if (rng.bounded(2) == 0)
        m.messageId = QStringLiteral("id%1@example.org").arg(rng.bounded(100000));
    m.date = QDateTime(QDate(2000 + static_cast<int>(rng.bounded(30)),
                             1 + static_cast<int>(rng.bounded(12)),
                             1 + static_cast<int>(rng.bounded(28))),
                       QTime(static_cast<int>(rng.bounded(24)), static_cast<int>(rng.bounded(60)),
                             static_cast<int>(rng.bounded(60))),
                       QTimeZone((static_cast<int>(rng.bounded(53)) - 24) * 1800));
    for (int i = 0, n = static_cast<int>(rng.bounded(4)); i < n; ++i) {
        OutgoingAttachment a;
        a.fileName = pick(fileNames);
        QByteArray data(static_cast<qsizetype>(rng.bounded(3000)), Qt::Uninitialized);
        for (char &c : data)
            c = static_cast<char>(rng.bounded(256));
        a.data = data;
        if (rng.bounded(5) == 0) {
            a.isMessage = true;
            a.fileName = rng.bounded(2) ? QStringLiteral("forwarded.eml") : QString();
            a.data = innerMessage();
        }
        m.attachments.append(a);
    }
    return m;
}

} // namespace

class tst_MessageWriter : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<OutgoingMessage>("message");
        QTest::addColumn<WriterOptions>("options");
        const WriterOptions ascii;
        const WriterOptions eight{true, false, {}};
        const WriterOptions utf8{true, true, {}};

        QTest::newRow("simple") << base() << ascii;
        OutgoingMessage m = base();
        m.from.name = QStringLiteral("王小明");
        m.to = {{QStringLiteral("李雷"), QStringLiteral("lilei@example.cn"), {}},
                {QStringLiteral("Müller, Jörg"), QStringLiteral("joerg@example.de"), {}}};
        m.subject = QStringLiteral("关于第三季度报告的讨论 Re: Q3");
        m.text = QStringLiteral("你好，\n附件是报告。\n");
        QTest::newRow("cjk") << m << ascii;
        QTest::newRow("cjk 8bit") << m << eight;
        QTest::newRow("cjk smtputf8") << m << utf8;

        m = base();
        m.subject = repeat(QStringLiteral("非常长的主题行，"), 80) +
                    repeat(QStringLiteral(" ascii"), 200) + repeat(QStringLiteral("😀👍"), 80);
        QTest::newRow("very long subject") << m << ascii;

        m = base();
        m.to = {{QStringLiteral("Doe, John"), QStringLiteral("john@example.com"), {}},
                {QStringLiteral("Say \"Hi\" \\ there"), QStringLiteral("hi@example.com"), {}},
                {QStringLiteral("a.b (c) <d>"), QStringLiteral("ab@example.com"), {}},
                {QString(), QStringLiteral("bare@example.com"), {}}};
        m.cc = {
            {QStringLiteral("Member"), QStringLiteral("m1@example.com"), QStringLiteral("Team")},
            {{}, QStringLiteral("m2@example.com"), QStringLiteral("Team")},
            {{}, {}, QStringLiteral("undisclosed-recipients")}};
        m.replyTo = {{QStringLiteral("List: Owner"), QStringLiteral("owner@example.com"), {}}};
        QTest::newRow("specials in names") << m << ascii;

        m = base();
        for (int i = 0; i < 500; ++i)
            m.to.append(
                {QStringLiteral("收件人 %1").arg(i), QStringLiteral("r%1@example.com").arg(i), {}});
        QTest::newRow("500 recipients") << m << ascii;

        m = base();
        m.attachments = {
            {kCjkName, {}, QByteArray("%PDF-1.4 fake", 13), false},
            {repeat(QStringLiteral("报"), 300), "application/octet-stream", "x", false},
            {repeat(QStringLiteral("n"), 300) + QStringLiteral(".txt"), {}, "text", false},
            {QStringLiteral("notes.txt"), {}, "plain\nnotes", false},
            {QStringLiteral("空 格 名.docx"), {}, QByteArray(5000, '\0'), false},
            {QString(), {}, "nameless", false}};
        QTest::newRow("attachments") << m << ascii;

        m = base();
        m.text.clear();
        QTest::newRow("empty body") << m << ascii;
        m.attachments = {{QStringLiteral("a.bin"), {}, "data", false}};
        QTest::newRow("empty body with attachment") << m << ascii;

        m = base();
        m.text = QStringLiteral("start ") + QString(5000, u'w') + QStringLiteral(" end\n") +
                 QString(2000, u'ü');
        QTest::newRow("long unbroken line") << m << ascii;
        QTest::newRow("long unbroken line 8bit") << m << eight;

        m = base();
        m.bcc = {{QStringLiteral("Secret"), QStringLiteral("secret@hidden.example"), {}}};
        QTest::newRow("bcc") << m << ascii;
        m.to.clear();
        QTest::newRow("bcc only") << m << ascii;

        m = base();
        m.from.email = QStringLiteral("jörg@bücher.example");
        m.to = {{QStringLiteral("用户"), QStringLiteral("用户@例子.测试"), {}}};
        m.messageId.clear();
        QTest::newRow("utf8 addresses") << m << utf8;
        m.from.email = QStringLiteral("joerg@bücher.example");
        m.to = {{{}, QStringLiteral("info@例子.测试"), {}}};
        QTest::newRow("idn domains") << m << ascii;

        m = base();
        m.text = QStringLiteral("From here\n>not quote\n> quote\n>\n -- \n-- \n") +
                 QStringLiteral(">> ") + repeat(QStringLiteral("deep quoted words "), 20);
        QTest::newRow("flowed stuffing") << m << ascii;

        m = base();
        m.subject = repeat(QStringLiteral("a"), 2000);
        m.from.name = repeat(QStringLiteral("b"), 200);
        m.references = {QStringLiteral("r1@x"), QStringLiteral("r2@x")};
        m.inReplyTo = QStringLiteral("r2@x");
        QTest::newRow("long ascii words") << m << ascii;
    }

    void roundTrip()
    {
        QFETCH(OutgoingMessage, message);
        QFETCH(WriterOptions, options);
        checkRoundTrip(message, options);
    }

    void generatedSweep()
    {
        QRandomGenerator rng(20250701);
        for (int i = 0; i < 200; ++i) {
            const WriterOptions options{rng.bounded(2) == 1, rng.bounded(2) == 1, {}};
            const OutgoingMessage m = randomMessage(rng, options.smtpUtf8);
            checkRoundTrip(m, options);
            if (QTest::currentTestFailed()) {
                qWarning("message %d failed", i);
                return;
            }
        }
    }

    void headers()
    {
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        OutgoingMessage m = base();
        m.inReplyTo = QStringLiteral("parent@example.org");
        m.references = {QStringLiteral("root@example.org"), QStringLiteral("parent@example.org")};
        const QByteArray bytes = MessageWriter::write(m);
        QLocale::setDefault(before);
        QVERIFY(bytes.startsWith("Date: Tue, 01 Jul 2025 09:05:03 +0200\r\n"));
        QVERIFY(bytes.contains("\r\nFrom: Alice Example <alice@example.org>\r\n"));
        QVERIFY(bytes.contains("\r\nTo: bob@example.net\r\n"));
        QVERIFY(bytes.contains("\r\nSubject: Hello\r\n"));
        QVERIFY(bytes.contains("\r\nMessage-ID: <1234.abcd@example.org>\r\n"));
        QVERIFY(bytes.contains("\r\nIn-Reply-To: <parent@example.org>\r\n"));
        QVERIFY(bytes.contains("\r\nReferences: <root@example.org> <parent@example.org>\r\n"));
        QVERIFY(bytes.contains("\r\nUser-Agent: Poplar/" POPLAR_VERSION "\r\n"));
        QVERIFY(bytes.contains("\r\nMIME-Version: 1.0\r\n"));
        QVERIFY(bytes.contains("\r\nContent-Type: text/plain; charset=UTF-8; format=flowed\r\n"
                               "Content-Transfer-Encoding: 7bit\r\n\r\nHi Bob,\r\nsee you.\r\n"));

        m.date = QDateTime(QDate(2024, 12, 31), QTime(23, 59, 59), QTimeZone(-(3 * 3600 + 1800)));
        QVERIFY(MessageWriter::write(m).startsWith("Date: Tue, 31 Dec 2024 23:59:59 -0330\r\n"));
        m.date = QDateTime();
        const QByteArray now = MessageWriter::write(m, {false, false, "Custom/2\r\nX-Evil: 1"});
        const QDateTime parsed = MessageParser::parse(now).date;
        QVERIFY(qAbs(parsed.secsTo(QDateTime::currentDateTime())) < 5);
        QCOMPARE(parsed.offsetFromUtc(), QDateTime::currentDateTime().offsetFromUtc());
        QVERIFY(now.contains("\r\nUser-Agent: Custom/2 X-Evil: 1\r\n"));
    }

    void encodedWordsOnlyWhereNeeded()
    {
        OutgoingMessage m = base();
        m.subject = QStringLiteral("Re: 季度报告 plain words");
        m.from.name = QStringLiteral("Doe, John");
        const QByteArray bytes = MessageWriter::write(m);
        QVERIFY(bytes.contains("\r\nSubject: Re: =?UTF-8?B?5a2j5bqm5oql5ZGK?= plain words\r\n"));
        QVERIFY(bytes.contains("\r\nFrom: \"Doe, John\" <alice@example.org>\r\n"));
        m.subject = QStringLiteral("Überweisungsbestätigung");
        QVERIFY(MessageWriter::write(m).contains(
            "\r\nSubject: =?UTF-8?Q?=C3=9Cberweisungsbest=C3=A4tigung?=\r\n"));
    }

    void noHeaderInjection()
    {
        OutgoingMessage m = base();
        m.subject = QStringLiteral("Hi\r\nBcc: victim@example.com\nX-Evil: 1");
        m.from.name = QStringLiteral("Eve\r\nX-Evil: 2");
        m.from.email = QStringLiteral("eve@example.com>\r\nX-Evil: 3");
        m.to = {{QStringLiteral("T\rX-Evil: 4"), QStringLiteral("t@example.com"), {}}};
        m.messageId = QStringLiteral("id@x>\r\nX-Evil: 5");
        m.inReplyTo = QStringLiteral("p@x>\nX-Evil: 6");
        m.references = {QStringLiteral("r@x>\r\nX-Evil: 7")};
        m.attachments = {
            {QStringLiteral("a\r\nX-Evil: 8.txt"), "text/plain\r\nX-Evil: 9", "x", false}};
        const QByteArray bytes = MessageWriter::write(m);
        checkStructure(bytes, true);
        for (const QByteArray &line : bytes.split('\n')) {
            QVERIFY2(!line.startsWith("X-Evil"), line.constData());
            QVERIFY2(!line.startsWith("Bcc"), line.constData());
        }
        const Message got = MessageParser::parse(bytes);
        QCOMPARE(got.subject, QStringLiteral("Hi Bcc: victim@example.com X-Evil: 1"));
        QVERIFY(got.bcc.isEmpty());
        QCOMPARE(got.attachments.size(), 1);
        QCOMPARE(got.attachments[0].mimeType, QByteArray("text/plain")); // guessed from the name
    }

    void rfc822Attachment_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<bool>("eightBit");
        QTest::addColumn<QByteArray>("encoding");
        QTest::addColumn<QByteArray>("type");
        const QByteArray inner = innerMessage();
        QTest::newRow("ascii") << inner << false << QByteArray("7bit")
                               << QByteArray("message/rfc822");
        QByteArray eight = inner;
        eight.replace("Inner body line.", "Inner b\xc3\xb6"
                                          "dy 中文.");
        QTest::newRow("8bit allowed")
            << eight << true << QByteArray("8bit") << QByteArray("message/rfc822");
        QTest::newRow("8bit not allowed")
            << eight << false << QByteArray("base64") << QByteArray("application/octet-stream");
        QByteArray lf = inner;
        lf.replace("\r\n", "\n");
        QTest::newRow("bare LF") << lf << true << QByteArray("base64")
                                 << QByteArray("application/octet-stream");
        QTest::newRow("no final newline")
            << inner.chopped(2) << false << QByteArray("7bit") << QByteArray("message/rfc822");
        QTest::newRow("long line")
            << inner + QByteArray(1200, 'z') + "\r\n"
            << true << QByteArray("base64") << QByteArray("application/octet-stream");
    }

    void rfc822Attachment()
    {
        QFETCH(QByteArray, data);
        QFETCH(bool, eightBit);
        QFETCH(QByteArray, encoding);
        QFETCH(QByteArray, type);
        OutgoingMessage m = base();
        m.attachments = {{QStringLiteral("forwarded.eml"), {}, data, true}};
        const QByteArray bytes = MessageWriter::write(m, {eightBit, false, {}});
        checkStructure(bytes, !eightBit);
        QVERIFY(bytes.contains(QByteArray("Content-Type: " + type)));
        QVERIFY(bytes.contains(QByteArray("Content-Transfer-Encoding: " + encoding + "\r\n\r\n")));
        const Message got = MessageParser::parse(bytes);
        QCOMPARE(got.attachments.size(), 1);
        QCOMPARE(got.attachments[0].data, data);
        QCOMPARE(got.attachments[0].mimeType, type);
        QCOMPARE(got.attachments[0].filename, QStringLiteral("forwarded.eml"));
        QCOMPARE(comparableBody(firstTextPiece(got)), comparableBody(m.text));
        if (type == "message/rfc822")
            QVERIFY(got.bodyText().contains(QStringLiteral("Subject: inner")));
    }

    void attachmentParameters()
    {
        OutgoingMessage m = base();
        m.attachments = {
            {kCjkName, {}, "pdf", false},
            {QStringLiteral("report.pdf"), {}, "pdf", false},
            {repeat(QStringLiteral("季度"), 150) + QStringLiteral(".pdf"), {}, "pdf", false}};
        const QByteArray bytes = MessageWriter::write(m);
        checkStructure(bytes, true);
        QVERIFY(bytes.contains("Content-Type: multipart/mixed; boundary=\"=_Poplar_"));
        QVERIFY(bytes.contains("Content-Type: application/pdf; "
                               "name=\"=?UTF-8?B?5a2j5bqm5oql5ZGKLnBkZg==?=\"\r\n"));
        QVERIFY(bytes.contains("Content-Disposition: attachment;\r\n "
                               "filename*=UTF-8''%E5%AD%A3%E5%BA%A6%E6%8A%A5%E5%91%8A.pdf\r\n"));
        QVERIFY(bytes.contains("Content-Type: application/pdf; name=\"report.pdf\"\r\n"));
        QVERIFY(bytes.contains("Content-Disposition: attachment; filename=\"report.pdf\"\r\n"));
        QVERIFY(bytes.contains(" filename*0*=UTF-8''%E5%AD%A3"));
        QVERIFY(bytes.contains(" filename*1*=%"));
        // The text part comes first; base64 lines are 76 columns.
        const Message got = MessageParser::parse(bytes);
        QCOMPARE(got.root.children.front().mimeType, QByteArray("text/plain"));
        OutgoingMessage big = base();
        big.attachments = {{QStringLiteral("big.bin"), {}, QByteArray(1000, 'x'), false}};
        const QByteArray bigBytes = MessageWriter::write(big);
        QVERIFY(bigBytes.contains(
            QByteArray("\r\n" + QByteArray(1000, 'x').toBase64().left(76) + "\r\n")));
    }

    void bodyEncodings()
    {
        OutgoingMessage m = base();
        m.text = QStringLiteral("Grüße");
        QVERIFY(MessageWriter::write(m).contains(
            "Content-Transfer-Encoding: quoted-printable\r\n\r\nGr=C3=BC=C3=9Fe\r\n"));
        QVERIFY(MessageWriter::write(m, {true, false, {}})
                    .contains("Content-Transfer-Encoding: 8bit\r\n\r\nGr\xc3\xbc\xc3\x9f"
                              "e\r\n"));
        m.text = QStringLiteral("a line   \nFrom me\n>x\n");
        QVERIFY(MessageWriter::write(m).contains("7bit\r\n\r\na line\r\n From me\r\n >x\r\n"));
        m.text = repeat(QStringLiteral("word "), 40);
        const QByteArray flowed = MessageWriter::write(m);
        QVERIFY(flowed.contains("\r\n\r\nword word "));
        for (const QByteArray &line : flowed.mid(flowed.indexOf("\r\n\r\n") + 4).split('\n'))
            QVERIFY(line.size() <= 79);
        m.text = QString(5000, u'q');
        const QByteArray qp = MessageWriter::write(m);
        QVERIFY(qp.contains("Content-Transfer-Encoding: quoted-printable"));
        for (const QByteArray &line : qp.mid(qp.indexOf("\r\n\r\n") + 4).split('\n'))
            QVERIFY(line.size() <= 77);
    }

    void messageIds()
    {
        const QString id = MessageWriter::newMessageId(QStringLiteral("Alice@Example.ORG"));
        QVERIFY2(id.endsWith(u"@example.org"), qPrintable(id));
        QVERIFY(id.size() > 20);
        QVERIFY(id != MessageWriter::newMessageId(QStringLiteral("alice@example.org")));
        QVERIFY(MessageWriter::newMessageId(QString()).endsWith(u"@poplar.invalid"));
        QVERIFY(MessageWriter::newMessageId(QStringLiteral("bad@dom ain>")).endsWith(u"@domain"));
        QVERIFY(MessageWriter::newMessageId(QStringLiteral("a@bücher.example"))
                    .endsWith(u"@xn--bcher-kva.example"));
        QVERIFY(MessageWriter::newMessageId(QStringLiteral("a@[1.2.3.4]"))
                    .endsWith(u"@poplar.invalid"));
    }

    void envelope()
    {
        QVERIFY(!MessageWriter::needsSmtpUtf8(QStringLiteral("a@example.org")));
        QVERIFY(!MessageWriter::needsSmtpUtf8(QStringLiteral("a@bücher.example")));
        QVERIFY(MessageWriter::needsSmtpUtf8(QStringLiteral("jörg@example.org")));
        QCOMPARE(MessageWriter::envelopeAddress(QStringLiteral("a@bücher.example"), false),
                 QByteArray("a@xn--bcher-kva.example"));
        QCOMPARE(MessageWriter::envelopeAddress(QStringLiteral("a@bücher.example"), true),
                 QStringLiteral("a@bücher.example").toUtf8());
        QCOMPARE(MessageWriter::envelopeAddress(QStringLiteral("john doe@example.com"), false),
                 QByteArray("\"john doe\"@example.com"));
        const QByteArray injected =
            MessageWriter::envelopeAddress(QStringLiteral("a@b.c>\r\nRCPT TO:<x@y"), false);
        for (char c : {'\r', '\n', '<', '>'})
            QVERIFY2(!injected.contains(c), injected.constData());
        OutgoingMessage m = base();
        QVERIFY(!MessageWriter::needsSmtpUtf8(m));
        m.bcc = {{{}, QStringLiteral("用户@例子.测试"), {}}};
        QVERIFY(MessageWriter::needsSmtpUtf8(m));
    }
};

QTEST_GUILESS_MAIN(tst_MessageWriter)
#include "tst_MessageWriter.moc"
