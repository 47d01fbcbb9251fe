#include "accounts/AccountRepository.h"

#include "Logging.h"

#include <QCoreApplication>
#include <QFile>
#include <QSettings>

namespace Poplar::Accounts {

namespace {

// The layout of the [accounts] group (version 1):
//   version=1
//   order=<id>, <id>, ...          the order the user sees
//   <id>\<key>=<value>             one sub-group per account, keys below
// Every key has a default, so a missing or damaged value never stops the account from loading.
// The outgoing* keys, senderName and the signature came later within version 1: a file without them
// (written before Poplar could send) loads with no outgoing server, and an older Poplar ignores
// them.
const QString Group = QStringLiteral("accounts");
const QString VersionKey = QStringLiteral("version");
const QString OrderKey = QStringLiteral("order");

namespace Key {
const QString DisplayName = QStringLiteral("displayName");
const QString SenderName = QStringLiteral("senderName");
const QString Signature = QStringLiteral("signature");
const QString SignatureAboveQuote = QStringLiteral("signatureAboveQuote");
const QString Email = QStringLiteral("emailAddress");
const QString Host = QStringLiteral("host");
const QString Port = QStringLiteral("port");
const QString Security = QStringLiteral("security");
const QString Authentication = QStringLiteral("authentication");
const QString Username = QStringLiteral("username");
const QString LeavePolicy = QStringLiteral("leaveOnServer");
const QString DeleteAfterDays = QStringLiteral("deleteAfterDays");
const QString HeadersOnlyLimit = QStringLiteral("headersOnlyLimitKiB");
const QString CheckInterval = QStringLiteral("checkIntervalMinutes");
const QString PinnedCertificate = QStringLiteral("pinnedCertificateSha256");
const QString OutgoingHost = QStringLiteral("outgoingHost");
const QString OutgoingPort = QStringLiteral("outgoingPort");
const QString OutgoingSecurity = QStringLiteral("outgoingSecurity");
const QString OutgoingAuthentication = QStringLiteral("outgoingAuthentication");
const QString OutgoingUsername = QStringLiteral("outgoingUsername");
// outgoing.samePassword; the file never names passwords, not even in a key.
const QString OutgoingSameCredential = QStringLiteral("outgoingSameCredential");
const QString OutgoingPinnedCertificate = QStringLiteral("outgoingPinnedCertificateSha256");
} // namespace Key

int readInt(const QSettings &s, const QString &key, int fallback)
{
    bool ok = false;
    const int value = s.value(key).toInt(&ok);
    return ok ? value : fallback;
}

AccountSettings readAccount(QSettings &s, const QString &id)
{
    const AccountSettings defaults;
    AccountSettings a;
    s.beginGroup(id);
    a.id = id;
    a.displayName = s.value(Key::DisplayName).toString();
    a.senderName = s.value(Key::SenderName).toString();
    a.signature = s.value(Key::Signature).toString();
    a.signatureAboveQuote = s.value(Key::SignatureAboveQuote).toString() == u"true";
    a.emailAddress = s.value(Key::Email).toString();
    a.host = s.value(Key::Host).toString();
    // An unknown security value reads as TLS: never fall back to sending in clear.
    a.security = securityFromName(s.value(Key::Security).toString()).value_or(Security::Tls);
    a.port = readInt(s, Key::Port, AccountSettings::defaultPort(a.security));
    a.authentication = authenticationFromName(s.value(Key::Authentication).toString())
                           .value_or(defaults.authentication);
    a.username = s.value(Key::Username).toString();
    a.leavePolicy =
        leavePolicyFromName(s.value(Key::LeavePolicy).toString()).value_or(defaults.leavePolicy);
    a.deleteAfterDays = readInt(s, Key::DeleteAfterDays, defaults.deleteAfterDays);
    a.headersOnlyLimitKiB = readInt(s, Key::HeadersOnlyLimit, defaults.headersOnlyLimitKiB);
    a.checkIntervalMinutes = readInt(s, Key::CheckInterval, defaults.checkIntervalMinutes);
    a.pinnedCertificateSha256 =
        AccountSettings::fingerprintFromText(s.value(Key::PinnedCertificate).toString());
    OutgoingServer &out = a.outgoing;
    out.host = s.value(Key::OutgoingHost).toString();
    out.security =
        securityFromName(s.value(Key::OutgoingSecurity).toString()).value_or(Security::Tls);
    out.port = readInt(s, Key::OutgoingPort, OutgoingServer::defaultPort(out.security));
    out.authentication =
        outgoingAuthenticationFromName(s.value(Key::OutgoingAuthentication).toString())
            .value_or(defaults.outgoing.authentication);
    out.username = s.value(Key::OutgoingUsername).toString();
    // Anything but an explicit "false" keeps the default: one password for both servers.
    out.samePassword = s.value(Key::OutgoingSameCredential).toString() != u"false";
    out.pinnedCertificateSha256 =
        AccountSettings::fingerprintFromText(s.value(Key::OutgoingPinnedCertificate).toString());
    s.endGroup();
    return a;
}

void writeAccount(QSettings &s, const AccountSettings &a)
{
    s.beginGroup(a.id);
    s.remove(QString()); // drop keys this version no longer writes
    s.setValue(Key::DisplayName, a.displayName);
    s.setValue(Key::SenderName, a.senderName);
    s.setValue(Key::Signature, a.signature);
    s.setValue(Key::SignatureAboveQuote, a.signatureAboveQuote);
    s.setValue(Key::Email, a.emailAddress);
    s.setValue(Key::Host, a.host);
    s.setValue(Key::Port, a.port);
    s.setValue(Key::Security, toName(a.security));
    s.setValue(Key::Authentication, toName(a.authentication));
    s.setValue(Key::Username, a.username);
    s.setValue(Key::LeavePolicy, toName(a.leavePolicy));
    s.setValue(Key::DeleteAfterDays, a.deleteAfterDays);
    s.setValue(Key::HeadersOnlyLimit, a.headersOnlyLimitKiB);
    s.setValue(Key::CheckInterval, a.checkIntervalMinutes);
    s.setValue(Key::PinnedCertificate,
               AccountSettings::fingerprintToText(a.pinnedCertificateSha256));
    s.setValue(Key::OutgoingHost, a.outgoing.host);
    s.setValue(Key::OutgoingPort, a.outgoing.port);
    s.setValue(Key::OutgoingSecurity, toName(a.outgoing.security));
    s.setValue(Key::OutgoingAuthentication, toName(a.outgoing.authentication));
    s.setValue(Key::OutgoingUsername, a.outgoing.username);
    s.setValue(Key::OutgoingSameCredential, a.outgoing.samePassword);
    s.setValue(Key::OutgoingPinnedCertificate,
               AccountSettings::fingerprintToText(a.outgoing.pinnedCertificateSha256));
    s.endGroup();
}

bool isValidId(const QString &id)
{
    // Ids become INI group names: keep them to characters QSettings stores verbatim.
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (const QChar c : id) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-')
            return false;
    }
    return true;
}

} // namespace

AccountRepository::AccountRepository(const QString &settingsPath, QObject *parent)
    : QObject(parent)
    , m_path(settingsPath)
{
    reload();
    if (const Result r = migrate(); !r)
        qCWarning(lcAccounts) << "Account settings not migrated:" << r.message;
}

AccountRepository::~AccountRepository() = default;

AccountRepository::Result AccountRepository::failure(Error error, const QString &message) const
{
    return Result{error, message};
}

void AccountRepository::reload()
{
    QSettings s(m_path, QSettings::IniFormat);
    m_readError.clear();
    if (s.status() != QSettings::NoError) {
        m_readError =
            QCoreApplication::translate("Poplar::Accounts::AccountRepository",
                                        "The settings file %1 cannot be read cleanly, so Poplar "
                                        "leaves it as it is and does not change accounts.")
                .arg(m_path);
        qCWarning(lcAccounts) << "Account settings file unreadable:" << s.status();
    }
    s.beginGroup(Group);
    m_fileVersion = readInt(s, VersionKey, 0);
    QStringList order = s.value(OrderKey).toStringList();
    // Accounts present as groups but missing from the order (hand edits) still load, last.
    const QStringList groups = s.childGroups();
    for (const QString &g : groups) {
        if (!order.contains(g))
            order << g;
    }
    m_accounts.clear();
    for (const QString &id : std::as_const(order)) {
        if (!isValidId(id) || !groups.contains(id))
            continue;
        m_accounts << readAccount(s, id);
    }
    s.endGroup();
    emit changed();
}

QString AccountRepository::errorString() const
{
    if (!m_readError.isEmpty())
        return m_readError;
    if (m_fileVersion > CurrentVersion) {
        return QCoreApplication::translate(
                   "Poplar::Accounts::AccountRepository",
                   "The account settings were written by a newer version of Poplar "
                   "(settings version %1); they can be used but not changed.")
            .arg(m_fileVersion);
    }
    return {};
}

AccountRepository::Result AccountRepository::migrate()
{
    if (isReadOnly())
        return failure(Error::ReadOnly, errorString());
    if (m_fileVersion == CurrentVersion)
        return {};
    // Step by step, one block per version. Version 0 is a file without a version key (new, or
    // written before settings were versioned); its keys already follow the version 1 layout,
    // so rewriting them normalises values (e.g. a fingerprint in lower case) and stamps it.
    if (m_fileVersion < 1) {
        const int previous = m_fileVersion;
        m_fileVersion = 1;
        if (!QFile::exists(m_path))
            return {}; // nothing to migrate; the first write stamps the version
        if (const Result r = writeAll(); !r) {
            m_fileVersion = previous;
            return r;
        }
        qCInfo(lcAccounts) << "Account settings migrated from version" << previous << "to 1";
    }
    return {};
}

std::optional<AccountSettings> AccountRepository::findById(const QString &id) const
{
    for (const AccountSettings &a : m_accounts) {
        if (a.id == id)
            return a;
    }
    return std::nullopt;
}

std::optional<AccountSettings> AccountRepository::findByName(const QString &name) const
{
    for (const AccountSettings &a : m_accounts) {
        if (a.name().compare(name, Qt::CaseInsensitive) == 0)
            return a;
    }
    return std::nullopt;
}

AccountRepository::Result AccountRepository::add(const AccountSettings &account)
{
    if (isReadOnly())
        return migrate();
    if (!isValidId(account.id))
        return failure(Error::Invalid,
                       QCoreApplication::translate("Poplar::Accounts::AccountRepository",
                                                   "The account has no valid identifier."));
    if (const QStringList problems = account.validate(); !problems.isEmpty())
        return failure(Error::Invalid, problems.join(u'\n'));
    if (findById(account.id))
        return failure(Error::DuplicateId, QCoreApplication::translate(
                                               "Poplar::Accounts::AccountRepository",
                                               "An account with this identifier already exists."));
    m_accounts << account;
    if (const Result r = writeAll(); !r) {
        m_accounts.removeLast();
        return r;
    }
    emit accountAdded(account.id);
    emit changed();
    return {};
}

AccountRepository::Result AccountRepository::update(const AccountSettings &account)
{
    if (isReadOnly())
        return migrate();
    if (const QStringList problems = account.validate(); !problems.isEmpty())
        return failure(Error::Invalid, problems.join(u'\n'));
    for (AccountSettings &a : m_accounts) {
        if (a.id != account.id)
            continue;
        const AccountSettings before = a;
        a = account;
        if (const Result r = writeAll(); !r) {
            a = before;
            return r;
        }
        emit accountUpdated(account.id);
        emit changed();
        return {};
    }
    return failure(Error::NotFound,
                   QCoreApplication::translate("Poplar::Accounts::AccountRepository",
                                               "There is no such account."));
}

AccountRepository::Result AccountRepository::remove(const QString &id)
{
    if (isReadOnly())
        return migrate();
    for (qsizetype i = 0; i < m_accounts.size(); ++i) {
        if (m_accounts.at(i).id != id)
            continue;
        const AccountSettings removed = m_accounts.takeAt(i);
        if (const Result r = writeAll(); !r) {
            m_accounts.insert(i, removed);
            return r;
        }
        emit accountRemoved(id);
        emit changed();
        return {};
    }
    return failure(Error::NotFound,
                   QCoreApplication::translate("Poplar::Accounts::AccountRepository",
                                               "There is no such account."));
}

AccountRepository::Result AccountRepository::writeAll()
{
    QSettings s(m_path, QSettings::IniFormat);
    s.beginGroup(Group);
    s.remove(QString());
    s.setValue(VersionKey, m_fileVersion < 1 ? CurrentVersion : m_fileVersion);
    QStringList order;
    for (const AccountSettings &a : std::as_const(m_accounts)) {
        order << a.id;
        writeAccount(s, a);
    }
    s.setValue(OrderKey, order);
    s.endGroup();
    s.sync();
    if (s.status() != QSettings::NoError) {
        return failure(Error::WriteFailed,
                       QCoreApplication::translate("Poplar::Accounts::AccountRepository",
                                                   "Could not save the account settings to %1.")
                           .arg(m_path));
    }
    m_fileVersion = CurrentVersion;
    return {};
}

} // namespace Poplar::Accounts
