#pragma once

#include "store/StoreError.h"

namespace Poplar::Store {

class Database;

// The mail database's tables and their history. The version lives in PRAGMA user_version;
// each step moves the schema from version N-1 to N inside its own transaction, so an
// interrupted upgrade leaves a database at a known version that the next start continues.
// Never edit a released step: add a new one.
class Schema
{
public:
    static int latestVersion();

    // Brings the database to targetVersion (default: latest). A database newer than this
    // Poplar knows is refused with SchemaTooNew and left untouched.
    [[nodiscard]] static StoreError migrate(Database &db, int targetVersion = -1);
};

} // namespace Poplar::Store
