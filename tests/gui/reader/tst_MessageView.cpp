#include "MailFixture.h"
#include "ui/common/SafeTextBrowser.h"
#include "ui/reader/MessageView.h"

#include "store/StoreReader.h"
#include "store/WriteBatch.h"

#include <QApplication>
#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>

using namespace Poplar;
using MailFixture::Mail;

namespace {

// A tiny HTTP server on loopback that counts requests and answers each with a PNG.
class CountingHttpServer : public QObject
{
public:
    CountingHttpServer()
    {
        QImage image(4, 4, QImage::Format_RGB32);
        image.fill(Qt::red);
        QBuffer buffer(&m_png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                ++m_connections;
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    const QByteArray request = socket->readAll();
                    m_hits += int(request.count("GET "));
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: " +
                                  QByteArray::number(m_png.size()) +
                                  "\r\nConnection: close\r\n\r\n" + m_png);
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    quint16 port() const { return m_server.serverPort(); }
    int hits() const { return m_hits; }
    int connections() const { return m_connections; }

private:
    QTcpServer m_server;
    QByteArray m_png;
    int m_hits = 0;
    int m_connections = 0;
};

Mail newsletter(quint16 port, int n)
{
    const QString base = QStringLiteral("http://127.0.0.1:%1/").arg(port);
    Mail mail;
    mail.subject = QStringLiteral("Newsletter %1").arg(n);
    mail.body = QStringLiteral("Our news this week.");
    mail.html = QStringLiteral("<html><head><link rel=stylesheet href=\"%1style%2.css\"></head>"
                               "<body style=\"background: url(%1bg%2.png)\">"
                               "<p>Our news this week.</p><img src=\"%1logo%2.png\" alt=logo>"
                               "<img src=\"%1track%2.gif\" width=1 height=1>"
                               "<a href=\"https://example.org/read\">Read online</a>"
                               "</body></html>")
                    .arg(base)
                    .arg(n);
    return mail;
}

} // namespace

class tst_MessageView : public QObject
{
    Q_OBJECT

private slots:
    void showsHeadersAndBody()
    {
        MailFixture::TestStore store;
        Mail mail;
        mail.from = QStringLiteral("李雷 <lilei@example.cn>");
        mail.cc = QStringLiteral("Carol <carol@example.org>");
        mail.subject = QStringLiteral("周末爬山");
        mail.body = QStringLiteral("周六早上八点出发。");
        const qint64 id = store.insert(QStringLiteral("acct"), {mail}).value(0);
        Store::StoreReader reader;
        QVERIFY(!reader.open(store.path()));
        Ui::MessageView view(&reader, store.writer());
        view.show();
        view.showMessage(id);
        QCOMPARE(view.findChild<QLabel *>(QStringLiteral("headerSubject"))->text(),
                 QStringLiteral("周末爬山"));
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("headerFrom"))
                    ->text()
                    .contains(QStringLiteral("李雷")));
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("headerCc"))
                    ->text()
                    .contains(QStringLiteral("carol@example.org")));
        QVERIFY(view.browser()->toPlainText().contains(QStringLiteral("周六早上八点出发")));
        QVERIFY(!view.findChild<QWidget *>(QStringLiteral("remoteBar"))->isVisible());
    }

    void refusesLocalFilesAndDecodesDataUrls()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("secret.png"));
        QImage image(2, 2, QImage::Format_RGB32);
        image.fill(Qt::blue);
        QVERIFY(image.save(path));
        Ui::SafeTextBrowser browser;
        QVERIFY(
            browser.loadResource(QTextDocument::ImageResource, QUrl::fromLocalFile(path)).isNull());
        QVERIFY(browser
                    .loadResource(QTextDocument::ImageResource,
                                  QUrl(QStringLiteral("qrc:/icons/poplar.svg")))
                    .isNull());
        // Not through the document either (its own loader would read local files).
        browser.setHtml(
            QStringLiteral("<img src=\"%1\">").arg(QUrl::fromLocalFile(path).toString()));
        QVERIFY(browser.document()
                    ->resource(QTextDocument::ImageResource, QUrl::fromLocalFile(path))
                    .isNull());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QUrl data(QStringLiteral("data:image/png;base64,") +
                        QString::fromLatin1(file.readAll().toBase64()));
        const QVariant loaded = browser.loadResource(QTextDocument::ImageResource, data);
        QCOMPARE(loaded.value<QImage>().size(), QSize(2, 2));
    }

    void hundredNewslettersMakeNoRequestUntilLoad()
    {
        CountingHttpServer server;
        QVERIFY(server.port() != 0);
        MailFixture::TestStore store;
        QList<Mail> mails;
        for (int n = 0; n < 100; ++n)
            mails.append(newsletter(server.port(), n));
        const QList<qint64> ids = store.insert(QStringLiteral("acct"), mails);
        QCOMPARE(ids.size(), 100);
        Store::StoreReader reader;
        QVERIFY(!reader.open(store.path()));
        Ui::MessageView view(&reader, store.writer());
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto *bar = view.findChild<QWidget *>(QStringLiteral("remoteBar"));
        auto *label = view.findChild<QLabel *>(QStringLiteral("remoteLabel"));
        QVERIFY(bar && label);

        for (qint64 id : ids) {
            view.showMessage(id);
            QCoreApplication::processEvents();
            QVERIFY(bar->isVisible());
            QVERIFY(view.remoteBlocked() >= 2);
        }
        QVERIFY2(label->text().contains(QString::number(view.remoteBlocked())),
                 qPrintable(label->text()));
        // Give any stray request time to reach the server: there must be none.
        QTest::qWait(300);
        QCOMPARE(server.connections(), 0);
        QCOMPARE(server.hits(), 0);

        // Load: this message's remote images are fetched, and the bar goes away.
        auto *load = view.findChild<QPushButton *>(QStringLiteral("loadRemoteButton"));
        QVERIFY(load);
        QTest::mouseClick(load, Qt::LeftButton);
        QVERIFY(!bar->isVisible());
        QTRY_VERIFY(server.hits() > 0);

        // The next message is blocked again.
        const int hitsAfterLoad = server.hits();
        view.showMessage(ids.first());
        QVERIFY(bar->isVisible());
        QTest::qWait(200);
        QCOMPARE(server.hits(), hitsAfterLoad);
    }

    void plainTextToggleShowsTheTextPart()
    {
        MailFixture::TestStore store;
        Mail mail;
        mail.body = QStringLiteral("plain version");
        mail.html = QStringLiteral("<p><b>html version</b></p>");
        const qint64 id = store.insert(QStringLiteral("acct"), {mail}).value(0);
        Store::StoreReader reader;
        QVERIFY(!reader.open(store.path()));
        Ui::MessageView view(&reader, store.writer());
        view.showMessage(id);
        QVERIFY(view.browser()->toPlainText().contains(QStringLiteral("html version")));
        view.plainTextAction()->setChecked(true);
        QVERIFY(view.browser()->toPlainText().contains(QStringLiteral("plain version")));
        view.plainTextAction()->setChecked(false);
        QVERIFY(view.browser()->toPlainText().contains(QStringLiteral("html version")));
    }

    void headersOnlyMessageOffersTheFullDownload()
    {
        MailFixture::TestStore store;
        Mail mail;
        mail.subject = QStringLiteral("Big scan");
        QByteArray raw = MailFixture::raw(mail, "big@example.org");
        raw = raw.left(raw.indexOf("\r\n\r\n") + 4);
        Store::NewMessage message =
            MailFixture::newMessage(QStringLiteral("acct"), QStringLiteral("big-1"), raw);
        message.headersOnly = true;
        message.size = 25 * 1024 * 1024;
        Store::WriteBatch batch;
        batch.insertMessage(message);
        const qint64 id = store.apply(std::move(batch)).operations.value(0).id;
        QVERIFY(id > 0);
        Store::StoreReader reader;
        QVERIFY(!reader.open(store.path()));
        Ui::MessageView view(&reader, store.writer());
        view.show();
        view.showMessage(id);
        QVERIFY(view.findChild<QWidget *>(QStringLiteral("partialBar"))->isVisible());
        QSignalSpy requested(&view, &Ui::MessageView::downloadFullRequested);
        QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("downloadFullButton")),
                          Qt::LeftButton);
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.at(0).at(0).toString(), QStringLiteral("acct"));
        QCOMPARE(requested.at(0).at(1).toLongLong(), id);
        QCOMPARE(requested.at(0).at(2).toString(), QStringLiteral("big-1"));

        // When the full message is stored, the view shows it without the bar.
        Mail full = mail;
        full.body = QStringLiteral("The whole scan is here.");
        Store::WriteBatch replace;
        replace.replaceContent(
            id, MailFixture::newMessage(QStringLiteral("acct"), QStringLiteral("big-1"),
                                        MailFixture::raw(full, "big@example.org")));
        store.apply(std::move(replace));
        QTRY_VERIFY(!view.findChild<QWidget *>(QStringLiteral("partialBar"))->isVisible());
        QVERIFY(view.browser()->toPlainText().contains(QStringLiteral("whole scan")));
    }

    void manyAttachmentsDoNotWidenThePane()
    {
        MailFixture::TestStore store;
        Mail one;
        one.attachments = {{"季度报告-2026-第三季度-最终版.pdf", "%PDF-1.4", "application/pdf"}};
        Mail many;
        for (int i = 0; i < 30; ++i)
            many.attachments.append(
                {"expenses-" + QByteArray::number(2000 + i) + ".csv", "a,b", "text/csv"});
        const QList<qint64> ids = store.insert(QStringLiteral("acct"), {one, many});
        Store::StoreReader reader;
        QVERIFY(!reader.open(store.path()));
        Ui::MessageView view(&reader, store.writer());
        view.show();
        view.showMessage(ids.at(0));
        const int withOne = view.minimumSizeHint().width();
        view.showMessage(ids.at(1));
        QCOMPARE(view.message().attachments.size(), 30);
        // Thirty buttons scroll sideways; the pane asks for no more room than with one.
        QVERIFY2(
            view.minimumSizeHint().width() <= withOne,
            qPrintable(QStringLiteral("%1 > %2").arg(view.minimumSizeHint().width()).arg(withOne)));
        QVERIFY(view.findChild<QToolButton *>(QStringLiteral("attachment29")));
    }

    void attachmentsBarListsFiles()
    {
        MailFixture::TestStore store;
        Mail mail;
        mail.attachments = {{"../../report.pdf", "%PDF-1.4 data", "application/pdf"},
                            {"setup.exe", "MZ", "application/octet-stream"}};
        const qint64 id = store.insert(QStringLiteral("acct"), {mail}).value(0);
        Store::StoreReader reader;
        QVERIFY(!reader.open(store.path()));
        Ui::MessageView view(&reader, store.writer());
        view.show();
        view.showMessage(id);
        QVERIFY(view.findChild<QWidget *>(QStringLiteral("attachmentsBar"))->isVisible());
        QVERIFY(view.findChild<QPushButton *>(QStringLiteral("saveAllAttachments")));
        QCOMPARE(view.message().attachments.size(), 2);

        // Opening the program asks first; Cancel opens nothing.
        auto *button = view.findChild<QToolButton *>(QStringLiteral("attachment1"));
        QVERIFY(button && button->menu());
        QString warning;
        QTimer::singleShot(0, this, [&warning] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            warning = box->text();
            box->reject();
        });
        button->menu()->actions().first()->trigger();
        QVERIFY2(warning.contains(QStringLiteral("setup.exe")), qPrintable(warning));
    }
};

QTEST_MAIN(tst_MessageView)
#include "tst_MessageView.moc"
