#pragma once

#include <QDateTime>
#include <QString>

namespace Poplar::Store {

// What the store knows about one UIDL of an account, for the sync plan and the
// leave-on-server policies.
struct UidlRecord
{
    QString uidl;
    QDateTime firstSeen;
    QDateTime deletedOnServerAt; // invalid while Poplar has not deleted it on the server
    QDateTime deletedLocallyAt;  // set when the user deleted the message for good
    qint64 messageId = 0;        // the stored message, 0 when none (never stored or deleted)
    bool inTrash = false;        // the stored message is in the Trash
    bool headersOnly = false;    // only the header is stored
};

} // namespace Poplar::Store
