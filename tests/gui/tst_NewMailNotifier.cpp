#include "MailFixture.h"
#include "ui/NewMailNotifier.h"
#include "ui/TrayIcon.h"

#include "store/StoreReader.h"
#include "store/WriteBatch.h"

#include <QImage>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>
#include <QWidget>

using namespace Poplar;
using MailFixture::Mail;
using Ui::NewMailNotifier;

namespace {

Mail mail(const QString &from, const QString &subject, int day)
{
    Mail m;
    m.from = from;
    m.subject = subject;
    m.date = QDateTime(QDate(2026, 11, day), QTime(9, 0), Qt::UTC);
    return m;
}

// A store and a reader on it, with a notifier whose settings live beside the store.
struct Fixture
{
    MailFixture::TestStore store;
    Store::StoreReader reader;

    Fixture()
    {
        if (reader.open(store.path()))
            qFatal("cannot open the reader");
    }

    std::unique_ptr<NewMailNotifier> notifier()
    {
        return std::make_unique<NewMailNotifier>(&reader, store.writer(), store.settingsPath());
    }
};

} // namespace

class tst_NewMailNotifier : public QObject
{
    Q_OBJECT

private slots:
    void unreadCountAndToolTipFollowTheStore()
    {
        Fixture f;
        const QList<qint64> ids = f.store.insert(
            QStringLiteral("a1"),
            {mail(QStringLiteral("Amy <amy@example.org>"), QStringLiteral("One"), 1),
             mail(QStringLiteral("Amy <amy@example.org>"), QStringLiteral("Two"), 2)});
        f.store.insert(QStringLiteral("a2"),
                       {mail(QStringLiteral("Bo <bo@example.org>"), QStringLiteral("Three"), 3)});
        auto notifier = f.notifier();
        QCOMPARE(notifier->unreadCount(), 3);
        QCOMPARE(notifier->toolTip(), QStringLiteral("Poplar – 3 unread messages"));

        QSignalSpy changed(notifier.get(), &NewMailNotifier::unreadCountChanged);
        Store::WriteBatch read;
        read.setRead({ids.at(0)}, true);
        f.store.apply(std::move(read));
        QTRY_COMPARE(notifier->unreadCount(), 2);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toLongLong(), 2);

        // The Trash does not count.
        Store::WriteBatch trash;
        trash.moveToTrash({ids.at(1)});
        f.store.apply(std::move(trash));
        QTRY_COMPARE(notifier->unreadCount(), 1);
        QCOMPARE(notifier->toolTip(), QStringLiteral("Poplar – 1 unread message"));

        Store::WriteBatch rest;
        rest.setRead({ids.at(0), ids.at(1)}, true);
        f.store.apply(std::move(rest));
        const QList<qint64> other = f.store.insert(
            QStringLiteral("a2"),
            {mail(QStringLiteral("Bo <bo@example.org>"), QStringLiteral("Four"), 4)});
        QTRY_COMPARE(notifier->unreadCount(), 2);
        Store::WriteBatch all;
        all.setRead({other.at(0)}, true);
        f.store.apply(std::move(all));
        QTRY_COMPARE(notifier->unreadCount(), 1);
    }

    void toolTipWithoutUnreadMail()
    {
        Fixture f;
        auto notifier = f.notifier();
        QCOMPARE(notifier->unreadCount(), 0);
        QCOMPARE(notifier->toolTip(), QStringLiteral("Poplar – no unread mail"));
    }

    void announcesTheMailOfASyncWhenItEnds()
    {
        Fixture f;
        auto notifier = f.notifier();
        QSignalSpy announced(notifier.get(), &NewMailNotifier::newMail);

        notifier->setSyncing(true);
        f.store.insert(QStringLiteral("a1"),
                       {mail(QStringLiteral("Amy <amy@example.org>"), QStringLiteral("Budget"), 3),
                        mail(QStringLiteral("\"Zoe Li\" <zoe@example.org>"),
                             QStringLiteral("Lunch on Friday?"), 9),
                        mail(QStringLiteral("Bo <bo@example.org>"), QStringLiteral("Report"), 5)});
        QTRY_COMPARE(notifier->unreadCount(), 3);
        QCOMPARE(announced.count(), 0); // not while the sync still runs

        notifier->setSyncing(false);
        QCOMPARE(announced.count(), 1);
        QCOMPARE(announced.first().at(0).toString(), QStringLiteral("3 new messages"));
        QCOMPARE(announced.first().at(1).toString(), QStringLiteral("Zoe Li: Lunch on Friday?"));

        // The next sync announces only its own mail.
        notifier->setSyncing(true);
        f.store.insert(QStringLiteral("a2"), {mail(QStringLiteral("wang@example.cn"),
                                                   QStringLiteral("明天下午开会"), 1)});
        QTRY_COMPARE(notifier->unreadCount(), 4);
        notifier->setSyncing(false);
        QCOMPARE(announced.count(), 2);
        QCOMPARE(announced.last().at(0).toString(), QStringLiteral("1 new message"));
        QCOMPARE(announced.last().at(1).toString(),
                 QStringLiteral("wang@example.cn: 明天下午开会"));

        // A sync that brings nothing says nothing.
        notifier->setSyncing(true);
        notifier->setSyncing(false);
        QCOMPARE(announced.count(), 2);
    }

    void mailAlreadyReadOrTrashedIsNotAnnounced()
    {
        Fixture f;
        auto notifier = f.notifier();
        QSignalSpy announced(notifier.get(), &NewMailNotifier::newMail);
        notifier->setSyncing(true);
        const QList<qint64> ids = f.store.insert(
            QStringLiteral("a1"),
            {mail(QStringLiteral("Amy <amy@example.org>"), QStringLiteral("Read"), 8),
             mail(QStringLiteral("Amy <amy@example.org>"), QStringLiteral("Gone"), 7),
             mail(QStringLiteral("Bo <bo@example.org>"), QStringLiteral("Left"), 2)});
        Store::WriteBatch batch;
        batch.setRead({ids.at(0)}, true);
        batch.moveToTrash({ids.at(1)});
        f.store.apply(std::move(batch));
        notifier->setSyncing(false);
        QCOMPARE(announced.count(), 1);
        QCOMPARE(announced.first().at(0).toString(), QStringLiteral("1 new message"));
        QCOMPARE(announced.first().at(1).toString(), QStringLiteral("Bo: Left"));
    }

    void mailStoredOutsideASyncIsNotAnnounced()
    {
        Fixture f;
        auto notifier = f.notifier();
        QSignalSpy announced(notifier.get(), &NewMailNotifier::newMail);
        f.store.insert(QStringLiteral("a1"), {mail(QStringLiteral("Amy <amy@example.org>"),
                                                   QStringLiteral("Imported"), 1)});
        QTRY_COMPARE(notifier->unreadCount(), 1);
        notifier->setSyncing(true);
        notifier->setSyncing(false);
        QCOMPARE(announced.count(), 0);
    }

    void notificationsCanBeTurnedOffAndStaySo()
    {
        Fixture f;
        auto notifier = f.notifier();
        QVERIFY(notifier->notificationsEnabled()); // on by default
        QSignalSpy announced(notifier.get(), &NewMailNotifier::newMail);
        QSignalSpy toggled(notifier.get(), &NewMailNotifier::notificationsEnabledChanged);

        notifier->setNotificationsEnabled(false);
        QCOMPARE(toggled.count(), 1);
        notifier->setSyncing(true);
        f.store.insert(QStringLiteral("a1"),
                       {mail(QStringLiteral("Amy <amy@example.org>"), QStringLiteral("Quiet"), 1)});
        QTRY_COMPARE(notifier->unreadCount(), 1);
        notifier->setSyncing(false);
        QCOMPARE(announced.count(), 0);
        QCOMPARE(notifier->unreadCount(), 1); // the count still follows

        // Remembered in the profile's settings.
        auto again = f.notifier();
        QVERIFY(!again->notificationsEnabled());
        again->setNotificationsEnabled(true);
        QVERIFY(f.notifier()->notificationsEnabled());
    }

    void badgeShowsTheCount()
    {
        QPixmap plain(64, 64);
        plain.fill(Qt::white);
        const QIcon base(plain);
        QCOMPARE(Ui::TrayIcon::iconWithCount(base, 0).cacheKey(), base.cacheKey());
        const QImage badged = Ui::TrayIcon::iconWithCount(base, 7).pixmap(64, 64).toImage();
        // A red badge in the top right corner, the rest of the icon unchanged.
        const QColor corner = badged.pixelColor(54, 17);
        QVERIFY2(corner.red() > 150 && corner.green() < 100, qPrintable(corner.name()));
        QCOMPARE(badged.pixelColor(5, 60), QColor(Qt::white));
    }

    void trayIconShowsTheCount()
    {
        if (!QSystemTrayIcon::isSystemTrayAvailable())
            QSKIP("No system tray on this platform (the offscreen platform has none); the "
                  "tray's texts are checked through NewMailNotifier above");
        Fixture f;
        f.store.insert(QStringLiteral("a1"),
                       {mail(QStringLiteral("Amy <amy@example.org>"), QStringLiteral("One"), 1)});
        auto notifier = f.notifier();
        QWidget window;
        Ui::TrayIcon tray(notifier.get(), &window);
        QVERIFY(tray.systemTrayIcon()->isVisible());
        QCOMPARE(tray.systemTrayIcon()->toolTip(), QStringLiteral("Poplar – 1 unread message"));
    }
};

QTEST_MAIN(tst_NewMailNotifier)
#include "tst_NewMailNotifier.moc"
