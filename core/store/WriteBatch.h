#pragma once

#include "store/NewMessage.h"
#include "store/OutgoingRecord.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <variant>

namespace Poplar::Store {

// Changes that are committed together, in one transaction: all of them or none. Build one
// with the methods below (each returns the index of its operation, which is also the index
// of its result in BatchResult::operations) and hand it to StoreWriter::submit() or, on a
// thread that owns a Database, to BatchExecutor::apply().
//
// Times left invalid mean "now" when the batch runs.
class WriteBatch
{
public:
    enum class Flag
    {
        Read,
        Starred
    };

    // Stores a message once: if the account already has its UIDL, nothing is written and the
    // result gives the existing id (AlreadyPresent). If not, and a message of the account
    // has the same Message-ID and content hash and its UIDL was marked deleted on the server,
    // that message takes the new UIDL (Relinked) instead of being stored twice; if the user
    // had deleted that message for good, the new UIDL is recorded as deleted too and nothing
    // is stored (DeletedBefore). The UIDL is recorded as seen in the same transaction.
    struct InsertMessage
    {
        NewMessage message;
    };
    // Replaces the raw bytes, summary and search text of a stored message (the full download
    // of a headers-only message). Flags, folder and UIDL are kept.
    struct ReplaceContent
    {
        qint64 id = 0;
        NewMessage message;
    };
    struct SetFlag
    {
        QList<qint64> ids;
        Flag flag = Flag::Read;
        bool on = true;
    };
    struct MoveToTrash
    {
        QList<qint64> ids;
        QDateTime at;
    };
    struct RestoreFromTrash
    {
        QList<qint64> ids;
    };
    // Deletes messages from the store for good (raw bytes, summary, search index). Their UIDLs
    // stay known, marked deleted locally, so they are never downloaded again.
    struct DeleteLocally
    {
        QList<qint64> ids;
        QDateTime at;
    };
    // Remembers UIDLs seen on the server (first-seen time is kept from the first record).
    struct RecordUidls
    {
        QString account;
        QStringList uidls;
        QDateTime seenAt;
    };
    // The messages are no longer on the server: Poplar deleted them (DELE committed by QUIT)
    // or they disappeared from the server's list.
    struct MarkDeletedOnServer
    {
        QString account;
        QStringList uidls;
        QDateTime at;
    };
    // Forgets seen UIDLs that have no stored message (to keep the table small once the server
    // no longer lists them).
    struct ForgetUidls
    {
        QString account;
        QStringList uidls;
    };
    // Deletes every message and UIDL of an account, and its Outbox.
    struct RemoveAccount
    {
        QString account;
    };
    // Puts a message into the Outbox (state Queued; createdAt invalid means now); the
    // operation's result id is its Outbox id.
    struct QueueOutgoing
    {
        OutgoingRecord record;
    };
    // Moves an Outbox message to another state, with the reason in words and, for a retry,
    // when to try again. attempts counts up by one when countAttempt.
    struct SetOutgoingState
    {
        qint64 id = 0;
        OutgoingRecord::State state = OutgoingRecord::State::Queued;
        QString error;
        QDateTime nextAttemptAt;
        bool countAttempt = false;
    };
    // The server accepted the message: it leaves the Outbox and `sentCopy` (folder Sent) is
    // stored in the same transaction, so it is never in both or in neither.
    struct CompleteOutgoing
    {
        qint64 id = 0;
        NewMessage sentCopy;
    };
    // Removes a message from the Outbox without sending it.
    struct DeleteOutgoing
    {
        qint64 id = 0;
    };
    // Deletes a message of the Drafts folder for good (a newer save of it replaced it, or it
    // was sent). A draft was never on a server, so unlike DeleteLocally no UIDL is kept; a
    // message in another folder is left alone.
    struct DiscardDraft
    {
        qint64 id = 0;
    };
    // After a crash: every message still marked Sending may or may not have gone out, so it
    // becomes Unknown. Run once when the profile is opened, before anything is sent.
    struct RecoverInterruptedSends
    {};

    using Operation =
        std::variant<InsertMessage, ReplaceContent, SetFlag, MoveToTrash, RestoreFromTrash,
                     DeleteLocally, RecordUidls, MarkDeletedOnServer, ForgetUidls, RemoveAccount,
                     QueueOutgoing, SetOutgoingState, CompleteOutgoing, DeleteOutgoing,
                     DiscardDraft, RecoverInterruptedSends>;

    int insertMessage(NewMessage message);
    int replaceContent(qint64 id, NewMessage message);
    int setFlag(const QList<qint64> &ids, Flag flag, bool on);
    int setRead(const QList<qint64> &ids, bool read) { return setFlag(ids, Flag::Read, read); }
    int setStarred(const QList<qint64> &ids, bool starred)
    {
        return setFlag(ids, Flag::Starred, starred);
    }
    int moveToTrash(const QList<qint64> &ids, const QDateTime &at = {});
    int restoreFromTrash(const QList<qint64> &ids);
    int deleteLocally(const QList<qint64> &ids, const QDateTime &at = {});
    int recordUidls(const QString &account, const QStringList &uidls, const QDateTime &seenAt = {});
    int markDeletedOnServer(const QString &account, const QStringList &uidls,
                            const QDateTime &at = {});
    int forgetUidls(const QString &account, const QStringList &uidls);
    int removeAccount(const QString &account);
    int queueOutgoing(OutgoingRecord record);
    int setOutgoingState(qint64 id, OutgoingRecord::State state, const QString &error = QString(),
                         const QDateTime &nextAttemptAt = {}, bool countAttempt = false);
    int completeOutgoing(qint64 id, NewMessage sentCopy);
    int deleteOutgoing(qint64 id);
    int discardDraft(qint64 id);
    int recoverInterruptedSends();

    const QList<Operation> &operations() const { return m_operations; }
    bool isEmpty() const { return m_operations.isEmpty(); }
    qsizetype size() const { return m_operations.size(); }

private:
    int add(Operation operation);

    QList<Operation> m_operations;
};

} // namespace Poplar::Store
