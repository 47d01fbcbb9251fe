#include "store/SearchText.h"

#include <QTest>

using Poplar::Store::SearchText;

class tst_SearchText : public QObject
{
    Q_OBJECT

private slots:
    void latinTextIsIndexedUnchanged()
    {
        QCOMPARE(SearchText::indexForm(QStringLiteral("Meeting at 10, Room B")),
                 QStringLiteral("Meeting at 10, Room B"));
    }

    void cjkRunBecomesBigramsAndLastCharacter()
    {
        QCOMPARE(SearchText::indexForm(QStringLiteral("开会议室")),
                 QStringLiteral("开会 会议 议室 室 "));
        QCOMPARE(SearchText::indexForm(QStringLiteral("我")), QStringLiteral("我 "));
    }

    void mixedTextSplitsAtScriptAndPunctuation()
    {
        QCOMPARE(SearchText::indexForm(QStringLiteral("Poplar会议。明天")),
                 QStringLiteral("Poplar 会议 议 。 明天 天 "));
    }

    void fullWidthLettersAreNormalized()
    {
        QCOMPARE(SearchText::indexForm(QStringLiteral("ＰＯＰ３")), QStringLiteral("POP3"));
        // Half-width katakana become the usual full-width forms.
        QCOMPARE(SearchText::indexForm(QStringLiteral("ｶﾒﾗ")), QStringLiteral("カメ メラ ラ "));
    }

    void supplementaryHanCharactersStayWhole()
    {
        // U+20BB7 (𠮷) is outside the BMP; its surrogate pair must not be split.
        const QString text = QStringLiteral("𠮷野家");
        QCOMPARE(SearchText::indexForm(text), QStringLiteral("𠮷野 野家 家 "));
    }

    void documentJoinsPeopleAndBoundsEachColumn()
    {
        const QString hugeBody = QString(SearchText::kMaxIndexedBody + 10, u'x');
        const SearchText::Document d = SearchText::document(
            QStringLiteral("会议 notes"), QStringLiteral("Alice <alice@example.org>"), QString(),
            QStringLiteral("Bob <bob@example.org>"), hugeBody);
        QCOMPARE(d.subject, QStringLiteral("会议 议  notes"));
        // An empty To adds no empty line between From and Cc.
        QCOMPARE(d.people, QStringLiteral("Alice <alice@example.org>\nBob <bob@example.org>"));
        QCOMPARE(d.body.size(), SearchText::kMaxIndexedBody);
    }

    void queryWordsBecomePrefixTerms()
    {
        QCOMPARE(SearchText::matchExpression(QStringLiteral("meet budget")),
                 QStringLiteral("\"meet\"* \"budget\"*"));
    }

    void queryCjkWordsBecomeBigramPhrases()
    {
        QCOMPARE(SearchText::matchExpression(QStringLiteral("会议")), QStringLiteral("\"会议\""));
        QCOMPARE(SearchText::matchExpression(QStringLiteral("会议室")),
                 QStringLiteral("\"会议 议室\""));
        QCOMPARE(SearchText::matchExpression(QStringLiteral("会")), QStringLiteral("\"会\"*"));
        QCOMPARE(SearchText::matchExpression(QStringLiteral("Poplar会议")),
                 QStringLiteral("\"Poplar\"* \"会议\""));
    }

    void singleLetterIsAWholeWord()
    {
        QCOMPARE(SearchText::matchExpression(QStringLiteral("b 7 be")),
                 QStringLiteral("\"b\" \"7\" \"be\"*"));
    }

    void hostileQueriesAreQuotedNotInterpreted_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("expected");
        QTest::newRow("quote") << QStringLiteral("say \"hi")
                               << QStringLiteral("\"say\"* \"\"\"hi\"*");
        QTest::newRow("operators") << QStringLiteral("a OR b NOT c")
                                   << QStringLiteral("\"a\" \"OR\"* \"b\" \"NOT\"* \"c\"");
        QTest::newRow("near") << QStringLiteral("NEAR(a b, 2)")
                              << QStringLiteral("\"NEAR(a\"* \"b,\" \"2)\"");
        QTest::newRow("column filter")
            << QStringLiteral("subject:x") << QStringLiteral("\"subject:x\"*");
        QTest::newRow("only punctuation") << QStringLiteral("* ( ) \" - + ^ :") << QString();
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("spaces") << QStringLiteral("   \t ") << QString();
    }

    void hostileQueriesAreQuotedNotInterpreted()
    {
        QFETCH(QString, query);
        QFETCH(QString, expected);
        QCOMPARE(SearchText::matchExpression(query), expected);
    }

    void hugeQueriesAreBounded()
    {
        QString query;
        for (int i = 0; i < 5000; ++i)
            query += QStringLiteral("w%1 ").arg(i);
        const QString match = SearchText::matchExpression(query);
        QCOMPARE(match.count(u'*'), SearchText::kMaxQueryTerms);
    }
};

QTEST_GUILESS_MAIN(tst_SearchText)
#include "tst_SearchText.moc"
