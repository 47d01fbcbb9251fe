#include "sync/SyncPlan.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <numeric>
#include <vector>

namespace Poplar::Sync {

namespace {

// The size LIST gave each message number. Servers list their messages in order, 1 to n, so
// the list is its own index; a hash is built only for a list in another order.
class SizeLookup
{
public:
    explicit SizeLookup(const QList<Pop3::MessageSize> &sizes)
        : m_sizes(sizes)
    {
        for (qsizetype i = 0; i < sizes.size() && m_inOrder; ++i)
            m_inOrder = sizes.at(i).number == i + 1;
        if (!m_inOrder) {
            for (const Pop3::MessageSize &size : sizes)
                m_byNumber.insert(size.number, size.size);
        }
    }
    qint64 of(int number) const
    {
        if (!m_inOrder)
            return m_byNumber.value(number, -1);
        const qsizetype i = qsizetype(number) - 1;
        return i >= 0 && i < m_sizes.size() ? m_sizes.at(i).size : -1;
    }

private:
    const QList<Pop3::MessageSize> &m_sizes;
    bool m_inOrder = true;
    QHash<int, qint64> m_byNumber;
};

// For each server key, whether another message has the same key: `Repeat::First` for the
// first of them in server order, `Repeat::Later` for the others. Found by sorting positions
// (4 bytes a message) rather than hashing a million keys.
enum class Repeat : char
{
    No,
    First,
    Later
};
std::vector<Repeat> repeats(const QList<Pop3::MessageUid> &uids)
{
    std::vector<int> order(size_t(uids.size()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return uids.at(a).uid < uids.at(b).uid; });
    std::vector<Repeat> result(order.size(), Repeat::No);
    for (size_t i = 1; i < order.size(); ++i) {
        if (uids.at(order[i]).uid != uids.at(order[i - 1]).uid)
            continue;
        if (result[size_t(order[i - 1])] == Repeat::No)
            result[size_t(order[i - 1])] = Repeat::First;
        result[size_t(order[i])] = Repeat::Later; // stable: later in server order
    }
    return result;
}

} // namespace

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
    const std::vector<Repeat> repeated = repeats(uids);
    QSet<QString> knownKeys;
    for (const Store::UidlRecord &record : known)
        if (record.uidl.contains(u'/'))
            knownKeys.insert(record.uidl);
    if (knownKeys.isEmpty() &&
        std::all_of(repeated.cbegin(), repeated.cend(), [](Repeat r) { return r == Repeat::No; }))
        return uids;

    const SizeLookup sizeOf(sizes);
    QHash<QString, int> withSizeCount;
    QList<Pop3::MessageUid> keyed = uids;
    for (qsizetype i = 0; i < keyed.size(); ++i) {
        Pop3::MessageUid &uid = keyed[i];
        const QString withSize = uid.uid + u'/' + QString::number(sizeOf.of(uid.number));
        if (repeated[size_t(i)] != Repeat::No || knownKeys.contains(withSize)) {
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
    // What a plan of a million messages needs besides its result: the sizes (the LIST as
    // it came), the known UIDLs by key, a flag per known UIDL and a few bytes per server key.
    const SizeLookup sizes(input.serverSizes);
    QHash<QString, qsizetype> known; // UIDL → position in input.known
    known.reserve(input.known.size());
    for (qsizetype i = 0; i < input.known.size(); ++i)
        known.insert(input.known.at(i).uidl, i);
    std::vector<bool> knownOnServer(size_t(input.known.size()), false);
    const std::vector<Repeat> repeated = repeats(input.serverUids);

    SyncPlan plan;
    for (qsizetype i = 0; i < input.serverUids.size(); ++i) {
        if (repeated[size_t(i)] == Repeat::Later)
            continue; // keys come through uniqueKeys(); never download one twice
        const Pop3::MessageUid &uid = input.serverUids.at(i);
        const auto found = known.constFind(uid.uid);
        const Store::UidlRecord *record = nullptr;
        if (found != known.cend()) {
            record = &input.known.at(*found);
            knownOnServer[size_t(*found)] = true;
        }
        const qint64 size = sizes.of(uid.number);
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
        if (!knownOnServer[size_t(known.value(record.uidl))] && !record.deletedOnServerAt.isValid())
            plan.vanishedUidls << record.uidl;
    }
    return plan;
}

} // namespace Poplar::Sync
