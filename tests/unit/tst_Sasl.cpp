#include "net/Sasl.h"

#include <QTest>

using Poplar::Net::Sasl;

class tst_Sasl : public QObject
{
    Q_OBJECT

private slots:
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

    void oauthBearer()
    {
        bool ok = false;
        // RFC 7628 section 4.1, without the optional host and port.
        QCOMPARE(Sasl::respond(Sasl::Mechanism::OAuthBearer, 0, {},
                               QStringLiteral("user@example.com"),
                               QStringLiteral("vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg=="), &ok),
                 QByteArray("n,a=user@example.com,\x01"
                            "auth=Bearer vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==\x01\x01"));
        QVERIFY(ok);
        // The error report is answered with the dummy ^A the RFC asks for.
        QCOMPARE(Sasl::respond(Sasl::Mechanism::OAuthBearer, 1, "{\"status\":\"invalid_token\"}",
                               QStringLiteral("a"), QStringLiteral("tok"), &ok),
                 QByteArray("\x01"));
        QVERIFY(ok);
    }

    void names()
    {
        QCOMPARE(Sasl::fromName("cram-md5"), Sasl::Mechanism::CramMd5);
        QCOMPARE(Sasl::fromName("GSSAPI"), Sasl::Mechanism::None);
        QCOMPARE(Sasl::name(Sasl::Mechanism::XOAuth2), QByteArray("XOAUTH2"));
        QCOMPARE(Sasl::fromName("oauthbearer"), Sasl::Mechanism::OAuthBearer);
    }
};

QTEST_GUILESS_MAIN(tst_Sasl)
#include "tst_Sasl.moc"
