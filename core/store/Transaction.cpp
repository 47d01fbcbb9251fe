#include "store/Transaction.h"

#include "Logging.h"
#include "store/Database.h"

namespace Poplar::Store {

Transaction::Transaction(Database &db)
    : m_db(db)
{
    m_savepoint = db.inTransaction();
    m_error = db.exec(m_savepoint ? "SAVEPOINT poplar_guard" : "BEGIN IMMEDIATE");
    if (m_error)
        m_error = m_error.inContext(QStringLiteral("Cannot start a database transaction"));
    m_active = !m_error;
}

Transaction::~Transaction()
{
    rollback();
}

StoreError Transaction::commit()
{
    if (m_error)
        return m_error;
    if (!m_active)
        return StoreError(StoreError::Kind::Internal,
                          QStringLiteral("The database transaction was already finished."));
    const StoreError error = m_db.exec(m_savepoint ? "RELEASE poplar_guard" : "COMMIT");
    if (error) {
        // SQLite may already have rolled everything back (disk full, I/O error); otherwise the
        // destructor or rollback() does it. Either way nothing of this transaction is kept.
        if (!m_savepoint && !m_db.inTransaction())
            m_active = false;
        return error.inContext(QStringLiteral("Cannot save the changes"));
    }
    m_active = false;
    return {};
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    if (m_savepoint) {
        if (const StoreError error = m_db.exec("ROLLBACK TO poplar_guard; RELEASE poplar_guard"))
            qCWarning(lcStore) << "rolling back a savepoint failed:" << error.message();
        return;
    }
    // After some errors SQLite has already rolled back on its own.
    if (!m_db.inTransaction())
        return;
    if (const StoreError error = m_db.exec("ROLLBACK"))
        qCWarning(lcStore) << "rolling back failed:" << error.message();
}

} // namespace Poplar::Store
