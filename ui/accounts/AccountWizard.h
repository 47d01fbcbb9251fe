#pragma once

#include "ui/accounts/AccountSetupEnvironment.h"

#include "accounts/AccountSettings.h"
#include "accounts/ServerCandidate.h"

#include <QWizard>

#include <optional>

namespace Poplar::Accounts {
class AccountRepository;
class Autoconfigurator;
class CredentialStore;
} // namespace Poplar::Accounts

namespace Poplar::Ui {

class AccountPolicyForm;
class AccountServerForm;
class OutgoingServerForm;

// Adds an account from what most people know: their name, email address and password.
// 1. name, address, password; 2. finds the server settings, showing each source as it goes
// (provider table, DNS SRV, the domain's autoconfig file, MX, guessed names) and which one
// found them, with the provider's notes; 3. review and edit the incoming server and, beside
// it, the outgoing one, with "Test connection" for both; 4. the download policy. Finish saves
// the account in the repository and the password (and the outgoing server's own password, if
// it has one) in the credential store (the keychain), then closes; errors keep it open.
class AccountWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId
    {
        IdentityPage,
        DiscoveryPage,
        ServerPage,
        PolicyPage
    };

    AccountWizard(Accounts::AccountRepository *repository, Accounts::CredentialStore *credentials,
                  const AccountSetupEnvironment &environment = {}, QWidget *parent = nullptr);
    ~AccountWizard() override;

    // The account as entered so far (after Finish: as saved).
    Accounts::AccountSettings settings() const;
    QString password() const;
    // The best settings found on the discovery page, if any.
    std::optional<Accounts::ServerCandidate> foundSettings() const { return m_found; }
    std::optional<Accounts::OutgoingCandidate> foundOutgoingSettings() const
    {
        return m_foundOutgoing;
    }

    Accounts::Autoconfigurator *autoconfigurator() const { return m_autoconfigurator; }
    AccountServerForm *serverForm() const { return m_serverForm; }
    OutgoingServerForm *outgoingForm() const { return m_outgoingForm; }
    AccountPolicyForm *policyForm() const { return m_policyForm; }

    void accept() override;

private:
    friend class AccountWizardDiscoveryPage;
    friend class AccountWizardServerPage;

    void saveAccount(const Accounts::AccountSettings &account);
    void saveFinished(bool ok, const QString &problem);

    Accounts::AccountRepository *m_repository;
    Accounts::CredentialStore *m_credentials;
    Accounts::Autoconfigurator *m_autoconfigurator;
    AccountServerForm *m_serverForm;
    OutgoingServerForm *m_outgoingForm;
    AccountPolicyForm *m_policyForm;
    Accounts::AccountSettings m_settings;
    std::optional<Accounts::ServerCandidate> m_found;
    std::optional<Accounts::OutgoingCandidate> m_foundOutgoing;
    quint64 m_search = 0;        // discovery runs started
    quint64 m_appliedSearch = 0; // the run whose result the server page shows
    bool m_saving = false;
};

} // namespace Poplar::Ui
