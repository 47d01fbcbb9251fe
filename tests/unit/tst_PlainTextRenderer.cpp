#include "mime/PlainTextRenderer.h"

#include <QTest>

using Poplar::Mime::PlainTextRenderer;

class tst_PlainTextRenderer : public QObject
{
    Q_OBJECT

private slots:
    void escapesMarkup()
    {
        const QString html = PlainTextRenderer::toHtml(u"<script>alert(1)</script> & co");
        QVERIFY(!html.contains(QStringLiteral("<script")));
        QVERIFY(html.contains(QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co")));
    }

    void linksBecomeClickable()
    {
        const QString html = PlainTextRenderer::toHtml(
            u"See https://example.com/a?b=1&c=2. Or www.example.org, mail jane@example.com.");
        QVERIFY2(html.contains(QStringLiteral("<a "
                                              "href=\"https://example.com/a?b=1&amp;c=2\">https://"
                                              "example.com/a?b=1&amp;c=2</a>.")),
                 qPrintable(html));
        QVERIFY(html.contains(
            QStringLiteral("<a href=\"http://www.example.org\">www.example.org</a>,")));
        QVERIFY(html.contains(
            QStringLiteral("<a href=\"mailto:jane@example.com\">jane@example.com</a>.")));
    }

    void linkInParenthesesKeepsItsParenthesis()
    {
        const QString html = PlainTextRenderer::toHtml(u"(see https://example.com/wiki/A_(b))");
        QVERIFY2(html.contains(QStringLiteral("href=\"https://example.com/wiki/A_(b)\"")),
                 qPrintable(html));
    }

    void quoteDepth()
    {
        QStringView rest;
        QCOMPARE(PlainTextRenderer::quoteDepth(u"> > > text", &rest), 3);
        QCOMPARE(rest, QStringView(u"text"));
        QCOMPARE(PlainTextRenderer::quoteDepth(u">>quoted", &rest), 2);
        QCOMPARE(rest, QStringView(u"quoted"));
        QCOMPARE(PlainTextRenderer::quoteDepth(u"no > quote"), 0);
    }

    void quotesAreNestedBlockquotes()
    {
        const QString html =
            PlainTextRenderer::toHtml(u"Reply\n> first\n>> second\n> first again\nEnd");
        // Depth 1, then 2 inside it, back to 1 in the same outer block, then out.
        QCOMPARE(html.count(QStringLiteral("<blockquote")), 2);
        QCOMPARE(html.count(QStringLiteral("</blockquote>")), 2);
        const qsizetype second = html.indexOf(QStringLiteral("second"));
        const qsizetype inner = html.lastIndexOf(QStringLiteral("<blockquote"), second);
        // The second level has its own colour.
        QVERIFY(html.mid(inner, 80).contains(QStringLiteral("#2e7d32")));
        QVERIFY(!html.contains(QStringLiteral("&gt;")));
    }

    void indentationIsKept()
    {
        const QString html = PlainTextRenderer::toHtml(u"    indented\ttab");
        QVERIFY2(html.contains(QStringLiteral("&nbsp; &nbsp; indented &nbsp; &nbsp;tab")),
                 qPrintable(html));
    }
};

QTEST_GUILESS_MAIN(tst_PlainTextRenderer)
#include "tst_PlainTextRenderer.moc"
