#pragma once

#include "store/StoreError.h"

#include <QByteArray>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace Poplar::Store {

// One prepared SQLite statement (RAII). Parameters are 1-based like SQLite's; columns are
// 0-based. step() returns Row while rows remain, Done at the end, Error otherwise (see error()).
class Statement
{
public:
    enum class Step
    {
        Row,
        Done,
        Error
    };

    Statement() = default;
    Statement(sqlite3 *db, const char *sql);
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool isValid() const { return m_stmt != nullptr; }
    // The preparation error, or the error of the last step().
    StoreError error() const { return m_error; }

    void bind(int index, qint64 value);
    void bind(int index, int value) { bind(index, qint64(value)); }
    void bind(int index, bool value) { bind(index, qint64(value ? 1 : 0)); }
    void bind(int index, const QString &text);    // a null QString binds NULL
    void bind(int index, const QByteArray &blob); // a null QByteArray binds NULL
    void bindNull(int index);

    Step step();
    // Runs the statement to its end, ignoring rows; returns the error if any.
    StoreError run();
    // Resets for another execution and clears the bindings.
    void reset();

    bool isNull(int column) const;
    qint64 int64(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    StoreError m_error;
};

} // namespace Poplar::Store
