#include "accounts/MemoryCredentialBackend.h"

namespace Poplar::Accounts {

void MemoryCredentialBackend::start(CredentialJob *job)
{
    switch (job->operation()) {
    case CredentialJob::Operation::Read:
        if (!contains(job->key())) {
            job->finish(CredentialStatus::NotFound);
            return;
        }
        job->setPassword(value(job->key()));
        job->finish(CredentialStatus::Ok);
        return;
    case CredentialJob::Operation::Write:
        insert(job->key(), job->password());
        job->finish(CredentialStatus::Ok);
        return;
    case CredentialJob::Operation::Delete:
        job->finish(remove(job->key()) ? CredentialStatus::Ok : CredentialStatus::NotFound);
        return;
    }
}

} // namespace Poplar::Accounts
