#include "mime/Address.h"

#include <QTest>

using Poplar::Mime::Address;

class tst_Address : public QObject
{
    Q_OBJECT

private slots:
    void nameAndAngleAddress()
    {
        const QList<Address> list = Address::parseList("Jane Doe <jane@example.com>");
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].name, QStringLiteral("Jane Doe"));
        QCOMPARE(list[0].email, QStringLiteral("jane@example.com"));
    }

    void quotedNameWithCommaIsOneAddress()
    {
        const QList<Address> list =
            Address::parseList("\"Smith, Jane\" <jane@example.com>, bob@example.com");
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0].name, QStringLiteral("Smith, Jane"));
        QCOMPARE(list[1].email, QStringLiteral("bob@example.com"));
    }

    void unquotedCommaInNameIsRejoined()
    {
        const QList<Address> list = Address::parseList("Doe, John <john@example.com>");
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].name, QStringLiteral("Doe, John"));
        QCOMPARE(list[0].email, QStringLiteral("john@example.com"));
    }

    void commentGivesNameWhenNoPhrase()
    {
        const QList<Address> list = Address::parseList("joe@example.com (Joe Bloggs)");
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].name, QStringLiteral("Joe Bloggs"));
        QCOMPARE(list[0].email, QStringLiteral("joe@example.com"));
    }

    void groups()
    {
        const QList<Address> list =
            Address::parseList("Team: a@example.org, B <b@example.org>;, c@example.org");
        QCOMPARE(list.size(), 3);
        QCOMPARE(list[0].group, QStringLiteral("Team"));
        QCOMPARE(list[1].group, QStringLiteral("Team"));
        QCOMPARE(list[1].name, QStringLiteral("B"));
        QCOMPARE(list[2].group, QString());
    }

    void emptyGroupIsShown()
    {
        const QList<Address> list = Address::parseList("undisclosed-recipients:;");
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].toDisplayString(), QStringLiteral("undisclosed-recipients"));
    }

    void encodedAndRawUtf8Names()
    {
        QCOMPARE(Address::parseList("=?UTF-8?B?5byg5LiJ?= <z@example.cn>").value(0).name,
                 QStringLiteral("张三"));
        QCOMPARE(Address::parseList("\"=?UTF-8?B?5byg5LiJ?=\" <z@example.cn>").value(0).name,
                 QStringLiteral("张三"));
        QCOMPARE(Address::parseList("\xe5\xbc\xa0\xe4\xb8\x89 <z@example.cn>").value(0).name,
                 QStringLiteral("张三"));
    }

    void idnDomainShownInUnicode()
    {
        QCOMPARE(Address::parseList("a@xn--fiqs8s.cn").value(0).email, QStringLiteral("a@中国.cn"));
        QCOMPARE(Address::parseList("b@xn--mller-kva.example").value(0).email,
                 QStringLiteral("b@müller.example"));
    }

    void missingClosingBracket()
    {
        const QList<Address> list =
            Address::parseList("Broken <broken@example.com, plain@example.com");
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0].email, QStringLiteral("broken@example.com"));
        QCOMPARE(list[1].email, QStringLiteral("plain@example.com"));
    }

    void obsoleteRoute()
    {
        QCOMPARE(
            Address::parseList("<@relay.example.org,@b.example:user@example.net>").value(0).email,
            QStringLiteral("user@example.net"));
    }

    void hostileInputIsBounded()
    {
        QByteArray many;
        for (int i = 0; i < 20000; ++i)
            many += "a@b,";
        QVERIFY(Address::parseList(many).size() <= 10000);
        QByteArray nested(100000, '(');
        QVERIFY(Address::parseList(nested).isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_Address)
#include "tst_Address.moc"
