#pragma once

#include "accounts/ServerCandidate.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Poplar::Accounts {

// Facts about well-known mail providers, read from a JSON table compiled into Poplar
// (resources/accounts/providers.json). Lookups by the address's domain, or by the domain's MX
// hosts for domains a provider hosts (company mail at Tencent Exmail, Google Workspace, ...).
class ProviderTable
{
    Q_DECLARE_TR_FUNCTIONS(Poplar::Accounts::ProviderTable)

public:
    struct Server
    {
        QString host;
        int port = 0;
        Security security = Security::Tls;
    };

    struct Provider
    {
        QString id;
        QString name;
        QStringList domains;
        QStringList mxDomains;
        QList<Server> servers;     // empty: the provider offers no POP3
        QList<Server> smtpServers; // submission servers, best first; empty: not known
        UsernameForm usernameForm = UsernameForm::EmailAddress;
        QStringList noteCodes;

        bool offersPop3() const { return !servers.isEmpty(); }
        bool knowsSmtp() const { return !smtpServers.isEmpty(); }
        // The notes in the user's language.
        QStringList notes() const;
        // The servers as candidates for one address (username filled in).
        QList<ServerCandidate> candidatesFor(const QString &emailAddress,
                                             AutoconfigSource source) const;
        // The submission servers as candidates for one address (username filled in, the
        // same form as for POP3: the providers log in to both with the same name).
        QList<OutgoingCandidate> outgoingCandidatesFor(const QString &emailAddress,
                                                       AutoconfigSource source) const;
    };

    // The table compiled into Poplar.
    static const ProviderTable &builtIn();
    // Parses a table; on a malformed one returns an empty table and sets *error.
    static ProviderTable fromJson(const QByteArray &json, QString *error = nullptr);

    QList<Provider> providers() const { return m_providers; }
    std::optional<Provider> findByDomain(const QString &domain) const;
    std::optional<Provider> findByEmailAddress(const QString &address) const;
    // The provider hosting mail whose MX host is mxHost (e.g. "mxbiz1.qq.com").
    std::optional<Provider> findByMxHost(const QString &mxHost) const;

    // The sentence for a note code, translated; empty for an unknown code.
    static QString noteText(const QString &code);

private:
    QList<Provider> m_providers;
};

} // namespace Poplar::Accounts
