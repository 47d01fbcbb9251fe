#include "accounts/AccountSettings.h"

#include <QCoreApplication>
#include <QUuid>

#include <array>
#include <utility>

namespace Poplar::Accounts {

namespace {

constexpr std::pair<Security, QStringView> SecurityNames[] = {
    {Security::Tls, u"tls"},
    {Security::StartTls, u"starttls"},
    {Security::None, u"none"},
};

constexpr std::pair<Authentication, QStringView> AuthenticationNames[] = {
    {Authentication::Auto, u"auto"},   {Authentication::Plain, u"plain"},
    {Authentication::Login, u"login"}, {Authentication::CramMd5, u"cram-md5"},
    {Authentication::Apop, u"apop"},   {Authentication::User, u"user"},
};

constexpr std::pair<LeavePolicy, QStringView> LeavePolicyNames[] = {
    {LeavePolicy::Keep, u"keep"},
    {LeavePolicy::DeleteAfterDays, u"delete-after-days"},
    {LeavePolicy::DeleteWhenTrashed, u"delete-when-trashed"},
    {LeavePolicy::DeleteAfterDownload, u"delete-after-download"},
};

constexpr std::pair<OutgoingAuthentication, QStringView> OutgoingAuthenticationNames[] = {
    {OutgoingAuthentication::Auto, u"auto"},   {OutgoingAuthentication::Plain, u"plain"},
    {OutgoingAuthentication::Login, u"login"}, {OutgoingAuthentication::CramMd5, u"cram-md5"},
    {OutgoingAuthentication::None, u"none"},
};

Net::Security toNet(Security security)
{
    switch (security) {
    case Security::Tls:
        return Net::Security::Tls;
    case Security::StartTls:
        return Net::Security::StartTls;
    case Security::None:
        return Net::Security::None;
    }
    return Net::Security::Tls;
}

template<typename Enum, std::size_t N>
QString nameOf(const std::pair<Enum, QStringView> (&table)[N], Enum value)
{
    for (const auto &[e, name] : table) {
        if (e == value)
            return name.toString();
    }
    return {};
}

template<typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::pair<Enum, QStringView> (&table)[N], const QString &text)
{
    const QString key = text.trimmed().toLower();
    for (const auto &[e, name] : table) {
        if (name == key)
            return e;
    }
    return std::nullopt;
}

} // namespace

Pop3::Settings AccountSettings::serverSettings(const QString &password) const
{
    Pop3::Settings server;
    server.host = host;
    server.port = quint16(port);
    switch (security) {
    case Security::Tls:
        server.security = Pop3::Settings::Security::Tls;
        break;
    case Security::StartTls:
        server.security = Pop3::Settings::Security::StartTls;
        break;
    case Security::None:
        server.security = Pop3::Settings::Security::None;
        break;
    }
    switch (authentication) {
    case Authentication::Auto:
        server.auth = Pop3::Settings::Auth::Auto;
        break;
    case Authentication::Plain:
        server.auth = Pop3::Settings::Auth::Plain;
        break;
    case Authentication::Login:
        server.auth = Pop3::Settings::Auth::Login;
        break;
    case Authentication::CramMd5:
        server.auth = Pop3::Settings::Auth::CramMd5;
        break;
    case Authentication::Apop:
        server.auth = Pop3::Settings::Auth::Apop;
        break;
    case Authentication::User:
        server.auth = Pop3::Settings::Auth::User;
        break;
    }
    server.username = username;
    server.password = password;
    server.pinnedSha256 = pinnedCertificateSha256.toHex();
    return server;
}

Smtp::Settings AccountSettings::outgoingSettings(const QString &password) const
{
    Smtp::Settings server;
    server.host = outgoing.host;
    server.port = quint16(outgoing.port);
    server.security = toNet(outgoing.security);
    switch (outgoing.authentication) {
    case OutgoingAuthentication::Auto:
        server.auth = Smtp::Settings::Auth::Auto;
        break;
    case OutgoingAuthentication::Plain:
        server.auth = Smtp::Settings::Auth::Plain;
        break;
    case OutgoingAuthentication::Login:
        server.auth = Smtp::Settings::Auth::Login;
        break;
    case OutgoingAuthentication::CramMd5:
        server.auth = Smtp::Settings::Auth::CramMd5;
        break;
    case OutgoingAuthentication::None:
        server.auth = Smtp::Settings::Auth::None;
        break;
    }
    server.username = outgoing.username.isEmpty() ? username : outgoing.username;
    server.password = password;
    server.pinnedSha256 = outgoing.pinnedCertificateSha256.toHex();
    return server;
}

QString AccountSettings::outgoingCredentialId(const QString &accountId)
{
    return accountId + QStringLiteral("/smtp");
}

QString toName(Security security)
{
    return nameOf(SecurityNames, security);
}
QString toName(Authentication authentication)
{
    return nameOf(AuthenticationNames, authentication);
}
QString toName(LeavePolicy policy)
{
    return nameOf(LeavePolicyNames, policy);
}
QString toName(OutgoingAuthentication authentication)
{
    return nameOf(OutgoingAuthenticationNames, authentication);
}
std::optional<OutgoingAuthentication> outgoingAuthenticationFromName(const QString &text)
{
    return valueOf(OutgoingAuthenticationNames, text);
}
std::optional<Security> securityFromName(const QString &text)
{
    return valueOf(SecurityNames, text);
}
std::optional<Authentication> authenticationFromName(const QString &text)
{
    return valueOf(AuthenticationNames, text);
}
std::optional<LeavePolicy> leavePolicyFromName(const QString &text)
{
    return valueOf(LeavePolicyNames, text);
}

AccountSettings AccountSettings::create()
{
    AccountSettings settings;
    settings.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return settings;
}

int AccountSettings::defaultPort(Security security)
{
    return security == Security::Tls ? DefaultTlsPort : DefaultPlainPort;
}

QString AccountSettings::name() const
{
    const QString trimmed = displayName.trimmed();
    return trimmed.isEmpty() ? emailAddress : trimmed;
}

bool AccountSettings::isPlausibleEmailAddress(const QString &address)
{
    const qsizetype at = address.lastIndexOf(u'@');
    if (at <= 0 || at == address.size() - 1)
        return false;
    for (const QChar c : address) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return false;
    }
    return isPlausibleHostName(address.mid(at + 1)) && address.mid(at + 1).contains(u'.');
}

bool AccountSettings::isPlausibleHostName(const QString &host)
{
    if (host.isEmpty() || host.size() > 253 || host.startsWith(u'.') || host.startsWith(u'-'))
        return false;
    for (const QChar c : host) {
        // Letters of any script (internationalized names), digits, dots, hyphens; colons and
        // brackets for IPv6 literals.
        if (!(c.isLetterOrNumber() || c == u'.' || c == u'-' || c == u':' || c == u'[' ||
              c == u']' || c == u'_'))
            return false;
    }
    return !host.contains(QLatin1StringView(".."));
}

QString AccountSettings::fingerprintToText(const QByteArray &sha256)
{
    return QString::fromLatin1(sha256.toHex(':').toUpper());
}

QByteArray AccountSettings::fingerprintFromText(const QString &text)
{
    QString hex = text;
    hex.remove(u':').remove(u' ');
    for (const QChar c : hex) {
        if (!((c >= u'0' && c <= u'9') || (c.toLower() >= u'a' && c.toLower() <= u'f')))
            return {};
    }
    const QByteArray raw = QByteArray::fromHex(hex.toLatin1());
    return raw.size() == 32 ? raw : QByteArray();
}

QStringList AccountSettings::validate() const
{
    QStringList problems;
    if (id.trimmed().isEmpty())
        problems << QCoreApplication::translate("Poplar::Accounts::AccountSettings",
                                                "The account has no identifier.");
    if (emailAddress.trimmed().isEmpty())
        problems << QCoreApplication::translate("Poplar::Accounts::AccountSettings",
                                                "Enter an email address.");
    else if (!isPlausibleEmailAddress(emailAddress.trimmed()))
        problems << QCoreApplication::translate(
                        "Poplar::Accounts::AccountSettings",
                        "“%1” does not look like an email address (name@example.com).")
                        .arg(emailAddress);
    if (host.trimmed().isEmpty())
        problems << QCoreApplication::translate("Poplar::Accounts::AccountSettings",
                                                "Enter the incoming (POP3) server name.");
    else if (!isPlausibleHostName(host.trimmed()))
        problems << QCoreApplication::translate("Poplar::Accounts::AccountSettings",
                                                "“%1” is not a valid server name.")
                        .arg(host);
    if (port < 1 || port > 65535)
        problems << QCoreApplication::translate(
                        "Poplar::Accounts::AccountSettings",
                        "The port must be a number from 1 to 65535 (not %1).")
                        .arg(port);
    if (username.isEmpty())
        problems << QCoreApplication::translate("Poplar::Accounts::AccountSettings",
                                                "Enter the user name for the server.");
    if (leavePolicy == LeavePolicy::DeleteAfterDays &&
        (deleteAfterDays < 1 || deleteAfterDays > MaxDeleteAfterDays))
        problems << QCoreApplication::translate(
                        "Poplar::Accounts::AccountSettings",
                        "Messages can be kept on the server for 1 to %1 days (not %2).")
                        .arg(MaxDeleteAfterDays)
                        .arg(deleteAfterDays);
    if (headersOnlyLimitKiB < 0)
        problems << QCoreApplication::translate(
            "Poplar::Accounts::AccountSettings",
            "The size limit for downloading headers only cannot be negative.");
    if (checkIntervalMinutes < 0 || checkIntervalMinutes > MaxCheckIntervalMinutes)
        problems << QCoreApplication::translate(
                        "Poplar::Accounts::AccountSettings",
                        "Check for mail every 1 to %1 minutes, or 0 for only when asked (not %2).")
                        .arg(MaxCheckIntervalMinutes)
                        .arg(checkIntervalMinutes);
    if (!pinnedCertificateSha256.isEmpty() && pinnedCertificateSha256.size() != 32)
        problems << QCoreApplication::translate(
            "Poplar::Accounts::AccountSettings",
            "The pinned certificate fingerprint is not a SHA-256 fingerprint.");
    if (outgoing.isConfigured()) {
        if (!isPlausibleHostName(outgoing.host.trimmed()))
            problems << QCoreApplication::translate("Poplar::Accounts::AccountSettings",
                                                    "“%1” is not a valid outgoing server name.")
                            .arg(outgoing.host);
        if (outgoing.port < 1 || outgoing.port > 65535)
            problems << QCoreApplication::translate(
                            "Poplar::Accounts::AccountSettings",
                            "The outgoing server port must be a number from 1 to 65535 (not %1).")
                            .arg(outgoing.port);
        if (!outgoing.pinnedCertificateSha256.isEmpty() &&
            outgoing.pinnedCertificateSha256.size() != 32)
            problems << QCoreApplication::translate(
                "Poplar::Accounts::AccountSettings",
                "The pinned certificate fingerprint of the outgoing server is not a SHA-256 "
                "fingerprint.");
    }
    return problems;
}

} // namespace Poplar::Accounts
