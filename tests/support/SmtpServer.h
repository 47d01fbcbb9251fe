#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace Poplar::TestSupport {

class DovecotServer;

// A private SMTP submission server for tests: a real MTA on free loopback ports (implicit TLS
// like 465, STARTTLS like 587, and a plain port) that authenticates against a DovecotServer's
// users and delivers into that Dovecot's maildirs, so a POP3 sync finds what was submitted.
//
// The MTA is Exim (Debian's exim4-daemon-heavy), because it is the one Debian 12 MTA that runs
// whole as an ordinary user: `exim4 -C conf -bdf` with a private config, spool and log, no
// root, no system users, no chown. Postfix's master and OpenSMTPD's smtpd refuse to run
// without root and drop to system users of their own. Exim's `dovecot` authenticator uses
// Dovecot's own SASL socket (DovecotServer::authSocketPath()), so the users, passwords and
// mechanisms (PLAIN, LOGIN, CRAM-MD5) are exactly Dovecot's. Exim does not implement
// ENHANCEDSTATUSCODES; it advertises SIZE, 8BITMIME, PIPELINING, SMTPUTF8, DSN, CHUNKING.
//
// Exim runs as the mail owner (DovecotServer::mailOwnerUid(): the invoking user, or nobody
// under root) and writes the maildir files itself. A small shell between this process and
// Exim ends Exim's whole process group when this process's end of a pipe closes, so nothing is
// left running even if the test crashes (PR_SET_PDEATHSIG does not survive exec of the
// set-uid exim4 binary).
//
// Only <user>@domain() for a user with a maildir in the Dovecot is accepted (550 otherwise);
// MAIL needs authentication (530). AUTH is offered on the STARTTLS port only after STARTTLS,
// on the plain port at once (loopback only, like the Dovecot's plaintext logins).
// Start the DovecotServer first: its certificate is reused and its auth socket must exist.
class SmtpServer
{
public:
    // An empty directory means a fresh temporary folder, removed on destruction.
    explicit SmtpServer(DovecotServer &mailstore, const QString &directory = QString());
    ~SmtpServer();
    SmtpServer(const SmtpServer &) = delete;
    SmtpServer &operator=(const SmtpServer &) = delete;

    // Whether exim4 can be found on this machine (tests skip with a reason when not).
    static bool isAvailable();
    // Mail for <user>@domain() goes to the Dovecot user <user>.
    static QString domain() { return QStringLiteral("poplar.test"); }
    // The name the server gives in its greeting and Received: headers.
    static QString hostName() { return QStringLiteral("smtp.poplar.test"); }

    // The SIZE limit; takes effect at the next start(). 10 MiB unless set.
    void setMessageSizeLimit(qint64 bytes) { m_sizeLimit = bytes; }
    qint64 messageSizeLimit() const { return m_sizeLimit; }

    // Writes the configuration, starts Exim and waits until it listens on all ports.
    // On failure returns false and says why in *error.
    bool start(QString *error);
    void stop();
    bool isRunning() const;

    QString host() const { return QStringLiteral("127.0.0.1"); }
    quint16 tlsPort() const { return m_tlsPort; }
    quint16 startTlsPort() const { return m_startTlsPort; }
    quint16 plainPort() const { return m_plainPort; }
    QString directory() const { return m_directory; }
    // The same certificate as the Dovecot's (CN and SAN localhost, SAN 127.0.0.1).
    QByteArray certificatePem() const;
    // Exim's log: connections, AUTH failures, rejections and deliveries.
    QString logPath() const;
    QString configPath() const;

private:
    bool prepareDirectory(QString *error);
    bool writeConfig(QString *error);
    bool waitUntilListening(QString *error);

    DovecotServer &m_mailstore;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    QString m_directory;
    qint64 m_sizeLimit = 10 * 1024 * 1024;
    quint16 m_tlsPort = 0;
    quint16 m_startTlsPort = 0;
    quint16 m_plainPort = 0;
    std::unique_ptr<QProcess> m_process;
};

} // namespace Poplar::TestSupport
