#pragma once

#include "accounts/AccountTypes.h"

#include <QObject>
#include <QString>

namespace Poplar::Accounts {

// One asynchronous read, write or delete of an account's password. Created by a
// CredentialStore (or a backend), finished exactly once, later than the call that created it
// (never inside it), then deletes itself. The password is kept only in memory; it never
// appears in errorString().
class CredentialJob : public QObject
{
    Q_OBJECT

public:
    enum class Operation
    {
        Read,
        Write,
        Delete
    };

    CredentialJob(Operation operation, const QString &key, QObject *parent = nullptr);
    ~CredentialJob() override;

    Operation operation() const { return m_operation; }
    QString key() const { return m_key; }
    CredentialStatus status() const { return m_status; }
    bool isFinished() const { return m_finished; }
    // Read: the password found. Write: the password to store.
    QString password() const { return m_password; }
    void setPassword(const QString &password) { m_password = password; }
    // For Ok results of the CredentialStore: true when the password was kept in memory for
    // this run only because the keychain is not available.
    bool inMemoryOnly() const { return m_inMemoryOnly; }
    void setInMemoryOnly(bool inMemory) { m_inMemoryOnly = inMemory; }
    // A sentence for the user when status() is not Ok (translated).
    QString errorString() const { return m_errorString; }

    // Called by the backend when done. Emits finished() from the event loop.
    void finish(CredentialStatus status, const QString &errorString = {});

    static QString describe(CredentialStatus status);

signals:
    void finished(Poplar::Accounts::CredentialJob *job);

private:
    Operation m_operation;
    QString m_key;
    QString m_password;
    QString m_errorString;
    CredentialStatus m_status = CredentialStatus::Failed;
    bool m_inMemoryOnly = false;
    bool m_finished = false;
};

// Where passwords are kept. The real one is the OS keychain (KeychainBackend); tests and the
// command line may use MemoryCredentialBackend or their own.
class CredentialBackend
{
public:
    virtual ~CredentialBackend();
    // Starts the job's operation; the backend calls job->finish() later.
    virtual void start(CredentialJob *job) = 0;
};

} // namespace Poplar::Accounts
