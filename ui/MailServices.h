#pragma once

#include "accounts/AccountRepository.h"
#include "accounts/CredentialStore.h"
#include "send/SendQueue.h"
#include "store/StoreWriter.h"
#include "sync/AccountFeed.h"
#include "sync/SyncManager.h"

#include <QObject>
#include <QPointer>
#include <QWidget>

namespace Poplar {
class Profile;
}

namespace Poplar::Ui {

// What the window runs on, made for one profile: its accounts, the passwords (keychain),
// the store's writer, the sync of every account and the sending of the Outbox. Asks for
// passwords the keychain cannot give, adds accounts, fetches mail once at start, and sends
// what waits in the Outbox at start and after each mail check that reached the server.
class MailServices : public QObject
{
    Q_OBJECT

public:
    explicit MailServices(const Profile &profile, QObject *parent = nullptr);
    ~MailServices() override;

    Store::StoreWriter *writer() { return &m_writer; }
    Sync::SyncManager *sync() { return &m_sync; }
    Send::SendQueue *sendQueue() { return &m_send; }
    const Accounts::AccountRepository *accounts() const { return &m_accounts; }
    QString databasePath() const { return m_databasePath; }
    QString settingsPath() const { return m_settingsPath; }

    // Dialogs open over this window.
    void setWindow(QWidget *window) { m_window = window; }
    // Reads the passwords and, once they are in, fetches mail.
    void start();
    // The account wizard; once it has saved the account, its first sync starts.
    void addAccount();
    // The account's settings dialog; a new password is used from the next sync on.
    void editAccount(const QString &accountId);
    // Asks, then removes the account, its password and, if the user says so, its local mail.
    void removeAccount(const QString &accountId);
    // A composer put a message into the Outbox; sendNow: send the account's queue at once.
    void messageQueued(const QString &accountId, bool sendNow);

private:
    void askForPassword(const QString &accountId, const QString &reason);
    enum class Server
    {
        Incoming,
        Outgoing
    };
    // The server's certificate was not accepted: show it; trusting pins it and tries again.
    void askAboutCertificate(const QString &accountId, const Net::CertificateProblem &problem,
                             Server server);
    void connectSending();
    // The account has mail to send but no outgoing server: offers its settings.
    void askForOutgoingServer(const QString &accountId);
    // A message box that does not stop the window.
    void tell(const QString &title, const QString &text);

    QString m_settingsPath;
    QString m_databasePath;
    Accounts::AccountRepository m_accounts;
    Accounts::CredentialStore m_credentials;
    Store::StoreWriter m_writer;
    Sync::SyncManager m_sync;
    Sync::AccountFeed m_feed;
    Send::SendQueue m_send;
    QPointer<QWidget> m_window;
    bool m_firstSyncDone = false;
    QSet<QString> m_asking;
    QSet<QString> m_askingCertificate;
    QSet<QString> m_askingOutgoing;
};

} // namespace Poplar::Ui
