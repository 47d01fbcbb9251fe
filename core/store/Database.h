#pragma once

#include "store/Result.h"
#include "store/Statement.h"
#include "store/StoreError.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <unordered_map>

struct sqlite3;

namespace Poplar::Store {

// One SQLite connection to Poplar's mail database (the profile's mail.sqlite). Use a
// connection from one thread only: the writer thread has its own, readers have theirs (WAL
// lets them read while the writer commits).
//
// open() creates the file if needed and brings the schema to the current version (see
// Schema), then sets:
// - journal_mode=WAL: readers never wait for the writer and the writer never waits for them;
// - synchronous=FULL: the WAL is synced on every commit, so a commit that returned survives a
//   crash or a power loss. The sync engine relies on this before it deletes mail on the server;
// - foreign_keys=ON and a busy timeout.
class Database
{
public:
    enum class Access
    {
        ReadWrite,
        // For readers: the connection refuses every write (PRAGMA query_only).
        QueryOnly
    };

    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    [[nodiscard]] StoreError open(const QString &path, Access access = Access::ReadWrite,
                                  int busyTimeoutMs = 5000);
    // Opens without migrating (tests that need an older schema; Schema::migrate does the rest).
    [[nodiscard]] StoreError openWithoutMigration(const QString &path);
    void close();

    bool isOpen() const { return m_db != nullptr; }
    QString path() const { return m_path; }
    sqlite3 *handle() const { return m_db; }

    // Runs SQL text without parameters (pragmas, DDL). Several statements are allowed.
    [[nodiscard]] StoreError exec(const char *sql);
    // A prepared statement kept for the life of the connection, reset and ready to bind.
    // The key is the SQL text; pass string literals.
    Statement &cached(const char *sql);

    qint64 lastInsertRowId() const;
    int changes() const;
    bool inTransaction() const;

    // PRAGMA user_version.
    Result<int> schemaVersion();
    // PRAGMA integrity_check plus the full-text index's own check. An empty list means the
    // database is sound; otherwise each entry describes one problem.
    Result<QStringList> integrityCheck();

    // The last error of this connection, told from the point of view of context.
    StoreError lastError(const QString &context) const;

    // While a statement runs, shouldStop is asked every few thousand SQLite steps (on the
    // connection's thread); when it answers true the statement ends with
    // StoreError::Kind::Interrupted. For readers whose query may become useless while it runs
    // (a search overtaken by the next keystroke). An empty function removes the check. Kept
    // across close() and open().
    void setStopCheck(std::function<bool()> shouldStop);

private:
    StoreError openConnection(const QString &path, int busyTimeoutMs);
    void installStopCheck();

    sqlite3 *m_db = nullptr;
    QString m_path;
    std::unordered_map<std::string, std::unique_ptr<Statement>> m_statements;
    // Behind a pointer: SQLite keeps its address.
    std::unique_ptr<std::function<bool()>> m_stopCheck;
};

} // namespace Poplar::Store
