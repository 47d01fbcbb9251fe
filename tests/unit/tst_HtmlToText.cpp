#include "mime/HtmlToText.h"

#include <QTest>

using Poplar::Mime::HtmlToText;

class tst_HtmlToText : public QObject
{
    Q_OBJECT

private slots:
    void reducesToVisibleText()
    {
        const QString text = HtmlToText::convert(
            u"<html><head><title>T</title><style>p{color:red}</style></head><body>"
            u"<h1>Title</h1><p>One&nbsp;two &amp; <b>three</b></p><script>var x;</script>"
            u"<ul><li>a</li><li>b</li></ul>line<br>break &#20013;&#x6587; &hellip;</body></html>");
        QCOMPARE(text,
                 QStringLiteral("Title\n\nOne two & three\n\n• a\n• b\n\nline\nbreak 中文 …"));
    }

    void whitespaceCollapsesOutsidePre()
    {
        QCOMPARE(HtmlToText::convert(u"<p>a\n   b</p><pre>x\n  y</pre>"),
                 QStringLiteral("a b\n\nx\n  y"));
    }

    void unknownEntitiesStay()
    {
        QCOMPARE(HtmlToText::convert(u"&nosuch; &amp"), QStringLiteral("&nosuch; &"));
    }
};

QTEST_GUILESS_MAIN(tst_HtmlToText)
#include "tst_HtmlToText.moc"
