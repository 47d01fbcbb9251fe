#include "pop3/Sasl.h"

#include <QTest>

using Poplar::Pop3::Sasl;

class tst_Pop3Sasl : public QObject
{
    Q_OBJECT

private slots:
    void apopMatchesRfc1939Example()
    {
        // RFC 1939 section 7.
        const QByteArray stamp =
            Sasl::apopTimestamp("POP3 server ready <1896.697170952@dbc.mtview.ca.us>");
        QCOMPARE(stamp, QByteArray("<1896.697170952@dbc.mtview.ca.us>"));
        QCOMPARE(Sasl::apopDigest(stamp, QStringLiteral("tanstaaf")),
                 QByteArray("c4c9334bac560ecc979e58001b3e22fb"));
    }

    void greetingsWithoutTimestamp()
    {
        QVERIFY(Sasl::apopTimestamp("Dovecot ready.").isEmpty());
        QVERIFY(Sasl::apopTimestamp("ready <no-at-sign>").isEmpty());
        QVERIFY(Sasl::apopTimestamp("ready <a b@c>").isEmpty());
        QVERIFY(Sasl::apopTimestamp("ready <unclosed@x").isEmpty());
    }

    void cramMd5MatchesRfc2195Example()
    {
        bool ok = false;
        const QByteArray answer =
            Sasl::respond(Sasl::Mechanism::CramMd5, 0, "<1896.697170952@postoffice.reston.mci.net>",
                          QStringLiteral("tim"), QStringLiteral("tanstaaftanstaaf"), &ok);
        QVERIFY(ok);
        QCOMPARE(answer, QByteArray("tim b913a602c7eda7a495b4e6e7334d3890"));
    }

    void plain()
    {
        bool ok = false;
        QCOMPARE(Sasl::respond(Sasl::Mechanism::Plain, 0, {}, QStringLiteral("tim"),
                               QStringLiteral("p\u00e4ss"), &ok),
                 QByteArray("\0tim\0p\xc3\xa4ss", 10));
        QVERIFY(ok);
        (void)Sasl::respond(Sasl::Mechanism::Plain, 1, {}, QStringLiteral("tim"),
                            QStringLiteral("x"), &ok);
        QVERIFY(!ok);
    }

    void login()
    {
        bool ok = false;
        QCOMPARE(Sasl::respond(Sasl::Mechanism::Login, 0, "Username:", QStringLiteral("tim"),
                               QStringLiteral("pw"), &ok),
                 QByteArray("tim"));
        QCOMPARE(Sasl::respond(Sasl::Mechanism::Login, 1, "Password:", QStringLiteral("tim"),
                               QStringLiteral("pw"), &ok),
                 QByteArray("pw"));
        QVERIFY(ok);
        (void)Sasl::respond(Sasl::Mechanism::Login, 2, {}, QStringLiteral("tim"),
                            QStringLiteral("pw"), &ok);
        QVERIFY(!ok);
    }

    void xoauth2()
    {
        bool ok = false;
        QCOMPARE(Sasl::respond(Sasl::Mechanism::XOAuth2, 0, {}, QStringLiteral("a@b.example"),
                               QStringLiteral("tok"), &ok),
                 QByteArray("user=a@b.example\x01"
                            "auth=Bearer tok\x01\x01"));
        QVERIFY(ok);
        // The error challenge is answered with an empty response.
        QCOMPARE(Sasl::respond(Sasl::Mechanism::XOAuth2, 1, "{\"status\":\"401\"}",
                               QStringLiteral("a"), QStringLiteral("tok"), &ok),
                 QByteArray());
        QVERIFY(ok);
    }

    void names()
    {
        QCOMPARE(Sasl::fromName("cram-md5"), Sasl::Mechanism::CramMd5);
        QCOMPARE(Sasl::fromName("GSSAPI"), Sasl::Mechanism::None);
        QCOMPARE(Sasl::name(Sasl::Mechanism::XOAuth2), QByteArray("XOAUTH2"));
    }
};

QTEST_GUILESS_MAIN(tst_Pop3Sasl)
#include "tst_Pop3Sasl.moc"
