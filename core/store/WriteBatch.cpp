#include "store/WriteBatch.h"

#include <utility>

namespace Poplar::Store {

int WriteBatch::add(Operation operation)
{
    m_operations.append(std::move(operation));
    return int(m_operations.size() - 1);
}

int WriteBatch::insertMessage(NewMessage message)
{
    return add(InsertMessage{std::move(message)});
}

int WriteBatch::replaceContent(qint64 id, NewMessage message)
{
    return add(ReplaceContent{id, std::move(message)});
}

int WriteBatch::setFlag(const QList<qint64> &ids, Flag flag, bool on)
{
    return add(SetFlag{ids, flag, on});
}

int WriteBatch::moveToTrash(const QList<qint64> &ids, const QDateTime &at)
{
    return add(MoveToTrash{ids, at});
}

int WriteBatch::restoreFromTrash(const QList<qint64> &ids)
{
    return add(RestoreFromTrash{ids});
}

int WriteBatch::deleteLocally(const QList<qint64> &ids, const QDateTime &at)
{
    return add(DeleteLocally{ids, at});
}

int WriteBatch::recordUidls(const QString &account, const QStringList &uidls,
                            const QDateTime &seenAt)
{
    return add(RecordUidls{account, uidls, seenAt});
}

int WriteBatch::markDeletedOnServer(const QString &account, const QStringList &uidls,
                                    const QDateTime &at)
{
    return add(MarkDeletedOnServer{account, uidls, at});
}

int WriteBatch::forgetUidls(const QString &account, const QStringList &uidls)
{
    return add(ForgetUidls{account, uidls});
}

int WriteBatch::removeAccount(const QString &account)
{
    return add(RemoveAccount{account});
}

int WriteBatch::queueOutgoing(OutgoingRecord record)
{
    return add(QueueOutgoing{std::move(record)});
}

int WriteBatch::setOutgoingState(qint64 id, OutgoingRecord::State state, const QString &error,
                                 const QDateTime &nextAttemptAt, bool countAttempt)
{
    return add(SetOutgoingState{id, state, error, nextAttemptAt, countAttempt});
}

int WriteBatch::completeOutgoing(qint64 id, NewMessage sentCopy)
{
    return add(CompleteOutgoing{id, std::move(sentCopy)});
}

int WriteBatch::deleteOutgoing(qint64 id)
{
    return add(DeleteOutgoing{id});
}

int WriteBatch::discardDraft(qint64 id)
{
    return add(DiscardDraft{id});
}

int WriteBatch::recoverInterruptedSends()
{
    return add(RecoverInterruptedSends{});
}

} // namespace Poplar::Store
