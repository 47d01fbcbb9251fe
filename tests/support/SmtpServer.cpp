#include "SmtpServer.h"

#include "DovecotServer.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QStandardPaths>
#include <QTcpServer>
#include <QThread>

#include <grp.h>
#include <signal.h>
#include <unistd.h>

namespace Poplar::TestSupport {

namespace {

QString eximExecutable()
{
    // Debian calls it exim4, everyone else exim.
    const QStringList system = {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin"),
                                QStringLiteral("/sbin")};
    for (const QString &name : {QStringLiteral("exim4"), QStringLiteral("exim")}) {
        QString found = QStandardPaths::findExecutable(name);
        if (found.isEmpty())
            found = QStandardPaths::findExecutable(name, system);
        if (!found.isEmpty())
            return found;
    }
    return {};
}

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
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

bool giveToMailOwner(const QString &path, QString *error)
{
    if (geteuid() != 0)
        return true;
    if (::chown(QFile::encodeName(path).constData(), DovecotServer::mailOwnerUid(),
                DovecotServer::mailOwnerGid()) != 0) {
        *error = QStringLiteral("cannot chown %1").arg(path);
        return false;
    }
    return true;
}

// Between this process and Exim: starts Exim ("$@") in its own process group and ends that
// whole group when standard input reaches its end, which happens when this process closes the
// pipe (stop()) or dies. Exits with Exim's status when Exim ends by itself.
const char watchdogScript[] = R"(exec 3<&0
"$@" </dev/null 3<&- &
server=$!
{ read _ <&3; kill -TERM 0; } &
watchdog=$!
wait $server
status=$?
kill $watchdog 2>/dev/null
exit $status
)";

} // namespace

SmtpServer::SmtpServer(DovecotServer &mailstore, const QString &directory)
    : m_mailstore(mailstore)
{
    if (directory.isEmpty()) {
        m_tempDir = std::make_unique<QTemporaryDir>(QDir::tempPath() +
                                                    QStringLiteral("/poplar-smtp-XXXXXX"));
        m_directory = m_tempDir->path();
    } else {
        m_directory = QDir(directory).absolutePath();
    }
    QDir(m_directory).mkpath(QStringLiteral("."));
}

SmtpServer::~SmtpServer()
{
    stop();
}

bool SmtpServer::isAvailable()
{
    return !eximExecutable().isEmpty();
}

QByteArray SmtpServer::certificatePem() const
{
    QFile file(m_directory + QStringLiteral("/cert.pem"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString SmtpServer::logPath() const
{
    return m_directory + QStringLiteral("/log/exim.log");
}

QString SmtpServer::configPath() const
{
    return m_directory + QStringLiteral("/exim.conf");
}

bool SmtpServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

bool SmtpServer::prepareDirectory(QString *error)
{
    // Exim runs as the mail owner, so everything it reads or writes belongs to that user,
    // including a copy of the Dovecot's key (Dovecot's own is root's under root).
    for (const char *name : {"cert.pem", "key.pem"}) {
        const QString source = m_mailstore.directory() + u'/' + QLatin1StringView(name);
        const QString target = m_directory + u'/' + QLatin1StringView(name);
        QFile::remove(target);
        if (!QFile::copy(source, target)) {
            *error = QStringLiteral("cannot copy %1: start the DovecotServer first").arg(source);
            return false;
        }
        QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    QStringList owned = {m_directory, m_directory + QStringLiteral("/cert.pem"),
                         m_directory + QStringLiteral("/key.pem")};
    for (const char *sub : {"spool", "log"}) {
        QDir(m_directory).mkpath(QLatin1StringView(sub));
        owned << m_directory + u'/' + QLatin1StringView(sub);
    }
    for (const QString &path : owned) {
        if (!giveToMailOwner(path, error))
            return false;
    }
    return true;
}

bool SmtpServer::writeConfig(QString *error)
{
    // Named placeholders, because Exim's own $-variables clash with QString::arg().
    QString config = QStringLiteral(R"(# Private SMTP submission server for Poplar's tests.
primary_hostname = @HOSTNAME@
qualify_domain = @DOMAIN@
domainlist local_domains = @DOMAIN@
local_interfaces = 127.0.0.1
daemon_smtp_ports = @TLS_PORT@ : @STARTTLS_PORT@ : @PLAIN_PORT@
tls_on_connect_ports = @TLS_PORT@
spool_directory = @DIR@/spool
log_file_path = @DIR@/log/%slog
pid_file_path = @DIR@/exim.pid
exim_user = @UID@
exim_group = @GID@
keep_environment =
host_lookup =
rfc1413_hosts =
tls_advertise_hosts = *
tls_certificate = @DIR@/cert.pem
tls_privatekey = @DIR@/key.pem
message_size_limit = @SIZE_LIMIT@
# Deliver every message at once, however many one connection carries (Exim queues those
# after the tenth by default): there is no queue runner, so a queued message never arrives.
smtp_accept_queue_per_connection = 0
dsn_advertise_hosts = *
pipelining_connect_advertise_hosts =
auth_advertise_hosts = ${if or{{def:tls_in_cipher}{eq{$received_port}{@PLAIN_PORT@}}}{*}{}}
acl_smtp_mail = acl_check_mail
acl_smtp_rcpt = acl_check_rcpt

begin acl
acl_check_mail:
  require message = 530 Authentication required
          authenticated = *
  accept

acl_check_rcpt:
  require message = 550 <$local_part@$domain>: this server delivers only to @DOMAIN@
          domains = +local_domains
  require message = 550 <$local_part@$domain>: no such user here
          local_parts = dsearch;@MAIL_ROOT@
  accept control = submission/sender_retain

begin routers
dovecot_user:
  driver = accept
  domains = +local_domains
  local_parts = dsearch;@MAIL_ROOT@
  transport = dovecot_maildir

begin transports
dovecot_maildir:
  driver = appendfile
  directory = @MAIL_ROOT@/${local_part_data}
  maildir_format
  maildir_tag = ,S=$message_size
  use_crlf
  delivery_date_add = false
  envelope_to_add = false
  return_path_add = false
  user = @UID@
  group = @GID@
  mode = 0600

begin authenticators
dovecot_plain:
  driver = dovecot
  public_name = PLAIN
  server_socket = @AUTH_SOCKET@
  server_set_id = $auth1
dovecot_login:
  driver = dovecot
  public_name = LOGIN
  server_socket = @AUTH_SOCKET@
  server_set_id = $auth1
dovecot_cram_md5:
  driver = dovecot
  public_name = CRAM-MD5
  server_socket = @AUTH_SOCKET@
  server_set_id = $auth1
)");
    const QList<QPair<QString, QString>> values = {
        {QStringLiteral("@HOSTNAME@"), hostName()},
        {QStringLiteral("@DOMAIN@"), domain()},
        {QStringLiteral("@DIR@"), m_directory},
        {QStringLiteral("@MAIL_ROOT@"), m_mailstore.mailRoot()},
        {QStringLiteral("@AUTH_SOCKET@"), m_mailstore.authSocketPath()},
        {QStringLiteral("@UID@"), QString::number(DovecotServer::mailOwnerUid())},
        {QStringLiteral("@GID@"), QString::number(DovecotServer::mailOwnerGid())},
        {QStringLiteral("@SIZE_LIMIT@"), QString::number(m_sizeLimit)},
        {QStringLiteral("@TLS_PORT@"), QString::number(m_tlsPort)},
        {QStringLiteral("@STARTTLS_PORT@"), QString::number(m_startTlsPort)},
        {QStringLiteral("@PLAIN_PORT@"), QString::number(m_plainPort)}};
    for (const auto &[name, value] : values)
        config.replace(name, value);
    return writeFile(configPath(), config.toUtf8(), error) && giveToMailOwner(configPath(), error);
}

bool SmtpServer::start(QString *error)
{
    const QString executable = eximExecutable();
    if (executable.isEmpty()) {
        *error = QStringLiteral("exim4 is not installed (package exim4-daemon-heavy)");
        return false;
    }
    if (isRunning())
        return true;
    if (!prepareDirectory(error))
        return false;

    // A port picked here could be taken by someone else before Exim binds it: retry.
    for (int attempt = 0; attempt < 5; ++attempt) {
        m_tlsPort = freeLoopbackPort();
        do {
            m_startTlsPort = freeLoopbackPort();
        } while (m_startTlsPort == m_tlsPort);
        do {
            m_plainPort = freeLoopbackPort();
        } while (m_plainPort == m_tlsPort || m_plainPort == m_startTlsPort);
        if (!writeConfig(error))
            return false;
        QFile::remove(logPath());

        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        // Exim in the foreground (-bdf) logs to its standard error.
        m_process->setStandardOutputFile(logPath());
        // Looked up here: the modifier runs between fork and exec, where only plain system
        // calls are safe.
        const bool dropRoot = geteuid() == 0;
        const uid_t uid = DovecotServer::mailOwnerUid();
        const gid_t gid = DovecotServer::mailOwnerGid();
        m_process->setChildProcessModifier([dropRoot, uid, gid] {
            // A process group of its own, which the watchdog and stop() end as a whole.
            ::setsid();
            // Under root, Exim runs as the mail owner, like Dovecot's mail processes. (Called
            // by anyone but root with -C, the set-uid exim4 drops root for good.)
            if (dropRoot && (::setgroups(1, &gid) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0))
                ::_exit(126);
        });
        m_process->start(QStringLiteral("/bin/sh"),
                         {QStringLiteral("-c"), QString::fromLatin1(watchdogScript),
                          QStringLiteral("poplar-smtp-watchdog"), executable, QStringLiteral("-C"),
                          configPath(), QStringLiteral("-bdf"), QStringLiteral("-q30s")});
        if (!m_process->waitForStarted(10000)) {
            *error = QStringLiteral("cannot start exim: %1").arg(m_process->errorString());
            return false;
        }
        if (waitUntilListening(error))
            return true;
        const bool portTaken =
            readAll(logPath()).contains(QStringLiteral("Address already in use"));
        stop();
        if (!portTaken)
            return false;
    }
    return false;
}

bool SmtpServer::waitUntilListening(QString *error)
{
    // Exim says so once it has bound and listens on every port.
    QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        const QString log = readAll(logPath());
        if (log.contains(QStringLiteral("daemon started")))
            return true;
        if (m_process->state() != QProcess::Running) {
            *error = QStringLiteral("exim exited: %1").arg(log);
            return false;
        }
        QThread::msleep(10);
    }
    *error = QStringLiteral("exim did not start listening in time\n%1").arg(readAll(logPath()));
    return false;
}

void SmtpServer::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        // The watchdog's group: Exim, its connection and delivery processes, the watchdog.
        const pid_t group = pid_t(m_process->processId());
        ::kill(-group, SIGTERM);
        if (!m_process->waitForFinished(2000)) {
            ::kill(-group, SIGKILL);
            m_process->waitForFinished(5000);
        }
        // Stragglers of the group (a delivery that was writing) are ended too.
        ::kill(-group, SIGKILL);
    }
    m_process.reset();
}

} // namespace Poplar::TestSupport
