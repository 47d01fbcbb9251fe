#include "accounts/KeychainBackend.h"

#include "Logging.h"

#include <qt6keychain/keychain.h>

namespace Poplar::Accounts {

namespace {

CredentialStatus statusOf(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return CredentialStatus::Ok;
    case QKeychain::EntryNotFound:
        return CredentialStatus::NotFound;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return CredentialStatus::Denied;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        // On Linux a missing or unreachable secret service gives OtherError.
        return CredentialStatus::Unavailable;
    case QKeychain::CouldNotDeleteEntry:
        return CredentialStatus::Failed;
    }
    return CredentialStatus::Failed;
}

} // namespace

KeychainBackend::KeychainBackend(QObject *parent)
    : KeychainBackend(serviceName(), parent)
{}

KeychainBackend::KeychainBackend(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{}

void KeychainBackend::start(CredentialJob *job)
{
    QKeychain::Job *kjob = nullptr;
    switch (job->operation()) {
    case CredentialJob::Operation::Read:
        kjob = new QKeychain::ReadPasswordJob(m_service, this);
        break;
    case CredentialJob::Operation::Write: {
        auto *write = new QKeychain::WritePasswordJob(m_service, this);
        write->setTextData(job->password());
        kjob = write;
        break;
    }
    case CredentialJob::Operation::Delete:
        kjob = new QKeychain::DeletePasswordJob(m_service, this);
        break;
    }
    kjob->setAutoDelete(true);
    kjob->setInsecureFallback(false); // never a plain file instead of the keychain
    kjob->setKey(job->key());
    connect(kjob, &QKeychain::Job::finished, job, [job](QKeychain::Job *done) {
        const CredentialStatus status = statusOf(done->error());
        if (status != CredentialStatus::Ok && status != CredentialStatus::NotFound) {
            // QtKeychain's text names the backend's problem, never the secret.
            qCInfo(lcAccounts) << "Keychain job for account" << job->key()
                               << "failed:" << done->error() << done->errorString();
        }
        if (status == CredentialStatus::Ok && job->operation() == CredentialJob::Operation::Read)
            job->setPassword(static_cast<QKeychain::ReadPasswordJob *>(done)->textData());
        job->finish(status);
    });
    kjob->start();
}

} // namespace Poplar::Accounts
