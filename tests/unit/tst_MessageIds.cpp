#include "mime/MessageIds.h"

#include <QTest>

using Poplar::Mime::MessageIds;
using namespace Qt::StringLiterals;

class tst_MessageIds : public QObject
{
    Q_OBJECT

private slots:
    void parses_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QStringList>("ids");
        QTest::newRow("one") << QByteArray("<a@example.org>") << QStringList{u"a@example.org"_s};
        QTest::newRow("several-with-comment") << QByteArray("<a@x> (first) <b@x>\n <c@x>")
                                              << QStringList{u"a@x"_s, u"b@x"_s, u"c@x"_s};
        QTest::newRow("folded-inside")
            << QByteArray("<long-id@\n example.org>") << QStringList{u"long-id@example.org"_s};
        QTest::newRow("duplicates")
            << QByteArray("<a@x> <a@x> <b@x>") << QStringList{u"a@x"_s, u"b@x"_s};
        QTest::newRow("no-brackets") << QByteArray("a@x, b@x") << QStringList{u"a@x"_s, u"b@x"_s};
        QTest::newRow("phrase-and-id")
            << QByteArray("Your message of Monday <a@x>") << QStringList{u"a@x"_s};
        QTest::newRow("unclosed") << QByteArray("<a@x <b@x>") << QStringList{u"a@x"_s, u"b@x"_s};
        QTest::newRow("empty") << QByteArray("") << QStringList{};
    }

    void parses()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QStringList, ids);
        QCOMPARE(MessageIds::parse(raw), ids);
    }
};

QTEST_GUILESS_MAIN(tst_MessageIds)
#include "tst_MessageIds.moc"
