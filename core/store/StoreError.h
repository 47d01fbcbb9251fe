#pragma once

#include <QMetaType>
#include <QString>

namespace Poplar::Store {

// What went wrong in the store, as a kind the caller can act on (stop a sync, tell the user
// to free disk space, ...) plus a sentence for the user. SQLite result codes never leave the
// store except as the detail at the end of the sentence and as sqliteCode() for logs.
class StoreError
{
public:
    enum class Kind
    {
        None,
        CannotOpen,   // the file or its folder cannot be opened or created
        NotADatabase, // the file exists but is not an SQLite database, or is damaged
        SchemaTooNew, // written by a newer Poplar; we refuse to touch it
        ReadOnly,     // the file, the folder or the connection does not allow writing
        DiskFull,     // no space left (or the database reached its size limit)
        Io,           // the operating system reported an I/O error
        Busy,         // another connection held the database for too long
        Constraint,   // a write broke a rule of the schema
        NotFound,     // no message with that id
        InvalidArgument,
        OutOfMemory,
        Interrupted, // the caller stopped the query (a newer one made it useless)
        Internal     // anything else: a bug in Poplar or an unexpected SQLite state
    };

    StoreError() = default;
    StoreError(Kind kind, const QString &message, int sqliteCode = 0);

    // Builds an error from an SQLite result code; context says what Poplar was doing
    // ("Cannot save the message"), detail is SQLite's own message.
    static StoreError fromSqlite(int code, const QString &context, const QString &detail);

    bool isError() const { return m_kind != Kind::None; }
    explicit operator bool() const { return isError(); }
    Kind kind() const { return m_kind; }
    int sqliteCode() const { return m_sqliteCode; }
    // A complete sentence for the user (and the log).
    QString message() const { return m_message; }

    // The same error told from another point of view: "Cannot save the message: the disk is
    // full." Errors that did not come from SQLite are returned unchanged.
    StoreError inContext(const QString &context) const;

    static QString kindName(Kind kind);

private:
    Kind m_kind = Kind::None;
    QString m_message;
    QString m_detail;
    int m_sqliteCode = 0;
};

} // namespace Poplar::Store

Q_DECLARE_METATYPE(Poplar::Store::StoreError)
