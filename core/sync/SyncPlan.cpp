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
            continue; // a broken server listing one UIDL twice: take the first only
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
