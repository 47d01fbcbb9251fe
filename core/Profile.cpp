#include "Profile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDevice>
#include <QFileInfo>
#include <QStandardPaths>
#include <QThread>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#endif

namespace Poplar {

namespace {

// A Poplar killed between creating its lock file and writing its process id into it leaves a
// file that QLockFile can neither read nor, with stale detection by age switched off, ever
// call stale. QLockFile also holds an flock() on the file while it owns it, so a file nobody
// holds that stays unreadable is a dead process's leftover. The second look covers a Poplar
// that is starting at this very moment and has not written its id yet.
bool isAbandonedLockFile(QLockFile &lock, const QString &path)
{
#ifdef Q_OS_UNIX
    const auto unreadableAndUnheld = [&] {
        qint64 pid = 0;
        QString host;
        QString app;
        if (lock.getLockInfo(&pid, &host, &app))
            return false;
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return false;
        const bool held = ::flock(fd, LOCK_EX | LOCK_NB) != 0;
        ::close(fd);
        return !held;
    };
    if (!unreadableAndUnheld())
        return false;
    QThread::msleep(200);
    return unreadableAndUnheld();
#else
    Q_UNUSED(lock);
    Q_UNUSED(path);
    return false;
#endif
}

} // namespace

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

    const QString lockPath = dir.filePath(QStringLiteral("poplar.lock"));
    m_lock = std::make_unique<QLockFile>(lockPath);
    // A live Poplar may hold its profile for weeks: only a dead owner makes a lock stale.
    m_lock->setStaleLockTime(0);
    bool locked = m_lock->tryLock(0);
    if (!locked && isAbandonedLockFile(*m_lock, lockPath)) {
        QFile::remove(lockPath);
        locked = m_lock->tryLock(0);
    }
    if (!locked) {
        qint64 pid = 0;
        QString host;
        QString app;
        m_lock->getLockInfo(&pid, &host, &app);
        m_error = pid > 0 ? QCoreApplication::translate(
                                "Poplar::Profile",
                                "The profile %1 is in use by another Poplar (process %2 on %3).")
                                .arg(m_directory)
                                .arg(pid)
                                .arg(host)
                          : QCoreApplication::translate(
                                "Poplar::Profile", "The profile %1 is in use by another Poplar.")
                                .arg(m_directory);
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
