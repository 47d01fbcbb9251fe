#include "ui/MailServices.h"

#include "Profile.h"
#include "ui/accounts/AccountEditDialog.h"
#include "ui/accounts/AccountRemoveDialog.h"
#include "ui/accounts/AccountWizard.h"
#include "ui/accounts/CertificateDialog.h"

#include "accounts/CredentialJob.h"
#include "store/WriteBatch.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>

namespace Poplar::Ui {

MailServices::MailServices(const Profile &profile, QObject *parent)
    : QObject(parent)
    , m_settingsPath(profile.settingsPath())
    , m_databasePath(profile.databasePath())
    , m_accounts(m_settingsPath)
    , m_writer(m_databasePath)
    , m_sync(&m_writer, m_databasePath)
    , m_feed(&m_accounts, &m_credentials, &m_sync)
{
    connect(&m_feed, &Sync::AccountFeed::passwordNeeded, this, &MailServices::askForPassword);
    connect(&m_sync, &Sync::SyncManager::certificateRejected, this,
            &MailServices::askAboutCertificate);
    connect(&m_feed, &Sync::AccountFeed::ready, this, [this] {
        // Mail is fetched once when Poplar starts; after that on each account's schedule.
        if (!m_firstSyncDone && !m_sync.accounts().isEmpty()) {
            m_firstSyncDone = true;
            m_sync.syncAll();
        }
    });
}

MailServices::~MailServices()
{
    m_sync.cancelAll();
}

void MailServices::start()
{
    m_feed.refresh();
}

void MailServices::askForPassword(const QString &accountId, const QString &reason)
{
    if (m_asking.contains(accountId))
        return;
    const auto account = m_accounts.findById(accountId);
    if (!account)
        return;
    m_asking.insert(accountId);
    // Not modal to the event loop: the window keeps working while the question is open.
    auto *dialog = new QInputDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Password for %1").arg(account->name()));
    dialog->setLabelText(tr("Poplar has no saved password for %1 (%2).\nPassword:")
                             .arg(account->emailAddress, reason));
    dialog->setTextEchoMode(QLineEdit::Password);
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this, accountId](const QString &password) {
                m_feed.setPassword(accountId, password);
                m_sync.sync(accountId);
            });
    connect(dialog, &QObject::destroyed, this, [this, accountId] { m_asking.remove(accountId); });
    dialog->open();
}

void MailServices::askAboutCertificate(const QString &accountId,
                                       const Net::CertificateProblem &problem)
{
    const auto account = m_accounts.findById(accountId);
    if (!account || m_askingCertificate.contains(accountId))
        return;
    m_askingCertificate.insert(accountId);
    auto *dialog = new Ui::CertificateDialog(problem, account->name(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, accountId, dialog] {
        auto pinned = m_accounts.findById(accountId);
        if (!pinned)
            return;
        pinned->pinnedCertificateSha256 = dialog->pinnedSha256();
        if (const auto result = m_accounts.update(*pinned); !result) {
            QMessageBox::warning(m_window, tr("Server Certificate"), result.message);
            return;
        }
        // The feed hands the pinned settings to the sync manager at once (the password is
        // known: the account just tried to sync), so the new run uses the pin.
        m_sync.sync(accountId);
    });
    connect(dialog, &QObject::destroyed, this,
            [this, accountId] { m_askingCertificate.remove(accountId); });
    dialog->open();
}

void MailServices::addAccount()
{
    auto *wizard = new Ui::AccountWizard(&m_accounts, &m_credentials, {}, m_window);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    // The wizard has saved the account and its password; the sync uses the password at once
    // instead of reading it back from the keychain.
    connect(wizard, &QDialog::accepted, this, [this, wizard] {
        const QString id = wizard->settings().id;
        m_feed.usePassword(id, wizard->password());
        m_sync.sync(id);
        if (m_credentials.usesMemoryFallback())
            QMessageBox::information(
                m_window, tr("Add Account"),
                tr("The system keychain cannot be used (%1), so Poplar keeps the password "
                   "only until it quits and will ask for it next time.")
                    .arg(m_credentials.keychainProblem()));
    });
    wizard->open();
}

void MailServices::editAccount(const QString &accountId)
{
    const auto account = m_accounts.findById(accountId);
    if (!account)
        return;
    auto *dialog = new Ui::AccountEditDialog(&m_accounts, &m_credentials, *account, {}, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, accountId, dialog] {
        if (!dialog->newPassword().isEmpty())
            m_feed.usePassword(accountId, dialog->newPassword());
    });
    dialog->open();
}

void MailServices::removeAccount(const QString &accountId)
{
    const auto account = m_accounts.findById(accountId);
    if (!account)
        return;
    auto *dialog = new Ui::AccountRemoveDialog(account->name(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, accountId, dialog] {
        m_sync.cancel(accountId);
        if (const auto result = m_accounts.remove(accountId); !result) {
            QMessageBox::warning(m_window, tr("Remove Account"), result.message);
            return;
        }
        m_credentials.deletePassword(accountId);
        m_credentials.deletePassword(Accounts::AccountSettings::outgoingCredentialId(accountId));
        if (dialog->deleteLocalMail()) {
            Store::WriteBatch batch;
            batch.removeAccount(accountId);
            m_writer.submit(std::move(batch));
        }
    });
    dialog->open();
}

} // namespace Poplar::Ui
