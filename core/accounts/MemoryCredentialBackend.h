#pragma once

#include "accounts/CredentialJob.h"

#include <QHash>
#include <QString>

namespace Poplar::Accounts {

// Passwords in this process's memory only, gone when it quits. The fallback when the keychain
// is not available, and a backend for tests and the command line.
class MemoryCredentialBackend : public CredentialBackend
{
public:
    void start(CredentialJob *job) override;

    // Synchronous access for the CredentialStore's fallback path.
    bool contains(const QString &key) const { return m_passwords.contains(key); }
    QString value(const QString &key) const { return m_passwords.value(key); }
    void insert(const QString &key, const QString &password) { m_passwords.insert(key, password); }
    bool remove(const QString &key) { return m_passwords.remove(key) > 0; }
    void clear() { m_passwords.clear(); }

private:
    QHash<QString, QString> m_passwords;
};

} // namespace Poplar::Accounts
