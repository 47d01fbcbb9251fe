#pragma once

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace Poplar::TestSupport {

// A private Dovecot POP3 server for tests and the demo: its own configuration, users
// (passwd-file), maildirs, logs and self-signed certificate in one folder, listening on
// free loopback ports only: one plain port that offers STLS and one implicit-TLS port.
// It runs as the invoking user (root or not). The destructor stops it; if the owning
// process dies first, the kernel signals Dovecot to stop too, so no process is left behind.
class DovecotServer
{
public:
    // An empty directory means a fresh temporary folder, removed on destruction.
    explicit DovecotServer(const QString &directory = QString());
    ~DovecotServer();
    DovecotServer(const DovecotServer &) = delete;
    DovecotServer &operator=(const DovecotServer &) = delete;

    // Whether dovecot can be found on this machine (tests skip with a reason when not).
    static bool isAvailable();

    void addUser(const QString &name, const QString &password);
    // Puts a message into the user's maildir; works before and while the server runs.
    // Returns the file name inside the maildir.
    QString deliver(const QString &user, const QByteArray &message);
    // The messages currently in the user's mailbox (file paths), e.g. to see deletions.
    QStringList messageFiles(const QString &user) const;
    // The contents of the messages in the user's mailbox, read consistently: Dovecot moves
    // files from new/ to cur/ and renames them for flags while a session runs (also one whose
    // client was just killed), so a file that vanishes between listing and reading makes the
    // listing be taken again.
    QList<QByteArray> messages(const QString &user) const;

    // Extra lines for dovecot.conf, e.g. to switch off a capability in a test.
    void setExtraConfig(const QString &lines) { m_extraConfig = lines; }

    // Generates certificate and configuration, starts Dovecot and waits until both ports
    // accept connections. On failure returns false and says why in *error.
    bool start(QString *error);
    void stop();
    bool isRunning() const;

    QString host() const { return QStringLiteral("127.0.0.1"); }
    quint16 plainPort() const { return m_plainPort; }
    quint16 tlsPort() const { return m_tlsPort; }
    QString directory() const { return m_directory; }
    QString certificatePath() const;
    QByteArray certificatePem() const;
    QString logPath() const;
    qint64 masterPid() const;

    // The folder that holds one maildir per user (<mailRoot>/<user>/{new,cur,tmp}).
    QString mailRoot() const;
    // Dovecot's SASL socket for other servers (an SMTP server authenticating against these
    // users), owned by the mail owner; exists while Dovecot runs.
    QString authSocketPath() const;
    // Who owns the mailboxes: nobody under root (Dovecot never accesses mail as root),
    // otherwise the invoking user. Whatever writes into the maildirs runs as this user.
    static uint mailOwnerUid();
    static uint mailOwnerGid();

private:
    bool ensureCertificate(QString *error);
    bool writeConfig(QString *error);
    bool waitUntilListening(QString *error);
    QString configPath() const;
    QString maildir(const QString &user) const;

    std::unique_ptr<QTemporaryDir> m_tempDir;
    QString m_directory;
    QList<QPair<QString, QString>> m_users;
    QString m_extraConfig;
    quint16 m_plainPort = 0;
    quint16 m_tlsPort = 0;
    std::unique_ptr<QProcess> m_process;
    int m_deliveryCounter = 0;
};

} // namespace Poplar::TestSupport
