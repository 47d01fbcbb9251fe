#include "DovecotServer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace Poplar::TestSupport {

namespace {

QString dovecotExecutable()
{
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("dovecot"));
    if (!onPath.isEmpty())
        return onPath;
    return QStandardPaths::findExecutable(
        QStringLiteral("dovecot"),
        {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin"), QStringLiteral("/sbin")});
}

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

// The owner of the mailboxes. Dovecot never accesses mail as root, so under root the
// mailboxes belong to nobody; otherwise to the invoking user.
QPair<uid_t, gid_t> mailOwner()
{
    if (geteuid() != 0)
        return {geteuid(), getegid()};
    const passwd *nobody = getpwnam("nobody");
    return nobody ? QPair<uid_t, gid_t>{nobody->pw_uid, nobody->pw_gid}
                  : QPair<uid_t, gid_t>{65534, 65534};
}

void giveToMailOwner(const QString &path)
{
    const auto [uid, gid] = mailOwner();
    if (geteuid() == 0 && ::chown(QFile::encodeName(path).constData(), uid, gid) != 0)
        qWarning("DovecotServer: cannot chown %s", qPrintable(path));
}

QList<pid_t> childrenOf(qint64 pid)
{
    QList<pid_t> children;
    const QDir proc(QStringLiteral("/proc"));
    for (const QString &entry : proc.entryList(QDir::Dirs)) {
        QFile stat(proc.filePath(entry) + QStringLiteral("/stat"));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // Format: "pid (name) state ppid ...": the ppid follows the state letter.
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(1) == QByteArray::number(pid))
            children << pid_t(entry.toInt());
    }
    return children;
}

QString readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

bool writeFile(const QString &path, const QByteArray &data, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

DovecotServer::DovecotServer(const QString &directory)
{
    if (directory.isEmpty()) {
        m_tempDir = std::make_unique<QTemporaryDir>(QDir::tempPath() +
                                                    QStringLiteral("/poplar-dovecot-XXXXXX"));
        m_directory = m_tempDir->path();
    } else {
        m_directory = QDir(directory).absolutePath();
    }
    QDir(m_directory).mkpath(QStringLiteral("."));
    // Under root, Dovecot's unprivileged processes must be able to pass through.
    if (geteuid() == 0)
        QFile::setPermissions(m_directory, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                               QFileDevice::ExeOwner | QFileDevice::ExeGroup |
                                               QFileDevice::ExeOther);
}

DovecotServer::~DovecotServer()
{
    stop();
}

bool DovecotServer::isAvailable()
{
    return !dovecotExecutable().isEmpty();
}

void DovecotServer::addUser(const QString &name, const QString &password)
{
    m_users.append({name, password});
    const QString box = maildir(name);
    const QString home = m_directory + QStringLiteral("/home/") + name;
    QDir().mkpath(home);
    for (const char *sub : {"new", "cur", "tmp"})
        QDir().mkpath(box + u'/' + QLatin1StringView(sub));
    const QStringList owned = {m_directory + QStringLiteral("/mail"),
                               box,
                               box + QStringLiteral("/new"),
                               box + QStringLiteral("/cur"),
                               box + QStringLiteral("/tmp"),
                               m_directory + QStringLiteral("/home"),
                               home};
    for (const QString &dir : owned)
        giveToMailOwner(dir);
}

QString DovecotServer::maildir(const QString &user) const
{
    return mailRoot() + u'/' + user;
}

QString DovecotServer::mailRoot() const
{
    return m_directory + QStringLiteral("/mail");
}

QString DovecotServer::authSocketPath() const
{
    return m_directory + QStringLiteral("/run/auth-sasl");
}

uint DovecotServer::mailOwnerUid()
{
    return mailOwner().first;
}

uint DovecotServer::mailOwnerGid()
{
    return mailOwner().second;
}

QString DovecotServer::deliver(const QString &user, const QByteArray &message)
{
    // Maildir delivery: write under tmp/, then rename into new/ so Dovecot never sees a
    // half-written file. The counter keeps delivery order in the name.
    const QString name = QStringLiteral("%1.M%2P%3.poplar,S=%4")
                             .arg(QDateTime::currentSecsSinceEpoch())
                             .arg(++m_deliveryCounter, 8, 10, QChar(u'0'))
                             .arg(QCoreApplication::applicationPid())
                             .arg(message.size());
    const QString tmpPath = maildir(user) + QStringLiteral("/tmp/") + name;
    QString error;
    if (!writeFile(tmpPath, message, &error))
        qFatal("DovecotServer::deliver: %s", qPrintable(error));
    giveToMailOwner(tmpPath);
    if (!QFile::rename(tmpPath, maildir(user) + QStringLiteral("/new/") + name))
        qFatal("DovecotServer::deliver: cannot move %s into new/", qPrintable(tmpPath));
    return name;
}

QStringList DovecotServer::messageFiles(const QString &user) const
{
    QStringList files;
    for (const char *sub : {"new", "cur"}) {
        QDir dir(maildir(user) + u'/' + QLatin1StringView(sub));
        for (const QString &entry : dir.entryList(QDir::Files, QDir::Name))
            files << dir.filePath(entry);
    }
    return files;
}

QList<QByteArray> DovecotServer::messages(const QString &user) const
{
    for (int attempt = 0; attempt < 200; ++attempt) {
        QList<QByteArray> contents;
        bool complete = true;
        for (const QString &path : messageFiles(user)) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                complete = false;
                break;
            }
            contents.append(file.readAll());
        }
        if (complete)
            return contents;
        QThread::msleep(10);
    }
    qWarning("DovecotServer: the maildir of %s kept changing while it was read", qPrintable(user));
    return {};
}

QString DovecotServer::certificatePath() const
{
    return m_directory + QStringLiteral("/cert.pem");
}

QByteArray DovecotServer::certificatePem() const
{
    QFile file(certificatePath());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString DovecotServer::logPath() const
{
    return m_directory + QStringLiteral("/log/dovecot.log");
}

QString DovecotServer::configPath() const
{
    return m_directory + QStringLiteral("/dovecot.conf");
}

qint64 DovecotServer::masterPid() const
{
    return m_process ? m_process->processId() : 0;
}

bool DovecotServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

bool DovecotServer::ensureCertificate(QString *error)
{
    if (QFile::exists(certificatePath()))
        return true;
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                   QStringLiteral("-days"), QStringLiteral("3650"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=localhost/O=Poplar test server"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1"),
                   QStringLiteral("-keyout"), m_directory + QStringLiteral("/key.pem"),
                   QStringLiteral("-out"), certificatePath()});
    if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0) {
        *error =
            QStringLiteral("openssl could not make a certificate: %1 %2")
                .arg(openssl.errorString(), QString::fromLocal8Bit(openssl.readAllStandardError()));
        return false;
    }
    return true;
}

bool DovecotServer::writeConfig(QString *error)
{
    QByteArray users;
    for (const auto &[name, password] : m_users)
        users +=
            (name + QStringLiteral(":{PLAIN}") + password + QStringLiteral(":::::\n")).toUtf8();
    if (!writeFile(m_directory + QStringLiteral("/users"), users, error))
        return false;

    // Dovecot's services run as the invoking user. Its login processes refuse to run as
    // root, so under root they use the unprivileged users the Debian package creates.
    const passwd *pw = getpwuid(geteuid());
    const group *gr = getgrgid(getegid());
    QString loginUser = QString::fromLocal8Bit(pw ? pw->pw_name : "nobody");
    QString internalUser = loginUser;
    QString internalGroup = QString::fromLocal8Bit(gr ? gr->gr_name : "nogroup");
    if (geteuid() == 0) {
        loginUser = QStringLiteral("dovenull");
        internalUser = QStringLiteral("dovecot");
        internalGroup = QStringLiteral("dovecot");
    }
    // The SASL socket belongs to the mail owner, who also runs an SmtpServer's MTA.
    const passwd *owner = getpwuid(mailOwner().first);
    const QString mailUser = QString::fromLocal8Bit(owner ? owner->pw_name : "nobody");
    const QString dir = m_directory;
    for (const char *sub : {"run", "state", "log"})
        QDir(dir).mkpath(QLatin1StringView(sub));

    // Named placeholders, because Dovecot's own %-variables clash with QString::arg().
    QString config = QStringLiteral(R"(# Private POP3 server for Poplar's tests and demo.
base_dir = @DIR@/run
state_dir = @DIR@/state
instance_name = poplar-@INSTANCE@
protocols = pop3
listen = 127.0.0.1
log_path = @DIR@/log/dovecot.log
info_log_path = @DIR@/log/dovecot.log
ssl = yes
ssl_cert = <@DIR@/cert.pem
ssl_key = <@DIR@/key.pem
ssl_min_protocol = TLSv1.2
default_login_user = @LOGIN_USER@
default_internal_user = @INTERNAL_USER@
default_internal_group = @INTERNAL_GROUP@
first_valid_uid = 0
first_valid_gid = 0
mail_uid = @UID@
mail_gid = @GID@
auth_mechanisms = plain login cram-md5
disable_plaintext_auth = no
mail_location = maildir:@DIR@/mail/%u
pop3_uidl_format = %08Xu%08Xv
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u @DIR@/users
}
userdb {
  driver = passwd-file
  args = username_format=%u @DIR@/users
  default_fields = home=@DIR@/home/%u
}
service pop3-login {
  chroot =
  inet_listener pop3 {
    address = 127.0.0.1
    port = @PLAIN_PORT@
  }
  inet_listener pop3s {
    address = 127.0.0.1
    port = @TLS_PORT@
    ssl = yes
  }
}
service anvil {
  chroot =
}
service auth {
  unix_listener auth-sasl {
    user = @MAIL_USER@
    mode = 0600
  }
}
@EXTRA@
)");
    const QList<QPair<QString, QString>> values = {
        {QStringLiteral("@DIR@"), dir},
        {QStringLiteral("@INSTANCE@"), QString::number(QCoreApplication::applicationPid())},
        {QStringLiteral("@UID@"), QString::number(mailOwner().first)},
        {QStringLiteral("@GID@"), QString::number(mailOwner().second)},
        {QStringLiteral("@MAIL_USER@"), mailUser},
        {QStringLiteral("@LOGIN_USER@"), loginUser},
        {QStringLiteral("@INTERNAL_USER@"), internalUser},
        {QStringLiteral("@INTERNAL_GROUP@"), internalGroup},
        {QStringLiteral("@PLAIN_PORT@"), QString::number(m_plainPort)},
        {QStringLiteral("@TLS_PORT@"), QString::number(m_tlsPort)},
        {QStringLiteral("@EXTRA@"), m_extraConfig}};
    for (const auto &[name, value] : values)
        config.replace(name, value);
    return writeFile(configPath(), config.toUtf8(), error);
}

bool DovecotServer::start(QString *error)
{
    const QString executable = dovecotExecutable();
    if (executable.isEmpty()) {
        *error = QStringLiteral("dovecot is not installed");
        return false;
    }
    if (!ensureCertificate(error))
        return false;

    // A port picked here could be taken by someone else before Dovecot binds it: retry.
    for (int attempt = 0; attempt < 5; ++attempt) {
        m_plainPort = freeLoopbackPort();
        m_tlsPort = freeLoopbackPort();
        while (m_tlsPort == m_plainPort)
            m_tlsPort = freeLoopbackPort();
        if (!writeConfig(error))
            return false;

        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        m_process->setStandardOutputFile(m_directory + QStringLiteral("/log/master.out"));
        m_process->setChildProcessModifier([] {
            // Stop Dovecot when the process that started it dies, even by a crash.
            prctl(PR_SET_PDEATHSIG, SIGTERM);
        });
        m_process->start(executable, {QStringLiteral("-F"), QStringLiteral("-c"), configPath()});
        if (!m_process->waitForStarted(10000)) {
            *error = QStringLiteral("cannot start dovecot: %1").arg(m_process->errorString());
            return false;
        }
        if (waitUntilListening(error))
            return true;
        const bool portTaken =
            readAll(logPath()).contains(QStringLiteral("Address already in use")) ||
            readAll(m_directory + QStringLiteral("/log/master.out"))
                .contains(QStringLiteral("Address already in use"));
        stop();
        if (!portTaken)
            return false;
    }
    return false;
}

bool DovecotServer::waitUntilListening(QString *error)
{
    QDeadlineTimer deadline(20000);
    QList<quint16> waiting = {m_plainPort, m_tlsPort};
    while (!waiting.isEmpty() && !deadline.hasExpired()) {
        if (m_process->state() != QProcess::Running) {
            *error = QStringLiteral("dovecot exited: %1\n%2")
                         .arg(readAll(m_directory + QStringLiteral("/log/master.out")),
                              readAll(logPath()));
            return false;
        }
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, waiting.first());
        if (probe.waitForConnected(200)) {
            probe.disconnectFromHost();
            waiting.removeFirst();
        } else {
            QThread::msleep(50);
        }
    }
    if (!waiting.isEmpty()) {
        *error = QStringLiteral("dovecot did not listen on port %1 in time\n%2")
                     .arg(waiting.first())
                     .arg(readAll(logPath()));
        return false;
    }
    return true;
}

void DovecotServer::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        // Asked to stop, Dovecot lets idle services linger for seconds. Mail state is on disk
        // already (QUIT has been answered), so after a short grace period the whole server
        // is ended at once.
        const QList<pid_t> services = childrenOf(m_process->processId());
        m_process->terminate();
        if (!m_process->waitForFinished(300)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
        // Services that outlive their master are ended too, and reaped by init.
        for (pid_t service : services)
            ::kill(service, SIGKILL);
    }
    m_process.reset();
}

} // namespace Poplar::TestSupport
