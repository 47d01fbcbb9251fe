#include "pop3/Apop.h"

#include <QTest>

using Poplar::Pop3::Apop;

class tst_Apop : public QObject
{
    Q_OBJECT

private slots:
    void apopMatchesRfc1939Example()
    {
        // RFC 1939 section 7.
        const QByteArray stamp =
            Apop::timestamp("POP3 server ready <1896.697170952@dbc.mtview.ca.us>");
        QCOMPARE(stamp, QByteArray("<1896.697170952@dbc.mtview.ca.us>"));
        QCOMPARE(Apop::digest(stamp, QStringLiteral("tanstaaf")),
                 QByteArray("c4c9334bac560ecc979e58001b3e22fb"));
    }

    void greetingsWithoutTimestamp()
    {
        QVERIFY(Apop::timestamp("Dovecot ready.").isEmpty());
        QVERIFY(Apop::timestamp("ready <no-at-sign>").isEmpty());
        QVERIFY(Apop::timestamp("ready <a b@c>").isEmpty());
        QVERIFY(Apop::timestamp("ready <unclosed@x").isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_Apop)
#include "tst_Apop.moc"
