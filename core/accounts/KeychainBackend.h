#pragma once

#include "accounts/CredentialJob.h"

#include <QObject>
#include <QString>

namespace Poplar::Accounts {

// Passwords in the OS keychain through QtKeychain: the Secret Service on Linux, the Keychain
// on macOS, the Credential Manager on Windows. Asynchronous; never blocks the caller.
// QtKeychain errors map to CredentialStatus: "no backend" and the generic error (what a
// missing secret service gives on Linux) to Unavailable, access errors to Denied.
class KeychainBackend : public QObject, public CredentialBackend
{
    Q_OBJECT

public:
    static QString serviceName() { return QStringLiteral("Poplar"); }

    explicit KeychainBackend(QObject *parent = nullptr);
    explicit KeychainBackend(const QString &service, QObject *parent = nullptr);

    void start(CredentialJob *job) override;

private:
    QString m_service;
};

} // namespace Poplar::Accounts
