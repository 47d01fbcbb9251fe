#include "accounts/CredentialStore.h"

#include "Logging.h"
#include "accounts/KeychainBackend.h"

namespace Poplar::Accounts {

CredentialStore::CredentialStore(QObject *parent)
    : CredentialStore(std::make_unique<KeychainBackend>(), parent)
{}

CredentialStore::CredentialStore(std::unique_ptr<CredentialBackend> backend, QObject *parent)
    : QObject(parent)
    , m_backend(std::move(backend))
{
    if (!m_backend)
        setState(KeychainState::Unavailable, CredentialStatus::Unavailable);
}

CredentialStore::~CredentialStore()
{
    m_memory.clear();
}

void CredentialStore::retryKeychain()
{
    if (!m_backend)
        return;
    m_state = KeychainState::Unknown;
    m_problem.clear();
    emit keychainStateChanged(m_state);
}

void CredentialStore::setState(KeychainState state, CredentialStatus cause)
{
    if (state == m_state)
        return;
    m_state = state;
    m_problem = usesMemoryFallback() ? CredentialJob::describe(cause) : QString();
    if (usesMemoryFallback())
        qCWarning(lcAccounts) << "Keychain not usable; passwords are kept in memory for this run";
    emit keychainStateChanged(m_state);
}

CredentialJob *CredentialStore::readPassword(const QString &accountId)
{
    auto *outer = new CredentialJob(CredentialJob::Operation::Read, accountId, this);
    if (usesMemoryFallback()) {
        answerFromMemory(outer);
        return outer;
    }
    auto *inner = new CredentialJob(CredentialJob::Operation::Read, accountId, this);
    connect(inner, &CredentialJob::finished, outer,
            [this, outer](CredentialJob *done) { onBackendFinished(done, outer); });
    m_backend->start(inner);
    return outer;
}

CredentialJob *CredentialStore::writePassword(const QString &accountId, const QString &password)
{
    auto *outer = new CredentialJob(CredentialJob::Operation::Write, accountId, this);
    outer->setPassword(password);
    if (usesMemoryFallback()) {
        answerFromMemory(outer);
        return outer;
    }
    auto *inner = new CredentialJob(CredentialJob::Operation::Write, accountId, this);
    inner->setPassword(password);
    connect(inner, &CredentialJob::finished, outer,
            [this, outer](CredentialJob *done) { onBackendFinished(done, outer); });
    m_backend->start(inner);
    return outer;
}

CredentialJob *CredentialStore::deletePassword(const QString &accountId)
{
    auto *outer = new CredentialJob(CredentialJob::Operation::Delete, accountId, this);
    const bool hadInMemory = m_memory.remove(accountId);
    if (usesMemoryFallback()) {
        // The keychain may still hold a password from an earlier run; say it was not removed.
        outer->finish(hadInMemory
                          ? CredentialStatus::Ok
                          : (m_state == KeychainState::Denied ? CredentialStatus::Denied
                                                              : CredentialStatus::Unavailable),
                      m_problem);
        return outer;
    }
    auto *inner = new CredentialJob(CredentialJob::Operation::Delete, accountId, this);
    connect(inner, &CredentialJob::finished, outer,
            [this, outer](CredentialJob *done) { onBackendFinished(done, outer); });
    m_backend->start(inner);
    return outer;
}

void CredentialStore::answerFromMemory(CredentialJob *outer)
{
    const QString key = outer->key();
    switch (outer->operation()) {
    case CredentialJob::Operation::Read:
        if (m_memory.contains(key)) {
            outer->setPassword(m_memory.value(key));
            outer->setInMemoryOnly(true);
            outer->finish(CredentialStatus::Ok);
        } else {
            // The caller asks the user and writes the answer; explain why it must ask.
            outer->finish(m_state == KeychainState::Denied ? CredentialStatus::Denied
                                                           : CredentialStatus::Unavailable,
                          m_problem);
        }
        return;
    case CredentialJob::Operation::Write:
        m_memory.insert(key, outer->password());
        outer->setInMemoryOnly(true);
        outer->finish(CredentialStatus::Ok);
        return;
    case CredentialJob::Operation::Delete:
        outer->finish(m_memory.remove(key) ? CredentialStatus::Ok : CredentialStatus::NotFound);
        return;
    }
}

void CredentialStore::onBackendFinished(CredentialJob *inner, CredentialJob *outer)
{
    const CredentialStatus status = inner->status();
    switch (status) {
    case CredentialStatus::Ok:
    case CredentialStatus::NotFound:
        setState(KeychainState::Available, status);
        if (outer->operation() == CredentialJob::Operation::Read)
            outer->setPassword(inner->password());
        outer->finish(status);
        return;
    case CredentialStatus::Denied:
        setState(KeychainState::Denied, status);
        break;
    case CredentialStatus::Unavailable:
    case CredentialStatus::Failed:
        setState(KeychainState::Unavailable, CredentialStatus::Unavailable);
        break;
    }
    if (outer->operation() == CredentialJob::Operation::Delete) {
        // Memory was already cleared; the keychain copy (if any) could not be removed.
        outer->finish(status, m_problem);
        return;
    }
    answerFromMemory(outer);
}

} // namespace Poplar::Accounts
