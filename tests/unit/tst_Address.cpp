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

    // An address without a domain (a local user, "undisclosed") is a recipient like any other:
    // listed as written, with no name made up for it.
    void addressWithoutDomainIsKept_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QStringList>("emails");
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QString>("shown");
        QTest::newRow("alone") << QByteArray("baz") << QStringList{QStringLiteral("baz")}
                               << QStringList{QString()} << QStringLiteral("baz");
        QTest::newRow("before a full address")
            << QByteArray("undisclosed, bar@x.example")
            << QStringList{QStringLiteral("undisclosed"), QStringLiteral("bar@x.example")}
            << QStringList{QString(), QString()} << QStringLiteral("undisclosed, bar@x.example");
        QTest::newRow("after a full address")
            << QByteArray("bar@x.example, baz")
            << QStringList{QStringLiteral("bar@x.example"), QStringLiteral("baz")}
            << QStringList{QString(), QString()} << QStringLiteral("bar@x.example, baz");
        QTest::newRow("two in a row")
            << QByteArray("root, postmaster")
            << QStringList{QStringLiteral("root"), QStringLiteral("postmaster")}
            << QStringList{QString(), QString()} << QStringLiteral("root, postmaster");
        QTest::newRow("before an angle address without a name")
            << QByteArray("baz, <bar@x.example>")
            << QStringList{QStringLiteral("baz"), QStringLiteral("bar@x.example")}
            << QStringList{QString(), QString()} << QStringLiteral("baz, bar@x.example");
        QTest::newRow("with a comment")
            << QByteArray("baz (Baz Local)") << QStringList{QStringLiteral("baz")}
            << QStringList{QStringLiteral("Baz Local")} << QStringLiteral("Baz Local <baz>");
        QTest::newRow("in a group")
            << QByteArray("Ops: root, ops@x.example;")
            << QStringList{QStringLiteral("root"), QStringLiteral("ops@x.example")}
            << QStringList{QString(), QString()} << QStringLiteral("root, ops@x.example");
        // Still a name, not two recipients: the unquoted comma of "Doe, John <j@x>".
        QTest::newRow("first half of a name") << QByteArray("Doe, John <john@x.example>")
                                              << QStringList{QStringLiteral("john@x.example")}
                                              << QStringList{QStringLiteral("Doe, John")}
                                              << QStringLiteral("Doe, John <john@x.example>");
        // And an empty group is still the group's name alone.
        QTest::newRow("empty group")
            << QByteArray("undisclosed-recipients:;") << QStringList{QString()}
            << QStringList{QStringLiteral("undisclosed-recipients")}
            << QStringLiteral("undisclosed-recipients");
    }

    void addressWithoutDomainIsKept()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QStringList, emails);
        QFETCH(QStringList, names);
        QFETCH(QString, shown);
        const QList<Address> list = Address::parseList(raw);
        QStringList gotEmails;
        QStringList gotNames;
        for (const Address &a : list) {
            gotEmails.append(a.email);
            gotNames.append(a.name);
        }
        QCOMPARE(gotEmails, emails);
        QCOMPARE(gotNames, names);
        QCOMPARE(Address::joined(list), shown);
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
