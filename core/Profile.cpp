#include "Profile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDevice>
#include <QFileInfo>
#include <QStandardPaths>

namespace Poplar {

Profile::Profile(const QString &directory)
    : m_directory(QDir::cleanPath(QFileInfo(directory).absoluteFilePath()))
{}

Profile::~Profile() = default;

QString Profile::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

Profile::OpenResult Profile::open()
{
    QDir dir(m_directory);
    if (!dir.mkpath(QStringLiteral("."))) {
        m_error =
            QCoreApplication::translate("Poplar::Profile", "Cannot create the profile folder %1.")
                .arg(m_directory);
        return OpenResult::CannotCreate;
    }
    // Mail is private: only the owner may read the profile folder.
    QFile::setPermissions(m_directory,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    dir.mkpath(QStringLiteral("logs"));

    m_lock = std::make_unique<QLockFile>(dir.filePath(QStringLiteral("poplar.lock")));
    m_lock->setStaleLockTime(0);
    if (!m_lock->tryLock(0)) {
        qint64 pid = 0;
        QString host;
        QString app;
        m_lock->getLockInfo(&pid, &host, &app);
        m_error =
            QCoreApplication::translate(
                "Poplar::Profile", "The profile %1 is in use by another Poplar (process %2 on %3).")
                .arg(m_directory)
                .arg(pid)
                .arg(host);
        m_lock.reset();
        return OpenResult::Locked;
    }
    return OpenResult::Ok;
}

QString Profile::settingsPath() const
{
    return QDir(m_directory).filePath(QStringLiteral("poplar.ini"));
}

QString Profile::databasePath() const
{
    return QDir(m_directory).filePath(QStringLiteral("mail.sqlite"));
}

QString Profile::logDirectory() const
{
    return QDir(m_directory).filePath(QStringLiteral("logs"));
}

} // namespace Poplar
