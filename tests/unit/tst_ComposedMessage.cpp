#include "compose/ComposedMessage.h"

#include "mime/MessageParser.h"

#include <QTest>

using Poplar::Compose::ComposedMessage;
using namespace Poplar;
using namespace Qt::Literals::StringLiterals;

namespace {

Mime::OutgoingMessage sample()
{
    Mime::OutgoingMessage m;
    m.from = {QStringLiteral("王小明"), QStringLiteral("xiaoming@example.cn"), QString()};
    m.to = {{QStringLiteral("Li, Hua"), QStringLiteral("hua@example.org"), QString()},
            {QString(), QStringLiteral("bob@example.org"), QString()}};
    m.cc = {{QStringLiteral("陈静"), QStringLiteral("jing@example.tw"), QString()},
            {QString(), QStringLiteral("BOB@example.org"), QString()}};
    m.bcc = {{QStringLiteral("秘书"), QStringLiteral("secret@example.cn"), QString()}};
    m.subject = QStringLiteral("回复：第三季度报告 — a subject long enough to be folded over more "
                               "than one header line");
    m.text = QStringLiteral("你好，\n\n") + QString(120, u'字') +
             QStringLiteral("\n> quoted line\n>> deeper\n-- \nA line that ends with spaces   \n");
    m.attachments = {{QStringLiteral("季度报告.pdf"), QByteArray(), QByteArray(3000, 'p'), false}};
    m.inReplyTo = QStringLiteral("original@example.org");
    m.references = {QStringLiteral("root@example.org"), QStringLiteral("original@example.org")};
    return m;
}

} // namespace

class tst_ComposedMessage : public QObject
{
    Q_OBJECT

private slots:
    void theOutboxEntryHasTheEnvelopeButNoBcc()
    {
        const Store::OutgoingRecord record = ComposedMessage::outboxEntry(sample(), u"acct"_s);
        QCOMPARE(record.account, QStringLiteral("acct"));
        QCOMPARE(record.envelopeFrom, QStringLiteral("xiaoming@example.cn"));
        // Each address once, however it is written; Bcc in the envelope only.
        QCOMPARE(record.recipients, QStringList({u"hua@example.org"_s, u"bob@example.org"_s,
                                                 u"jing@example.tw"_s, u"secret@example.cn"_s}));
        QVERIFY(!record.raw.contains("Bcc:"));
        QVERIFY(!record.raw.contains("secret@example.cn"));
        QCOMPARE(record.bcc, QStringLiteral("secret@example.cn"));
        QCOMPARE(record.size, record.raw.size());

        const Mime::Message written = Mime::MessageParser::parse(record.raw);
        QCOMPARE(written.messageId, record.messageId);
        QVERIFY(record.messageId.endsWith(QStringLiteral("@example.cn")));
        QCOMPARE(written.subject, sample().subject);
        QCOMPARE(written.attachments.value(0).filename, QStringLiteral("季度报告.pdf"));
    }

    void aDraftReadsBackIntoEveryField()
    {
        const Mime::OutgoingMessage original = sample();
        const Store::NewMessage draft = ComposedMessage::draft(original, u"acct"_s);
        QCOMPARE(draft.folder, Store::Folder::Drafts);
        QVERIFY(draft.read);
        QVERIFY(draft.uidl.startsWith(QStringLiteral("draft:")));
        QCOMPARE(draft.subject, original.subject);

        const Mime::OutgoingMessage back = ComposedMessage::fromRaw(draft.raw);
        QCOMPARE(back.from.email, original.from.email);
        QCOMPARE(back.from.name, original.from.name);
        for (const auto &[got, want] : {std::pair{&back.to, &original.to},
                                        {&back.cc, &original.cc},
                                        {&back.bcc, &original.bcc}}) {
            QCOMPARE(got->size(), want->size());
            for (qsizetype i = 0; i < want->size(); ++i) {
                QCOMPARE(got->at(i).name, want->at(i).name);
                QCOMPARE(got->at(i).email, want->at(i).email);
            }
        }
        QCOMPARE(back.subject, original.subject);
        // The text as typed: long lines unwrapped again, quotes and the signature kept;
        // only the blanks at line ends go (format=flowed cannot keep them), but for the
        // signature separator's.
        QString typed = original.text;
        typed.replace(QStringLiteral("spaces   \n"), QStringLiteral("spaces\n"));
        QCOMPARE(back.text.trimmed(), typed.trimmed());
        QCOMPARE(back.inReplyTo, original.inReplyTo);
        QCOMPARE(back.references, original.references);
        QCOMPARE(back.attachments.size(), 1);
        QCOMPARE(back.attachments.first().fileName, QStringLiteral("季度报告.pdf"));
        QCOMPARE(back.attachments.first().data, original.attachments.first().data);
    }

    void aForwardedMessageStaysAnAttachment()
    {
        Mime::OutgoingMessage m = sample();
        m.attachments = {{QStringLiteral("original.eml"), QByteArray(),
                          "From: a@example.org\r\nSubject: the original\r\n\r\nIts text.\r\n",
                          true}};
        const Mime::OutgoingMessage back =
            ComposedMessage::fromRaw(ComposedMessage::draft(m, u"acct"_s).raw);
        QCOMPARE(back.attachments.size(), 1);
        QVERIFY(back.attachments.first().isMessage);
        QCOMPARE(back.attachments.first().data, m.attachments.first().data);
    }

    void eachDraftSaveHasItsOwnUidl()
    {
        QVERIFY(ComposedMessage::draft(sample(), u"a"_s).uidl !=
                ComposedMessage::draft(sample(), u"a"_s).uidl);
    }
};

QTEST_GUILESS_MAIN(tst_ComposedMessage)
#include "tst_ComposedMessage.moc"
