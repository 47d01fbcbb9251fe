#pragma once

#include <QLockFile>
#include <QString>

#include <memory>

namespace Poplar {

// A profile is the folder that holds all of one user's Poplar state: settings, the message
// store and logs. Tests and the demo each use their own folder, so they never touch the
// user's real profile. Opening a profile takes a lock so two Poplar processes never write
// to the same store at once.
class Profile
{
public:
    enum class OpenResult
    {
        Ok,
        CannotCreate,
        Locked
    };

    explicit Profile(const QString &directory);
    ~Profile();
    Profile(const Profile &) = delete;
    Profile &operator=(const Profile &) = delete;

    // The folder used when --profile is not given.
    static QString defaultDirectory();

    [[nodiscard]] OpenResult open();
    // A sentence for the user explaining why open() failed.
    QString errorString() const { return m_error; }

    QString directory() const { return m_directory; }
    QString settingsPath() const;
    QString databasePath() const;
    QString logDirectory() const;

private:
    QString m_directory;
    QString m_error;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace Poplar
