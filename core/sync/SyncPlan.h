#pragma once

#include "sync/LeavePolicy.h"

#include "pop3/Client.h"
#include "store/UidlRecord.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Poplar::Sync {

// What one sync run does, decided from the server's listing and what the store knows.
// A pure function of its inputs, so every rule can be tested on its own.
//
// The rule that matters most: a message is deleted on the server only when its raw bytes
// are durably stored (or the user deleted it for good). Headers-only messages therefore
// stay on the server until they are downloaded in full.
struct SyncPlan
{
    struct Download
    {
        int number = 0;
        QString uidl;
        qint64 size = 0;
        bool headersOnly = false; // larger than the account's limit: TOP n 0
    };
    struct Deletion
    {
        int number = 0;
        QString uidl;
    };

    QList<Download> downloads; // new on the server, in server order
    QList<Deletion> deletions; // stored (or deleted by the user) and due by the policy
    QStringList newUidls;      // to record as seen now (first-seen time)
    QStringList vanishedUidls; // known but no longer on the server
    qint64 downloadBytes = 0;

    struct Input
    {
        QList<Pop3::MessageUid> serverUids;
        QList<Pop3::MessageSize> serverSizes;
        QList<Store::UidlRecord> known;
        LeavePolicy policy;
        qint64 headersOnlyLimit = 0; // bytes; 0 = always download in full
        QDateTime now;
    };
    static SyncPlan make(const Input &input);

    // The server's UIDLs made unique. RFC 1939 requires them to be, but some servers derive
    // them from a few headers and give the same one to different messages; taking only the
    // first would hide the others for ever. A repeated UIDL becomes "UIDL/size" for each of
    // its messages, and "UIDL/size/n" where the size repeats too (then the messages are
    // almost certainly copies of each other). A message keeps its "UIDL/size" key once its
    // twin has gone (`known` holds the keys already recorded), and one stored before under
    // the bare UIDL is recognised again by its content, not stored twice.
    static QList<Pop3::MessageUid> uniqueKeys(const QList<Pop3::MessageUid> &uids,
                                              const QList<Pop3::MessageSize> &sizes,
                                              const QList<Store::UidlRecord> &known);

    // Whether a stored message may now be deleted on the server under the policy.
    static bool isDue(const Store::UidlRecord &record, const LeavePolicy &policy,
                      const QDateTime &now);
};

} // namespace Poplar::Sync
