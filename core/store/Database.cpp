#include "store/Database.h"

#include "Logging.h"
#include "store/Schema.h"

#include <QFile>

#include <sqlite3.h>

namespace Poplar::Store {

Database::Database() = default;

Database::~Database()
{
    close();
}

StoreError Database::openConnection(const QString &path, int busyTimeoutMs)
{
    close();
    const QByteArray file = QFile::encodeName(path);
    const int rc =
        sqlite3_open_v2(file.constData(), &m_db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        const StoreError error =
            StoreError::fromSqlite(rc, QStringLiteral("Cannot open the mail database %1").arg(path),
                                   m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString());
        close();
        return error;
    }
    m_path = path;
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, busyTimeoutMs);
    installStopCheck();
    // Reading the header is the first moment SQLite looks at the file: a file that is not a
    // database fails here, with a clear kind, instead of later in the middle of a sync.
    if (const StoreError error =
            exec("PRAGMA foreign_keys = ON; SELECT count(*) FROM sqlite_schema;")) {
        close();
        return error.inContext(QStringLiteral("Cannot open the mail database %1").arg(path));
    }
    return {};
}

StoreError Database::openWithoutMigration(const QString &path)
{
    return openConnection(path, 5000);
}

StoreError Database::open(const QString &path, Access access, int busyTimeoutMs)
{
    if (const StoreError error = openConnection(path, busyTimeoutMs))
        return error;
    const QString context = QStringLiteral("Cannot open the mail database %1").arg(path);
    // SQLite silently opens a file it may not write read-only; the writer must know now, not
    // at its first commit in the middle of a sync.
    if (access == Access::ReadWrite && sqlite3_db_readonly(m_db, "main") == 1) {
        close();
        return StoreError::fromSqlite(SQLITE_READONLY, context,
                                      QStringLiteral("the file is read-only"));
    }
    // Mail is mostly large blobs: 16 KB pages store a message in a quarter of the pages (and
    // of the write calls) that 4 KB pages take. SQLite applies this only to a database that
    // has no page yet, before it switches to WAL; an existing one keeps its page size.
    if (const StoreError error = exec("PRAGMA page_size = 16384")) {
        close();
        return error.inContext(context);
    }
    // journal_mode answers with the mode in effect; anything but "wal" means SQLite could not
    // switch (for example a read-only folder where the -wal and -shm files cannot be created).
    {
        Statement &mode = cached("PRAGMA journal_mode = WAL");
        const Statement::Step step = mode.step();
        const QString result = step == Statement::Step::Row ? mode.text(0) : QString();
        const StoreError stepError = mode.error();
        mode.reset();
        if (step == Statement::Step::Error) {
            close();
            return stepError.inContext(context);
        }
        if (result.compare(QLatin1StringView("wal"), Qt::CaseInsensitive) != 0) {
            close();
            return StoreError(StoreError::Kind::ReadOnly,
                              context +
                                  QStringLiteral(": the database could not be switched to "
                                                 "write-ahead logging (journal mode is \"%1\").")
                                      .arg(result));
        }
    }
    // After a checkpoint the -wal file keeps its size; cap what stays on disk after a large
    // import.
    if (const StoreError error =
            exec("PRAGMA synchronous = FULL; PRAGMA journal_size_limit = 67108864")) {
        close();
        return error.inContext(context);
    }
    if (const StoreError error = Schema::migrate(*this)) {
        close();
        return error;
    }
    // The writer's page cache holds the indexes and the search index a sync keeps changing;
    // with SQLite's default 2 MB it read them back from the file again and again.
    if (access == Access::ReadWrite) {
        if (const StoreError error = exec("PRAGMA cache_size = -32768")) {
            close();
            return error.inContext(context);
        }
    }
    if (access == Access::QueryOnly) {
        if (const StoreError error = exec("PRAGMA query_only = ON")) {
            close();
            return error.inContext(context);
        }
    }
    qCDebug(lcStore) << "opened" << path << (access == Access::QueryOnly ? "query-only" : "");
    return {};
}

void Database::close()
{
    m_statements.clear();
    if (m_db) {
        const int rc = sqlite3_close(m_db);
        if (rc != SQLITE_OK)
            qCWarning(lcStore) << "closing the database failed:" << sqlite3_errstr(rc);
        m_db = nullptr;
    }
}

StoreError Database::exec(const char *sql)
{
    if (!m_db)
        return StoreError(StoreError::Kind::Internal,
                          QStringLiteral("The mail database is not open."));
    char *message = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &message);
    if (rc == SQLITE_OK)
        return {};
    const QString detail = message ? QString::fromUtf8(message) : QString();
    sqlite3_free(message);
    return StoreError::fromSqlite(sqlite3_extended_errcode(m_db),
                                  QStringLiteral("A database operation failed"), detail);
}

Statement &Database::cached(const char *sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end())
        it = m_statements.emplace(sql, std::make_unique<Statement>(m_db, sql)).first;
    Statement &statement = *it->second;
    statement.reset();
    return statement;
}

qint64 Database::lastInsertRowId() const
{
    return m_db ? sqlite3_last_insert_rowid(m_db) : 0;
}

int Database::changes() const
{
    return m_db ? sqlite3_changes(m_db) : 0;
}

bool Database::inTransaction() const
{
    return m_db && sqlite3_get_autocommit(m_db) == 0;
}

Result<int> Database::schemaVersion()
{
    Statement &query = cached("PRAGMA user_version");
    if (query.step() != Statement::Step::Row)
        return query.error().inContext(QStringLiteral("Cannot read the database version"));
    const int version = int(query.int64(0));
    query.reset();
    return version;
}

Result<QStringList> Database::integrityCheck()
{
    QStringList problems;
    {
        Statement check(m_db, "PRAGMA integrity_check");
        Statement::Step step;
        while ((step = check.step()) == Statement::Step::Row) {
            const QString line = check.text(0);
            if (line != QLatin1StringView("ok"))
                problems << line;
        }
        if (step == Statement::Step::Error)
            return check.error().inContext(QStringLiteral("Cannot check the mail database"));
    }
    // The full-text index keeps its own structures, which integrity_check does not read.
    Statement hasFts(m_db, "SELECT 1 FROM sqlite_schema WHERE name = 'message_fts'");
    if (hasFts.step() == Statement::Step::Row) {
        Statement ftsCheck(m_db, "INSERT INTO message_fts(message_fts) VALUES('integrity-check')");
        if (ftsCheck.step() == Statement::Step::Error) {
            const StoreError error = ftsCheck.error();
            if (error.kind() == StoreError::Kind::NotADatabase)
                problems << QStringLiteral("The search index does not match the messages.");
            else if (error.kind() != StoreError::Kind::ReadOnly)
                return error.inContext(QStringLiteral("Cannot check the search index"));
        }
    }
    return problems;
}

void Database::setStopCheck(std::function<bool()> shouldStop)
{
    m_stopCheck =
        shouldStop ? std::make_unique<std::function<bool()>>(std::move(shouldStop)) : nullptr;
    installStopCheck();
}

void Database::installStopCheck()
{
    if (!m_db)
        return;
    if (!m_stopCheck) {
        sqlite3_progress_handler(m_db, 0, nullptr, nullptr);
        return;
    }
    // A few thousand virtual machine steps take some microseconds: the check costs nothing
    // measurable and a stopped query ends within a fraction of a millisecond of its step.
    constexpr int kStepsBetweenChecks = 4000;
    sqlite3_progress_handler(
        m_db, kStepsBetweenChecks,
        [](void *check) -> int { return (*static_cast<std::function<bool()> *>(check))() ? 1 : 0; },
        m_stopCheck.get());
}

StoreError Database::lastError(const QString &context) const
{
    if (!m_db)
        return StoreError(StoreError::Kind::Internal,
                          QStringLiteral("The mail database is not open."));
    return StoreError::fromSqlite(sqlite3_extended_errcode(m_db), context,
                                  QString::fromUtf8(sqlite3_errmsg(m_db)));
}

} // namespace Poplar::Store
