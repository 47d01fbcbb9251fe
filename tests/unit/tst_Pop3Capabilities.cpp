#include "pop3/Capabilities.h"

#include <QTest>

using Poplar::Pop3::Capabilities;

class tst_Pop3Capabilities : public QObject
{
    Q_OBJECT

private slots:
    void parsesEveryRfc2449Capability()
    {
        const Capabilities caps =
            Capabilities::parse({"TOP", "uidl", "USER", "SASL PLAIN cram-md5  LOGIN", "PIPELINING",
                                 "RESP-CODES", "AUTH-RESP-CODE", "EXPIRE 31", "LOGIN-DELAY 900",
                                 "IMPLEMENTATION Shlemazle v1.2", "STLS", "X-UNKNOWN a b", ""});
        QVERIFY(caps.isKnown());
        QVERIFY(caps.top());
        QVERIFY(caps.uidl());
        QVERIFY(caps.user());
        QVERIFY(caps.pipelining());
        QVERIFY(caps.respCodes());
        QVERIFY(caps.authRespCode());
        QVERIFY(caps.stls());
        QCOMPARE(caps.saslMechanisms(), (QByteArrayList{"PLAIN", "CRAM-MD5", "LOGIN"}));
        QCOMPARE(caps.expireDays(), 31);
        QVERIFY(!caps.expireNever());
        QCOMPARE(caps.loginDelaySeconds(), 900);
        QCOMPARE(caps.implementation(), QByteArray("Shlemazle v1.2"));
        QCOMPARE(caps.arguments("x-unknown"), (QByteArrayList{"a", "b"}));
    }

    void expireNeverAndBadNumbers()
    {
        const Capabilities caps = Capabilities::parse({"EXPIRE NEVER", "LOGIN-DELAY soon"});
        QVERIFY(caps.expireNever());
        QVERIFY(!caps.expireDays().has_value());
        QVERIFY(!caps.loginDelaySeconds().has_value());
    }

    void unknownWhenServerHasNoCapa()
    {
        const Capabilities caps;
        QVERIFY(!caps.isKnown());
        QVERIFY(!caps.pipelining());
        QVERIFY(caps.saslMechanisms().isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_Pop3Capabilities)
#include "tst_Pop3Capabilities.moc"
