#include "ui/common/SafeTextBrowser.h"

#include <QBuffer>
#include <QImage>
#include <QScrollBar>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>

using Poplar::Ui::SafeTextBrowser;

namespace {

QString pngDataUrl(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::darkGreen);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(bytes.toBase64());
}

// The width of the first picture in the document as laid out.
qreal firstImageWidth(const QTextDocument *document)
{
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it)
            if (it.fragment().charFormat().isImageFormat())
                return it.fragment().charFormat().toImageFormat().width();
    return -1;
}

QTextTable *firstTable(const QTextDocument *document)
{
    for (QTextFrame *frame : document->rootFrame()->childFrames())
        if (auto *table = qobject_cast<QTextTable *>(frame))
            return table;
    return nullptr;
}

} // namespace

class tst_SafeTextBrowser : public QObject
{
    Q_OBJECT

private slots:
    // A newsletter laid out for a wide screen fits a narrow view: no sideways scrolling.
    void wideNewsletterFitsTheWidth()
    {
        SafeTextBrowser browser;
        browser.resize(500, 400);
        browser.show();
        QVERIFY(QTest::qWaitForWindowExposed(&browser));
        const QString longWord(300, u'w');
        browser.setHtml(
            QStringLiteral("<table width=\"900\" border=\"1\"><tr><td width=\"600\">Left column "
                           "with text</td><td width=\"300\">Right</td></tr></table>"
                           "<p><img width=\"1200\" height=\"400\" src=\"%1\"></p>"
                           "<p>%2</p>")
                .arg(pngDataUrl(1200, 400), longWord));
        QTRY_COMPARE(browser.horizontalScrollBar()->maximum(), 0);
        QVERIFY(browser.document()->idealWidth() <= browser.viewport()->width());
        const qreal narrow = firstImageWidth(browser.document());
        QVERIFY2(narrow > 200 && narrow < 500, qPrintable(QString::number(narrow)));
        // The picture keeps its proportions.
        for (QTextBlock block = browser.document()->begin(); block.isValid(); block = block.next())
            for (auto it = block.begin(); !it.atEnd(); ++it)
                if (it.fragment().charFormat().isImageFormat()) {
                    const QTextImageFormat image = it.fragment().charFormat().toImageFormat();
                    QVERIFY(qAbs(image.height() - image.width() / 3) < 1);
                }
        QTextTable *table = firstTable(browser.document());
        QVERIFY(table);
        QVERIFY(table->format().width().rawValue() < 500);

        // A wide view gives the picture and the table their own widths back, not more.
        browser.resize(1500, 600);
        QTRY_COMPARE(firstImageWidth(browser.document()), 1200.0);
        QCOMPARE(table->format().width().rawValue(), 900.0);
        QCOMPARE(browser.horizontalScrollBar()->maximum(), 0);
    }

    // Ordinary mail is left as it is.
    void narrowContentIsUntouched()
    {
        SafeTextBrowser browser;
        browser.resize(800, 400);
        browser.show();
        QVERIFY(QTest::qWaitForWindowExposed(&browser));
        browser.setHtml(QStringLiteral("<p>Hello</p><img width=\"120\" height=\"40\" src=\"%1\">"
                                       "<table width=\"300\"><tr><td>cell</td></tr></table>")
                            .arg(pngDataUrl(120, 40)));
        QTest::qWait(20);
        QCOMPARE(firstImageWidth(browser.document()), 120.0);
        QCOMPARE(firstTable(browser.document())->format().width().rawValue(), 300.0);
        QCOMPARE(browser.horizontalScrollBar()->maximum(), 0);
    }
};

QTEST_MAIN(tst_SafeTextBrowser)
#include "tst_SafeTextBrowser.moc"
