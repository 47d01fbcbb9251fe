#include "accounts/ProviderTable.h"

#include "Logging.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Poplar::Accounts {

namespace {

QString normalizedDomain(QString domain)
{
    domain = domain.trimmed().toLower();
    while (domain.endsWith(u'.'))
        domain.chop(1);
    return domain;
}

bool isUnderDomain(const QString &host, const QString &domain)
{
    return host == domain || host.endsWith(u'.' + domain);
}

QStringList stringList(const QJsonValue &value)
{
    QStringList out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array) {
        const QString s = normalizedDomain(v.toString());
        if (!s.isEmpty())
            out << s;
    }
    return out;
}

} // namespace

QString ProviderTable::noteText(const QString &code)
{
    if (code == u"app-password")
        return QCoreApplication::translate(
            "Poplar::Accounts::ProviderTable",
            "This provider requires an app-specific authorization code instead of "
            "your web password. Create one in the provider's web settings and enter "
            "it as the password.");
    if (code == u"app-password-2fa")
        return QCoreApplication::translate(
            "Poplar::Accounts::ProviderTable",
            "This provider does not accept your web password here: turn on two-step "
            "verification, create an app password in your account's security "
            "settings and enter that instead.");
    if (code == u"app-password-if-secure-login")
        return QCoreApplication::translate(
            "Poplar::Accounts::ProviderTable",
            "If secure login is turned on for your mailbox, use the client-specific "
            "password from the web settings instead of your web password.");
    if (code == u"same-code-for-smtp")
        return QCoreApplication::translate(
            "Poplar::Accounts::ProviderTable",
            "The same authorization code also serves for sending mail (SMTP): the "
            "outgoing server takes the same password.");
    if (code == u"enable-pop3")
        return QCoreApplication::translate(
            "Poplar::Accounts::ProviderTable",
            "POP3 access may be turned off: turn it on in the provider's web "
            "settings first.");
    if (code == u"admin-enables-pop3")
        return QCoreApplication::translate(
            "Poplar::Accounts::ProviderTable",
            "POP3 must be allowed for your mailbox by your organization's "
            "administrator.");
    if (code == u"oauth-preferred")
        return QCoreApplication::translate(
            "Poplar::Accounts::ProviderTable",
            "This provider is phasing out password sign-in for POP3; if your "
            "password is refused even though it is right, the provider no longer "
            "allows it for your account.");
    if (code == u"no-pop3")
        return QCoreApplication::translate(
            "Poplar::Accounts::ProviderTable",
            "This provider does not offer POP3, so Poplar cannot fetch mail from "
            "it.");
    return {};
}

QStringList ProviderTable::Provider::notes() const
{
    QStringList out;
    for (const QString &code : noteCodes) {
        const QString text = noteText(code);
        if (!text.isEmpty())
            out << text;
    }
    return out;
}

namespace {

QString usernameFor(const QString &emailAddress, UsernameForm form)
{
    const QString address = emailAddress.trimmed();
    return form == UsernameForm::LocalPart ? address.left(address.lastIndexOf(u'@')) : address;
}

} // namespace

QList<ServerCandidate> ProviderTable::Provider::candidatesFor(const QString &emailAddress,
                                                              AutoconfigSource source) const
{
    const QString username = usernameFor(emailAddress, usernameForm);
    QList<ServerCandidate> out;
    for (const Server &server : servers) {
        ServerCandidate c;
        c.host = server.host;
        c.port = server.port;
        c.security = server.security;
        c.username = username;
        c.source = source;
        c.providerName = name;
        c.notes = notes();
        out << c;
    }
    return out;
}

QList<OutgoingCandidate>
ProviderTable::Provider::outgoingCandidatesFor(const QString &emailAddress,
                                               AutoconfigSource source) const
{
    const QString username = usernameFor(emailAddress, usernameForm);
    QList<OutgoingCandidate> out;
    for (const Server &server : smtpServers) {
        OutgoingCandidate c;
        c.host = server.host;
        c.port = server.port;
        c.security = server.security;
        c.username = username;
        c.source = source;
        c.providerName = name;
        c.notes = notes();
        out << c;
    }
    return out;
}

const ProviderTable &ProviderTable::builtIn()
{
    static const ProviderTable table = [] {
        QFile file(QStringLiteral(":/poplar/accounts/providers.json"));
        if (!file.open(QIODevice::ReadOnly)) {
            qCWarning(lcAccounts) << "The built-in provider table is missing";
            return ProviderTable();
        }
        QString error;
        ProviderTable t = fromJson(file.readAll(), &error);
        if (!error.isEmpty())
            qCWarning(lcAccounts) << "The built-in provider table is damaged:" << error;
        return t;
    }();
    return table;
}

ProviderTable ProviderTable::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull() || !doc.isObject()) {
        if (error)
            *error = parseError.errorString();
        return {};
    }
    ProviderTable table;
    const QJsonArray providers = doc.object().value(u"providers").toArray();
    for (const QJsonValue &value : providers) {
        const QJsonObject o = value.toObject();
        Provider p;
        p.id = o.value(u"id").toString();
        p.name = o.value(u"name").toString();
        p.domains = stringList(o.value(u"domains"));
        p.mxDomains = stringList(o.value(u"mx"));
        p.usernameForm = o.value(u"username").toString() == u"localPart"
                             ? UsernameForm::LocalPart
                             : UsernameForm::EmailAddress;
        const QJsonArray notes = o.value(u"notes").toArray();
        for (const QJsonValue &n : notes)
            p.noteCodes << n.toString();
        bool broken = p.id.isEmpty() || p.name.isEmpty();
        // The table never offers an unencrypted connection, for either direction.
        const auto readServers = [&broken](const QJsonValue &list) {
            QList<Server> out;
            const QJsonArray array = list.toArray();
            for (const QJsonValue &s : array) {
                const QJsonObject so = s.toObject();
                Server server;
                server.host = normalizedDomain(so.value(u"host").toString());
                server.port = so.value(u"port").toInt(0);
                const std::optional<Security> security =
                    securityFromName(so.value(u"security").toString());
                if (server.host.isEmpty() || server.port < 1 || server.port > 65535 || !security ||
                    *security == Security::None) {
                    broken = true;
                    continue;
                }
                server.security = *security;
                out << server;
            }
            return out;
        };
        p.servers = readServers(o.value(u"pop3"));
        p.smtpServers = readServers(o.value(u"smtp"));
        if (broken) {
            if (error)
                *error = QStringLiteral("provider entry \"%1\" is incomplete").arg(p.id);
            continue;
        }
        table.m_providers << p;
    }
    return table;
}

std::optional<ProviderTable::Provider> ProviderTable::findByDomain(const QString &domain) const
{
    const QString d = normalizedDomain(domain);
    if (d.isEmpty())
        return std::nullopt;
    for (const Provider &p : m_providers) {
        if (p.domains.contains(d))
            return p;
    }
    return std::nullopt;
}

std::optional<ProviderTable::Provider>
ProviderTable::findByEmailAddress(const QString &address) const
{
    const qsizetype at = address.lastIndexOf(u'@');
    if (at < 0)
        return std::nullopt;
    return findByDomain(address.mid(at + 1));
}

std::optional<ProviderTable::Provider> ProviderTable::findByMxHost(const QString &mxHost) const
{
    const QString host = normalizedDomain(mxHost);
    if (host.isEmpty())
        return std::nullopt;
    // The most specific match wins: "x.mail.protection.outlook.com" is Microsoft 365 whichever
    // entry lists "outlook.com" as well.
    std::optional<Provider> best;
    qsizetype bestLength = 0;
    for (const Provider &p : m_providers) {
        for (const QString &mx : p.mxDomains) {
            if (isUnderDomain(host, mx) && mx.size() > bestLength) {
                best = p;
                bestLength = mx.size();
            }
        }
    }
    return best;
}

} // namespace Poplar::Accounts
