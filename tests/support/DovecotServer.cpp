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
    for (const char *sub : {"new", "cur", "tmp"})
        QDir().mkpath(box + u'/' + QLatin1StringView(sub));
}

QString DovecotServer::maildir(const QString &user) const
{
    return m_directory + QStringLiteral("/mail/") + user;
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

    const passwd *pw = getpwuid(geteuid());
    const group *gr = getgrgid(getegid());
    const QString user = QString::fromLocal8Bit(pw ? pw->pw_name : "root");
    const QString group = QString::fromLocal8Bit(gr ? gr->gr_name : "root");
    const QString dir = m_directory;
    for (const char *sub : {"run", "state", "log", "home"})
        QDir(dir).mkpath(QLatin1StringView(sub));

    // The master and all its services run as the invoking user; nothing needs root.
    const QString config = QStringLiteral(R"(# Private POP3 server for Poplar's tests and demo.
base_dir = %1/run
state_dir = %1/state
instance_name = poplar-%2
protocols = pop3
listen = 127.0.0.1
log_path = %1/log/dovecot.log
info_log_path = %1/log/dovecot.log
ssl = yes
ssl_cert = <%1/cert.pem
ssl_key = <%1/key.pem
ssl_min_protocol = TLSv1.2
default_login_user = %3
default_internal_user = %3
default_internal_group = %4
first_valid_uid = 0
auth_mechanisms = plain login cram-md5
disable_plaintext_auth = no
mail_location = maildir:%1/mail/%u
pop3_uidl_format = %08Xu%08Xv
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u %1/users
}
userdb {
  driver = passwd-file
  args = username_format=%u %1/users
  default_fields = home=%1/home/%u
}
service pop3-login {
  chroot =
  inet_listener pop3 {
    address = 127.0.0.1
    port = %5
  }
  inet_listener pop3s {
    address = 127.0.0.1
    port = %6
    ssl = yes
  }
}
service anvil {
  chroot =
}
service imap-urlauth-login {
  chroot =
}
%7
)")
                               .arg(dir)
                               .arg(QCoreApplication::applicationPid())
                               .arg(user, group)
                               .arg(m_plainPort)
                               .arg(m_tlsPort)
                               .arg(m_extraConfig);
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
        m_process->terminate();
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
}

} // namespace Poplar::TestSupport
