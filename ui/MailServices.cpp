#include "ui/MailServices.h"

#include "Profile.h"
#include "ui/accounts/AccountEditDialog.h"
#include "ui/accounts/AccountRemoveDialog.h"
#include "ui/accounts/AccountWizard.h"
#include "ui/accounts/CertificateDialog.h"

#include "accounts/CredentialJob.h"
#include "smtp/Error.h"
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
    , m_send(&m_accounts, &m_credentials, &m_writer, m_databasePath)
{
    connect(&m_feed, &Sync::AccountFeed::passwordNeeded, this, &MailServices::askForPassword);
    connect(&m_sync, &Sync::SyncManager::certificateRejected, this,
            [this](const QString &accountId, const Net::CertificateProblem &problem) {
                askAboutCertificate(accountId, problem, Server::Incoming);
            });
    connect(&m_feed, &Sync::AccountFeed::ready, this, [this] {
        // Mail is fetched once when Poplar starts; after that on each account's schedule.
        if (!m_firstSyncDone && !m_sync.accounts().isEmpty()) {
            m_firstSyncDone = true;
            m_sync.syncAll();
        }
    });
    connectSending();
}

void MailServices::connectSending()
{
    // Messages a crash left half sent become Unknown before anything is sent; then what
    // waits in the Outbox goes out.
    auto startSending = [this] {
        m_send.recover();
        m_send.sendAll();
    };
    if (m_writer.isOpen())
        QMetaObject::invokeMethod(this, startSending, Qt::QueuedConnection);
    else
        connect(&m_writer, &Store::StoreWriter::opened, this, startSending);
    // A mail check that reached the server says the network is back: send what waits.
    connect(&m_sync, &Sync::SyncManager::finished, this,
            [this](const QString &accountId, const Sync::SyncResult &result) {
                if (result.ok)
                    m_send.send(accountId);
            });
    connect(&m_send, &Send::SendQueue::outgoingServerMissing, this,
            &MailServices::askForOutgoingServer);
    connect(&m_send, &Send::SendQueue::certificateRejected, this,
            [this](const QString &accountId, const Net::CertificateProblem &problem) {
                askAboutCertificate(accountId, problem, Server::Outgoing);
            });
    connect(&m_send, &Send::SendQueue::passwordMissing, this,
            [this](const QString &accountId, const QString &reason) {
                const auto account = m_accounts.findById(accountId);
                tell(tr("Send"), tr("Poplar cannot send the mail of %1: it has no password for the "
                                    "outgoing server (%2). Enter it in Account Settings.")
                                     .arg(account ? account->name() : accountId, reason));
            });
    connect(&m_send, &Send::SendQueue::messageSent, this,
            [this](const QString &, qint64, const QList<Smtp::RecipientResult> &refused) {
                if (refused.isEmpty())
                    return;
                QStringList lines;
                for (const Smtp::RecipientResult &recipient : refused)
                    lines.append(
                        tr("%1: %2").arg(recipient.address, Smtp::describeReply(recipient.reply)));
                tell(tr("Not Every Recipient Got It"),
                     tr("The message was sent, but the server refused these recipients:\n%1")
                         .arg(lines.join(u'\n')));
            });
    connect(
        &m_send, &Send::SendQueue::messageNotSent, this,
        [this](const QString &, qint64, Store::OutgoingRecord::State state, const QString &reason) {
            if (state == Store::OutgoingRecord::State::Failed)
                tell(tr("Message Not Sent"),
                     tr("The server refused the message; it stays in the Outbox.\n%1").arg(reason));
            else if (state == Store::OutgoingRecord::State::Unknown)
                tell(tr("Message Perhaps Not Sent"),
                     tr("The connection ended after the message went out and before the "
                        "server confirmed it, so it may or may not have been sent. Poplar "
                        "will not send it again by itself; it stays in the Outbox.\n%1")
                         .arg(reason));
        });
}

void MailServices::messageQueued(const QString &accountId, bool sendNow)
{
    if (sendNow)
        m_send.send(accountId);
}

void MailServices::askForOutgoingServer(const QString &accountId)
{
    const auto account = m_accounts.findById(accountId);
    if (!account || m_askingOutgoing.contains(accountId))
        return;
    m_askingOutgoing.insert(accountId);
    auto *box = new QMessageBox(QMessageBox::Question, tr("Send"),
                                tr("%1 has mail waiting in the Outbox, but no outgoing server "
                                   "yet. Set one up now?")
                                    .arg(account->name()),
                                QMessageBox::Yes | QMessageBox::No, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, accountId](int answer) {
        m_askingOutgoing.remove(accountId);
        if (answer == QMessageBox::Yes)
            editAccount(accountId);
    });
    box->open();
}

void MailServices::tell(const QString &title, const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
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
                                       const Net::CertificateProblem &problem, Server server)
{
    const auto account = m_accounts.findById(accountId);
    const QString asking =
        (server == Server::Outgoing ? QStringLiteral("out:") : QString()) + accountId;
    if (!account || m_askingCertificate.contains(asking))
        return;
    m_askingCertificate.insert(asking);
    auto *dialog = new Ui::CertificateDialog(problem, account->name(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, accountId, dialog, server] {
        auto pinned = m_accounts.findById(accountId);
        if (!pinned)
            return;
        if (server == Server::Outgoing)
            pinned->outgoing.pinnedCertificateSha256 = dialog->pinnedSha256();
        else
            pinned->pinnedCertificateSha256 = dialog->pinnedSha256();
        if (const auto result = m_accounts.update(*pinned); !result) {
            QMessageBox::warning(m_window, tr("Server Certificate"), result.message);
            return;
        }
        // The feed hands the pinned settings to the sync manager at once (the password is
        // known: the account just tried to sync), so the new run uses the pin; the sender
        // reads the account again when it starts.
        if (server == Server::Outgoing)
            m_send.send(accountId, true);
        else
            m_sync.sync(accountId);
    });
    connect(dialog, &QObject::destroyed, this,
            [this, asking] { m_askingCertificate.remove(asking); });
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
        // What waited for an outgoing server or its password can go now.
        m_send.send(accountId, true);
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
