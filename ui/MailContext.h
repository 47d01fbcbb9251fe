#pragma once

#include <QString>

namespace Poplar::Accounts {
class AccountRepository;
}
namespace Poplar::Send {
class SendQueue;
}
namespace Poplar::Store {
class StoreWriter;
}
namespace Poplar::Sync {
class SyncManager;
}

namespace Poplar::Ui {

// What the reading window works on: the profile's settings file, the store (its single writer
// and the database path for readers), the sync manager, the accounts (who the user sends as)
// and the sending queue. The window does not own them.
struct MailContext
{
    QString settingsPath;
    Store::StoreWriter *writer = nullptr;
    QString databasePath;
    Sync::SyncManager *sync = nullptr;
    const Accounts::AccountRepository *accounts = nullptr;
    Send::SendQueue *send = nullptr;
};

} // namespace Poplar::Ui
