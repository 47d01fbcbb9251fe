#include "MailServices.h"

#include "AccountDialog.h"
#include "Profile.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>

namespace Poplar::App {

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

void MailServices::addAccount()
{
    auto *dialog = new Ui::AccountDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Accounts::AccountSettings account = dialog->settings();
        if (const auto result = m_accounts.add(account); !result) {
            QMessageBox::warning(m_window, tr("Add Account"), result.message);
            return;
        }
        m_feed.setPassword(account.id, dialog->password());
        m_sync.sync(account.id);
    });
    dialog->open();
}

} // namespace Poplar::App
