#include "mime/HtmlSanitizer.h"

#include <QTest>

using Poplar::Mime::HtmlSanitizer;
using Poplar::Mime::RenderResult;

namespace {

RenderResult clean(const QString &html, bool allowRemote = false)
{
    HtmlSanitizer::Options options;
    options.allowRemote = allowRemote;
    options.resolveCid = [](const QString &id) {
        return id == u"logo@x" ? QStringLiteral("data:image/png;base64,AAAA") : QString();
    };
    return HtmlSanitizer::sanitize(html, options);
}

} // namespace

class tst_HtmlSanitizer : public QObject
{
    Q_OBJECT

private slots:
    // Hostile markup: none of the forbidden text may survive in any form the viewer would act on.
    void hostileMarkupIsRemoved_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("forbidden");
        QTest::newRow("script") << QStringLiteral("<p>a</p><script>alert(1)</script>")
                                << QStringLiteral("alert");
        QTest::newRow("script-upper-case")
            << QStringLiteral("<SCRIPT>alert(1)</SCRIPT >") << QStringLiteral("alert");
        QTest::newRow("script-unclosed")
            << QStringLiteral("<script>alert(1)") << QStringLiteral("alert");
        QTest::newRow("event-handler")
            << QStringLiteral("<p onclick=\"steal()\">x</p>") << QStringLiteral("steal");
        QTest::newRow("event-handler-no-quotes")
            << QStringLiteral("<img src=x onerror=steal()>") << QStringLiteral("steal");
        QTest::newRow("javascript-url")
            << QStringLiteral("<a href=\"javascript:steal()\">x</a>") << QStringLiteral("steal");
        QTest::newRow("javascript-url-entities")
            << QStringLiteral("<a href=\"jav&#x09;ascript&colon;steal()\">x</a>")
            << QStringLiteral("steal");
        QTest::newRow("javascript-url-blank")
            << QStringLiteral("<a href=\" javascript:steal()\">x</a>") << QStringLiteral("steal");
        QTest::newRow("vbscript") << QStringLiteral("<a href=\"vbscript:steal\">x</a>")
                                  << QStringLiteral("steal");
        QTest::newRow("data-html")
            << QStringLiteral("<a href=\"data:text/html,steal\">x</a>") << QStringLiteral("steal");
        QTest::newRow("iframe") << QStringLiteral(
                                       "<iframe src=\"https://evil.example/\">steal</iframe>")
                                << QStringLiteral("steal");
        QTest::newRow("object") << QStringLiteral(
                                       "<object data=\"steal.swf\"><p>steal</p></object>")
                                << QStringLiteral("steal");
        QTest::newRow("embed") << QStringLiteral("<embed src=\"steal.swf\">")
                               << QStringLiteral("steal");
        QTest::newRow("form") << QStringLiteral(
                                     "<form action=\"https://evil.example/steal\"><input "
                                     "name=pw></form>")
                              << QStringLiteral("<form");
        QTest::newRow("input") << QStringLiteral("<input type=password name=steal>")
                               << QStringLiteral("steal");
        QTest::newRow("svg-script")
            << QStringLiteral("<svg><script>steal()</script></svg>") << QStringLiteral("steal");
        QTest::newRow("css-expression")
            << QStringLiteral("<p style=\"width: expression(steal())\">x</p>")
            << QStringLiteral("steal");
        QTest::newRow("css-escape")
            << QStringLiteral("<p style=\"background: u\\72l(steal)\">x</p>")
            << QStringLiteral("steal");
        QTest::newRow("style-import")
            << QStringLiteral("<style>@import 'https://evil.example/steal.css';</style>")
            << QStringLiteral("steal");
        QTest::newRow("style-closing-trick")
            << QStringLiteral("<style>p { color: red }</style><script>steal()</script>")
            << QStringLiteral("steal");
        QTest::newRow("meta-refresh")
            << QStringLiteral(
                   "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/steal\">")
            << QStringLiteral("steal");
        QTest::newRow("base") << QStringLiteral("<base href=\"https://evil.example/steal/\">")
                              << QStringLiteral("steal");
        QTest::newRow("comment-hiding-script")
            << QStringLiteral("<!--<script>steal()</script>-->") << QStringLiteral("steal");
        QTest::newRow("attribute-breaking-quote")
            << QStringLiteral("<p title='a\"><script>steal()</script>'>x</p>")
            << QStringLiteral("<script");
        QTest::newRow("nested-tag-in-name")
            << QStringLiteral("<scr<script>ipt>steal()</script>") << QStringLiteral("<script");
        QTest::newRow("link-stylesheet")
            << QStringLiteral("<link rel=stylesheet href=\"https://evil.example/steal.css\">")
            << QStringLiteral("steal");
    }

    void hostileMarkupIsRemoved()
    {
        QFETCH(QString, html);
        QFETCH(QString, forbidden);
        const QString out = clean(html).html;
        QVERIFY2(!out.contains(forbidden, Qt::CaseInsensitive), qPrintable(out));
        // Nothing in the output is an element outside the allowed set.
        QVERIFY2(!out.contains(QStringLiteral("<script"), Qt::CaseInsensitive), qPrintable(out));
        QVERIFY2(!out.contains(QStringLiteral(" on"), Qt::CaseInsensitive) || !out.contains(u'='),
                 qPrintable(out));
    }

    void safeMarkupIsKept()
    {
        const QString out =
            clean(QStringLiteral("<p align=center style=\"color: red\"><b>Bold</b> &amp; "
                                 "<a href=\"https://example.com/?a=1&amp;b=2\">link</a></p>"))
                .html;
        QCOMPARE(out, QStringLiteral("<p align=\"center\" style=\"color: red\"><b>Bold</b> &amp; "
                                     "<a href=\"https://example.com/?a=1&amp;b=2\">link</a></p>"));
    }

    void remoteReferencesAreBlockedAndCounted()
    {
        const QString html = QStringLiteral(
            "<img src=\"http://a.example/1.png\" alt=\"Logo\">"
            "<img src=\"//b.example/2.png\">"
            "<img src=\"x.png\" srcset=\"https://c.example/3.png 2x, https://c.example/4.png 3x\">"
            "<table background=\"https://d.example/bg.png\"><tr><td>x</td></tr></table>"
            "<div style=\"background: url('https://e.example/5.png')\">y</div>"
            "<style>p { background-image: url(ftp://f.example/6.png) }</style>"
            "<link rel=\"stylesheet\" href=\"https://g.example/s.css\">");
        const RenderResult blocked = clean(html);
        QCOMPARE(blocked.remoteBlocked, 8);
        QCOMPARE(blocked.remoteFound, 8);
        QVERIFY2(!blocked.html.contains(QStringLiteral(".example/")), qPrintable(blocked.html));
        QVERIFY(blocked.html.contains(QStringLiteral("[Logo]"))); // alt text shown instead

        const RenderResult allowed = clean(html, true);
        QCOMPARE(allowed.remoteFound, 8);
        // srcset and external style sheets are never loaded, even on request.
        QCOMPARE(allowed.remoteBlocked, 3);
        QVERIFY(allowed.html.contains(QStringLiteral("src=\"http://a.example/1.png\"")));
        QVERIFY(allowed.html.contains(QStringLiteral("src=\"https://b.example/2.png\"")));
        QVERIFY(allowed.html.contains(QStringLiteral("url(https://e.example/5.png)")));
        QVERIFY(!allowed.html.contains(QStringLiteral("g.example")));
    }

    void linksAreNotRemoteLoads()
    {
        const RenderResult r = clean(QStringLiteral("<a href=\"https://example.com/\">x</a>"));
        QCOMPARE(r.remoteFound, 0);
        QVERIFY(r.html.contains(QStringLiteral("href=\"https://example.com/\"")));
    }

    void cidImagesResolveFromTheMessage()
    {
        const RenderResult r = clean(
            QStringLiteral("<img src=\"cid:logo@x\"><img src=\"CID:missing@x\" alt=\"gone\">"));
        QVERIFY(r.html.contains(QStringLiteral("src=\"data:image/png;base64,AAAA\"")));
        QVERIFY(!r.html.contains(QStringLiteral("missing")));
        QVERIFY(r.html.contains(QStringLiteral("[gone]")));
        QCOMPARE(r.remoteFound, 0);
    }

    void textIsEscaped()
    {
        const QString out = clean(QStringLiteral("1 < 2 & 3 > 2 &lt;b&gt; &#x3C;")).html;
        QCOMPARE(out, QStringLiteral("1 &lt; 2 &amp; 3 &gt; 2 &lt;b&gt; &#x3C;"));
    }

    void unclosedTagsAreClosedAndStrayEndTagsDropped()
    {
        QCOMPARE(clean(QStringLiteral("<div><b>bold</i></div></span>")).html,
                 QStringLiteral("<div><b>bold</b></div>"));
        QCOMPARE(clean(QStringLiteral("<table><tr><td>cell")).html,
                 QStringLiteral("<table><tr><td>cell</td></tr></table>"));
    }

    void deepNestingIsBounded()
    {
        QString html;
        for (int i = 0; i < 100000; ++i)
            html += QStringLiteral("<div>");
        const RenderResult r = clean(html);
        QVERIFY(r.html.count(QStringLiteral("<div>")) <= 200);
    }
};

QTEST_GUILESS_MAIN(tst_HtmlSanitizer)
#include "tst_HtmlSanitizer.moc"
