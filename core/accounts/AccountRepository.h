#pragma once

#include "accounts/AccountSettings.h"

#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace Poplar::Accounts {

// The accounts of a profile, kept in an INI file (usually Profile::settingsPath()) under the
// [accounts] group. Only non-secret settings are stored: there is no way to write a password
// through this class. Every change is written at once and announced with changed().
//
// The file carries a settings version. migrate() brings older files to the current layout;
// a file written by a newer Poplar is opened read-only so nothing this version does not
// understand gets lost.
class AccountRepository : public QObject
{
    Q_OBJECT

public:
    static constexpr int CurrentVersion = 1;

    enum class Error
    {
        None,
        Invalid,     // the settings failed validate()
        DuplicateId, // add() of an id that exists
        NotFound,    // update()/remove() of an unknown id
        ReadOnly,    // the file is from a newer Poplar, or unreadable
        WriteFailed  // the file could not be written
    };

    struct [[nodiscard]] Result
    {
        Error error = Error::None;
        QString message; // for the user, translated; empty on success
        explicit operator bool() const { return error == Error::None; }
    };

    explicit AccountRepository(const QString &settingsPath, QObject *parent = nullptr);
    ~AccountRepository() override;

    QString settingsPath() const { return m_path; }
    // The version found in the file before migrate() (0: none yet).
    int fileVersion() const { return m_fileVersion; }
    // True for a file from a newer Poplar, or one that could not be read cleanly: Poplar then
    // leaves it as it is. errorString() says why.
    bool isReadOnly() const { return m_fileVersion > CurrentVersion || !m_readError.isEmpty(); }
    QString errorString() const;

    // Brings the file to CurrentVersion. Called by the constructor; safe to call again.
    Result migrate();

    QList<AccountSettings> accounts() const { return m_accounts; }
    std::optional<AccountSettings> findById(const QString &id) const;
    // Matches the shown name (display name or email address), case-insensitively.
    std::optional<AccountSettings> findByName(const QString &name) const;

    Result add(const AccountSettings &account);
    Result update(const AccountSettings &account);
    Result remove(const QString &id);

    // Reads the file again (e.g. after another process changed it).
    void reload();

signals:
    void accountAdded(const QString &id);
    void accountUpdated(const QString &id);
    void accountRemoved(const QString &id);
    // After any of the above or a reload().
    void changed();

private:
    Result writeAll();
    Result failure(Error error, const QString &message) const;

    QString m_path;
    int m_fileVersion = 0;
    QString m_readError;
    QList<AccountSettings> m_accounts;
};

} // namespace Poplar::Accounts
