#pragma once

#include <QString>

namespace Poplar::Store {
class StoreWriter;
}
namespace Poplar::Sync {
class SyncManager;
}

namespace Poplar::Ui {

// What the reading window works on: the profile's settings file, the store (its single writer
// and the database path for readers) and the sync manager. The window does not own them.
struct MailContext
{
    QString settingsPath;
    Store::StoreWriter *writer = nullptr;
    QString databasePath;
    Sync::SyncManager *sync = nullptr;
};

} // namespace Poplar::Ui
