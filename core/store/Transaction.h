#pragma once

#include "store/StoreError.h"

namespace Poplar::Store {

class Database;

// RAII transaction guard: begins in the constructor and rolls back in the destructor unless
// commit() succeeded. A write transaction starts with BEGIN IMMEDIATE so it takes the write
// lock at once (no deadlock between two connections upgrading a read to a write). Inside an
// open transaction the guard uses a savepoint instead, so guards nest.
class Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    // The error of BEGIN, if it failed; then commit() returns it again and nothing is done.
    StoreError error() const { return m_error; }
    bool isActive() const { return m_active; }
    // Whether this guard is nested in another transaction (its commit only releases a savepoint).
    bool isSavepoint() const { return m_savepoint; }

    // With synchronous=FULL, a commit that returned no error is on disk.
    [[nodiscard]] StoreError commit();
    void rollback();

private:
    Database &m_db;
    StoreError m_error;
    bool m_active = false;
    bool m_savepoint = false;
};

} // namespace Poplar::Store
