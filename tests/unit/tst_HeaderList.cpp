#include "mime/HeaderList.h"

#include <QTest>

using Poplar::Mime::HeaderList;
using Poplar::Mime::ParserLimits;

class tst_HeaderList : public QObject
{
    Q_OBJECT

private slots:
    void unfoldsAndFindsTheBody()
    {
        const QByteArray raw = "Subject: one\r\n two\r\n\tthree\r\nX-A: 1\r\n\r\nbody";
        HeaderList h;
        const qsizetype body = HeaderList::parse(raw, h);
        QCOMPARE(raw.mid(body), QByteArray("body"));
        QCOMPARE(h.value("subject"), QByteArray("one two\tthree"));
        QCOMPARE(h.value("X-A"), QByteArray("1"));
    }

    void keepsDuplicatesInOrder()
    {
        HeaderList h;
        HeaderList::parse("To: a\nTo: b\ntO: c\n\n", h);
        QCOMPARE(h.values("TO"), (QList<QByteArray>{"a", "b", "c"}));
        QCOMPARE(h.value("to"), QByteArray("a"));
        QCOMPARE(h.fields().size(), 3);
    }

    void obsoleteSpaceBeforeColon()
    {
        HeaderList h;
        HeaderList::parse("Subject   :   spaced\n\n", h);
        QCOMPARE(h.value("Subject"), QByteArray("spaced"));
    }

    void mboxSeparatorIsSkippedButFromFieldIsNot()
    {
        HeaderList h;
        HeaderList::parse("From someone@example.org Mon Jan 1 00:00:00 2024\nSubject: x\n\n", h);
        QCOMPARE(h.fields().size(), 1);
        HeaderList h2;
        HeaderList::parse("From : someone@example.org\n\n", h2);
        QCOMPARE(h2.value("From"), QByteArray("someone@example.org"));
    }

    void missingBlankLineStartsTheBody()
    {
        const QByteArray raw = "Subject: x\nThis is body text\nmore";
        HeaderList h;
        const qsizetype body = HeaderList::parse(raw, h);
        QCOMPARE(raw.mid(body), QByteArray("This is body text\nmore"));
    }

    void noHeadersAtAll()
    {
        HeaderList h;
        QCOMPARE(HeaderList::parse("\nbody", h), 1);
        QVERIFY(h.isEmpty());
        QCOMPARE(HeaderList::parse("", h), 0);
    }

    void limitsCutTheBlockButFindTheBody()
    {
        QByteArray raw;
        for (int i = 0; i < 100; ++i)
            raw += "X-N: " + QByteArray(50, 'v') + '\n';
        raw += "\nbody";
        ParserLimits limits;
        limits.maxHeaderFields = 10;
        limits.maxHeaderLine = 20;
        HeaderList h;
        const qsizetype body = HeaderList::parse(raw, h, limits);
        QVERIFY(h.truncated());
        QCOMPARE(h.fields().size(), 10);
        QCOMPARE(h.value("X-N").size(), 20);
        QCOMPARE(raw.mid(body), QByteArray("body"));
    }

    void rawUtf8IsKeptAsBytes()
    {
        HeaderList h;
        HeaderList::parse("Subject: \xe4\xbd\xa0\xe5\xa5\xbd\n\n", h);
        QCOMPARE(h.value("Subject"), QByteArray("\xe4\xbd\xa0\xe5\xa5\xbd"));
    }
};

QTEST_GUILESS_MAIN(tst_HeaderList)
#include "tst_HeaderList.moc"
