#pragma once

#include <Qt>

namespace Poplar::Ui {

// Data roles of Poplar's item models, in one place. Never renumber: views and tests use them.
enum ItemRole
{
    MessageIdRole = Qt::UserRole + 1, // qint64
    AccountRole,                      // QString account id
    UidlRole,                         // QString
    ReadRole,                         // bool
    StarredRole,                      // bool
    HeadersOnlyRole,                  // bool
    FolderRole,                       // int, Store::Folder
    UnreadCountRole,                  // qint64
    SortValueRole,                    // the raw value of a column (QDateTime, qint64, QString)
    OutboxRole                        // bool: the folder item is the Outbox, not a store folder
};

} // namespace Poplar::Ui
