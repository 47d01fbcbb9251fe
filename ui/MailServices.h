#pragma once

#include "accounts/AccountRepository.h"
#include "accounts/CredentialStore.h"
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
// the store's writer and the sync of every account. Asks for passwords the keychain cannot
// give, adds accounts, and fetches mail once at start.
class MailServices : public QObject
{
    Q_OBJECT

public:
    explicit MailServices(const Profile &profile, QObject *parent = nullptr);
    ~MailServices() override;

    Store::StoreWriter *writer() { return &m_writer; }
    Sync::SyncManager *sync() { return &m_sync; }
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

private:
    void askForPassword(const QString &accountId, const QString &reason);
    // The server's certificate was not accepted: show it; trusting pins it and syncs again.
    void askAboutCertificate(const QString &accountId, const Net::CertificateProblem &problem);

    QString m_settingsPath;
    QString m_databasePath;
    Accounts::AccountRepository m_accounts;
    Accounts::CredentialStore m_credentials;
    Store::StoreWriter m_writer;
    Sync::SyncManager m_sync;
    Sync::AccountFeed m_feed;
    QPointer<QWidget> m_window;
    bool m_firstSyncDone = false;
    QSet<QString> m_asking;
    QSet<QString> m_askingCertificate;
};

} // namespace Poplar::Ui
