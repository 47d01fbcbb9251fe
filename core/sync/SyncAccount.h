#pragma once

#include "sync/LeavePolicy.h"

#include "pop3/Error.h"
#include "pop3/Settings.h"

#include <QString>

namespace Poplar::Sync {

// What a sync run needs to know about one account (the accounts module fills it in, with the
// password from the keychain).
struct SyncAccount
{
    QString id;   // the store's account id
    QString name; // for messages to the user
    Pop3::Settings server;
    LeavePolicy policy;
    qint64 headersOnlyLimit = 0; // messages larger than this are downloaded as headers only
};

// How far a run has come, for progress bars.
struct SyncProgress
{
    int messagesDone = 0;
    int messagesTotal = 0;
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;
};

// How a run ended.
struct SyncResult
{
    bool ok = false;
    QString error;         // a sentence for the user when !ok
    Pop3::Error pop3Error; // the protocol error behind it, if any
    bool storeFailed = false;
    int downloaded = 0;      // messages newly stored (or completed) in this run
    int deletedOnServer = 0; // deletions the server confirmed
    QStringList warnings;    // things the user may want to know that did not stop the run
    // The server hung up while many pipelined commands were in flight: the most the next
    // session should pipeline (Pop3::Settings::pipelineMaxCommands). 0: no advice.
    int pipelineLimit = 0;
};

} // namespace Poplar::Sync

Q_DECLARE_METATYPE(Poplar::Sync::SyncProgress)
Q_DECLARE_METATYPE(Poplar::Sync::SyncResult)
