#pragma once

#include "accounts/CredentialJob.h"
#include "accounts/MemoryCredentialBackend.h"

#include <QObject>
#include <QString>

#include <memory>

namespace Poplar::Accounts {

// Account passwords, keyed by the account id. Normally they live in the OS keychain only.
// When the keychain cannot be used (no secret service, locked, access denied) the store says
// so once (keychainStateChanged) and, for the rest of this run, keeps passwords in memory:
// the UI asks the user and writes the answer here. Nothing ever goes to disk or to a log.
//
//   auto *job = store->readPassword(account.id);
//   connect(job, &CredentialJob::finished, this, [](CredentialJob *job) { ... });
class CredentialStore : public QObject
{
    Q_OBJECT

public:
    enum class KeychainState
    {
        Unknown,     // not used yet in this run
        Available,   // the last keychain operation worked
        Unavailable, // no keychain: passwords stay in memory for this run
        Denied       // the keychain refused: passwords stay in memory for this run
    };
    Q_ENUM(KeychainState)

    // With the OS keychain (KeychainBackend).
    explicit CredentialStore(QObject *parent = nullptr);
    // With another backend (tests, the command line); an empty pointer means memory only.
    explicit CredentialStore(std::unique_ptr<CredentialBackend> backend, QObject *parent = nullptr);
    ~CredentialStore() override;

    // Each returns a job that finishes later with the outcome and then deletes itself.
    // Read: Ok with password(); NotFound; or Unavailable/Denied when the keychain cannot be
    // used and the user has not given the password in this run — ask for it, then write it.
    CredentialJob *readPassword(const QString &accountId);
    // Write: Ok; inMemoryOnly() tells whether it went to memory instead of the keychain.
    CredentialJob *writePassword(const QString &accountId, const QString &password);
    // Delete: Ok or NotFound (both mean it is gone; libsecret does not say which), or the
    // keychain's failure (memory is cleared in every case).
    CredentialJob *deletePassword(const QString &accountId);

    KeychainState keychainState() const { return m_state; }
    bool usesMemoryFallback() const
    {
        return m_state == KeychainState::Unavailable || m_state == KeychainState::Denied;
    }
    // Why the keychain is not used, for the user (translated); empty while it works.
    QString keychainProblem() const { return m_problem; }
    // Tries the keychain again on the next operation (e.g. after the user unlocked it).
    void retryKeychain();

signals:
    void keychainStateChanged(Poplar::Accounts::CredentialStore::KeychainState state);

private:
    void setState(KeychainState state, CredentialStatus cause);
    void onBackendFinished(CredentialJob *inner, CredentialJob *outer);
    void answerFromMemory(CredentialJob *outer);

    std::unique_ptr<CredentialBackend> m_backend;
    MemoryCredentialBackend m_memory;
    KeychainState m_state = KeychainState::Unknown;
    QString m_problem;
};

} // namespace Poplar::Accounts
