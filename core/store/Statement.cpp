#include "store/Statement.h"

#include <sqlite3.h>

#include <utility>

namespace Poplar::Store {

Statement::Statement(sqlite3 *db, const char *sql)
    : m_db(db)
{
    if (!db) {
        m_error = StoreError(StoreError::Kind::Internal,
                             QStringLiteral("The mail database is not open."));
        return;
    }
    const int rc = sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    if (rc != SQLITE_OK) {
        m_error = StoreError::fromSqlite(rc, QStringLiteral("Cannot prepare a database query"),
                                         QString::fromUtf8(sqlite3_errmsg(db)));
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_error(std::move(other.m_error))
{}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_error = std::move(other.m_error);
    }
    return *this;
}

void Statement::bind(int index, qint64 value)
{
    if (m_stmt)
        sqlite3_bind_int64(m_stmt, index, value);
}

void Statement::bind(int index, const QString &text)
{
    if (!m_stmt)
        return;
    if (text.isNull()) {
        sqlite3_bind_null(m_stmt, index);
        return;
    }
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text64(m_stmt, index, utf8.constData(), sqlite3_uint64(utf8.size()),
                        SQLITE_TRANSIENT, SQLITE_UTF8);
}

void Statement::bind(int index, const QByteArray &blob)
{
    if (!m_stmt)
        return;
    if (blob.isNull()) {
        sqlite3_bind_null(m_stmt, index);
        return;
    }
    // A non-null empty array must stay an empty blob, not NULL.
    static const char empty = 0;
    sqlite3_bind_blob64(m_stmt, index, blob.isEmpty() ? &empty : blob.constData(),
                        sqlite3_uint64(blob.size()), SQLITE_TRANSIENT);
}

void Statement::bindNull(int index)
{
    if (m_stmt)
        sqlite3_bind_null(m_stmt, index);
}

Statement::Step Statement::step()
{
    if (!m_stmt)
        return Step::Error;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return Step::Row;
    if (rc == SQLITE_DONE) {
        m_error = {};
        return Step::Done;
    }
    m_error = StoreError::fromSqlite(sqlite3_extended_errcode(m_db),
                                     QStringLiteral("A database operation failed"),
                                     QString::fromUtf8(sqlite3_errmsg(m_db)));
    // Leave the statement ready for another use; the error is kept in m_error.
    sqlite3_reset(m_stmt);
    return Step::Error;
}

StoreError Statement::run()
{
    if (!m_stmt)
        return m_error;
    Step s;
    while ((s = step()) == Step::Row) {
    }
    const StoreError result = s == Step::Error ? m_error : StoreError();
    reset();
    return result;
}

void Statement::reset()
{
    if (!m_stmt)
        return;
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool Statement::isNull(int column) const
{
    return !m_stmt || sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

qint64 Statement::int64(int column) const
{
    return m_stmt ? sqlite3_column_int64(m_stmt, column) : 0;
}

QString Statement::text(int column) const
{
    if (!m_stmt)
        return {};
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    if (!data)
        return {};
    return QString::fromUtf8(data, size);
}

QByteArray Statement::blob(int column) const
{
    if (!m_stmt)
        return {};
    const void *data = sqlite3_column_blob(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    if (!data)
        return sqlite3_column_type(m_stmt, column) == SQLITE_NULL ? QByteArray() : QByteArray("");
    return QByteArray(static_cast<const char *>(data), size);
}

} // namespace Poplar::Store
