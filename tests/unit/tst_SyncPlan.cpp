#include "sync/SyncPlan.h"

#include <QTest>

using namespace Poplar;
using Sync::LeavePolicy;
using Sync::SyncPlan;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 11, 22), QTime(12, 0), Qt::UTC);

Store::UidlRecord stored(const QString &uidl, int ageDays, qint64 id = 1)
{
    Store::UidlRecord record;
    record.uidl = uidl;
    record.firstSeen = kNow.addDays(-ageDays);
    record.messageId = id;
    return record;
}

SyncPlan::Input input(int messages, const QList<Store::UidlRecord> &known, LeavePolicy policy = {})
{
    SyncPlan::Input in;
    for (int n = 1; n <= messages; ++n) {
        in.serverUids.append({n, QStringLiteral("u%1").arg(n)});
        in.serverSizes.append({n, 1000 * n});
    }
    in.known = known;
    in.policy = policy;
    in.now = kNow;
    return in;
}

QStringList uidlsOf(const QList<SyncPlan::Deletion> &deletions)
{
    QStringList list;
    for (const auto &d : deletions)
        list << d.uidl;
    return list;
}

} // namespace

class tst_SyncPlan : public QObject
{
    Q_OBJECT

private slots:
    void downloadsOnlyWhatIsNew()
    {
        const SyncPlan plan = SyncPlan::make(input(3, {stored(QStringLiteral("u2"), 0)}));
        QCOMPARE(plan.downloads.size(), 2);
        QCOMPARE(plan.downloads.at(0).uidl, QStringLiteral("u1"));
        QCOMPARE(plan.downloads.at(1).number, 3);
        QCOMPARE(plan.downloadBytes, 1000 + 3000);
        QCOMPARE(plan.newUidls, (QStringList{QStringLiteral("u1"), QStringLiteral("u3")}));
        QVERIFY(plan.deletions.isEmpty()); // Keep is the default
    }

    void seenButNeverStoredIsDownloadedAgain()
    {
        // A crash after the UIDL was recorded but before the message was committed.
        Store::UidlRecord seen = stored(QStringLiteral("u1"), 0, 0);
        const SyncPlan plan = SyncPlan::make(input(1, {seen}));
        QCOMPARE(plan.downloads.size(), 1);
        QVERIFY(plan.newUidls.isEmpty());
    }

    void deletedByTheUserIsNotDownloadedAgain()
    {
        Store::UidlRecord gone = stored(QStringLiteral("u1"), 0, 0);
        gone.deletedLocallyAt = kNow;
        QVERIFY(SyncPlan::make(input(1, {gone})).downloads.isEmpty());
    }

    void largeMessagesGetHeadersOnly()
    {
        SyncPlan::Input in = input(3, {});
        in.headersOnlyLimit = 2500;
        const SyncPlan plan = SyncPlan::make(in);
        QCOMPARE(plan.downloads.size(), 3);
        QVERIFY(!plan.downloads.at(1).headersOnly); // 2000 bytes
        QVERIFY(plan.downloads.at(2).headersOnly);  // 3000 bytes
        QCOMPARE(plan.downloadBytes, 1000 + 2000);
    }

    void policies_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QStringList>("deleted");
        const QStringList all = {QStringLiteral("old"), QStringLiteral("young"),
                                 QStringLiteral("trashed")};
        QTest::newRow("keep") << int(LeavePolicy::Mode::Keep) << QStringList();
        QTest::newRow("after 14 days")
            << int(LeavePolicy::Mode::DeleteAfterDays) << QStringList{QStringLiteral("old")};
        QTest::newRow("when deleted")
            << int(LeavePolicy::Mode::DeleteWhenDeleted) << QStringList{QStringLiteral("trashed")};
        QTest::newRow("after download") << int(LeavePolicy::Mode::DeleteAfterDownload) << all;
    }
    void policies()
    {
        QFETCH(int, mode);
        QFETCH(QStringList, deleted);
        Store::UidlRecord trashed = stored(QStringLiteral("trashed"), 1, 0);
        trashed.deletedLocallyAt = kNow;
        SyncPlan::Input in;
        in.serverUids = {{1, QStringLiteral("old")},
                         {2, QStringLiteral("young")},
                         {3, QStringLiteral("trashed")}};
        in.known = {stored(QStringLiteral("old"), 20, 1), stored(QStringLiteral("young"), 3, 2),
                    trashed};
        in.policy = {LeavePolicy::Mode(mode), 14};
        in.now = kNow;
        QCOMPARE(uidlsOf(SyncPlan::make(in).deletions), deleted);
    }

    void headersOnlyMessagesStayOnTheServer()
    {
        // Only the header is stored: the server holds the only full copy.
        Store::UidlRecord partial = stored(QStringLiteral("u1"), 100);
        partial.headersOnly = true;
        for (auto mode :
             {LeavePolicy::Mode::DeleteAfterDays, LeavePolicy::Mode::DeleteAfterDownload})
            QVERIFY(SyncPlan::make(input(1, {partial}, {mode, 1})).deletions.isEmpty());
    }

    void alreadyDeletedIsNotDeletedTwice()
    {
        Store::UidlRecord done = stored(QStringLiteral("u1"), 30);
        done.deletedOnServerAt = kNow.addDays(-1);
        const SyncPlan plan =
            SyncPlan::make(input(1, {done}, {LeavePolicy::Mode::DeleteAfterDownload, 0}));
        QVERIFY(plan.deletions.isEmpty());
        QVERIFY(plan.downloads.isEmpty());
    }

    void vanishedUidlsAreReported()
    {
        Store::UidlRecord gone = stored(QStringLiteral("elsewhere"), 5);
        Store::UidlRecord recorded = stored(QStringLiteral("deleted"), 5);
        recorded.deletedOnServerAt = kNow;
        const SyncPlan plan = SyncPlan::make(input(1, {gone, recorded}));
        QCOMPARE(plan.vanishedUidls, QStringList{QStringLiteral("elsewhere")});
    }

    // A server that lists its messages in another order (or with gaps) still gets each
    // message's own size.
    void sizesListedOutOfOrderBelongToTheirMessages()
    {
        SyncPlan::Input in;
        in.serverUids = {
            {1, QStringLiteral("a")}, {2, QStringLiteral("b")}, {4, QStringLiteral("d")}};
        in.serverSizes = {{4, 4000}, {1, 1000}, {2, 2000}};
        in.headersOnlyLimit = 1500;
        in.now = kNow;
        const SyncPlan plan = SyncPlan::make(in);
        QCOMPARE(plan.downloads.size(), 3);
        QCOMPARE(plan.downloads.at(0).size, 1000);
        QVERIFY(!plan.downloads.at(0).headersOnly);
        QCOMPARE(plan.downloads.at(1).size, 2000);
        QVERIFY(plan.downloads.at(1).headersOnly);
        QCOMPARE(plan.downloads.at(2).number, 4);
        QCOMPARE(plan.downloads.at(2).size, 4000);
        QCOMPARE(plan.downloadBytes, 1000);
    }

    // The first of several messages with one key is the one downloaded, wherever the
    // others are in the listing.
    void repeatedKeyKeepsItsFirstMessage()
    {
        SyncPlan::Input in;
        in.serverUids = {{1, QStringLiteral("z")},
                         {2, QStringLiteral("same")},
                         {3, QStringLiteral("a")},
                         {4, QStringLiteral("same")},
                         {5, QStringLiteral("same")}};
        in.now = kNow;
        const SyncPlan plan = SyncPlan::make(in);
        QCOMPARE(plan.downloads.size(), 3);
        QCOMPARE(plan.downloads.at(1).number, 2);
        QCOMPARE(plan.newUidls,
                 (QStringList{QStringLiteral("z"), QStringLiteral("same"), QStringLiteral("a")}));
    }

    void duplicateUidlFromServerIsDownloadedOnce()
    {
        SyncPlan::Input in;
        in.serverUids = {{1, QStringLiteral("same")}, {2, QStringLiteral("same")}};
        in.now = kNow;
        QCOMPARE(SyncPlan::make(in).downloads.size(), 1);
    }

    // A server that gives two different messages one UIDL (popa3d derives it from a few
    // headers): both are downloaded, each under a key of its own.
    void repeatedUidlsBecomeOneKeyPerMessage()
    {
        const QList<Pop3::MessageUid> uids = {{1, QStringLiteral("h1")},
                                              {2, QStringLiteral("same")},
                                              {3, QStringLiteral("same")},
                                              {4, QStringLiteral("same")}};
        const QList<Pop3::MessageSize> sizes = {{1, 10}, {2, 225}, {3, 300}, {4, 225}};
        const QList<Pop3::MessageUid> keyed = SyncPlan::uniqueKeys(uids, sizes, {});
        QCOMPARE(keyed.size(), 4);
        QCOMPARE(keyed.at(0).uid, QStringLiteral("h1")); // a unique UIDL is kept as it is
        QCOMPARE(keyed.at(1).uid, QStringLiteral("same/225/1"));
        QCOMPARE(keyed.at(2).uid, QStringLiteral("same/300"));
        QCOMPARE(keyed.at(3).uid, QStringLiteral("same/225/2"));
        for (int i = 0; i < keyed.size(); ++i)
            QCOMPARE(keyed.at(i).number, uids.at(i).number);

        SyncPlan::Input in;
        in.serverUids = keyed;
        in.serverSizes = sizes;
        in.now = kNow;
        QCOMPARE(SyncPlan::make(in).downloads.size(), 4);
    }

    // The keys must not change between runs, or messages would be downloaded again.
    void repeatedUidlKeysAreStableAcrossRuns()
    {
        const QList<Pop3::MessageUid> uids = {{1, QStringLiteral("same")},
                                              {2, QStringLiteral("same")}};
        const QList<Pop3::MessageSize> sizes = {{1, 100}, {2, 200}};
        const QList<Pop3::MessageUid> first = SyncPlan::uniqueKeys(uids, sizes, {});
        QCOMPARE(first.at(0).uid, QStringLiteral("same/100"));
        QCOMPARE(first.at(1).uid, QStringLiteral("same/200"));

        // Both are stored. Message 1 is then deleted on the server by another client: the
        // other keeps its key although its UIDL is unique now, so it is not fetched again.
        const QList<Store::UidlRecord> known = {stored(first.at(0).uid, 0, 1),
                                                stored(first.at(1).uid, 0, 2)};
        const QList<Pop3::MessageUid> later =
            SyncPlan::uniqueKeys({{1, QStringLiteral("same")}, {2, QStringLiteral("other")}},
                                 {{1, 200}, {2, 50}}, known);
        QCOMPARE(later.at(0).uid, QStringLiteral("same/200"));
        QCOMPARE(later.at(1).uid, QStringLiteral("other"));

        SyncPlan::Input in;
        in.serverUids = later;
        in.serverSizes = {{1, 200}, {2, 50}};
        in.known = known;
        in.now = kNow;
        const SyncPlan plan = SyncPlan::make(in);
        QCOMPARE(plan.downloads.size(), 1);
        QCOMPARE(plan.downloads.at(0).uidl, QStringLiteral("other"));
    }
};

QTEST_GUILESS_MAIN(tst_SyncPlan)
#include "tst_SyncPlan.moc"
