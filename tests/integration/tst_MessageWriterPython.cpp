#include "mime/MessageWriter.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeDatabase>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using Poplar::Mime::Address;
using Poplar::Mime::MessageWriter;
using Poplar::Mime::OutgoingAttachment;
using Poplar::Mime::OutgoingMessage;
using Poplar::Mime::WriterOptions;

// Python's email package (policy.default) must read what MessageWriter writes as Poplar does:
// a second, independent reader for subjects, addresses, bodies and attachment names.
namespace {

QString oneLine(QString text)
{
    for (QChar &c : text) {
        if (c == u'\r' || c == u'\n' || c == u'\t')
            c = u' ';
    }
    return text.simplified();
}

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

QString repeat(const QString &s, int n)
{
    QString out;
    for (int i = 0; i < n; ++i)
        out += s;
    return out;
}

struct Case
{
    OutgoingMessage message;
    WriterOptions options;
};

OutgoingMessage randomMessage(QRandomGenerator &rng, bool smtpUtf8)
{
    static const QStringList names{
        QString(),
        QStringLiteral("Bob"),
        QStringLiteral("Doe, John"),
        QStringLiteral("\"Quoted\" Person"),
        QStringLiteral("王小明"),
        QStringLiteral("Ünïcødé Name"),
        QStringLiteral("Emoji 😀 Fan"),
        QStringLiteral("Eve\r\nBcc: victim@example.com"),
        repeat(QStringLiteral("长名字"), 40),
    };
    static const QStringList emails{
        QStringLiteral("bob@example.net"),
        QStringLiteral("x.y+tag@sub.example.com"),
        QStringLiteral("user@bücher.example"),
    };
    static const QStringList subjects{
        QStringLiteral("Re: 季度报告"),
        QStringLiteral("plain ascii subject"),
        repeat(QStringLiteral("很长的主题"), 60),
        repeat(QStringLiteral("word "), 300),
        QStringLiteral("Hi\r\nBcc: victim@example.com"),
        repeat(QStringLiteral("😀"), 100),
        QStringLiteral("Mixed Ünïcødé and ascii, with \"quotes\""),
    };
    static const QStringList texts{
        QStringLiteral("one line without newline"),
        QStringLiteral("Line one\r\nLine two\r\n\r\nafter a blank line"),
        QStringLiteral("From the start\n>not a quote\n> a quote\n>> deeper quote\n-- \nsig"),
        repeat(QStringLiteral("flowing words "), 200),
        QString(5000, u'y'),
        repeat(QStringLiteral("中文没有空格"), 300),
        QStringLiteral("> ") + repeat(QStringLiteral("quoted flowing text "), 30),
        QStringLiteral("Ümlauts and 😀\n"),
    };
    static const QStringList fileNames{
        QStringLiteral("季度报告.pdf"),
        QStringLiteral("report.pdf"),
        repeat(QStringLiteral("长"), 300) + QStringLiteral(".txt"),
        repeat(QStringLiteral("a"), 300) + QStringLiteral(".zip"),
        QStringLiteral("with \"quotes\" and spaces.doc"),
        QStringLiteral("Ünïcødé 😀.png"),
    };
    const auto pick = [&](const QStringList &list) {
        return list[static_cast<qsizetype>(rng.bounded(static_cast<quint32>(list.size())))];
    };
    const auto address = [&] {
        QString email = pick(emails);
        if (smtpUtf8 && rng.bounded(4) == 0)
            email = QStringLiteral("用户@例子.测试");
        return Address{pick(names), email, {}};
    };
    OutgoingMessage m;
    m.from = address();
    for (int i = 0, n = 1 + static_cast<int>(rng.bounded(3)); i < n; ++i)
        m.to.append(address());
    for (int i = 0, n = static_cast<int>(rng.bounded(3)); i < n; ++i)
        m.cc.append(address());
    m.bcc = {{QStringLiteral("Hidden"), QStringLiteral("hidden@secret.example"), {}}};
    if (rng.bounded(2) == 0)
        m.replyTo.append(address());
    m.subject = pick(subjects);
    m.text = pick(texts);
    m.date = QDateTime(QDate(2025, 7, 1), QTime(9, 5, 3), QTimeZone(7200));
    for (int i = 0, n = static_cast<int>(rng.bounded(4)); i < n; ++i) {
        QByteArray data(static_cast<qsizetype>(rng.bounded(2000)), Qt::Uninitialized);
        for (char &c : data)
            c = static_cast<char>(rng.bounded(256));
        m.attachments.append({pick(fileNames), {}, data, false});
    }
    if (rng.bounded(4) == 0) {
        m.attachments.append({QStringLiteral("forwarded.eml"),
                              {},
                              "From: carol@example.com\r\nSubject: inner\r\n\r\nInner body.\r\n",
                              true});
    }
    return m;
}

QJsonArray expectedAddresses(const QList<Address> &list, bool smtpUtf8)
{
    QJsonArray out;
    for (const Address &a : list) {
        out.append(QJsonArray{
            oneLine(a.name),
            QString::fromUtf8(MessageWriter::envelopeAddress(a.email, smtpUtf8)),
        });
    }
    return out;
}

// Python (3.11) puts a space between adjacent encoded words of a display name, against
// RFC 2047 section 6.2 (it joins them in unstructured fields such as Subject). A long CJK name
// needs several words, so names that had to be encoded are compared without blanks.
bool sameAddresses(const QJsonArray &got, const QJsonArray &expected)
{
    if (got.size() != expected.size())
        return false;
    for (qsizetype i = 0; i < got.size(); ++i) {
        const QJsonArray g = got[i].toArray();
        const QJsonArray e = expected[i].toArray();
        if (g[1] != e[1])
            return false;
        QString gotName = g[0].toString();
        QString sentName = e[0].toString();
        bool ascii = true;
        for (QChar c : sentName)
            ascii = ascii && c.unicode() < 127;
        if (!ascii) {
            gotName.remove(u' ');
            sentName.remove(u' ');
        }
        if (gotName != sentName)
            return false;
    }
    return true;
}

} // namespace

class tst_MessageWriterPython : public QObject
{
    Q_OBJECT

private slots:
    void pythonReadsTheSameFields()
    {
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (python.isEmpty())
            QSKIP("python3 is not installed; this test compares with Python's email package");
        QList<Case> cases;
        QRandomGenerator rng(4242);
        for (int i = 0; i < 80; ++i) {
            const WriterOptions options{rng.bounded(2) == 1, rng.bounded(2) == 1, {}};
            cases.append({randomMessage(rng, options.smtpUtf8), options});
        }
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (qsizetype i = 0; i < cases.size(); ++i) {
            QFile file(dir.filePath(QStringLiteral("%1.eml").arg(i, 4, 10, QLatin1Char('0'))));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(MessageWriter::write(cases[i].message, cases[i].options));
        }

        QProcess process;
        process.start(python, {QStringLiteral(POPLAR_PYTHON_READER), dir.path()});
        QVERIFY2(process.waitForFinished(120000), "python3 did not finish");
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        const QJsonArray results = QJsonDocument::fromJson(process.readAllStandardOutput()).array();
        QCOMPARE(results.size(), cases.size());

        for (qsizetype i = 0; i < cases.size(); ++i) {
            const OutgoingMessage &m = cases[i].message;
            const bool smtpUtf8 = cases[i].options.smtpUtf8;
            const QJsonObject got = results[i].toObject();
            const QByteArray where = got[u"file"].toString().toUtf8();
            QVERIFY2(got[u"defects"].toArray().isEmpty(), where.constData());
            QCOMPARE(got[u"subject"].toString(), oneLine(m.subject));
            QVERIFY2(sameAddresses(got[u"from"].toArray(), expectedAddresses({m.from}, smtpUtf8)),
                     QJsonDocument(got[u"from"].toArray()).toJson().constData());
            QVERIFY2(sameAddresses(got[u"to"].toArray(), expectedAddresses(m.to, smtpUtf8)),
                     QJsonDocument(got[u"to"].toArray()).toJson().constData());
            QVERIFY2(sameAddresses(got[u"cc"].toArray(), expectedAddresses(m.cc, smtpUtf8)),
                     QJsonDocument(got[u"cc"].toArray()).toJson().constData());
            QVERIFY2(
                sameAddresses(got[u"replyTo"].toArray(), expectedAddresses(m.replyTo, smtpUtf8)),
                QJsonDocument(got[u"replyTo"].toArray()).toJson().constData());
            QVERIFY2(!got[u"bcc"].toBool(), where.constData());
            QCOMPARE(comparableBody(got[u"body"].toString()), comparableBody(m.text));
            const QJsonArray attachments = got[u"attachments"].toArray();
            QCOMPARE(attachments.size(), m.attachments.size());
            for (qsizetype k = 0; k < attachments.size(); ++k) {
                const QJsonObject a = attachments[k].toObject();
                const OutgoingAttachment &sent = m.attachments[k];
                QCOMPARE(a[u"filename"].toString(), sent.fileName);
                if (sent.isMessage) {
                    QCOMPARE(a[u"type"].toString(), QStringLiteral("message/rfc822"));
                    continue;
                }
                const QString type =
                    QMimeDatabase()
                        .mimeTypeForFile(sent.fileName, QMimeDatabase::MatchExtension)
                        .name();
                QCOMPARE(a[u"type"].toString(), type);
                QCOMPARE(
                    a[u"sha256"].toString(),
                    QString::fromLatin1(
                        QCryptographicHash::hash(sent.data, QCryptographicHash::Sha256).toHex()));
            }
        }
    }
};

QTEST_GUILESS_MAIN(tst_MessageWriterPython)
#include "tst_MessageWriterPython.moc"
