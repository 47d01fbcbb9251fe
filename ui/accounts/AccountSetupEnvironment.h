#pragma once

#include "accounts/Autoconfigurator.h"
#include "accounts/DnsResolver.h"
#include "accounts/ProviderTable.h"

#include <QList>
#include <QPointer>
#include <QSslCertificate>

#include <optional>

namespace Poplar::Ui {

// What the account wizard and the account dialog reach out to while setting up an account:
// the sources of the automatic configuration and the trust used by "Test connection".
// The defaults are the real ones (system DNS, the built-in provider table, the internet);
// tests point them at local servers.
struct AccountSetupEnvironment
{
    Accounts::AutoconfigOptions autoconfig;
    QPointer<Accounts::DnsResolver> resolver;         // null: the system resolver
    std::optional<Accounts::ProviderTable> providers; // empty: the built-in table
    // Certificate authorities trusted by the connection test besides the system's.
    QList<QSslCertificate> extraCaCertificates;
    int testConnectTimeoutMs = 20 * 1000;
    int testResponseTimeoutMs = 30 * 1000;
};

} // namespace Poplar::Ui
