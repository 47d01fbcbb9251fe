#include "mime/DateParser.h"

#include <QTest>

using Poplar::Mime::DateParser;

class tst_DateParser : public QObject
{
    Q_OBJECT

private slots:
    void parses_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("iso"); // empty: not a date
        QTest::newRow("rfc5322") << QByteArray("Sun, 21 Jan 2024 13:45:10 -0500")
                                 << QStringLiteral("2024-01-21T13:45:10-05:00");
        QTest::newRow("no-weekday") << QByteArray("21 Jan 2024 13:45:10 +0800")
                                    << QStringLiteral("2024-01-21T13:45:10+08:00");
        QTest::newRow("two-digit-year")
            << QByteArray("21 Jan 24 13:45 GMT") << QStringLiteral("2024-01-21T13:45:00Z");
        QTest::newRow("two-digit-year-last-century")
            << QByteArray("16 Jan 99 10:00:00 EST") << QStringLiteral("1999-01-16T10:00:00-05:00");
        QTest::newRow("named-zone") << QByteArray("Tue, 5 Mar 2024 08:15:00 PDT")
                                    << QStringLiteral("2024-03-05T08:15:00-07:00");
        QTest::newRow("asctime") << QByteArray("Wed Mar  6 14:22:01 2024")
                                 << QStringLiteral("2024-03-06T14:22:01Z");
        QTest::newRow("iso8601") << QByteArray("2024-03-07T09:30:00+09:00")
                                 << QStringLiteral("2024-03-07T09:30:00+09:00");
        QTest::newRow("no-zone") << QByteArray("Fri, 8 Mar 2024 16:45")
                                 << QStringLiteral("2024-03-08T16:45:00Z");
        QTest::newRow("colon-zone-comment") << QByteArray("Sat, 09 Mar 2024 07:00:00 +08:00 (CST)")
                                            << QStringLiteral("2024-03-09T07:00:00+08:00");
        QTest::newRow("gmt-offset") << QByteArray("Sat, 09 Mar 2024 07:00:00 GMT+0800")
                                    << QStringLiteral("2024-03-09T07:00:00+08:00");
        QTest::newRow("pm") << QByteArray("Monday, March 11, 2024 3:05:00 PM +0100")
                            << QStringLiteral("2024-03-11T15:05:00+01:00");
        QTest::newRow("dashed") << QByteArray("2-Jan-2024 10:00:00 +0000")
                                << QStringLiteral("2024-01-02T10:00:00Z");
        QTest::newRow("leap-second")
            << QByteArray("31 Dec 2016 23:59:60 +0000") << QStringLiteral("2016-12-31T23:59:59Z");
        QTest::newRow("impossible-day") << QByteArray("31 Feb 2024 10:00:00 +0000") << QString();
        QTest::newRow("words") << QByteArray("sometime next week") << QString();
        QTest::newRow("empty") << QByteArray("") << QString();
        QTest::newRow("bad-zone-ignored")
            << QByteArray("1 Feb 2024 10:00:00 +9999") << QStringLiteral("2024-02-01T10:00:00Z");
    }

    void parses()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, iso);
        const QDateTime parsed = DateParser::parse(raw);
        if (iso.isEmpty()) {
            QVERIFY2(!parsed.isValid(), qPrintable(parsed.toString(Qt::ISODate)));
        } else {
            QVERIFY(parsed.isValid());
            QCOMPARE(parsed.toString(Qt::ISODate), iso);
        }
    }
};

QTEST_GUILESS_MAIN(tst_DateParser)
#include "tst_DateParser.moc"
