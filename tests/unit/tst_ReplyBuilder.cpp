#include "compose/ReplyBuilder.h"
#include "mime/MessageParser.h"
#include "mime/MessageWriter.h"

#include <QStringEncoder>
#include <QTest>

using namespace Poplar;
using Compose::ReplyBuilder;

namespace {

const Mime::Address Me{QStringLiteral("Li Lei"), QStringLiteral("li.lei@example.org"), QString()};

Mime::Message parse(const QByteArray &raw)
{
    return Mime::MessageParser::parse(raw);
}

QStringList emails(const QList<Mime::Address> &addresses)
{
    QStringList out;
    for (const Mime::Address &a : addresses)
        out << a.email;
    return out;
}

// A letter written in GBK, as Chinese mail programs still send it.
QByteArray gbkLetter()
{
    QStringEncoder gbk("GBK");
    const QByteArray body =
        gbk.encode(QStringLiteral("李雷：\r\n\r\n明天下午三点开会，请准时参加。\r\n"
                                  "> 上次的纪要见附件。\r\n"));
    const QByteArray subject = gbk.encode(QStringLiteral("回复：周会安排"));
    return "From: =?GBK?B?" + QByteArray(gbk.encode(QStringLiteral("王小明"))).toBase64() +
           "?= <wang@example.cn>\r\n"
           "To: li.lei@example.org, Han Meimei <han@example.org>\r\n"
           "Cc: LI.LEI@EXAMPLE.ORG, zhang@example.cn\r\n"
           "Subject: =?GBK?B?" +
           subject.toBase64() +
           "?=\r\n"
           "Date: Mon, 07 Dec 2026 09:30:00 +0800\r\n"
           "Message-ID: <meeting-2@example.cn>\r\n"
           "In-Reply-To: <meeting-1@example.org>\r\n"
           "References: <meeting-0@example.cn> <meeting-1@example.org>\r\n"
           "MIME-Version: 1.0\r\n"
           "Content-Type: text/plain; charset=GBK\r\n"
           "Content-Transfer-Encoding: 8bit\r\n\r\n" +
           body;
}

} // namespace

class tst_ReplyBuilder : public QObject
{
    Q_OBJECT

private slots:
    void baseSubject_data()
    {
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("base");
        QTest::newRow("plain") << QStringLiteral("Quarterly report")
                               << QStringLiteral("Quarterly report");
        QTest::newRow("re re") << QStringLiteral("Re: Re: hi") << QStringLiteral("hi");
        QTest::newRow("counter") << QStringLiteral("RE[2]: hi") << QStringLiteral("hi");
        QTest::newRow("fwd re") << QStringLiteral("Fwd: RE: hi") << QStringLiteral("hi");
        QTest::newRow("german") << QStringLiteral("AW: WG: Termin") << QStringLiteral("Termin");
        QTest::newRow("zh_CN reply")
            << QStringLiteral("回复：回复：周会安排") << QStringLiteral("周会安排");
        QTest::newRow("zh_CN answer ascii colon")
            << QStringLiteral("答复: 周会") << QStringLiteral("周会");
        QTest::newRow("zh_TW") << QStringLiteral("回覆：轉寄：報告") << QStringLiteral("報告");
        QTest::newRow("zh forward") << QStringLiteral("转发：Re: 报告") << QStringLiteral("报告");
        QTest::newRow("a word starting with re")
            << QStringLiteral("Rebuild: plans") << QStringLiteral("Rebuild: plans");
        QTest::newRow("only a prefix") << QStringLiteral("Re:") << QString();
    }
    void baseSubject()
    {
        QFETCH(QString, subject);
        QFETCH(QString, base);
        QCOMPARE(ReplyBuilder::baseSubject(subject), base);
        QCOMPARE(ReplyBuilder::replySubject(subject), QStringLiteral("Re: ") + base);
    }

    void replyToGbkLetterQuotesDecodedText()
    {
        const Mime::Message original = parse(gbkLetter());
        const Mime::OutgoingMessage reply =
            ReplyBuilder::reply(original, ReplyBuilder::Recipients::Sender, Me, {},
                                QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(emails(reply.to), QStringList{QStringLiteral("wang@example.cn")});
        QVERIFY(reply.cc.isEmpty());
        QCOMPARE(reply.subject, QStringLiteral("Re: 周会安排"));
        QCOMPARE(reply.inReplyTo, QStringLiteral("meeting-2@example.cn"));
        QCOMPARE(reply.references, (QStringList{QStringLiteral("meeting-0@example.cn"),
                                                QStringLiteral("meeting-1@example.org"),
                                                QStringLiteral("meeting-2@example.cn")}));
        QVERIFY2(reply.text.contains(QStringLiteral("王小明 wrote:")), qPrintable(reply.text));
        QVERIFY(reply.text.contains(QStringLiteral("\n> 明天下午三点开会，请准时参加。\n")));
        QVERIFY(reply.text.contains(QStringLiteral("\n>> 上次的纪要见附件。")));
        QVERIFY(reply.text.contains(QStringLiteral("\n>\n"))); // the empty line, quoted
        QCOMPARE(reply.from, Me);

        // Written and read back, the reply names its original so it joins the thread.
        const Mime::Message sent = parse(Mime::MessageWriter::write(reply, {}));
        QCOMPARE(sent.inReplyTo, QStringList{QStringLiteral("meeting-2@example.cn")});
        QCOMPARE(sent.references.constLast(), QStringLiteral("meeting-2@example.cn"));
        QCOMPARE(sent.subject, QStringLiteral("Re: 周会安排"));
    }

    void replyAllLeavesOutTheUserAndDuplicates()
    {
        const Mime::Message original = parse(gbkLetter());
        const Mime::OutgoingMessage reply = ReplyBuilder::reply(
            original, ReplyBuilder::Recipients::All, Me, {QStringLiteral("li@other.example")});
        QCOMPARE(emails(reply.to), (QStringList{QStringLiteral("wang@example.cn"),
                                                QStringLiteral("han@example.org")}));
        QCOMPARE(emails(reply.cc), QStringList{QStringLiteral("zhang@example.cn")});
        QCOMPARE(reply.to.at(1).name, QStringLiteral("Han Meimei"));
    }

    void replyToHonoursReplyTo()
    {
        const Mime::Message original =
            parse("From: Announcements <noreply@list.example>\r\nReply-To: team@list.example\r\n"
                  "To: li.lei@example.org\r\nSubject: Plan\r\nMessage-ID: "
                  "<p@list.example>\r\n\r\nHi\r\n");
        const Mime::OutgoingMessage reply =
            ReplyBuilder::reply(original, ReplyBuilder::Recipients::Sender, Me, {});
        QCOMPARE(emails(reply.to), QStringList{QStringLiteral("team@list.example")});
        QCOMPARE(reply.references, QStringList{QStringLiteral("p@list.example")});
    }

    void replyToOwnMessageGoesToItsRecipients()
    {
        const Mime::Message mine =
            parse("From: Li Lei <li.lei@example.org>\r\nTo: Wang <wang@example.cn>\r\n"
                  "Subject: Notes\r\n\r\nSee below.\r\n");
        const Mime::OutgoingMessage reply =
            ReplyBuilder::reply(mine, ReplyBuilder::Recipients::Sender, Me, {});
        QCOMPARE(emails(reply.to), QStringList{QStringLiteral("wang@example.cn")});
        const Mime::Message toMyself = parse(
            "From: li.lei@example.org\r\nTo: li.lei@example.org\r\nSubject: memo\r\n\r\nx\r\n");
        QCOMPARE(emails(ReplyBuilder::reply(toMyself, ReplyBuilder::Recipients::All, Me, {}).to),
                 QStringList{QStringLiteral("li.lei@example.org")});
    }

    void htmlOnlyOriginalIsQuotedAsText()
    {
        const Mime::Message original =
            parse("From: shop@example.com\r\nTo: li.lei@example.org\r\nSubject: Order\r\n"
                  "Content-Type: text/html; charset=utf-8\r\n\r\n"
                  "<html><body><p>Your order <b>#42</b> has shipped.</p></body></html>\r\n");
        const Mime::OutgoingMessage reply =
            ReplyBuilder::reply(original, ReplyBuilder::Recipients::Sender, Me, {});
        QVERIFY2(reply.text.contains(QStringLiteral("> Your order #42 has shipped.")),
                 qPrintable(reply.text));
        QVERIFY(!reply.text.contains(u'<'));
    }

    void longReferenceChainsAreTrimmed()
    {
        QByteArray references;
        for (int i = 0; i < 40; ++i)
            references += " <r" + QByteArray::number(i) + "@x>";
        const Mime::Message original = parse("From: a@x\r\nSubject: s\r\nMessage-ID: <last@x>\r\n"
                                             "References:" +
                                             references + "\r\n\r\nbody\r\n");
        const auto refs =
            ReplyBuilder::reply(original, ReplyBuilder::Recipients::Sender, Me, {}).references;
        QCOMPARE(refs.size(), 20);
        QCOMPARE(refs.constFirst(), QStringLiteral("r0@x"));
        QCOMPARE(refs.constLast(), QStringLiteral("last@x"));
        QCOMPARE(refs.at(refs.size() - 2), QStringLiteral("r39@x"));
    }

    void forwardInlineCarriesAttachments()
    {
        const QByteArray raw =
            "From: Wang <wang@example.cn>\r\nTo: li.lei@example.org\r\nSubject: 合同\r\n"
            "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
            "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n请查收。\r\n"
            "--b\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
            "Content-Disposition: attachment; filename*=UTF-8''%E5%90%88%E5%90%8C.pdf\r\n\r\n"
            "JVBERi0xLjQK\r\n--b--\r\n";
        const Mime::OutgoingMessage forward =
            ReplyBuilder::forwardInline(parse(raw), Me, QLocale(QLocale::English));
        QCOMPARE(forward.subject, QStringLiteral("Fwd: 合同"));
        QVERIFY(forward.to.isEmpty());
        QVERIFY(forward.text.contains(QStringLiteral("Forwarded Message")));
        QVERIFY(forward.text.contains(QStringLiteral("From: Wang <wang@example.cn>")));
        QVERIFY(forward.text.contains(QStringLiteral("请查收。")));
        QCOMPARE(forward.attachments.size(), 1);
        QCOMPARE(forward.attachments.first().fileName, QStringLiteral("合同.pdf"));
        QCOMPARE(forward.attachments.first().data, QByteArray("%PDF-1.4\n"));
    }

    void forwardAsAttachmentKeepsTheExactBytes()
    {
        const QByteArray raw = gbkLetter();
        const Mime::OutgoingMessage forward =
            ReplyBuilder::forwardAsAttachment(raw, parse(raw), Me);
        QCOMPARE(forward.subject, QStringLiteral("Fwd: 周会安排"));
        QCOMPARE(forward.attachments.size(), 1);
        QVERIFY(forward.attachments.first().isMessage);
        QCOMPARE(forward.attachments.first().fileName, QStringLiteral("回复：周会安排.eml"));
        // What the recipient gets holds the original byte for byte.
        const Mime::Message sent = parse(Mime::MessageWriter::write(forward, {}));
        QCOMPARE(sent.attachments.size(), 1);
        QCOMPARE(sent.attachments.first().data, raw);
    }
};

QTEST_GUILESS_MAIN(tst_ReplyBuilder)
#include "tst_ReplyBuilder.moc"
