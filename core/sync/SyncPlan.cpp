#include "sync/SyncPlan.h"

#include <QHash>
#include <QSet>

namespace Poplar::Sync {

bool SyncPlan::isDue(const Store::UidlRecord &record, const LeavePolicy &policy,
                     const QDateTime &now)
{
    if (record.deletedOnServerAt.isValid())
        return false;
    const bool userDeleted = record.deletedLocallyAt.isValid();
    const bool safelyStored = record.messageId != 0 && !record.headersOnly;
    if (!userDeleted && !safelyStored)
        return false; // never stored, or only its header: the server holds the only copy
    switch (policy.mode) {
    case LeavePolicy::Mode::Keep:
        return false;
    case LeavePolicy::Mode::DeleteAfterDays:
        return record.firstSeen.isValid() && record.firstSeen.daysTo(now) >= policy.days;
    case LeavePolicy::Mode::DeleteWhenDeleted:
        return userDeleted;
    case LeavePolicy::Mode::DeleteAfterDownload:
        return true;
    }
    return false;
}

QList<Pop3::MessageUid> SyncPlan::uniqueKeys(const QList<Pop3::MessageUid> &uids,
                                             const QList<Pop3::MessageSize> &sizes,
                                             const QList<Store::UidlRecord> &known)
{
    QHash<QString, int> uidCount;
    for (const Pop3::MessageUid &uid : uids)
        ++uidCount[uid.uid];
    QSet<QString> knownKeys;
    for (const Store::UidlRecord &record : known)
        if (record.uidl.contains(u'/'))
            knownKeys.insert(record.uidl);
    if (uidCount.size() == uids.size() && knownKeys.isEmpty())
        return uids;

    QHash<int, qint64> sizeOf;
    for (const Pop3::MessageSize &size : sizes)
        sizeOf.insert(size.number, size.size);
    QHash<QString, int> withSizeCount;
    QList<Pop3::MessageUid> keyed = uids;
    for (Pop3::MessageUid &uid : keyed) {
        const QString withSize = uid.uid + u'/' + QString::number(sizeOf.value(uid.number, -1));
        if (uidCount.value(uid.uid) > 1 || knownKeys.contains(withSize)) {
            uid.uid = withSize;
            ++withSizeCount[uid.uid];
        }
    }
    QHash<QString, int> seen;
    for (Pop3::MessageUid &uid : keyed) {
        if (withSizeCount.value(uid.uid) > 1)
            uid.uid += u'/' + QString::number(++seen[uid.uid]);
    }
    return keyed;
}

SyncPlan SyncPlan::make(const Input &input)
{
    QHash<int, qint64> sizes;
    for (const Pop3::MessageSize &size : input.serverSizes)
        sizes.insert(size.number, size.size);
    QHash<QString, const Store::UidlRecord *> known;
    for (const Store::UidlRecord &record : input.known)
        known.insert(record.uidl, &record);

    SyncPlan plan;
    QSet<QString> onServer;
    for (const Pop3::MessageUid &uid : input.serverUids) {
        if (onServer.contains(uid.uid))
            continue; // keys come through uniqueKeys(); never download one twice
        onServer.insert(uid.uid);
        const Store::UidlRecord *record = known.value(uid.uid);
        const qint64 size = sizes.value(uid.number, -1);
        const bool needsDownload =
            !record || (record->messageId == 0 && !record->deletedLocallyAt.isValid() &&
                        !record->deletedOnServerAt.isValid());
        if (!record)
            plan.newUidls << uid.uid;
        if (needsDownload) {
            const bool headersOnly = input.headersOnlyLimit > 0 && size > input.headersOnlyLimit;
            plan.downloads.append({uid.number, uid.uid, size, headersOnly});
            plan.downloadBytes += headersOnly ? 0 : qMax<qint64>(size, 0);
        } else if (record && isDue(*record, input.policy, input.now)) {
            plan.deletions.append({uid.number, uid.uid});
        }
    }
    for (const Store::UidlRecord &record : input.known) {
        if (!onServer.contains(record.uidl) && !record.deletedOnServerAt.isValid())
            plan.vanishedUidls << record.uidl;
    }
    return plan;
}

} // namespace Poplar::Sync
