#include "accounts/CredentialJob.h"

#include <QCoreApplication>
#include <QTimer>

namespace Poplar::Accounts {

CredentialBackend::~CredentialBackend() = default;

CredentialJob::CredentialJob(Operation operation, const QString &key, QObject *parent)
    : QObject(parent)
    , m_operation(operation)
    , m_key(key)
{}

CredentialJob::~CredentialJob() = default;

void CredentialJob::finish(CredentialStatus status, const QString &errorString)
{
    if (m_finished)
        return;
    m_finished = true;
    m_status = status;
    m_errorString = status == CredentialStatus::Ok ? QString() : errorString;
    if (m_errorString.isEmpty() && status != CredentialStatus::Ok)
        m_errorString = describe(status);
    // Only a successful read hands a password back.
    if (m_operation != Operation::Read || status != CredentialStatus::Ok)
        m_password.clear();
    // Always from the event loop, so a caller can connect after starting the job.
    QTimer::singleShot(0, this, [this] {
        emit finished(this);
        deleteLater();
    });
}

QString CredentialJob::describe(CredentialStatus status)
{
    switch (status) {
    case CredentialStatus::Ok:
        return {};
    case CredentialStatus::NotFound:
        return QCoreApplication::translate("Poplar::Accounts::CredentialJob",
                                           "No password is stored for this account.");
    case CredentialStatus::Unavailable:
        return QCoreApplication::translate(
            "Poplar::Accounts::CredentialJob",
            "The system keychain is not available (no secret service is running, or it is "
            "locked). Poplar will keep the password in memory until it quits.");
    case CredentialStatus::Denied:
        return QCoreApplication::translate(
            "Poplar::Accounts::CredentialJob",
            "Access to the system keychain was denied. Poplar will keep the password in memory "
            "until it quits.");
    case CredentialStatus::Failed:
        return QCoreApplication::translate("Poplar::Accounts::CredentialJob",
                                           "The system keychain reported an error.");
    }
    return {};
}

} // namespace Poplar::Accounts
