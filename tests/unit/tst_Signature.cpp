#include "compose/Signature.h"

#include <QTest>

using Poplar::Compose::Signature;

// The signature goes where a reader expects it, after the "-- " line that mail readers fold.
class tst_Signature : public QObject
{
    Q_OBJECT

private slots:
    void aNewMessageLeavesRoomAboveIt()
    {
        QCOMPARE(Signature::added(QString(), QStringLiteral("李明\n电话 123"), false),
                 QStringLiteral("\n\n-- \n李明\n电话 123\n"));
    }

    void aReplyHasItBelowOrAboveTheQuote()
    {
        const QString reply = QStringLiteral("\n\nOn Monday, Wang wrote:\n> hello\n");
        QCOMPARE(Signature::added(reply, QStringLiteral("Li"), false),
                 reply + QStringLiteral("\n-- \nLi\n"));
        QCOMPARE(Signature::added(reply, QStringLiteral("Li"), true),
                 QStringLiteral("\n\n-- \nLi\n") + reply);
        // A text without a final line end still gets an empty line before the separator.
        QCOMPARE(Signature::added(QStringLiteral("> hi"), QStringLiteral("Li"), false),
                 QStringLiteral("> hi\n\n-- \nLi\n"));
    }

    void noSignatureChangesNothing()
    {
        QCOMPARE(Signature::added(QStringLiteral("text\n"), QString(), false),
                 QStringLiteral("text\n"));
        QCOMPARE(Signature::added(QStringLiteral("text\n"), QStringLiteral(" \n "), true),
                 QStringLiteral("text\n"));
    }

    void aSignatureWithItsOwnSeparatorOrTrailingLinesIsCleanedUp()
    {
        QCOMPARE(Signature::block(QStringLiteral("-- \nLi\r\nBeijing\r\n\r\n")),
                 QStringLiteral("-- \nLi\nBeijing\n"));
    }
};

QTEST_MAIN(tst_Signature)
#include "tst_Signature.moc"
