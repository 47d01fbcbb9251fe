#include "store/StoreError.h"

#include <sqlite3.h>

namespace Poplar::Store {

StoreError::StoreError(Kind kind, const QString &message, int sqliteCode)
    : m_kind(kind)
    , m_message(message)
    , m_sqliteCode(sqliteCode)
{}

StoreError StoreError::fromSqlite(int code, const QString &context, const QString &detail)
{
    Kind kind = Kind::Internal;
    QString reason;
    switch (code & 0xff) {
    case SQLITE_OK:
    case SQLITE_ROW:
    case SQLITE_DONE:
        return {};
    case SQLITE_CANTOPEN:
        kind = Kind::CannotOpen;
        reason = QStringLiteral("the mail database file cannot be opened or created");
        break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
        kind = Kind::NotADatabase;
        reason = QStringLiteral("the mail database file is damaged or is not a Poplar database");
        break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
        kind = Kind::ReadOnly;
        reason = QStringLiteral("the mail database cannot be written (read-only file or folder)");
        break;
    case SQLITE_FULL:
        kind = Kind::DiskFull;
        reason = QStringLiteral("the disk is full");
        break;
    case SQLITE_IOERR:
        kind = Kind::Io;
        reason = QStringLiteral("the system reported an error reading or writing the disk");
        break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        kind = Kind::Busy;
        reason = QStringLiteral("the mail database is in use by another program");
        break;
    case SQLITE_CONSTRAINT:
        kind = Kind::Constraint;
        reason = QStringLiteral("the change breaks a rule of the mail database");
        break;
    case SQLITE_NOMEM:
        kind = Kind::OutOfMemory;
        reason = QStringLiteral("there is not enough memory");
        break;
    case SQLITE_INTERRUPT:
        kind = Kind::Interrupted;
        reason = QStringLiteral("the query was stopped before it finished");
        break;
    case SQLITE_TOOBIG:
        kind = Kind::InvalidArgument;
        reason = QStringLiteral("the data is too large for the mail database");
        break;
    default:
        reason = QStringLiteral("the mail database reported an unexpected error");
        break;
    }
    QString text = context + QStringLiteral(": ") + reason;
    if (!detail.isEmpty())
        text += QStringLiteral(" (") + detail + u')';
    text += u'.';
    StoreError error(kind, text, code);
    error.m_detail = detail;
    return error;
}

StoreError StoreError::inContext(const QString &context) const
{
    if (m_sqliteCode == 0)
        return *this;
    return fromSqlite(m_sqliteCode, context, m_detail);
}

QString StoreError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("None");
    case Kind::CannotOpen:
        return QStringLiteral("CannotOpen");
    case Kind::NotADatabase:
        return QStringLiteral("NotADatabase");
    case Kind::SchemaTooNew:
        return QStringLiteral("SchemaTooNew");
    case Kind::ReadOnly:
        return QStringLiteral("ReadOnly");
    case Kind::DiskFull:
        return QStringLiteral("DiskFull");
    case Kind::Io:
        return QStringLiteral("Io");
    case Kind::Busy:
        return QStringLiteral("Busy");
    case Kind::Constraint:
        return QStringLiteral("Constraint");
    case Kind::NotFound:
        return QStringLiteral("NotFound");
    case Kind::InvalidArgument:
        return QStringLiteral("InvalidArgument");
    case Kind::OutOfMemory:
        return QStringLiteral("OutOfMemory");
    case Kind::Interrupted:
        return QStringLiteral("Interrupted");
    case Kind::Internal:
        return QStringLiteral("Internal");
    }
    return QStringLiteral("Unknown");
}

} // namespace Poplar::Store
